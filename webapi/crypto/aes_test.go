package crypto_test

import (
	"bytes"
	"crypto/aes"
	"encoding/hex"
	"fmt"
	"testing"
)

// AES-CTR increments only the rightmost length bits of the counter block
// and wraps them to zero (NIST SP 800-38A Appendix B.1), leaving the rest
// of the block alone.
var ctrWrapTests = []struct {
	counter string
	length  int
	blocks  []string // the counter blocks the key stream must come from
}{
	{"ffffffffffffffffffffffffffffffff", 8, []string{"ffffffffffffffffffffffffffffffff", "ffffffffffffffffffffffffffffff00", "ffffffffffffffffffffffffffffff01"}},
	{"000000000000000000000000fffffffe", 32, []string{"000000000000000000000000fffffffe", "000000000000000000000000ffffffff", "00000000000000000000000000000000"}},
	{"0102030405060708090a0b0c0d0e0f10", 128, []string{"0102030405060708090a0b0c0d0e0f10", "0102030405060708090a0b0c0d0e0f11", "0102030405060708090a0b0c0d0e0f12"}},
}

func TestAESCTRCounterWrap(t *testing.T) {
	iso := newIsolate(t)
	key := bytes.Repeat([]byte{7}, 16)
	block, _ := aes.NewCipher(key)
	for _, tt := range ctrWrapTests {
		var want []byte
		for _, cb := range tt.blocks {
			in, _ := hex.DecodeString(cb)
			out := make([]byte, 16)
			block.Encrypt(out, in)
			want = append(want, out...)
		}
		got := runJS(t, iso, fmt.Sprintf(`
			const k = await crypto.subtle.importKey("raw", unhex(%q), "AES-CTR", false, ["encrypt"]);
			return hex(await crypto.subtle.encrypt({name: "AES-CTR", counter: unhex(%q), length: %d}, k, new Uint8Array(%d)))`,
			hex.EncodeToString(key), tt.counter, tt.length, 16*len(tt.blocks)))
		if got != hex.EncodeToString(want) {
			t.Errorf("counter %s length %d:\n got %s\nwant %x", tt.counter, tt.length, got, want)
		}
	}
	// More blocks than the counter has values is an error.
	if got := runJS(t, iso, `
		const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-CTR", false, ["encrypt"]);
		return errName(crypto.subtle.encrypt({name: "AES-CTR", counter: new Uint8Array(16), length: 1}, k, new Uint8Array(48)))`); got != "OperationError" {
		t.Errorf("counter reuse: got %s", got)
	}
}

var wrapTests = []jsCase{
	{"jwk wrapped with AES-KW is padded", `
		const kek = await crypto.subtle.generateKey({name: "AES-KW", length: 256}, false, ["wrapKey", "unwrapKey"]);
		const k = await crypto.subtle.generateKey({name: "HMAC", hash: "SHA-384"}, true, ["sign"]);
		const w = await crypto.subtle.wrapKey("jwk", k, kek, "AES-KW");
		const back = await crypto.subtle.unwrapKey("jwk", w, kek, "AES-KW", {name: "HMAC", hash: "SHA-384"}, true, ["sign"]);
		return hex(await crypto.subtle.exportKey("raw", back)) === hex(await crypto.subtle.exportKey("raw", k))`, "true"},
	{"jwk wrapped with AES-GCM", `
		const kek = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, false, ["wrapKey", "unwrapKey"]);
		const {privateKey} = await crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-384"}, true, ["sign"]);
		const alg = {name: "AES-GCM", iv: new Uint8Array(12)};
		const w = await crypto.subtle.wrapKey("jwk", privateKey, kek, alg);
		const back = await crypto.subtle.unwrapKey("jwk", w, kek, alg, {name: "ECDSA", namedCurve: "P-384"}, false, ["sign"]);
		return back.type + " " + back.extractable + " " + back.algorithm.namedCurve`, "private false P-384"},
	{"pkcs8 wrapped with RSA-OAEP is too long", `
		const rsa = await crypto.subtle.generateKey({name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"}, true, ["wrapKey", "unwrapKey"]);
		const k = await crypto.subtle.generateKey({name: "AES-GCM", length: 256}, true, ["encrypt"]);
		const w = await crypto.subtle.wrapKey("raw", k, rsa.publicKey, {name: "RSA-OAEP"});
		const back = await crypto.subtle.unwrapKey("raw", w, rsa.privateKey, {name: "RSA-OAEP"}, "AES-GCM", true, ["encrypt"]);
		return back.algorithm.length + " " + await errName(crypto.subtle.wrapKey("pkcs8", rsa.privateKey, rsa.publicKey, {name: "RSA-OAEP"}))`,
		"256 OperationError"},
	{"unwrap garbage jwk", `
		const kek = await crypto.subtle.generateKey({name: "AES-GCM", length: 128}, false, ["wrapKey", "unwrapKey", "encrypt"]);
		const alg = {name: "AES-GCM", iv: new Uint8Array(12)};
		const w = await crypto.subtle.encrypt(alg, kek, utf8("{not json"));
		return errName(crypto.subtle.unwrapKey("jwk", w, kek, alg, "AES-GCM", true, ["encrypt"]))`, "DataError"},
	{"deriveKey HKDF to AES", `
		const ikm = await crypto.subtle.importKey("raw", new Uint8Array(32), "HKDF", false, ["deriveKey"]);
		const k = await crypto.subtle.deriveKey({name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: utf8("x")}, ikm, {name: "AES-GCM", length: 192}, true, ["encrypt"]);
		return k.algorithm.name + " " + k.algorithm.length + " " + (await crypto.subtle.exportKey("raw", k)).byteLength`, "AES-GCM 192 24"},
	{"deriveKey to HKDF needs a length", `
		const ikm = await crypto.subtle.importKey("raw", new Uint8Array(32), "PBKDF2", false, ["deriveKey"]);
		return errName(crypto.subtle.deriveKey({name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(8), iterations: 2}, ikm, "HKDF", false, ["deriveBits"]))`, "OperationError"},
	{"ML-KEM encapsulateKey/decapsulateKey", `
		const {publicKey, privateKey} = await crypto.subtle.generateKey("ML-KEM-768", false, ["encapsulateKey", "decapsulateKey"]);
		const {sharedKey, ciphertext} = await crypto.subtle.encapsulateKey("ML-KEM-768", publicKey, "AES-GCM", true, ["encrypt"]);
		const k2 = await crypto.subtle.decapsulateKey("ML-KEM-768", privateKey, ciphertext, "AES-GCM", true, ["encrypt"]);
		return (hex(await crypto.subtle.exportKey("raw", sharedKey)) === hex(await crypto.subtle.exportKey("raw", k2))) + " " + ciphertext.byteLength`, "true 1088"},
	{"ML-KEM-512 bits", `
		const {publicKey, privateKey} = await crypto.subtle.generateKey({name: "ML-KEM-512"}, true, ["encapsulateBits", "decapsulateBits"]);
		const {sharedKey, ciphertext} = await crypto.subtle.encapsulateBits("ML-KEM-512", publicKey);
		const again = await crypto.subtle.decapsulateBits("ML-KEM-512", privateKey, ciphertext);
		const seed = await crypto.subtle.exportKey("raw-seed", privateKey);
		return (hex(sharedKey) === hex(again)) + " " + seed.byteLength`, "true 64"},
}

func TestWrapDeriveEncapsulate(t *testing.T) { runCases(t, wrapTests) }
