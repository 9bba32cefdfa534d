import type { NextApiRequest, NextApiResponse } from 'next';

// /api/search?q=nextjs&page=1
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { q, page = '1' } = req.query;

  res.status(200).json({
    query: q,
    page: parseInt(page as string),
  });
}
