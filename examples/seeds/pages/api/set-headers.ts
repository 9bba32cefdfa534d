import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  // Set single header
  res.setHeader('Content-Type', 'application/json');

  // Set multiple headers
  res.setHeader('Cache-Control', 's-maxage=86400');
  res.setHeader('Access-Control-Allow-Origin', '*');

  res.status(200).json({ success: true });
}
