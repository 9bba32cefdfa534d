import { v4, v5, v7, validate, version } from 'uuid';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const a = v4();
  const b = v7();
  res.json({
    v4: validate(a) && version(a) === 4,
    v7: validate(b) && version(b) === 7,
    distinct: a !== v4(),
    // v5 is deterministic (SHA-1 of namespace + name).
    v5: v5('edgerun', v5.URL),
  });
}
