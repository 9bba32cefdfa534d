import superjson from 'superjson';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'POST') {
    // Round trip what the client serialised.
    const value = superjson.parse<{ when: Date; tags: Set<string> }>(req.body);
    return res.json({ year: value.when.getUTCFullYear(), tags: [...value.tags].sort(), isDate: value.when instanceof Date });
  }
  const out = superjson.stringify({
    when: new Date(Date.UTC(2024, 0, 15, 10, 30)),
    big: BigInt('12345678901234567890'),
    map: new Map([['a', 1]]),
    set: new Set(['x', 'y']),
    re: /ab+c/gi,
    undef: undefined,
  });
  res.setHeader('Content-Type', 'application/json');
  res.send(out);
}
