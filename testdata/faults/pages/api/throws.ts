import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader('X-Before', 'kept');
  throw new Error('boom from handler');
}
