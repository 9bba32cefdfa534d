package crypto_test

import (
	gocrypto "crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// The operations the jose library performs in an edge route (JWS HS256,
// RS256, ES256, EdDSA; JWK and JWKS import; JWE with A256GCM content
// encryption, A256KW key wrapping and ECDH-ES key agreement), checked
// against Go's own crypto packages in both directions.

var b64u = base64.RawURLEncoding

// jwsInput is the signing input of a compact JWS.
func jwsInput(alg string) string {
	return b64u.EncodeToString([]byte(`{"alg":"`+alg+`","typ":"JWT"}`)) + "." + b64u.EncodeToString([]byte(`{"sub":"1234567890","name":"edgerun"}`))
}

func TestJoseHS256(t *testing.T) {
	iso := newIsolate(t)
	secret := []byte("a-string-secret-at-least-256-bits-long")
	input := jwsInput("HS256")
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(input))
	want := b64u.EncodeToString(m.Sum(nil))
	got := runJS(t, iso, fmt.Sprintf(`
		const key = await crypto.subtle.importKey("raw", utf8(%q), {hash: "SHA-256", name: "HMAC"}, false, ["sign", "verify"]);
		const sig = await crypto.subtle.sign("HMAC", key, utf8(%q));
		const ok = await crypto.subtle.verify("HMAC", key, sig, utf8(%q));
		const tampered = await crypto.subtle.verify("HMAC", key, sig, utf8(%q + "x"));
		return b64u(sig) + " " + ok + " " + tampered`, secret, input, input, input))
	if got != want+" true false" {
		t.Fatalf("got %q, want %q", got, want+" true false")
	}
}

func TestJoseRS256(t *testing.T) {
	iso := newIsolate(t)
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(priv)
	spki, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	input := jwsInput("RS256")
	h := sha256.Sum256([]byte(input))
	goSig, _ := rsa.SignPKCS1v15(nil, priv, gocrypto.SHA256, h[:])
	got := runJS(t, iso, fmt.Sprintf(`
		const alg = {name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"};
		const priv = await crypto.subtle.importKey("pkcs8", unhex(%q), alg, false, ["sign"]);
		const pub = await crypto.subtle.importKey("spki", unhex(%q), alg, true, ["verify"]);
		const jwk = await crypto.subtle.exportKey("jwk", pub);
		// A JWKS entry as a server publishes it.
		const fromJWKS = await crypto.subtle.importKey("jwk", {...jwk, kid: "k1", use: "sig", alg: "RS256"}, alg, false, ["verify"]);
		const sig = await crypto.subtle.sign(alg.name, priv, utf8(%q));
		const goOk = await crypto.subtle.verify(alg.name, fromJWKS, unhex(%q), utf8(%q));
		return hex(sig) + " " + goOk + " " + jwk.alg + " " + pub.algorithm.modulusLength + " " + hex(pub.algorithm.publicExponent)`,
		hex.EncodeToString(pkcs8), hex.EncodeToString(spki), input, hex.EncodeToString(goSig), input))
	parts := strings.Fields(got)
	if len(parts) != 5 || parts[1] != "true" || parts[2] != "RS256" || parts[3] != "2048" || parts[4] != "010001" {
		t.Fatalf("got %q", got)
	}
	jsSig, _ := hex.DecodeString(parts[0])
	if err := rsa.VerifyPKCS1v15(&priv.PublicKey, gocrypto.SHA256, h[:], jsSig); err != nil {
		t.Fatalf("Go does not verify the JS signature: %v", err)
	}
}

func TestJoseES256(t *testing.T) {
	iso := newIsolate(t)
	priv, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	pt, _ := priv.PublicKey.Bytes()
	d, _ := priv.Bytes()
	input := jwsInput("ES256")
	h := sha256.Sum256([]byte(input))
	r, s, _ := ecdsa.Sign(rand.Reader, priv, h[:])
	goSig := append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...)
	got := runJS(t, iso, fmt.Sprintf(`
		const jwk = {kty: "EC", crv: "P-256", x: %q, y: %q};
		const pub = await crypto.subtle.importKey("jwk", {...jwk, alg: "ES256"}, {name: "ECDSA", namedCurve: "P-256"}, false, ["verify"]);
		const priv = await crypto.subtle.importKey("jwk", {...jwk, d: %q}, {name: "ECDSA", namedCurve: "P-256"}, false, ["sign"]);
		const sig = await crypto.subtle.sign({name: "ECDSA", hash: "SHA-256"}, priv, utf8(%q));
		const ok = await crypto.subtle.verify({name: "ECDSA", hash: "SHA-256"}, pub, unhex(%q), utf8(%q));
		return hex(sig) + " " + ok`,
		b64u.EncodeToString(pt[1:33]), b64u.EncodeToString(pt[33:]), b64u.EncodeToString(d), input, hex.EncodeToString(goSig), input))
	parts := strings.Fields(got)
	if len(parts) != 2 || parts[1] != "true" {
		t.Fatalf("got %q", got)
	}
	sig, _ := hex.DecodeString(parts[0])
	if len(sig) != 64 || !ecdsa.Verify(&priv.PublicKey, h[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		t.Fatalf("Go does not verify the JS signature %x", sig)
	}
}

