import type { NextApiRequest, NextApiResponse } from 'next';

// pages/api/[[...params]].ts → /api, /api/*, /api/*/*
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { params = [] } = req.query;

  if ((params as string[]).length === 0) {
    return res.status(200).json({ message: 'API Root' });
  }

  res.status(200).json({ params });
}
