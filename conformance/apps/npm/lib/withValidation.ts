// lib/withValidation.ts
import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';

export function withValidation(
  schema: z.ZodSchema,
  handler: NextApiHandler
): NextApiHandler {
  return async (req: NextApiRequest, res: NextApiResponse) => {
    try {
      req.body = schema.parse(req.body);
      return handler(req, res);
    } catch (error) {
      if (error instanceof z.ZodError) {
        return res.status(400).json({
          error: 'Validation error',
          issues: error.issues,
        });
      }
      return res.status(500).json({ error: 'Internal server error' });
    }
  };
}
