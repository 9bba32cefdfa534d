package crypto_test

import (
	"fmt"
	"testing"
)

// Benchmarks drive the API from JS the way a route does: one await per
// operation, b.N operations in one async loop, so the numbers include
// argument conversion, algorithm normalization, promise settlement and the
// microtask turn.
func benchJS(b *testing.B, setup, op string) {
	iso := newIsolate(b)
	if got := runJS(b, iso, setup+"; return 'ok'"); got != "ok" {
		b.Fatalf("setup: %s", got)
	}
	b.ReportAllocs()
	b.ResetTimer()
	got := runJS(b, iso, fmt.Sprintf(`for (let i = 0; i < %d; i++) { %s } return "ok"`, b.N, op))
	b.StopTimer()
	if got != "ok" {
		b.Fatalf("run: %s", got)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

const benchData = `globalThis.data = utf8("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6ImVkZ2VydW4ifQ");`

// BenchmarkHMACSHA256SignVerify is one HS256 JWT issued and checked.
func BenchmarkHMACSHA256SignVerify(b *testing.B) {
	benchJS(b, benchData+`
		globalThis.key = await crypto.subtle.importKey("raw", utf8("a-string-secret-at-least-256-bits-long"), {name: "HMAC", hash: "SHA-256"}, false, ["sign", "verify"])`,
		`const s = await crypto.subtle.sign("HMAC", key, data); if (!await crypto.subtle.verify("HMAC", key, s, data)) throw new Error("bad")`)
}

// BenchmarkES256Verify is one ES256 JWT signature check.
func BenchmarkES256Verify(b *testing.B) {
	benchJS(b, benchData+`
		const p = await crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-256"}, true, ["sign", "verify"]);
		globalThis.key = p.publicKey;
		globalThis.sig = await crypto.subtle.sign({name: "ECDSA", hash: "SHA-256"}, p.privateKey, data)`,
		`if (!await crypto.subtle.verify({name: "ECDSA", hash: "SHA-256"}, key, sig, data)) throw new Error("bad")`)
}

// BenchmarkEdDSAVerify is one EdDSA JWT signature check.
func BenchmarkEdDSAVerify(b *testing.B) {
	benchJS(b, benchData+`
		const p = await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"]);
		globalThis.key = p.publicKey;
		globalThis.sig = await crypto.subtle.sign("Ed25519", p.privateKey, data)`,
		`if (!await crypto.subtle.verify("Ed25519", key, sig, data)) throw new Error("bad")`)
}

// BenchmarkRS256Verify is one RS256 JWT signature check (2048-bit key).
func BenchmarkRS256Verify(b *testing.B) {
	benchJS(b, benchData+`
		const p = await crypto.subtle.generateKey({name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256"}, true, ["sign", "verify"]);
		globalThis.key = p.publicKey;
		globalThis.sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", p.privateKey, data)`,
		`if (!await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, sig, data)) throw new Error("bad")`)
}

// BenchmarkDigestSHA256 hashes a short input.
func BenchmarkDigestSHA256(b *testing.B) {
	benchJS(b, benchData, `await crypto.subtle.digest("SHA-256", data)`)
}

// BenchmarkAESGCMEncrypt seals 1 KiB.
func BenchmarkAESGCMEncrypt(b *testing.B) {
	benchJS(b, `globalThis.key = await crypto.subtle.generateKey({name: "AES-GCM", length: 256}, false, ["encrypt"]);
		globalThis.iv = new Uint8Array(12); globalThis.buf = new Uint8Array(1024)`,
		`await crypto.subtle.encrypt({name: "AES-GCM", iv}, key, buf)`)
}

// BenchmarkGetRandomValues fills 16 bytes.
func BenchmarkGetRandomValues(b *testing.B) {
	benchJS(b, `globalThis.buf = new Uint8Array(16)`, `crypto.getRandomValues(buf)`)
}
