package crypto

// Ed25519 and X25519 (https://w3c.github.io/webcrypto/#ed25519,
// https://w3c.github.io/webcrypto/#x25519) and Ed448 and X448
// (https://wicg.github.io/webcrypto-secure-curves/): the four "OKP" key
// types share raw, SPKI, PKCS#8 (RFC 8410) and JWK (RFC 8037) handling.
// Ed448 and X448 come from Cloudflare's circl.

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/asn1"
	"sync"

	"filippo.io/edwards25519"
	"github.com/cloudflare/circl/dh/x448"
	"github.com/cloudflare/circl/sign/ed448"
)

// okpKey is the handle of an OKP key: the public key, and the private key
// (the RFC 8032 seed or the RFC 7748 scalar) for private keys.
type okpKey struct {
	priv []byte
	pub  []byte

	// For Ed25519 public keys: whether pub is invalid or of small order,
	// worked out once per key rather than per verification.
	checkOnce  sync.Once
	smallOrder bool
}

type okpAlg struct {
	name    string
	oid     asn1.ObjectIdentifier
	size    int // bytes of public and private keys
	signing bool
	public  usageSet
	private usageSet
}

var (
	ed25519Alg = &okpAlg{name: "Ed25519", oid: oidEd25519, size: 32, signing: true, public: useVerify, private: useSign}
	ed448Alg   = &okpAlg{name: "Ed448", oid: oidEd448, size: 57, signing: true, public: useVerify, private: useSign}
	x25519Alg  = &okpAlg{name: "X25519", oid: oidX25519, size: 32, public: 0, private: usagesDerive}
	x448Alg    = &okpAlg{name: "X448", oid: oidX448, size: 56, public: 0, private: usagesDerive}
)

// publicFromPrivate derives the public key of a private key.
func (a *okpAlg) publicFromPrivate(priv []byte) ([]byte, error) {
	switch a.name {
	case "Ed25519":
		return ed25519.NewKeyFromSeed(priv).Public().(ed25519.PublicKey), nil
	case "Ed448":
		return ed448.NewKeyFromSeed(priv).Public().(ed448.PublicKey), nil
	case "X25519":
		k, err := ecdh.X25519().NewPrivateKey(priv)
		if err != nil {
			return nil, err
		}
		return k.PublicKey().Bytes(), nil
	case "X448":
		var sk, pk x448.Key
		copy(sk[:], priv)
		x448.KeyGen(&pk, &sk)
		return pk[:], nil
	}
	return nil, errorf(errNotSupported, "Unsupported algorithm")
}

func (a *okpAlg) keyAlg() keyAlgorithm { return keyAlgorithm{name: a.name} }

func (a *okpAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(a.public | a.private) {
		return nil, errUsages
	}
	priv := make([]byte, a.size)
	_, _ = rand.Read(priv)
	pub, err := a.publicFromPrivate(priv)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return keyPair{
		public:  &Key{typ: keyPublic, extractable: true, usages: usages & a.public, alg: a.keyAlg(), handle: &okpKey{pub: pub}},
		private: &Key{typ: keyPrivate, extractable: extractable, usages: usages & a.private, alg: a.keyAlg(), handle: &okpKey{priv: priv, pub: pub}},
	}, nil
}

func (a *okpAlg) checkParams(op string, p *params, _ int64) error {
	switch op {
	case opSign, opVerify:
		if a.name == "Ed448" && len(p.context) > 255 {
			return errorf(errOperation, "The context must be at most 255 bytes")
		}
	case opDeriveBits:
		if p.public == nil || p.public.typ != keyPublic || p.public.alg.name != a.name {
			return errorf(errInvalidAccess, "The public parameter for key derivation is not a public %s key", a.name)
		}
	}
	return nil
}

