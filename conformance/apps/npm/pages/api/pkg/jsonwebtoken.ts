// jsonwebtoken with RS256 (node:crypto createSign/createVerify under it).
import jwt from 'jsonwebtoken';
import type { NextApiRequest, NextApiResponse } from 'next';
import { RSA_PRIVATE_KEY, RSA_PUBLIC_KEY } from '../../../lib/rsaKeys';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'POST') {
    const token = jwt.sign({ sub: req.body.sub }, RSA_PRIVATE_KEY, { algorithm: 'RS256', expiresIn: '1h', keyid: 'k1' });
    return res.json({ token });
  }
  const token = String(req.headers.authorization || '').replace(/^Bearer /, '');
  try {
    const claims = jwt.verify(token, RSA_PUBLIC_KEY, { algorithms: ['RS256'] }) as jwt.JwtPayload;
    return res.json({ sub: claims.sub });
  } catch (e) {
    return res.status(401).json({ name: e.name, message: e.message });
  }
}
