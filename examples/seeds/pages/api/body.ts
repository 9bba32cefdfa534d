import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    return res.status(405).json({ error: 'Method not allowed' });
  }

  const { title, content, tags } = req.body;

  // Body is automatically parsed as JSON
  res.status(201).json({
    title,
    content,
    tags,
  });
}
