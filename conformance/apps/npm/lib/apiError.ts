// lib/apiError.ts
import type { NextApiResponse } from 'next';
import { z } from 'zod';

export class ApiError extends Error {
  constructor(
    public statusCode: number,
    message: string
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorHandler(
  error: unknown,
  res: NextApiResponse
): NextApiResponse {
  if (error instanceof ApiError) {
    return res.status(error.statusCode).json({ error: error.message });
  }

  if (error instanceof z.ZodError) {
    return res.status(400).json({
      error: 'Validation error',
      issues: error.issues,
    });
  }

  console.error('Unhandled error:', error);

  return res.status(500).json({ error: 'Internal server error' });
}
