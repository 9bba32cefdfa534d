package crypto_test

import "testing"

// roundTripJWK generates a key (pair), exports every key as a JWK, imports
// it back, exports again, and checks the two JWKs are identical and the
// imported keys still work together (by the given check).
const roundTripJWK = `
async function roundTrip(genAlg, usages, importAlg, check) {
	const gen = await crypto.subtle.generateKey(genAlg, true, usages);
	const keys = gen.privateKey ? [gen.publicKey, gen.privateKey] : [gen];
	const back = [];
	for (const k of keys) {
		const j = await crypto.subtle.exportKey("jwk", k);
		const k2 = await crypto.subtle.importKey("jwk", j, importAlg, true, k.usages);
		const j2 = await crypto.subtle.exportKey("jwk", k2);
		if (JSON.stringify(j) !== JSON.stringify(j2)) throw new Error("JWK changed: " + JSON.stringify(j) + " vs " + JSON.stringify(j2));
		if (JSON.stringify(k2.algorithm) !== JSON.stringify(k.algorithm)) throw new Error("algorithm changed: " + JSON.stringify(k2.algorithm));
		back.push(k2);
	}
	return (await check(...back)) + " " + JSON.stringify(Object.keys(await crypto.subtle.exportKey("jwk", keys[keys.length - 1])));
}
const msg = utf8("edgerun");
const signCheck = (alg) => async (pub, priv) => crypto.subtle.verify(alg, pub, await crypto.subtle.sign(alg, priv, msg), msg);
`

