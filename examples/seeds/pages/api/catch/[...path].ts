import type { NextApiRequest, NextApiResponse } from 'next';

// pages/api/[...path].ts → /api/*
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { path } = req.query;

  // path is an array: /api/a/b/c → ['a', 'b', 'c']
  const fullPath = (path as string[]).join('/');

  res.status(200).json({
    path,
    fullPath,
    method: req.method,
  });
}
