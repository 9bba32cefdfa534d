import type { NextApiRequest, NextApiResponse } from 'next';

// The benchmark's JSON POST echo (the Node twin of testdata/edgeapi's).
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { id, name, tags } = req.body;
  res.status(200).json({ id, name: String(name).toUpperCase(), tags: tags.length });
}