var jwkTests = []jsCase{
	{"HMAC", roundTripJWK + `return roundTrip({name: "HMAC", hash: "SHA-256"}, ["sign", "verify"], {name: "HMAC", hash: "SHA-256"},
		async (k) => crypto.subtle.verify("HMAC", k, await crypto.subtle.sign("HMAC", k, msg), msg))`,
		`true ["alg","ext","k","key_ops","kty"]`},
	{"AES-GCM", roundTripJWK + `return roundTrip({name: "AES-GCM", length: 256}, ["encrypt", "decrypt"], "AES-GCM", async (k) => {
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const c = await crypto.subtle.encrypt({name: "AES-GCM", iv}, k, msg);
		return hex(await crypto.subtle.decrypt({name: "AES-GCM", iv}, k, c)) === hex(msg);
	})`, `true ["alg","ext","k","key_ops","kty"]`},
	{"AES-KW", roundTripJWK + `return roundTrip({name: "AES-KW", length: 128}, ["wrapKey", "unwrapKey"], "AES-KW", async (k) => true)`,
		`true ["alg","ext","k","key_ops","kty"]`},
	{"RSASSA-PKCS1-v1_5", roundTripJWK + `return roundTrip({name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"},
		["sign", "verify"], {name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"}, signCheck("RSASSA-PKCS1-v1_5"))`,
		`true ["alg","d","dp","dq","e","ext","key_ops","kty","n","p","q","qi"]`},
	{"RSA-PSS", roundTripJWK + `return roundTrip({name: "RSA-PSS", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-384"},
		["sign", "verify"], {name: "RSA-PSS", hash: "SHA-384"}, signCheck({name: "RSA-PSS", saltLength: 48}))`,
		`true ["alg","d","dp","dq","e","ext","key_ops","kty","n","p","q","qi"]`},
	{"RSA-OAEP", roundTripJWK + `return roundTrip({name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"},
		["encrypt", "decrypt"], {name: "RSA-OAEP", hash: "SHA-256"}, async (pub, priv) => {
			const c = await crypto.subtle.encrypt({name: "RSA-OAEP", label: utf8("l")}, pub, msg);
			return hex(await crypto.subtle.decrypt({name: "RSA-OAEP", label: utf8("l")}, priv, c)) === hex(msg);
		})`, `true ["alg","d","dp","dq","e","ext","key_ops","kty","n","p","q","qi"]`},
	{"ECDSA P-256", roundTripJWK + `return roundTrip({name: "ECDSA", namedCurve: "P-256"}, ["sign", "verify"], {name: "ECDSA", namedCurve: "P-256"},
		signCheck({name: "ECDSA", hash: "SHA-256"}))`, `true ["crv","d","ext","key_ops","kty","x","y"]`},
	{"ECDSA P-384", roundTripJWK + `return roundTrip({name: "ECDSA", namedCurve: "P-384"}, ["sign", "verify"], {name: "ECDSA", namedCurve: "P-384"},
		signCheck({name: "ECDSA", hash: "SHA-384"}))`, `true ["crv","d","ext","key_ops","kty","x","y"]`},
	{"ECDSA P-521", roundTripJWK + `return roundTrip({name: "ECDSA", namedCurve: "P-521"}, ["sign", "verify"], {name: "ECDSA", namedCurve: "P-521"},
		signCheck({name: "ECDSA", hash: "SHA-512"}))`, `true ["crv","d","ext","key_ops","kty","x","y"]`},
	{"ECDH P-384", roundTripJWK + `return roundTrip({name: "ECDH", namedCurve: "P-384"}, ["deriveBits"], {name: "ECDH", namedCurve: "P-384"},
		async (pub, priv) => (await crypto.subtle.deriveBits({name: "ECDH", public: pub}, priv, 384)).byteLength)`,
		`48 ["crv","d","ext","key_ops","kty","x","y"]`},
	{"Ed25519", roundTripJWK + `return roundTrip("Ed25519", ["sign", "verify"], "Ed25519", signCheck("Ed25519"))`,
		`true ["alg","crv","d","ext","key_ops","kty","x"]`},
	{"Ed448", roundTripJWK + `return roundTrip("Ed448", ["sign", "verify"], "Ed448", signCheck({name: "Ed448", context: utf8("ctx")}))`,
		`true ["alg","crv","d","ext","key_ops","kty","x"]`},
	{"X25519", roundTripJWK + `return roundTrip("X25519", ["deriveKey", "deriveBits"], "X25519",
		async (pub, priv) => (await crypto.subtle.deriveBits({name: "X25519", public: pub}, priv)).byteLength)`,
		`32 ["crv","d","ext","key_ops","kty","x"]`},
	{"X448", roundTripJWK + `return roundTrip("X448", ["deriveBits"], "X448",
		async (pub, priv) => (await crypto.subtle.deriveBits({name: "X448", public: pub}, priv)).byteLength)`,
		`56 ["crv","d","ext","key_ops","kty","x"]`},
	{"ML-DSA-65", roundTripJWK + `return roundTrip("ML-DSA-65", ["sign", "verify"], "ML-DSA-65", signCheck({name: "ML-DSA-65", context: utf8("c")}))`,
		`true ["alg","ext","key_ops","kty","priv","pub"]`},
	{"ChaCha20-Poly1305", roundTripJWK + `return roundTrip("ChaCha20-Poly1305", ["encrypt"], "ChaCha20-Poly1305", async () => true)`,
		`true ["alg","ext","k","key_ops","kty"]`},
	{"KMAC256", roundTripJWK + `return roundTrip("KMAC256", ["sign", "verify"], "KMAC256",
		async (k) => crypto.subtle.verify({name: "KMAC256", length: 512}, k, await crypto.subtle.sign({name: "KMAC256", length: 512}, k, msg), msg))`,
		`true ["alg","ext","k","key_ops","kty"]`},

	// The JWK members WebCrypto writes.
	{"HMAC JWK contents", `
		const k = await crypto.subtle.importKey("raw", unhex("00ff"), {name: "HMAC", hash: "SHA-1"}, true, ["verify", "sign"]);
		return JSON.stringify(await crypto.subtle.exportKey("jwk", k))`,
		`{"alg":"HS1","ext":true,"k":"AP8","key_ops":["sign","verify"],"kty":"oct"}`},
	{"AES JWK alg", `
		const k = await crypto.subtle.importKey("raw", new Uint8Array(24), "AES-CBC", true, ["decrypt"]);
		return (await crypto.subtle.exportKey("jwk", k)).alg`, "A192CBC"},
	{"JWK import ignores unknown members (JWKS kid)", `
		const k = await crypto.subtle.importKey("jwk", {kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", kid: "key-1", use: "enc", alg: "A128GCM"}, "AES-GCM", false, ["encrypt"]);
		return k.algorithm.length`, "128"},
	{"RSA private key exports spki for its public half via getPublicKey", `
		const {privateKey} = await crypto.subtle.generateKey({name: "RSA-PSS", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"}, false, ["sign", "verify"]);
		const pub = await crypto.subtle.getPublicKey(privateKey, ["verify"]);
		return pub.type + " " + pub.extractable + " " + (await crypto.subtle.exportKey("spki", pub)).byteLength`,
		"public true 294"},
}

func TestJWK(t *testing.T) { runCases(t, jwkTests) }
