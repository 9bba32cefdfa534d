// pages/api/posts/index.ts
import type { NextApiRequest, NextApiResponse } from 'next';
import { db } from '../../../../lib/db';

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse
) {
  try {
    if (req.method === 'GET') {
      // List all posts
      const posts = await db.post.findMany({
        orderBy: { createdAt: 'desc' },
      });
      return res.status(200).json(posts);
    }

    if (req.method === 'POST') {
      // Create a new post
      const { title, content, authorId } = req.body;

      if (!title || !content) {
        return res.status(400).json({ error: 'Missing required fields' });
      }

      const post = await db.post.create({
        data: {
          title,
          content,
          authorId,
        },
      });

      return res.status(201).json(post);
    }

    return res.status(405).json({ error: 'Method not allowed' });
  } catch (error) {
    console.error('API Error:', error);
    return res.status(500).json({ error: 'Internal server error' });
  }
}