func (a *okpAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	switch format {
	case "spki":
		if !usages.subsetOf(a.public) {
			return nil, errUsages
		}
		info, err := parseSPKI(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(a.oid) {
			return nil, errorf(errData, "The key is not an %s key", a.name)
		}
		if info.alg.hasParams {
			return nil, errorf(errData, "The %s AlgorithmIdentifier must not have parameters", a.name)
		}
		if len(info.key) != a.size {
			return nil, errorf(errData, "Invalid %s public key length", a.name)
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: &okpKey{pub: copyBytes(info.key)}}, nil
	case "pkcs8":
		if !usages.subsetOf(a.private) {
			return nil, errUsages
		}
		info, err := parsePKCS8(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(a.oid) {
			return nil, errorf(errData, "The key is not an %s key", a.name)
		}
		if info.alg.hasParams {
			return nil, errorf(errData, "The %s AlgorithmIdentifier must not have parameters", a.name)
		}
		// The privateKey field holds a CurvePrivateKey (an OCTET STRING).
		priv, ok := readOctetString(info.privateKey)
		if !ok || len(priv) != a.size {
			return nil, errorf(errData, "Invalid %s private key", a.name)
		}
		pub, err := a.publicFromPrivate(priv)
		if err != nil {
			return nil, errorf(errData, "Invalid %s private key", a.name)
		}
		return &Key{typ: keyPrivate, alg: a.keyAlg(), handle: &okpKey{priv: copyBytes(priv), pub: pub}}, nil
	case "jwk":
		return a.importJWK(data.(*jwk), extractable, usages)
	case "raw", "raw-public":
		if !usages.subsetOf(a.public) {
			return nil, errUsages
		}
		raw := data.([]byte)
		if len(raw) != a.size {
			return nil, errorf(errData, "Invalid %s public key length", a.name)
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: &okpKey{pub: copyBytes(raw)}}, nil
	}
	return nil, errImportFormat
}

func (a *okpAlg) importJWK(j *jwk, extractable bool, usages usageSet) (*Key, error) {
	_, private := j.get("d")
	if (private && !usages.subsetOf(a.private)) || (!private && !usages.subsetOf(a.public)) {
		return nil, errUsages
	}
	if kty, _ := j.get("kty"); kty != "OKP" {
		return nil, errorf(errData, "The JWK \"kty\" member was not \"OKP\"")
	}
	if crv, _ := j.get("crv"); crv != a.name {
		return nil, errorf(errData, "The JWK \"crv\" member was not \"%s\"", a.name)
	}
	if alg, ok := j.get("alg"); ok && a.signing && alg != a.name && alg != "EdDSA" {
		return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
	}
	use := "sig"
	if !a.signing {
		use = "enc"
	}
	if err := checkJWKCommon(j, extractable, usages, use); err != nil {
		return nil, err
	}
	x, err := j.bytesOf("x")
	if err != nil {
		return nil, err
	}
	if len(x) != a.size {
		return nil, errorf(errData, "Invalid %s public key length", a.name)
	}
	if !private {
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: &okpKey{pub: x}}, nil
	}
	d, err := j.bytesOf("d")
	if err != nil {
		return nil, err
	}
	if len(d) != a.size {
		return nil, errorf(errData, "Invalid %s private key length", a.name)
	}
	pub, err := a.publicFromPrivate(d)
	if err != nil || !bytes.Equal(pub, x) {
		return nil, errorf(errData, "The JWK's private and public keys do not match")
	}
	return &Key{typ: keyPrivate, alg: a.keyAlg(), handle: &okpKey{priv: d, pub: pub}}, nil
}

func (a *okpAlg) exportKey(format string, k *Key) (any, error) {
	h := k.handle.(*okpKey)
	switch format {
	case "spki":
		if k.typ != keyPublic {
			return nil, errKeyType
		}
		return marshalSPKI(a.oid, nil, h.pub), nil
	case "pkcs8":
		if k.typ != keyPrivate {
			return nil, errKeyType
		}
		return marshalPKCS8(a.oid, nil, octetString(h.priv)), nil
	case "raw", "raw-public":
		if k.typ != keyPublic {
			return nil, errKeyType
		}
		return copyBytes(h.pub), nil
	case "jwk":
		j := newJWK()
		j.set("kty", "OKP")
		if a.signing {
			j.set("alg", a.name)
		}
		j.set("crv", a.name)
		j.setBytes("x", h.pub)
		if k.typ == keyPrivate {
			j.setBytes("d", h.priv)
		}
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

func (a *okpAlg) publicKey(k *Key) (*Key, error) {
	return &Key{handle: &okpKey{pub: k.handle.(*okpKey).pub}}, nil
}

func (a *okpAlg) sign(p *params, k *Key, message []byte) ([]byte, error) {
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	h := k.handle.(*okpKey)
	if a.name == "Ed448" {
		if len(p.context) > 255 {
			return nil, errorf(errOperation, "The context must be at most 255 bytes")
		}
		return ed448.Sign(ed448.NewKeyFromSeed(h.priv), message, string(p.context)), nil
	}
	return ed25519.Sign(ed25519.NewKeyFromSeed(h.priv), message), nil
}

func (a *okpAlg) verify(p *params, k *Key, signature, message []byte) (bool, error) {
	if k.typ != keyPublic {
		return false, errKeyType
	}
	h := k.handle.(*okpKey)
	if a.name == "Ed448" {
		if len(p.context) > 255 {
			return false, errorf(errOperation, "The context must be at most 255 bytes")
		}
		if len(signature) != ed448.SignatureSize {
			return false, nil
		}
		return ed448.Verify(ed448.PublicKey(h.pub), message, signature, string(p.context)), nil
	}
	if len(signature) != ed25519.SignatureSize {
		return false, nil
	}
	// An invalid or small-order public key or R is rejected (crypto/ed25519
	// does not check the order).
	h.checkOnce.Do(func() { h.smallOrder = ed25519SmallOrder(h.pub) })
	if h.smallOrder || ed25519SmallOrder(signature[:32]) {
		return false, nil
	}
	return ed25519.Verify(ed25519.PublicKey(h.pub), message, signature), nil
}

// ed25519SmallOrder reports whether b encodes a point that is not on the
// curve or whose order divides the cofactor 8.
func ed25519SmallOrder(b []byte) bool {
	pt, err := new(edwards25519.Point).SetBytes(b)
	if err != nil {
		return true
	}
	return new(edwards25519.Point).MultByCofactor(pt).Equal(edwards25519.NewIdentityPoint()) == 1
}

// deriveBits implements X25519's and X448's derive bits operation.
func (a *okpAlg) deriveBits(p *params, k *Key, length int64) ([]byte, error) {
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	pubKey := p.public
	if pubKey.typ != keyPublic {
		return nil, errorf(errInvalidAccess, "The public parameter for key derivation is not a public key")
	}
	if pubKey.alg.name != k.alg.name {
		return nil, errorf(errInvalidAccess, "The public parameter for key derivation must be for %s", a.name)
	}
	priv := k.handle.(*okpKey).priv
	pub := pubKey.handle.(*okpKey).pub
	var secret []byte
	switch a.name {
	case "X25519":
		sk, err := ecdh.X25519().NewPrivateKey(priv)
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		pk, err := ecdh.X25519().NewPublicKey(pub)
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		// ECDH fails for the all-zero output (a small-order public key).
		if secret, err = sk.ECDH(pk); err != nil {
			return nil, errorf(errOperation, "The shared secret is all zeros")
		}
	case "X448":
		var sk, pk, shared x448.Key
		copy(sk[:], priv)
		copy(pk[:], pub)
		if !x448.Shared(&shared, &sk, &pk) {
			return nil, errorf(errOperation, "The shared secret is all zeros")
		}
		secret = shared[:]
	}
	return truncateBits(secret, length)
}
