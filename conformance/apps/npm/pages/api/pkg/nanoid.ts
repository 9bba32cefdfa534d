import { nanoid, customAlphabet } from 'nanoid';
import type { NextApiRequest, NextApiResponse } from 'next';

const hex = customAlphabet('0123456789abcdef', 12);

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = nanoid();
  res.json({ id, size: id.length, urlSafe: /^[A-Za-z0-9_-]+$/.test(id), hex: hex(), distinct: id !== nanoid() });
}