func TestJoseEdDSA(t *testing.T) {
	iso := newIsolate(t)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(priv)
	input := jwsInput("EdDSA")
	goSig := ed25519.Sign(priv, []byte(input))
	got := runJS(t, iso, fmt.Sprintf(`
		const priv = await crypto.subtle.importKey("pkcs8", unhex(%q), {name: "Ed25519"}, false, ["sign"]);
		const pub = await crypto.subtle.importKey("jwk", {kty: "OKP", crv: "Ed25519", x: %q, alg: "EdDSA"}, "Ed25519", false, ["verify"]);
		const sig = await crypto.subtle.sign("Ed25519", priv, utf8(%q));
		return hex(sig) + " " + await crypto.subtle.verify("Ed25519", pub, unhex(%q), utf8(%q))`,
		hex.EncodeToString(pkcs8), b64u.EncodeToString(pub), input, hex.EncodeToString(goSig), input))
	parts := strings.Fields(got)
	if len(parts) != 2 || parts[1] != "true" {
		t.Fatalf("got %q", got)
	}
	sig, _ := hex.DecodeString(parts[0])
	if !ed25519.Verify(pub, []byte(input), sig) {
		t.Fatal("Go does not verify the JS signature")
	}
}

// TestJoseJWE performs A256KW + A256GCM: wrap a fresh CEK with the KEK,
// encrypt with the protected header as additional data, and decrypts the
// result with Go.
func TestJoseJWE(t *testing.T) {
	iso := newIsolate(t)
	kek := make([]byte, 32)
	rand.Read(kek)
	protected := b64u.EncodeToString([]byte(`{"alg":"A256KW","enc":"A256GCM"}`))
	got := runJS(t, iso, fmt.Sprintf(`
		const kek = await crypto.subtle.importKey("raw", unhex(%q), "AES-KW", false, ["wrapKey", "unwrapKey"]);
		const cek = crypto.getRandomValues(new Uint8Array(32));
		const cekKey = await crypto.subtle.importKey("raw", cek, "AES-GCM", true, ["encrypt"]);
		const encryptedKey = await crypto.subtle.wrapKey("raw", cekKey, kek, "AES-KW");
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const sealed = new Uint8Array(await crypto.subtle.encrypt({name: "AES-GCM", iv, additionalData: utf8(%q), tagLength: 128}, cekKey, utf8("a secret payload")));
		// The recipient unwraps the CEK and decrypts.
		const unwrapped = await crypto.subtle.unwrapKey("raw", encryptedKey, kek, "AES-KW", "AES-GCM", false, ["decrypt"]);
		const plain = await crypto.subtle.decrypt({name: "AES-GCM", iv, additionalData: utf8(%q)}, unwrapped, sealed);
		return [hex(encryptedKey), hex(iv), hex(sealed), hex(cek), new TextDecoderShim().decode(plain)].join(" ")`,
		hex.EncodeToString(kek), protected, protected))
	parts := strings.Fields(got)
	if len(parts) < 5 || strings.Join(parts[4:], " ") != "a secret payload" {
		t.Fatalf("got %q", got)
	}
	iv, _ := hex.DecodeString(parts[1])
	sealed, _ := hex.DecodeString(parts[2])
	cek, _ := hex.DecodeString(parts[3])
	block, _ := aes.NewCipher(cek)
	g, _ := cipher.NewGCM(block)
	plain, err := g.Open(nil, iv, sealed, []byte(protected))
	if err != nil || string(plain) != "a secret payload" {
		t.Fatalf("Go could not decrypt: %v %q", err, plain)
	}
}

// TestJoseECDHES derives the ECDH-ES shared secret both ways.
func TestJoseECDHES(t *testing.T) {
	iso := newIsolate(t)
	for _, tc := range []struct {
		curve ecdh.Curve
		alg   string
		bits  int
	}{{ecdh.P256(), `{name: "ECDH", namedCurve: "P-256"}`, 256}, {ecdh.P521(), `{name: "ECDH", namedCurve: "P-521"}`, 528}, {ecdh.X25519(), `"X25519"`, 256}} {
		goPriv, _ := tc.curve.GenerateKey(rand.Reader)
		got := runJS(t, iso, fmt.Sprintf(`
			const alg = %s;
			const eph = await crypto.subtle.generateKey(alg, true, ["deriveBits"]);
			const peer = await crypto.subtle.importKey("raw", unhex(%q), alg, true, []);
			const z = await crypto.subtle.deriveBits({name: alg.name || alg, public: peer}, eph.privateKey, %d);
			return hex(await crypto.subtle.exportKey("raw", eph.publicKey)) + " " + hex(z)`,
			tc.alg, hex.EncodeToString(goPriv.PublicKey().Bytes()), tc.bits))
		parts := strings.Fields(got)
		if len(parts) != 2 {
			t.Fatalf("got %q", got)
		}
		ephRaw, _ := hex.DecodeString(parts[0])
		ephPub, err := tc.curve.NewPublicKey(ephRaw)
		if err != nil {
			t.Fatal(err)
		}
		z, _ := goPriv.ECDH(ephPub)
		if hex.EncodeToString(z) != parts[1] {
			t.Fatalf("%v: JS derived %s, Go %x", tc.curve, parts[1], z)
		}
	}
}
