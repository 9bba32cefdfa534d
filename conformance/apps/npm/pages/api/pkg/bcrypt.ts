// bcryptjs: hash (cost 4 to keep the test quick) and compare, including a
// hash made by real Node.
import bcrypt from 'bcryptjs';
import type { NextApiRequest, NextApiResponse } from 'next';

const NODE_HASH = '$2a$04$T8b5Qhy7FHyHkntyqzt4sO8qa4vYZYTk5lB3UZfeyUgzGgpifyCze'; // 'correct horse'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { password } = req.body;
  const hash = await bcrypt.hash(password, 4);
  res.json({
    prefix: hash.slice(0, 7),
    length: hash.length,
    matches: await bcrypt.compare(password, hash),
    wrong: bcrypt.compareSync(password + '!', hash),
    nodeHash: bcrypt.compareSync(password, NODE_HASH),
  });
}
