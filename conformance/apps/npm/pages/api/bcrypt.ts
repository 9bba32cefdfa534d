// bcryptjs in a Node route at the usual cost 10 (edgerun serves it from
// Go): hash with a generated or given salt, compare, and the sync forms.
import type { NextApiRequest, NextApiResponse } from 'next';
import bcrypt from 'bcryptjs';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { password, salt } = req.body ?? {};
  try {
    const hash = await bcrypt.hash(password, salt ?? 10);
    res.status(200).json({
      hash,
      rounds: bcrypt.getRounds(hash),
      matches: await bcrypt.compare(password, hash),
      wrong: await bcrypt.compare(password + '!', hash),
      sync: bcrypt.hashSync(password, bcrypt.getSalt(hash)) === hash && bcrypt.compareSync(password, hash),
    });
  } catch (e) {
    res.status(400).json({ error: (e as Error).message });
  }
}
