import type { NextApiRequest, NextApiResponse } from 'next';

// Echoes what the resolver gave the handler.
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ method: req.method, url: req.url, query: req.query, bodyType: typeof req.body, body: req.body });
}
