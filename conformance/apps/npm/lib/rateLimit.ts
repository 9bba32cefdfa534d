// lib/rateLimit.ts
import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next';

const rateLimit = new Map<string, { count: number; resetTime: number }>();

export function withRateLimit(
  handler: NextApiHandler,
  options = { maxRequests: 10, windowMs: 60000 }
): NextApiHandler {
  return async (req: NextApiRequest, res: NextApiResponse) => {
    const ip = req.headers['x-forwarded-for'] || req.socket.remoteAddress;
    const key = `${ip}`;
    const now = Date.now();

    const record = rateLimit.get(key);

    if (!record || now > record.resetTime) {
      rateLimit.set(key, {
        count: 1,
        resetTime: now + options.windowMs,
      });
      return handler(req, res);
    }

    if (record.count >= options.maxRequests) {
      return res.status(429).json({
        error: 'Too many requests',
        retryAfter: Math.ceil((record.resetTime - now) / 1000),
      });
    }

    record.count++;
    return handler(req, res);
  };
}
