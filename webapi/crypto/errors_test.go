package crypto_test

import "testing"

// The exceptions the specification requires, and that promise-returning
// methods reject rather than throw.
var errorTests = []jsCase{
	// Algorithm normalization.
	{"unknown algorithm", `return await crypto.subtle.digest("MD5", new Uint8Array(0))`,
		"ERR NotSupportedError: Failed to execute 'digest' on 'SubtleCrypto': Algorithm: Unrecognized name"},
	{"missing name", `return await crypto.subtle.digest({}, new Uint8Array(0))`,
		"ERR TypeError: Failed to execute 'digest' on 'SubtleCrypto': Algorithm: name: Missing or not a string"},
	{"missing required member", `return await crypto.subtle.generateKey({name: "AES-GCM"}, true, ["encrypt"])`,
		"ERR TypeError: Failed to execute 'generateKey' on 'SubtleCrypto': AesKeyGenParams: length: Missing required property"},
	{"EnforceRange", `return await crypto.subtle.generateKey({name: "AES-GCM", length: 1e6}, true, ["encrypt"])`,
		"ERR TypeError: Failed to execute 'generateKey' on 'SubtleCrypto': Value is outside the 'unsigned short' value range."},
	{"bad hash", `return await crypto.subtle.generateKey({name: "HMAC", hash: "SHA-0"}, true, ["sign"])`,
		"ERR NotSupportedError: Failed to execute 'generateKey' on 'SubtleCrypto': Algorithm: Unrecognized name"},
	{"BufferSource member", `const k = await crypto.subtle.generateKey({name: "AES-CBC", length: 128}, true, ["encrypt"]);
		return await crypto.subtle.encrypt({name: "AES-CBC", iv: "0123456789abcdef"}, k, new Uint8Array(1))`,
		"ERR TypeError: Failed to execute 'encrypt' on 'SubtleCrypto': AesCbcParams: iv: Not a BufferSource"},
	{"case-insensitive names", `const k = await crypto.subtle.generateKey({name: "aes-gcm", length: 128}, true, ["encrypt"]); return k.algorithm.name`, "AES-GCM"},
	{"getter exception rejects", `return await crypto.subtle.digest({get name() { throw new RangeError("boom") }}, new Uint8Array(0))`,
		"ERR RangeError: boom"},
	{"wrong-operation name", `return await crypto.subtle.sign("AES-GCM", null, new Uint8Array(0))`,
		"ERR TypeError: Failed to execute 'sign' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'."},

	// Rejection instead of throwing.
	{"missing arguments reject", `const p = crypto.subtle.encrypt(); return (p instanceof Promise) + " " + await errName(p)`, "true TypeError"},
	{"bad this rejects", `const p = crypto.subtle.digest.call({}, "SHA-256", new Uint8Array(0)); return (p instanceof Promise) + " " + await errName(p)`, "true TypeError"},
	{"bad key format", `return await errName(crypto.subtle.importKey("pem", new Uint8Array(16), "AES-GCM", true, ["encrypt"]))`, "TypeError"},
	{"bad usage value", `return await errName(crypto.subtle.generateKey({name: "AES-GCM", length: 128}, true, ["encrypt", "fly"]))`, "TypeError"},
	{"jwk data for raw", `return await errName(crypto.subtle.importKey("raw", {kty: "oct"}, "AES-GCM", true, ["encrypt"]))`, "TypeError"},
	{"buffer data for jwk", `return await errName(crypto.subtle.importKey("jwk", new Uint8Array(16), "AES-GCM", true, ["encrypt"]))`, "TypeError"},

	// Usages.
	{"usages not allowed", `return await errName(crypto.subtle.generateKey({name: "HMAC", hash: "SHA-256"}, true, ["encrypt"]))`, "SyntaxError"},
	{"empty usages for secret", `return await errName(crypto.subtle.generateKey({name: "AES-GCM", length: 128}, true, []))`, "SyntaxError"},
	{"empty usages for private", `return await errName(crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-256"}, true, ["verify"]))`, "SyntaxError"},
	{"empty usages fine for public import", `const k = await crypto.subtle.importKey("raw", new Uint8Array(32), "X25519", true, []); return k.type + " " + k.usages.length`, "public 0"},
	{"usage not granted", `const k = await crypto.subtle.generateKey({name: "HMAC", hash: "SHA-256"}, true, ["verify"]);
		return await crypto.subtle.sign("HMAC", k, new Uint8Array(0))`,
		"ERR InvalidAccessError: key.usages does not permit this operation"},
	{"wrong algorithm for key", `const k = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, true, ["encrypt"]);
		return await errName(crypto.subtle.encrypt({name: "AES-CBC", iv: new Uint8Array(16)}, k, new Uint8Array(0)))`, "InvalidAccessError"},
	{"public key cannot sign", `const {publicKey} = await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"]);
		return await errName(crypto.subtle.sign("Ed25519", publicKey, new Uint8Array(0)))`, "InvalidAccessError"},
	{"usages normalized order", `const k = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, true, ["unwrapKey", "decrypt", "encrypt", "decrypt"]);
		return k.usages.join() + " " + (k.usages === k.usages) + " " + (k.algorithm === k.algorithm)`, "encrypt,decrypt,unwrapKey true true"},

	// Extractability.
	{"non-extractable export", `const k = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, false, ["encrypt"]);
		return await crypto.subtle.exportKey("raw", k)`, "ERR InvalidAccessError: key is not extractable"},
	{"non-extractable wrap", `const kek = await crypto.subtle.generateKey({name: "AES-KW", length: 128}, false, ["wrapKey"]);
		const k = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, false, ["encrypt"]);
		return await errName(crypto.subtle.wrapKey("raw", k, kek, "AES-KW"))`, "InvalidAccessError"},
	{"KDF keys are not extractable", `return await errName(crypto.subtle.importKey("raw", new Uint8Array(8), "PBKDF2", true, ["deriveBits"]))`, "SyntaxError"},
	{"KDF keys do not export", `const k = await crypto.subtle.importKey("raw", new Uint8Array(8), "HKDF", false, ["deriveBits"]);
		return await errName(crypto.subtle.exportKey("raw", k))`, "NotSupportedError"},
	{"jwk ext false refuses extractable", `return await errName(crypto.subtle.importKey("jwk", {kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", ext: false}, "AES-GCM", true, ["encrypt"]))`, "DataError"},
	{"private half of a pair follows extractable", `const p = await crypto.subtle.generateKey({name: "ECDH", namedCurve: "P-256"}, false, ["deriveBits"]);
		return p.publicKey.extractable + " " + p.privateKey.extractable + " " + p.publicKey.usages.length`, "true false 0"},

	// DataError and OperationError.
	{"bad AES key length", `return await errName(crypto.subtle.importKey("raw", new Uint8Array(20), "AES-GCM", true, ["encrypt"]))`, "DataError"},
	{"bad generate length", `return await errName(crypto.subtle.generateKey({name: "AES-CTR", length: 64}, true, ["encrypt"]))`, "OperationError"},
	{"unknown curve", `return await errName(crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-192"}, true, ["sign"]))`, "NotSupportedError"},
	{"bad spki", `return await errName(crypto.subtle.importKey("spki", new Uint8Array([48, 0]), {name: "ECDSA", namedCurve: "P-256"}, true, ["verify"]))`, "DataError"},
	{"jwk alg mismatch", `return await errName(crypto.subtle.importKey("jwk", {kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", alg: "A256GCM"}, "AES-GCM", true, ["encrypt"]))`, "DataError"},
	{"tampered ciphertext", `const k = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, true, ["encrypt", "decrypt"]);
		const iv = new Uint8Array(12); const c = new Uint8Array(await crypto.subtle.encrypt({name: "AES-GCM", iv}, k, new Uint8Array(5))); c[0] ^= 1;
		return await errName(crypto.subtle.decrypt({name: "AES-GCM", iv}, k, c))`, "OperationError"},
	{"deriveBits length null for PBKDF2", `const k = await crypto.subtle.importKey("raw", new Uint8Array(8), "PBKDF2", false, ["deriveBits"]);
		return await errName(crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(8), iterations: 1}, k))`, "OperationError"},
	{"ECDH curve mismatch", `const a = await crypto.subtle.generateKey({name: "ECDH", namedCurve: "P-256"}, true, ["deriveBits"]);
		const b = await crypto.subtle.generateKey({name: "ECDH", namedCurve: "P-384"}, true, ["deriveBits"]);
		return await errName(crypto.subtle.deriveBits({name: "ECDH", public: b.publicKey}, a.privateKey, 256))`, "InvalidAccessError"},
	{"ECDSA signature of wrong length verifies false", `const p = await crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-256"}, true, ["sign", "verify"]);
		return await crypto.subtle.verify({name: "ECDSA", hash: "SHA-256"}, p.publicKey, new Uint8Array(63), new Uint8Array(0))`, "false"},

	// getRandomValues and randomUUID.
	{"getRandomValues returns its argument", `const a = new Uint32Array(4); return (crypto.getRandomValues(a) === a) + " " + a.length`, "true 4"},
	{"getRandomValues fills", `const a = crypto.getRandomValues(new Uint8Array(64)); return a.some(x => x !== 0)`, "true"},
	{"getRandomValues quota", `try { crypto.getRandomValues(new Uint8Array(65537)); return "no" } catch (e) { return e.name + " " + e.code }`, "QuotaExceededError 22"},
	{"getRandomValues quota boundary", `return crypto.getRandomValues(new Uint16Array(32768)).length`, "32768"},
	{"getRandomValues float", `try { crypto.getRandomValues(new Float64Array(2)); return "no" } catch (e) { return e.name + " " + (e instanceof DOMException) }`, "TypeMismatchError true"},
	{"getRandomValues DataView", `try { crypto.getRandomValues(new DataView(new ArrayBuffer(2))); return "no" } catch (e) { return e.name }`, "TypeMismatchError"},
	{"getRandomValues not a view", `try { crypto.getRandomValues(new ArrayBuffer(2)); return "no" } catch (e) { return e.name }`, "TypeError"},
	{"getRandomValues subclass", `class B extends Uint8Array {}; return crypto.getRandomValues(new B(4)).constructor.name`, "B"},
	{"randomUUID v4", `const s = new Set(); for (let i = 0; i < 100; i++) { const u = crypto.randomUUID(); if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u)) return u; s.add(u) } return s.size`, "100"},

	// Interface shape.
	{"interfaces", `return [typeof Crypto, typeof CryptoKey, typeof SubtleCrypto, crypto instanceof Crypto, crypto.subtle === crypto.subtle,
		crypto.subtle instanceof SubtleCrypto, Object.prototype.toString.call(crypto.subtle)].join()`,
		"function,function,function,true,true,true,[object SubtleCrypto]"},
	{"no constructors", `try { new CryptoKey(); return "no" } catch (e) { return e.constructor.name + ": " + e.message }`, "TypeError: Illegal constructor"},
	{"supports", `return [SubtleCrypto.supports("encrypt", {name: "AES-GCM", iv: new Uint8Array(12)}), SubtleCrypto.supports("sign", "AES-GCM"),
		SubtleCrypto.supports("deriveKey", {name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new Uint8Array()}, {name: "AES-GCM", length: 256}),
		SubtleCrypto.supports("generateKey", {name: "AES-GCM", length: 100}), SubtleCrypto.supports("encapsulateBits", "ML-KEM-768")].join()`,
		"true,false,true,false,true"},
}

func TestErrors(t *testing.T) { runCases(t, errorTests) }
