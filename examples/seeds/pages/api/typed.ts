import type { NextApiRequest, NextApiResponse } from 'next';

interface Post {
  id: string;
  title: string;
}

type Data = Post | { error: string };

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse<Data>
) {
  // Type-safe response
  res.status(200).json({ id: '1', title: 'Hello' });
}
