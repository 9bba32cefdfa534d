// pages/api/users/[userId]/posts/[postId].ts
// → /api/users/:userId/posts/:postId
import type { NextApiRequest, NextApiResponse } from 'next';
import { getUserPost } from '../../../../../lib/posts';

export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse
) {
  const { userId, postId } = req.query;

  const post = await getUserPost(userId as string, postId as string);

  res.status(200).json(post);
}
