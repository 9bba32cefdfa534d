import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(201).json({ created: true }); // Created
  // res.status(204).end(); // No Content
  // res.status(400).json({ error: 'Bad Request' });
  // res.status(401).json({ error: 'Unauthorized' });
  // res.status(404).json({ error: 'Not Found' });
  // res.status(500).json({ error: 'Internal Server Error' });
}
