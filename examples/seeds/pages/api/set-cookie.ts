import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  // Set cookie
  res.setHeader('Set-Cookie', 'token=abc123; Path=/; HttpOnly; Secure');

  res.status(200).json({ authenticated: true });
}
