// jose in the Node runtime (its node build, on node:crypto KeyObjects).
import * as jose from 'jose';
import type { NextApiRequest, NextApiResponse } from 'next';
import { RSA_PRIVATE_KEY, RSA_PUBLIC_KEY } from '../../../lib/rsaKeys';

const secret = new TextEncoder().encode('a node route secret that is long enough');

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  switch (req.query.op) {
    case 'hs256': {
      const jwt = await new jose.SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(secret);
      const { payload, protectedHeader } = await jose.jwtVerify(jwt, secret);
      return res.json({ alg: protectedHeader.alg, sub: payload.sub });
    }
    case 'rs256-sign': {
      const key = await jose.importPKCS8(RSA_PRIVATE_KEY, 'RS256');
      const jwt = await new jose.SignJWT({ sub: 'node' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
      return res.send(jwt);
    }
    case 'rs256-verify': {
      const key = await jose.importSPKI(RSA_PUBLIC_KEY, 'RS256');
      try {
        const { payload } = await jose.jwtVerify(String(req.headers.authorization || '').replace(/^Bearer /, ''), key);
        return res.json({ sub: payload.sub });
      } catch (e) {
        return res.status(401).json({ code: e.code });
      }
    }
    case 'jwe': {
      const key = new Uint8Array(32).fill(7);
      const jwe = await new jose.CompactEncrypt(new TextEncoder().encode('secret text'))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .encrypt(key);
      const { plaintext } = await jose.compactDecrypt(jwe, key);
      return res.json({ parts: jwe.split('.').length, plaintext: new TextDecoder().decode(plaintext) });
    }
    default:
      return res.status(400).json({ error: 'unknown op' });
  }
}
