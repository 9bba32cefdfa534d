import { z } from 'zod';
import type { NextApiRequest, NextApiResponse } from 'next';
import { createPost } from '../../../lib/data';

const createPostSchema = z.object({
  title: z.string().min(1).max(100),
  content: z.string().min(1),
  tags: z.array(z.string()).optional(),
  published: z.boolean().default(false),
});

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse
) {
  if (req.method !== 'POST') {
    return res.status(405).json({ error: 'Method not allowed' });
  }

  try {
    const data = createPostSchema.parse(req.body);

    const post = await createPost(data);

    return res.status(201).json(post);
  } catch (error) {
    if (error instanceof z.ZodError) {
      return res.status(400).json({
        error: 'Validation error',
        issues: error.issues,
      });
    }

    return res.status(500).json({ error: 'Internal server error' });
  }
}
