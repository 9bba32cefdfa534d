// pages/api/posts/[id].ts → /api/posts/:id
import type { NextApiRequest, NextApiResponse } from 'next';
import { getPost, updatePost, deletePost } from '../../../lib/posts';

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse
) {
  const { id } = req.query;

  if (req.method === 'GET') {
    const post = await getPost(id as string);

    if (!post) {
      return res.status(404).json({ error: 'Post not found' });
    }

    return res.status(200).json(post);
  }

  if (req.method === 'PUT') {
    const post = await updatePost(id as string, req.body);
    return res.status(200).json(post);
  }

  if (req.method === 'DELETE') {
    await deletePost(id as string);
    return res.status(204).end();
  }

  return res.status(405).json({ error: 'Method not allowed' });
}
