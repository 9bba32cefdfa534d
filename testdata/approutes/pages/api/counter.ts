import type { NextApiRequest, NextApiResponse } from 'next';
import { next } from '../../lib/counter';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ from: 'pages', n: next() });
}
