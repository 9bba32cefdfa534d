import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  // Read cookies
  const { authToken } = req.cookies;

  if (!authToken) {
    return res.status(401).json({ error: 'Unauthorized' });
  }

  res.status(200).json({ authenticated: true });
}
