// jose in an edge route: the JWT/JWE operations auth libraries perform,
// driven by ?op=... so each is tested end to end over HTTP.
import * as jose from 'jose';

export const config = { runtime: 'edge' };

const secret = new TextEncoder().encode('an edge route secret that is long enough');

async function roundTrip(alg: string, crv?: string) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { crv, extractable: true });
  const jwt = await new jose.SignJWT({ sub: 'ada', role: 'admin' })
    .setProtectedHeader({ alg })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
  const { payload, protectedHeader } = await jose.jwtVerify(jwt, publicKey);
  return { alg: protectedHeader.alg, sub: payload.sub, role: payload.role };
}

export default async function handler(req: Request) {
  const url = new URL(req.url);
  const op = url.searchParams.get('op');
  switch (op) {
    case 'hs256': {
      const jwt = await new jose.SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
      const { payload } = await jose.jwtVerify(jwt, secret);
      return Response.json({ sub: payload.sub, parts: jwt.split('.').length });
    }
    case 'verify': {
      // Verify a token the test signed in Go.
      try {
        const { payload } = await jose.jwtVerify(url.searchParams.get('token')!, secret);
        return Response.json({ ok: true, sub: payload.sub });
      } catch (e) {
        return Response.json({ ok: false, code: (e as any).code }, { status: 401 });
      }
    }
    case 'rs256':
      return Response.json(await roundTrip('RS256'));
    case 'es256':
      return Response.json(await roundTrip('ES256'));
    case 'eddsa':
      return Response.json(await roundTrip('EdDSA', 'Ed25519'));
    case 'jwks': {
      const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
      const jwks = jose.createLocalJWKSet({ keys: [jwk] });
      const jwt = await new jose.SignJWT({ sub: 'jwks' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
      const { payload } = await jose.jwtVerify(jwt, jwks);
      return Response.json({ sub: payload.sub, kty: jwk.kty, crv: jwk.crv });
    }
    case 'jwe': {
      const key = await jose.generateSecret('A256GCM');
      const jwe = await new jose.CompactEncrypt(new TextEncoder().encode('hello, edge'))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .encrypt(key);
      const { plaintext, protectedHeader } = await jose.compactDecrypt(jwe, key);
      return Response.json({ plaintext: new TextDecoder().decode(plaintext), enc: protectedHeader.enc, parts: jwe.split('.').length });
    }
  }
  return new Response('unknown op', { status: 400 });
}
