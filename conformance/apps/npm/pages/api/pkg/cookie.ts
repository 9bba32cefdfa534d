// The cookie package: parse the request's cookies, serialize a new one.
import { parse, serialize } from 'cookie';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const parsed = parse(req.headers.cookie || '');
  res.setHeader('Set-Cookie', [
    serialize('session', 'a b;c', { httpOnly: true, maxAge: 3600, path: '/', sameSite: 'strict', secure: true }),
    serialize('gone', '', { expires: new Date(0) }),
  ]);
  res.json(parsed);
}
