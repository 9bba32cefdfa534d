// pages/api/posts/[id].ts
import type { NextApiRequest, NextApiResponse } from 'next';
import { db } from '../../../../lib/db';

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse
) {
  const { id } = req.query;

  try {
    if (req.method === 'GET') {
      // Get a single post
      const post = await db.post.findUnique({
        where: { id: id as string },
        include: { author: true },
      });

      if (!post) {
        return res.status(404).json({ error: 'Post not found' });
      }

      return res.status(200).json(post);
    }

    if (req.method === 'PUT') {
      // Update a post
      const { title, content } = req.body;

      const post = await db.post.update({
        where: { id: id as string },
        data: { title, content },
      });

      return res.status(200).json(post);
    }

    if (req.method === 'DELETE') {
      // Delete a post
      await db.post.delete({
        where: { id: id as string },
      });

      return res.status(204).end();
    }

    return res.status(405).json({ error: 'Method not allowed' });
  } catch (error) {
    console.error('API Error:', error);
    return res.status(500).json({ error: 'Internal server error' });
  }
}
