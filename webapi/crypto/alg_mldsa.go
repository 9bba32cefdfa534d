package crypto

// ML-DSA-44, ML-DSA-65 and ML-DSA-87
// (https://wicg.github.io/webcrypto-modern-algos/#ml-dsa) with Cloudflare's
// circl (Go's standard library has no ML-DSA). Private keys keep their
// 32-byte seed ξ for "raw-seed", PKCS#8 and JWK export.

import (
	"bytes"
	"crypto/rand"
	"encoding/asn1"

	"github.com/cloudflare/circl/sign"
	"github.com/cloudflare/circl/sign/mldsa/mldsa44"
	"github.com/cloudflare/circl/sign/mldsa/mldsa65"
	"github.com/cloudflare/circl/sign/mldsa/mldsa87"
)

const mldsaSeedSize = 32

type mldsaKey struct {
	seed []byte // nil for public keys
	pub  []byte
	sk   sign.PrivateKey
	pk   sign.PublicKey
}

type mldsaAlg struct {
	name   string
	oid    asn1.ObjectIdentifier
	scheme sign.Scheme
	// signTo is the parameter set's hedged ML-DSA.Sign with a context.
	signTo func(sk sign.PrivateKey, msg, ctx []byte, sig []byte) error
}

var (
	mldsa44Alg = &mldsaAlg{name: "ML-DSA-44", oid: oidMLDSA44, scheme: mldsa44.Scheme(),
		signTo: func(sk sign.PrivateKey, msg, ctx, sig []byte) error {
			return mldsa44.SignTo(sk.(*mldsa44.PrivateKey), msg, ctx, true, sig)
		}}
	mldsa65Alg = &mldsaAlg{name: "ML-DSA-65", oid: oidMLDSA65, scheme: mldsa65.Scheme(),
		signTo: func(sk sign.PrivateKey, msg, ctx, sig []byte) error {
			return mldsa65.SignTo(sk.(*mldsa65.PrivateKey), msg, ctx, true, sig)
		}}
	mldsa87Alg = &mldsaAlg{name: "ML-DSA-87", oid: oidMLDSA87, scheme: mldsa87.Scheme(),
		signTo: func(sk sign.PrivateKey, msg, ctx, sig []byte) error {
			return mldsa87.SignTo(sk.(*mldsa87.PrivateKey), msg, ctx, true, sig)
		}}
)

func (a *mldsaAlg) publicUsages() usageSet { return useVerify }

func (a *mldsaAlg) keyAlg() keyAlgorithm { return keyAlgorithm{name: a.name} }

func (a *mldsaAlg) fromSeed(seed []byte) (*mldsaKey, error) {
	if len(seed) != mldsaSeedSize {
		return nil, errorf(errData, "The ML-DSA seed must be 32 bytes")
	}
	pk, sk := a.scheme.DeriveKey(seed)
	pub, err := pk.MarshalBinary()
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return &mldsaKey{seed: copyBytes(seed), pub: pub, sk: sk, pk: pk}, nil
}

func (a *mldsaAlg) fromPublic(pub []byte) (*mldsaKey, error) {
	pk, err := a.scheme.UnmarshalBinaryPublicKey(pub)
	if err != nil {
		return nil, errorf(errData, "Invalid %s public key", a.name)
	}
	return &mldsaKey{pub: copyBytes(pub), pk: pk}, nil
}

func (a *mldsaAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(usagesSign) {
		return nil, errUsages
	}
	seed := make([]byte, mldsaSeedSize)
	_, _ = rand.Read(seed)
	h, err := a.fromSeed(seed)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return keyPair{
		public:  &Key{typ: keyPublic, extractable: true, usages: usages & useVerify, alg: a.keyAlg(), handle: &mldsaKey{pub: h.pub, pk: h.pk}},
		private: &Key{typ: keyPrivate, extractable: extractable, usages: usages & useSign, alg: a.keyAlg(), handle: h},
	}, nil
}

func (a *mldsaAlg) checkParams(op string, p *params, _ int64) error {
	if (op == opSign || op == opVerify) && len(p.context) > 255 {
		return errorf(errOperation, "The context must be at most 255 bytes")
	}
	return nil
}

