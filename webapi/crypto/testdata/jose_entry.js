// Exercises the npm package jose (browser build, WebCrypto only) the way
// edge routes use it; jose_e2e_test.go bundles it with esbuild.
import * as jose from 'jose';
globalThis.runJose = async function () {
  const out = [];
  const enc = new TextEncoder();
  // HS256
  const secret = enc.encode('a-string-secret-at-least-256-bits-long');
  const hs = await new jose.SignJWT({ sub: 'u1' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('2h').sign(secret);
  out.push('HS256 ' + (await jose.jwtVerify(hs, secret)).payload.sub);
  // RS256 with PEM round trip
  for (const alg of ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA']) {
    const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true });
    const jwt = await new jose.SignJWT({ a: alg }).setProtectedHeader({ alg }).sign(privateKey);
    const spki = await jose.exportSPKI(publicKey);
    const pkcs8 = await jose.exportPKCS8(privateKey);
    const pub2 = await jose.importSPKI(spki, alg);
    await jose.importPKCS8(pkcs8, alg);
    const jwk = await jose.exportJWK(publicKey);
    const jwks = jose.createLocalJWKSet({ keys: [{ ...jwk, alg, kid: 'k1' }] });
    const r1 = await jose.jwtVerify(jwt, pub2);
    const jwt2 = await new jose.SignJWT({ a: alg }).setProtectedHeader({ alg, kid: 'k1' }).sign(privateKey);
    const r2 = await jose.jwtVerify(jwt2, jwks);
    out.push(alg + ' ' + r1.payload.a + ' ' + r2.payload.a);
  }
  // JWE
  const key256 = crypto.getRandomValues(new Uint8Array(32));
  const jweDir = await new jose.CompactEncrypt(enc.encode('dir payload')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key256);
  out.push('dir ' + new TextDecoder().decode((await jose.compactDecrypt(jweDir, key256)).plaintext));
  const jweKW = await new jose.CompactEncrypt(enc.encode('kw payload')).setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM' }).encrypt(key256);
  out.push('A256KW ' + new TextDecoder().decode((await jose.compactDecrypt(jweKW, key256)).plaintext));
  for (const crv of ['P-256', 'P-384', 'P-521', 'X25519']) {
    const { publicKey, privateKey } = await jose.generateKeyPair('ECDH-ES+A256KW', { crv, extractable: true });
    const jwe = await new jose.EncryptJWT({ crv }).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }).encrypt(publicKey);
    out.push('ECDH-ES ' + (await jose.jwtDecrypt(jwe, privateKey)).payload.crv);
  }
  const { publicKey: rp, privateKey: rk } = await jose.generateKeyPair('RSA-OAEP-256');
  const jweR = await new jose.CompactEncrypt(enc.encode('oaep')).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' }).encrypt(rp);
  out.push('RSA-OAEP-256+A128CBC-HS256 ' + new TextDecoder().decode((await jose.compactDecrypt(jweR, rk)).plaintext));
  const pbes = await new jose.CompactEncrypt(enc.encode('pbes')).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).encrypt(enc.encode('password'));
  out.push('PBES2 ' + new TextDecoder().decode((await jose.compactDecrypt(pbes, enc.encode('password'), { keyManagementAlgorithms: ['PBES2-HS256+A128KW'] })).plaintext));
  // Bad signature
  try { await jose.jwtVerify(hs.slice(0, -2) + 'AA', secret); out.push('BAD accepted'); } catch (e) { out.push('tampered ' + e.code); }
  return out.join('\n');
};
