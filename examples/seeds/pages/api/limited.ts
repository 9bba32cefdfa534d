import type { NextApiRequest, NextApiResponse } from 'next';
import { withRateLimit } from '../../lib/rateLimit';

async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ ok: true });
}

export default withRateLimit(handler, { maxRequests: 3, windowMs: 60000 });
