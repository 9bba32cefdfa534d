package crypto_test

import "testing"

// Known-answer vectors from the standards that define the algorithms.
var vectorTests = []jsCase{
	// FIPS 180-4 / FIPS 202 examples ("abc").
	{"SHA-1 abc", `return hex(await crypto.subtle.digest("SHA-1", utf8("abc")))`, "a9993e364706816aba3e25717850c26c9cd0d89d"},
	{"SHA-256 abc", `return hex(await crypto.subtle.digest({name: "sha-256"}, utf8("abc")))`, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	{"SHA-384 abc", `return hex(await crypto.subtle.digest("SHA-384", utf8("abc")))`, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"},
	{"SHA-512 abc", `return hex(await crypto.subtle.digest("Sha-512", utf8("abc")))`, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
	{"SHA3-256 abc", `return hex(await crypto.subtle.digest("SHA3-256", utf8("abc")))`, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"},
	{"SHA-256 empty from ArrayBuffer", `return hex(await crypto.subtle.digest("SHA-256", new ArrayBuffer(0)))`, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	{"digest copies its input", `const d = utf8("abc"); const p = crypto.subtle.digest("SHA-256", d); d[0] = 0; return hex(await p)`, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},

	// RFC 4231 test cases 1 and 2.
	{"HMAC-SHA-256 RFC 4231 #1", `
		const k = await crypto.subtle.importKey("raw", unhex("0b".repeat(20)), {name: "HMAC", hash: "SHA-256"}, false, ["sign"]);
		return hex(await crypto.subtle.sign("HMAC", k, utf8("Hi There")))`,
		"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
	{"HMAC-SHA-512 RFC 4231 #1", `
		const k = await crypto.subtle.importKey("raw", unhex("0b".repeat(20)), {name: "HMAC", hash: "SHA-512"}, false, ["sign"]);
		return hex(await crypto.subtle.sign("HMAC", k, utf8("Hi There")))`,
		"87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
	{"HMAC-SHA-256 RFC 4231 #2 verify", `
		const k = await crypto.subtle.importKey("raw", utf8("Jefe"), {name: "HMAC", hash: {name: "SHA-256"}}, false, ["verify"]);
		const good = await crypto.subtle.verify("HMAC", k, unhex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), utf8("what do ya want for nothing?"));
		const bad = await crypto.subtle.verify("HMAC", k, unhex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3844"), utf8("what do ya want for nothing?"));
		return good + "," + bad`, "true,false"},

	// The Galois/Counter Mode paper's (McGrew & Viega) test cases 1 and 2.
	{"AES-GCM test case 1", `
		const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt"]);
		return hex(await crypto.subtle.encrypt({name: "AES-GCM", iv: new Uint8Array(12)}, k, new Uint8Array(0)))`,
		"58e2fccefa7e3061367f1d57a4e7455a"},
	{"AES-GCM test case 2", `
		const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt", "decrypt"]);
		const c = await crypto.subtle.encrypt({name: "AES-GCM", iv: new Uint8Array(12)}, k, new Uint8Array(16));
		const p = await crypto.subtle.decrypt({name: "AES-GCM", iv: new Uint8Array(12)}, k, c);
		return hex(c) + "/" + hex(p)`,
		"0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf/00000000000000000000000000000000"},
	{"AES-GCM 32-bit tag", `
		const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt", "decrypt"]);
		const alg = {name: "AES-GCM", iv: new Uint8Array(12), tagLength: 32};
		const c = new Uint8Array(await crypto.subtle.encrypt(alg, k, new Uint8Array(16)));
		const p = await crypto.subtle.decrypt(alg, k, c);
		c[c.length - 1] ^= 1;
		return hex(c).length / 2 + "/" + hex(p) + "/" + await errName(crypto.subtle.decrypt(alg, k, c))`,
		"20/00000000000000000000000000000000/OperationError"},

	// RFC 3394 §4.1: 128 bits of key data with a 128-bit KEK.
	{"AES-KW RFC 3394 4.1", `
		const kek = await crypto.subtle.importKey("raw", unhex("000102030405060708090a0b0c0d0e0f"), "AES-KW", false, ["wrapKey", "unwrapKey"]);
		const key = await crypto.subtle.importKey("raw", unhex("00112233445566778899aabbccddeeff"), "AES-GCM", true, ["encrypt"]);
		const w = await crypto.subtle.wrapKey("raw", key, kek, "AES-KW");
		const back = await crypto.subtle.unwrapKey("raw", w, kek, "AES-KW", "AES-GCM", true, ["encrypt"]);
		return hex(w) + "/" + hex(await crypto.subtle.exportKey("raw", back))`,
		"1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5/00112233445566778899aabbccddeeff"},

	// RFC 6070 (PBKDF2-HMAC-SHA1).
	{"PBKDF2 RFC 6070 c=1", `
		const k = await crypto.subtle.importKey("raw", utf8("password"), "PBKDF2", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-1", salt: utf8("salt"), iterations: 1}, k, 160))`,
		"0c60c80f961f0e71f3a9b524af6012062fe037a6"},
	{"PBKDF2 RFC 6070 c=4096", `
		const k = await crypto.subtle.importKey("raw", utf8("password"), "PBKDF2", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-1", salt: utf8("salt"), iterations: 4096}, k, 160))`,
		"4b007901b765489abead49d926f721d065a429c1"},
	{"PBKDF2 many iterations off the loop", `
		const k = await crypto.subtle.importKey("raw", utf8("password"), "PBKDF2", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-1", salt: utf8("salt"), iterations: 16777216 / 256}, k, 160)).length`,
		"40"},

	// RFC 5869 test case 1 (HKDF-SHA256).
	{"HKDF RFC 5869 #1", `
		const k = await crypto.subtle.importKey("raw", unhex("0b".repeat(22)), "HKDF", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "HKDF", hash: "SHA-256", salt: unhex("000102030405060708090a0b0c"), info: unhex("f0f1f2f3f4f5f6f7f8f9")}, k, 42 * 8))`,
		"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},

	// RFC 8032 §7.1 test 1 (Ed25519, empty message).
	{"Ed25519 RFC 8032 #1", `
		const priv = await crypto.subtle.importKey("jwk", {kty: "OKP", crv: "Ed25519",
			d: b64u(unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")),
			x: b64u(unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))}, "Ed25519", false, ["sign"]);
		const pub = await crypto.subtle.importKey("raw", unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), {name: "Ed25519"}, false, ["verify"]);
		const sig = await crypto.subtle.sign("Ed25519", priv, new Uint8Array(0));
		return hex(sig) + "/" + await crypto.subtle.verify("Ed25519", pub, sig, new Uint8Array(0))`,
		"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b/true"},

	// RFC 7748 §6.1 (X25519).
	{"X25519 RFC 7748", `
		const a = await crypto.subtle.importKey("pkcs8", unhex("302e020100300506032b656e04220420" + "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), "X25519", false, ["deriveBits"]);
		const b = await crypto.subtle.importKey("raw", unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), "X25519", true, []);
		return hex(await crypto.subtle.deriveBits({name: "X25519", public: b}, a, 256))`,
		"4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"},

	// NIST SP 800-185 KMAC sample #1.
	{"KMAC128 NIST sample 1", `
		const k = await crypto.subtle.importKey("raw-secret", unhex("404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"), "KMAC128", false, ["sign"]);
		return hex(await crypto.subtle.sign({name: "KMAC128", length: 256}, k, unhex("00010203")))`,
		"e5780b0d3ea6f7d3a429c5706aa43a00fadbd7d49628839e3187243f456ee14e"},

	// RFC 9106 §5 (Argon2 with secret and associated data).
	{"Argon2id RFC 9106", `
		const k = await crypto.subtle.importKey("raw-secret", unhex("01".repeat(32)), "Argon2id", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "Argon2id", nonce: unhex("02".repeat(16)), secretValue: unhex("03".repeat(8)),
			associatedData: unhex("04".repeat(12)), passes: 3, memory: 32, parallelism: 4}, k, 256))`,
		"0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"},
	{"Argon2d RFC 9106", `
		const k = await crypto.subtle.importKey("raw-secret", unhex("01".repeat(32)), "Argon2d", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "Argon2d", nonce: unhex("02".repeat(16)), secretValue: unhex("03".repeat(8)),
			associatedData: unhex("04".repeat(12)), passes: 3, memory: 32, parallelism: 4}, k, 256))`,
		"512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb"},
	{"Argon2i RFC 9106", `
		const k = await crypto.subtle.importKey("raw-secret", unhex("01".repeat(32)), "Argon2i", false, ["deriveBits"]);
		return hex(await crypto.subtle.deriveBits({name: "Argon2i", nonce: unhex("02".repeat(16)), secretValue: unhex("03".repeat(8)),
			associatedData: unhex("04".repeat(12)), passes: 3, memory: 32, parallelism: 4}, k, 256))`,
		"c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8"},

	// RFC 7253 Appendix A, the first sample (empty N-less inputs with the
	// nonce BBAA99887766554433221100).
	{"AES-OCB RFC 7253 A #1", `
		const k = await crypto.subtle.importKey("raw-secret", unhex("000102030405060708090a0b0c0d0e0f"), "AES-OCB", false, ["encrypt"]);
		return hex(await crypto.subtle.encrypt({name: "AES-OCB", iv: unhex("bbaa99887766554433221100")}, k, new Uint8Array(0)))`,
		"785407bfffc8ad9edcc5520ac9111ee6"},

	// RFC 8439 §2.8.2 (ChaCha20-Poly1305 AEAD), checked by round trip and tag.
	{"ChaCha20-Poly1305 RFC 8439 2.8.2", `
		const k = await crypto.subtle.importKey("raw-secret", unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"), "ChaCha20-Poly1305", false, ["encrypt"]);
		const pt = utf8("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
		const c = await crypto.subtle.encrypt({name: "ChaCha20-Poly1305", iv: unhex("070000004041424344454647"), additionalData: unhex("50515253c0c1c2c3c4c5c6c7")}, k, pt);
		return hex(c).slice(-32)`,
		"1ae10b594f09e26a7e902ecbd0600691"},
}

func TestVectors(t *testing.T) { runCases(t, vectorTests) }
