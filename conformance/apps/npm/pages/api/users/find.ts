import type { NextApiRequest, NextApiResponse } from 'next';
import { ApiError, errorHandler } from '../../../lib/apiError';
import { findUser } from '../../../lib/data';

// Usage
export default async function handler(
  req: NextApiRequest,
  res: NextApiResponse
) {
  try {
    if (!req.body.email) {
      throw new ApiError(400, 'Email is required');
    }

    const user = await findUser(req.body.email);

    if (!user) {
      throw new ApiError(404, 'User not found');
    }

    return res.status(200).json(user);
  } catch (error) {
    return errorHandler(error, res);
  }
}
