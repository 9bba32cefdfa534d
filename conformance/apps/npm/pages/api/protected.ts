// pages/api/protected.ts
import type { NextApiRequest, NextApiResponse } from 'next';
import { withAuth } from '../../lib/withAuth';

async function handler(req: NextApiRequest, res: NextApiResponse) {
  const user = (req as any).user;
  res.status(200).json({ message: `Hello ${user.name}` });
}

export default withAuth(handler);
