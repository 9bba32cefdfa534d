package node

import (
	"os"
	"testing"
)

// cryptoTests check known-answer vectors (RFC/NIST where they exist) and
// interoperability with signatures, ciphertexts and keys produced by
// Node.js 20 (testdata/crypto_vectors.json, variable V).
var cryptoTests = []jsTest{
	{"md5 sha1 sha256", `const c = require('crypto'); return [c.createHash('md5').update('abc').digest('hex'), c.createHash('sha1').update('abc').digest('hex'), c.createHash('sha256').update('a').update(Buffer.from('bc')).digest('base64')].join()`, "900150983cd24fb0d6963f7d28e17f72,a9993e364706816aba3e25717850c26c9cd0d89d,ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="},
	{"sha384 sha512", `const c = require('crypto'); return c.createHash('sha384').update('abc').digest('hex').slice(0, 16) + ' ' + c.createHash('SHA512').update('abc').digest('hex').slice(0, 16)`, "cb00753f45a35e8b ddaf35a193617aba"},
	{"sha3 shake ripemd", `const c = require('crypto'); return [c.createHash('sha3-256').update('abc').digest('hex') === V.sha3, c.createHash('shake256', { outputLength: 10 }).update('x').digest('hex') === V.shake, c.createHash('ripemd160').update('abc').digest('hex') === V.ripemd].join()`, "true,true,true"},
	{"hash encodings", `const c = require('crypto'); return c.createHash('sha256').update('616263', 'hex').digest('base64url')`, "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"},
	{"hash copy", `const c = require('crypto'); const h = c.createHash('sha256').update('a'); const h2 = h.copy(); h2.update('bc'); return h.digest('hex').slice(0, 8) + ' ' + h2.digest('hex').slice(0, 8)`, "ca978112 ba7816bf"},
	{"digest twice", `const h = require('crypto').createHash('sha256'); h.digest(); try { h.digest() } catch (e) { return e.code + ': ' + e.message }`, "ERR_CRYPTO_HASH_FINALIZED: Digest already called"},
	{"unknown digest", `try { require('crypto').createHash('nope') } catch (e) { return e.message }`, "Digest method not supported"},
	{"crypto.hash one-shot", `return require('crypto').hash('sha1', 'abc')`, "a9993e364706816aba3e25717850c26c9cd0d89d"},
	{"hmac rfc4231 case 2", `return require('crypto').createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')`, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
	{"hmac keyobject", `const c = require('crypto'); return c.createHmac('sha256', c.createSecretKey(Buffer.from('k'))).update('d').digest('base64url')`, "5-ohw7y2Ok2jrXhQMWjTa9ygvmIjgupgoQj61OSWZnk"},
	{"randomBytes", `const c = require('crypto'); const a = c.randomBytes(16), b = c.randomBytes(16); return a.length + ' ' + a.equals(b) + ' ' + Buffer.isBuffer(a)`, "16 false true"},
	{"randomUUID", `return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(require('crypto').randomUUID())`, "true"},
	{"randomInt", `const c = require('crypto'); let ok = true; for (let i = 0; i < 200; i++) { const n = c.randomInt(5, 8); if (n < 5 || n >= 8 || !Number.isInteger(n)) ok = false } return ok + ' ' + (c.randomInt(1) === 0)`, "true true"},
	{"randomInt range error", `try { require('crypto').randomInt(10, 5) } catch (e) { return e.message }`, `The value of "max" is out of range. It must be greater than the value of "min" (10). Received 5`},
	{"randomFillSync", `const b = Buffer.alloc(8); require('crypto').randomFillSync(b, 4); return b.readUInt32BE(0) + ' ' + (b.readUInt32BE(4) !== 0 || b.readUInt32BE(4) === 0)`, "0 true"},
	{"timingSafeEqual", `const c = require('crypto'); try { c.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)) } catch (e) { return c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')) + ' ' + c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')) + ' ' + e.code }`, "true false ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"},
	{"pbkdf2Sync", `return require('crypto').pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex') === V.pbkdf2`, "true"},
	{"pbkdf2 rfc6070", `return require('crypto').pbkdf2Sync('password', 'salt', 2, 20, 'sha1').toString('hex')`, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"},
	{"scryptSync", `const c = require('crypto'); return (c.scryptSync('password', 'salt', 32).toString('hex') === V.scrypt) + ' ' + (c.scryptSync('password', 'salt', 16, { N: 1024, r: 8, p: 2 }).toString('hex') === V.scryptN)`, "true true"},
	{"scrypt bad params", `try { require('crypto').scryptSync('p', 's', 16, { N: 3 }) } catch (e) { return e.code }`, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS"},
	{"hkdfSync", `const r = require('crypto').hkdfSync('sha256', 'key', 'salt', 'info', 42); return (r instanceof ArrayBuffer) + ' ' + (Buffer.from(r).toString('hex') === V.hkdf)`, "true true"},
	{"rsa sign matches node", `return require('crypto').createSign('RSA-SHA256').update('hello').sign(V.rsaPriv, 'base64') === V.rsaSig`, "true"},
	{"rsa pkcs1 pem sign", `return require('crypto').sign('sha256', Buffer.from('hello'), V.rsaPrivPKCS1).toString('base64') === V.rsaSig`, "true"},
	{"rsa verify", `const c = require('crypto'); return c.createVerify('sha256').update('hel').update('lo').verify(V.rsaPub, V.rsaSig, 'base64') + ' ' + c.createVerify('sha256').update('x').verify(V.rsaPub, V.rsaSig, 'base64')`, "true false"},
	{"rsa pss verify node sig", `const c = require('crypto'); return c.verify('sha256', Buffer.from('hello'), { key: V.rsaPub, padding: c.constants.RSA_PKCS1_PSS_PADDING, saltLength: c.constants.RSA_PSS_SALTLEN_DIGEST }, Buffer.from(V.rsaPssSig, 'base64'))`, "true"},
	{"rsa pss round trip", `const c = require('crypto'); const o = { padding: c.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }; const s = c.sign('sha512', Buffer.from('m'), { key: V.rsaPriv, ...o }); return c.verify('sha512', Buffer.from('m'), { key: V.rsaPub, ...o }, s)`, "true"},
	{"rsa verify with jwk", `const c = require('crypto'); const pub = c.createPublicKey({ key: V.rsaPubJwk, format: 'jwk' }); return c.verify('sha256', Buffer.from('hello'), pub, Buffer.from(V.rsaSig, 'base64'))`, "true"},
	{"ecdsa verify node der", `return require('crypto').createVerify('SHA256').update('hello').verify(V.ecPub, V.ecSigDer, 'base64')`, "true"},
	{"ecdsa verify node p1363", `return require('crypto').verify('sha256', Buffer.from('hello'), { key: V.ecPub, dsaEncoding: 'ieee-p1363' }, Buffer.from(V.ecSigP1363, 'base64'))`, "true"},
	{"ecdsa es256 round trip", `const c = require('crypto'); const s = c.sign('sha256', Buffer.from('jwt'), { key: V.ecPriv, dsaEncoding: 'ieee-p1363' }); return s.length + ' ' + c.verify('sha256', Buffer.from('jwt'), { key: c.createPublicKey({ key: V.ecPubJwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, s)`, "64 true"},
	{"ed25519 matches node", `const c = require('crypto'); return (c.sign(null, Buffer.from('hello'), V.edPriv).toString('base64') === V.edSig) + ' ' + c.verify(null, Buffer.from('hello'), V.edPub, Buffer.from(V.edSig, 'base64'))`, "true true"},
	{"ed25519 createSign unsupported", `try { require('crypto').createSign('SHA256').sign(V.edPriv) } catch (e) { return e.code }`, "ERR_CRYPTO_UNSUPPORTED_OPERATION"},
	{"key objects", `const c = require('crypto'); const k = c.createPrivateKey(V.rsaPriv); const p = c.createPublicKey(k); return [k.type, k.asymmetricKeyType, k.asymmetricKeyDetails.modulusLength, typeof k.asymmetricKeyDetails.publicExponent, p.type, p.export({ type: 'spki', format: 'pem' }) === V.rsaPub, JSON.stringify(p.export({ format: 'jwk' })) === JSON.stringify(V.rsaPubJwk), k.export({ type: 'pkcs1', format: 'pem' }) === V.rsaPrivPKCS1].join()`, "private,rsa,2048,bigint,public,true,true,true"},
	{"ec key details", `const c = require('crypto'); const k = c.createPublicKey(V.ecPub); return k.asymmetricKeyType + ' ' + k.asymmetricKeyDetails.namedCurve + ' ' + (JSON.stringify(k.export({ format: 'jwk' })) === JSON.stringify(V.ecPubJwk)) + ' ' + c.createPrivateKey(V.ecPriv).export({ type: 'sec1', format: 'pem' }).startsWith('-----BEGIN EC PRIVATE KEY-----')`, "ec prime256v1 true true"},
	{"ed key jwk", `const c = require('crypto'); return JSON.stringify(c.createPublicKey(V.edPub).export({ format: 'jwk' })) === JSON.stringify(V.edPubJwk)`, "true"},
	{"secret key", `const c = require('crypto'); const k = c.createSecretKey('abc', 'utf8'); return [k.type, k.symmetricKeySize, JSON.stringify(k.export({ format: 'jwk' })), k.export().toString(), k.equals(c.createSecretKey(Buffer.from('abc'))), require('util').types.isKeyObject(k), k instanceof c.KeyObject].join()`, `secret,3,{"kty":"oct","k":"YWJj"},abc,true,true,true`},
	{"der round trip", `const c = require('crypto'); const der = c.createPublicKey(V.rsaPub).export({ type: 'spki', format: 'der' }); return c.createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }) === V.rsaPub`, "true"},
	{"bad pem", `try { require('crypto').createPrivateKey('garbage') } catch (e) { return e.code + ' ' + e.message }`, "ERR_OSSL_UNSUPPORTED error:1E08010C:DECODER routines::unsupported"},
	{"generateKeyPairSync ec pem", `const c = require('crypto'); const { publicKey, privateKey } = c.generateKeyPairSync('ec', { namedCurve: 'P-384', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }); const s = c.sign('sha384', Buffer.from('x'), privateKey); return publicKey.split('\n')[0] + ' ' + c.verify('sha384', Buffer.from('x'), publicKey, s)`, "-----BEGIN PUBLIC KEY----- true"},
	{"generateKeyPairSync ed25519", `const c = require('crypto'); const { publicKey, privateKey } = c.generateKeyPairSync('ed25519'); return publicKey.asymmetricKeyType + ' ' + c.verify(null, Buffer.from('m'), publicKey, c.sign(null, Buffer.from('m'), privateKey))`, "ed25519 true"},
	{"x25519 diffieHellman", `const c = require('crypto'); const [priv, pub, want] = V.ecdh; return c.diffieHellman({ privateKey: c.createPrivateKey({ key: priv, format: 'jwk' }), publicKey: c.createPublicKey({ key: pub, format: 'jwk' }) }).toString('hex') === want`, "true"},
	{"publicEncrypt round trip and node ciphertext", `const c = require('crypto'); const ct = c.publicEncrypt(V.rsaPub, Buffer.from('hi')); return c.privateDecrypt(V.rsaPriv, ct).toString() + ' ' + c.privateDecrypt(V.rsaPriv, Buffer.from(V.rsaEnc, 'base64')).toString()`, "hi secret"},
	{"privateEncrypt matches node", `const c = require('crypto'); return (c.privateEncrypt(V.rsaPriv, Buffer.from('secret')).toString('base64') === V.rsaPrivEnc) + ' ' + c.publicDecrypt(V.rsaPub, Buffer.from(V.rsaPrivEnc, 'base64')).toString()`, "true secret"},
	{"aes-256-gcm matches node", `const c = require('crypto'); const key = Buffer.alloc(32, 1), iv = Buffer.alloc(12, 2); const g = c.createCipheriv('aes-256-gcm', key, iv); g.setAAD(Buffer.from('aad')); const ct = Buffer.concat([g.update('gcm plaintext that is long enough for two blocks'), g.final()]); const d = c.createDecipheriv('aes-256-gcm', key, iv); d.setAAD(Buffer.from('aad')); d.setAuthTag(Buffer.from(V.gcmTag, 'hex')); const pt = d.update(Buffer.from(V.gcm, 'hex'), undefined, 'utf8') + d.final('utf8'); return (ct.toString('hex') === V.gcm) + ' ' + (g.getAuthTag().toString('hex') === V.gcmTag) + ' ' + pt`, "true true gcm plaintext that is long enough for two blocks"},
	{"gcm bad tag", `const c = require('crypto'); const d = c.createDecipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12)); d.setAuthTag(Buffer.alloc(16)); d.update(Buffer.alloc(16)); try { d.final() } catch (e) { return e.message }`, "Unsupported state or unable to authenticate data"},
	{"aes-cbc matches node", `const c = require('crypto'); const e = c.createCipheriv('aes-128-cbc', Buffer.alloc(16, 3), Buffer.alloc(16, 4)); const hex = e.update('cbc text', 'utf8', 'hex') + e.final('hex'); const d = c.createDecipheriv('aes-128-cbc', Buffer.alloc(16, 3), Buffer.alloc(16, 4)); return (hex === V.cbc) + ' ' + d.update(hex, 'hex', 'utf8') + d.final('utf8')`, "true cbc text"},
	{"aes-cbc bad decrypt", `const d = require('crypto').createDecipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)); d.update(Buffer.alloc(16)); try { d.final() } catch (e) { return e.code }`, "ERR_OSSL_BAD_DECRYPT"},
	{"aes-ctr and ecb match node", `const c = require('crypto'); const t = c.createCipheriv('aes-192-ctr', Buffer.alloc(24, 5), Buffer.alloc(16, 6)); const e = c.createCipheriv('aes-128-ecb', Buffer.alloc(16, 7), null); return ((t.update('ctr text', 'utf8', 'base64') + t.final('base64')) === V.ctr) + ' ' + ((e.update('0123456789abcdef0', 'utf8', 'hex') + e.final('hex')) === V.ecb)`, "true true"},
	{"chacha20-poly1305 matches node", `const c = require('crypto'); const ch = c.createCipheriv('chacha20-poly1305', Buffer.alloc(32, 1), Buffer.alloc(12, 2), { authTagLength: 16 }); const ct = Buffer.concat([ch.update('chacha'), ch.final()]); return (ct.toString('hex') === V.chacha) + ' ' + (ch.getAuthTag().toString('hex') === V.chachaTag)`, "true true"},
	{"cipher errors", `const c = require('crypto'); const out = []; for (const f of [() => c.createCipheriv('aes-256-cbc', Buffer.alloc(16), Buffer.alloc(16)), () => c.createCipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(5)), () => c.createCipheriv('nope', Buffer.alloc(32), Buffer.alloc(16))]) { try { f() } catch (e) { out.push(e.name + ':' + e.code) } } return out.join()`, "RangeError:ERR_CRYPTO_INVALID_KEYLEN,TypeError:ERR_CRYPTO_INVALID_IV,Error:ERR_CRYPTO_UNKNOWN_CIPHER"},
	{"getHashes getCiphers", `const c = require('crypto'); return c.getHashes().includes('sha256') + ' ' + c.getCiphers().includes('aes-256-gcm') + ' ' + c.getHashes().length`, "true true 34"},
	{"createECDH matches node", `const c = require('crypto'); const a = c.createECDH('prime256v1'); a.setPrivateKey(Buffer.alloc(32, 1)); const b = c.createECDH('prime256v1'); b.setPrivateKey(Buffer.alloc(32, 2)); return [a.getPublicKey('hex', 'compressed'), a.computeSecret(b.getPublicKey()).toString('hex'), c.ECDH.convertKey(a.getPublicKey(), 'prime256v1', undefined, 'hex', 'compressed') === a.getPublicKey('hex', 'compressed'), b.computeSecret(a.getPublicKey('base64', 'compressed'), 'base64', 'hex') === a.computeSecret(b.getPublicKey()).toString('hex')].join()`, "026ff03b949241ce1dadd43519e6960e0a85b41a69a05c328103aa2bce1594ca16,eb459a6b30d70eb4c0ddcd34ea96ed59e8f8d1843c22dd895ab603aa13d9a81d,true,true"},
	{"ecdh generateKeys", `const c = require('crypto'); const a = c.createECDH('secp384r1'), b = c.createECDH('secp384r1'); const pa = a.generateKeys(), pb = b.generateKeys(); return pa.length + ' ' + a.computeSecret(pb).equals(b.computeSecret(pa))`, "97 true"},
	{"hash as stream", `const h = require('crypto').createHash('sha256'); h.write('a'); h.end('bc'); return h.read().toString('hex').slice(0, 8)`, "ba7816bf"},
}

var cryptoAsyncTests = []jsTest{
	{"pbkdf2 async", `require('crypto').pbkdf2('password', 'salt', 1000, 32, 'sha256', (err, key) => done(err + ' ' + (key.toString('hex') === V.pbkdf2)))`, "null true"},
	{"scrypt async", `require('crypto').scrypt('password', 'salt', 32, (err, key) => done(err + ' ' + (key.toString('hex') === V.scrypt)))`, "null true"},
	{"generateKeyPair async", `require('crypto').generateKeyPair('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } }, (err, pub, priv) => done(err + ' ' + pub.split('\n')[0] + ' ' + priv.type))`, "null -----BEGIN RSA PUBLIC KEY----- private"},
	{"randomBytes async", `require('crypto').randomBytes(4, (err, b) => done(err + ' ' + b.length))`, "null 4"},
	{"promisified scrypt", `const k = await require('util').promisify(require('crypto').scrypt)('password', 'salt', 32); done(k.toString('hex') === V.scrypt)`, "true"},
	{"hash stream pipeline", `const { pipeline, Readable } = require('stream'); const h = require('crypto').createHash('sha1'); pipeline(Readable.from(['a', 'b', 'c']), h, (err) => done(err + ' ' + h.read().toString('hex')))`, "undefined a9993e364706816aba3e25717850c26c9cd0d89d"},
}

func TestCrypto(t *testing.T) {
	vectors, err := os.ReadFile("testdata/crypto_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	iso := newTestIsolate(t, Options{})
	if err := iso.Do(func() error {
		_, err := iso.VM().RunString("var V = " + string(vectors))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	runTable(t, iso, cryptoTests)
	runAsyncTable(t, iso, cryptoAsyncTests)
}
