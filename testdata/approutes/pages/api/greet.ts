import type { NextApiRequest, NextApiResponse } from 'next';
import { greet } from '../../lib/greet';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  res.status(200).json(await greet(req.body.name));
}