func (a *mldsaAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	switch format {
	case "spki":
		if !usages.subsetOf(useVerify) {
			return nil, errUsages
		}
		info, err := parseSPKI(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(a.oid) || info.alg.hasParams {
			return nil, errorf(errData, "The key is not an %s key", a.name)
		}
		h, err := a.fromPublic(info.key)
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: h}, nil
	case "pkcs8":
		if !usages.subsetOf(useSign) {
			return nil, errUsages
		}
		info, err := parsePKCS8(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(a.oid) || info.alg.hasParams {
			return nil, errorf(errData, "The key is not an %s key", a.name)
		}
		seed, err := readPQSeed(info.privateKey, mldsaSeedSize)
		if err != nil {
			return nil, err
		}
		h, err := a.fromSeed(seed)
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPrivate, alg: a.keyAlg(), handle: h}, nil
	case "raw-public":
		if !usages.subsetOf(useVerify) {
			return nil, errUsages
		}
		h, err := a.fromPublic(data.([]byte))
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: h}, nil
	case "raw-seed":
		if !usages.subsetOf(useSign) {
			return nil, errUsages
		}
		h, err := a.fromSeed(data.([]byte))
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPrivate, alg: a.keyAlg(), handle: h}, nil
	case "jwk":
		return a.importJWK(data.(*jwk), extractable, usages)
	}
	return nil, errImportFormat
}

func (a *mldsaAlg) importJWK(j *jwk, extractable bool, usages usageSet) (*Key, error) {
	_, private := j.get("priv")
	if (private && !usages.subsetOf(useSign)) || (!private && !usages.subsetOf(useVerify)) {
		return nil, errUsages
	}
	if kty, _ := j.get("kty"); kty != "AKP" {
		return nil, errorf(errData, "The JWK \"kty\" member was not \"AKP\"")
	}
	if alg, _ := j.get("alg"); alg != a.name {
		return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
	}
	if err := checkJWKCommon(j, extractable, usages, "sig"); err != nil {
		return nil, err
	}
	pub, err := j.bytesOf("pub")
	if err != nil {
		return nil, err
	}
	if !private {
		h, err := a.fromPublic(pub)
		if err != nil {
			return nil, err
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: h}, nil
	}
	seed, err := j.bytesOf("priv")
	if err != nil {
		return nil, err
	}
	h, err := a.fromSeed(seed)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(h.pub, pub) {
		return nil, errorf(errData, "The JWK's private and public keys do not match")
	}
	return &Key{typ: keyPrivate, alg: a.keyAlg(), handle: h}, nil
}

func (a *mldsaAlg) exportKey(format string, k *Key) (any, error) {
	h := k.handle.(*mldsaKey)
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
		return marshalPKCS8(a.oid, nil, marshalPQSeed(h.seed)), nil
	case "raw-public":
		if k.typ != keyPublic {
			return nil, errKeyType
		}
		return copyBytes(h.pub), nil
	case "raw-seed":
		if k.typ != keyPrivate {
			return nil, errKeyType
		}
		return copyBytes(h.seed), nil
	case "jwk":
		j := newJWK()
		j.set("kty", "AKP")
		j.set("alg", a.name)
		j.setBytes("pub", h.pub)
		if k.typ == keyPrivate {
			j.setBytes("priv", h.seed)
		}
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

func (a *mldsaAlg) publicKey(k *Key) (*Key, error) {
	h := k.handle.(*mldsaKey)
	return &Key{handle: &mldsaKey{pub: h.pub, pk: h.pk}}, nil
}

func (a *mldsaAlg) sign(p *params, k *Key, message []byte) ([]byte, error) {
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	if len(p.context) > 255 {
		return nil, errorf(errOperation, "The context must be at most 255 bytes")
	}
	sig := make([]byte, a.scheme.SignatureSize())
	if err := a.signTo(k.handle.(*mldsaKey).sk, message, p.context, sig); err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return sig, nil
}

func (a *mldsaAlg) verify(p *params, k *Key, signature, message []byte) (bool, error) {
	if k.typ != keyPublic {
		return false, errKeyType
	}
	if len(p.context) > 255 {
		return false, errorf(errOperation, "The context must be at most 255 bytes")
	}
	if len(signature) != a.scheme.SignatureSize() {
		return false, nil
	}
	return a.scheme.Verify(k.handle.(*mldsaKey).pk, message, signature, &sign.SignatureOpts{Context: string(p.context)}), nil
}
