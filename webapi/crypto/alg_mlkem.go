package crypto

// ML-KEM-512, ML-KEM-768 and ML-KEM-1024
// (https://wicg.github.io/webcrypto-modern-algos/#ml-kem). ML-KEM-768 and
// ML-KEM-1024 use Go's crypto/mlkem; Go has no ML-KEM-512, which comes from
// Cloudflare's circl. Private keys are kept as their 64-byte seed (d || z),
// the form "raw-seed" and PKCS#8 export.

import (
	"crypto/mlkem"
	"crypto/rand"
	"encoding/asn1"

	circlmlkem512 "github.com/cloudflare/circl/kem/mlkem/mlkem512"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

const mlkemSeedSize = 64

// mlkemKey is an ML-KEM key handle: the encapsulation key, and the seed
// for private keys.
type mlkemKey struct {
	seed []byte // nil for public keys
	pub  []byte
}

type mlkemAlg struct {
	name string
	oid  asn1.ObjectIdentifier
	// fromSeed expands a seed into its encapsulation key.
	fromSeed func(seed []byte) ([]byte, error)
	// encapsulate runs the encapsulation key check and ML-KEM.Encaps.
	encapsulate func(pub []byte) (shared, ct []byte, err error)
	// decapsulate runs ML-KEM.Decaps with the key of a seed.
	decapsulate func(seed, ct []byte) ([]byte, error)
}

var (
	mlkem512Alg = &mlkemAlg{
		name: "ML-KEM-512", oid: oidMLKEM512,
		fromSeed: func(seed []byte) ([]byte, error) {
			pk, _ := circlmlkem512.NewKeyFromSeed(seed)
			b := make([]byte, circlmlkem512.PublicKeySize)
			pk.Pack(b)
			return b, nil
		},
		encapsulate: func(pub []byte) ([]byte, []byte, error) {
			pk, err := circlmlkem512.Scheme().UnmarshalBinaryPublicKey(pub)
			if err != nil {
				return nil, nil, err
			}
			ct, ss, err := circlmlkem512.Scheme().Encapsulate(pk)
			return ss, ct, err
		},
		decapsulate: func(seed, ct []byte) ([]byte, error) {
			_, sk := circlmlkem512.NewKeyFromSeed(seed)
			return circlmlkem512.Scheme().Decapsulate(sk, ct)
		},
	}
	mlkem768Alg = &mlkemAlg{
		name: "ML-KEM-768", oid: oidMLKEM768,
		fromSeed: func(seed []byte) ([]byte, error) {
			dk, err := mlkem.NewDecapsulationKey768(seed)
			if err != nil {
				return nil, err
			}
			return dk.EncapsulationKey().Bytes(), nil
		},
		encapsulate: func(pub []byte) ([]byte, []byte, error) {
			ek, err := mlkem.NewEncapsulationKey768(pub)
			if err != nil {
				return nil, nil, err
			}
			ss, ct := ek.Encapsulate()
			return ss, ct, nil
		},
		decapsulate: func(seed, ct []byte) ([]byte, error) {
			dk, err := mlkem.NewDecapsulationKey768(seed)
			if err != nil {
				return nil, err
			}
			return dk.Decapsulate(ct)
		},
	}
	mlkem1024Alg = &mlkemAlg{
		name: "ML-KEM-1024", oid: oidMLKEM1024,
		fromSeed: func(seed []byte) ([]byte, error) {
			dk, err := mlkem.NewDecapsulationKey1024(seed)
			if err != nil {
				return nil, err
			}
			return dk.EncapsulationKey().Bytes(), nil
		},
		encapsulate: func(pub []byte) ([]byte, []byte, error) {
			ek, err := mlkem.NewEncapsulationKey1024(pub)
			if err != nil {
				return nil, nil, err
			}
			ss, ct := ek.Encapsulate()
			return ss, ct, nil
		},
		decapsulate: func(seed, ct []byte) ([]byte, error) {
			dk, err := mlkem.NewDecapsulationKey1024(seed)
			if err != nil {
				return nil, err
			}
			return dk.Decapsulate(ct)
		},
	}
)

func (a *mlkemAlg) publicUsages() usageSet { return usagesEncaps }

func (a *mlkemAlg) keyAlg() keyAlgorithm { return keyAlgorithm{name: a.name} }

// checkPublic runs the encapsulation key check (FIPS 203 §7.2) by parsing
// the key.
func (a *mlkemAlg) checkPublic(pub []byte) bool {
	_, _, err := a.encapsulate(pub)
	return err == nil
}

func (a *mlkemAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(usagesEncaps | usagesDecaps) {
		return nil, errUsages
	}
	seed := make([]byte, mlkemSeedSize)
	_, _ = rand.Read(seed)
	pub, err := a.fromSeed(seed)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return keyPair{
		public:  &Key{typ: keyPublic, extractable: true, usages: usages & usagesEncaps, alg: a.keyAlg(), handle: &mlkemKey{pub: pub}},
		private: &Key{typ: keyPrivate, extractable: extractable, usages: usages & usagesDecaps, alg: a.keyAlg(), handle: &mlkemKey{seed: seed, pub: pub}},
	}, nil
}

func (a *mlkemAlg) privateFromSeed(seed []byte) (*Key, error) {
	if len(seed) != mlkemSeedSize {
		return nil, errorf(errData, "The ML-KEM seed must be 64 bytes")
	}
	pub, err := a.fromSeed(seed)
	if err != nil {
		return nil, errorf(errData, "Invalid ML-KEM seed")
	}
	return &Key{typ: keyPrivate, alg: a.keyAlg(), handle: &mlkemKey{seed: copyBytes(seed), pub: pub}}, nil
}

func (a *mlkemAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	switch format {
	case "spki":
		if !usages.subsetOf(usagesEncaps) {
			return nil, errUsages
		}
		info, err := parseSPKI(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(a.oid) || info.alg.hasParams {
			return nil, errorf(errData, "The key is not an %s key", a.name)
		}
		if !a.checkPublic(info.key) {
			return nil, errorf(errData, "Invalid %s public key", a.name)
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: &mlkemKey{pub: copyBytes(info.key)}}, nil
	case "pkcs8":
		if !usages.subsetOf(usagesDecaps) {
			return nil, errUsages
		}
		info, err := parsePKCS8(data.([]byte))
		if err != nil {
			return nil, err
		}
		if !info.alg.oid.Equal(a.oid) || info.alg.hasParams {
			return nil, errorf(errData, "The key is not an %s key", a.name)
		}
		seed, err := readPQSeed(info.privateKey, mlkemSeedSize)
		if err != nil {
			return nil, err
		}
		return a.privateFromSeed(seed)
	case "raw-public":
		if !usages.subsetOf(usagesEncaps) {
			return nil, errUsages
		}
		raw := data.([]byte)
		if !a.checkPublic(raw) {
			return nil, errorf(errData, "Invalid %s public key", a.name)
		}
		return &Key{typ: keyPublic, alg: a.keyAlg(), handle: &mlkemKey{pub: copyBytes(raw)}}, nil
	case "raw-seed":
		if !usages.subsetOf(usagesDecaps) {
			return nil, errUsages
		}
		return a.privateFromSeed(data.([]byte))
	case "jwk":
		return nil, errorf(errNotSupported, "The JWK format for ML-KEM is not standardized yet")
	}
	return nil, errImportFormat
}

func (a *mlkemAlg) exportKey(format string, k *Key) (any, error) {
	h := k.handle.(*mlkemKey)
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
		return nil, errorf(errNotSupported, "The JWK format for ML-KEM is not standardized yet")
	}
	return nil, errExportFormat
}

func (a *mlkemAlg) publicKey(k *Key) (*Key, error) {
	return &Key{handle: &mlkemKey{pub: k.handle.(*mlkemKey).pub}}, nil
}

func (a *mlkemAlg) encapsulateOp(k *Key) ([]byte, []byte, error) {
	if k.typ != keyPublic {
		return nil, nil, errKeyType
	}
	shared, ct, err := a.encapsulate(k.handle.(*mlkemKey).pub)
	if err != nil {
		return nil, nil, errorf(errOperation, "%s", err)
	}
	return shared, ct, nil
}

// mlkemKEM adapts mlkemAlg to the kem interface (encapsulate is also the
// name of a field).
type mlkemKEM struct{ *mlkemAlg }

func (a mlkemKEM) encapsulate(p *params, k *Key) ([]byte, []byte, error) {
	return a.encapsulateOp(k)
}

func (a mlkemKEM) decapsulate(p *params, k *Key, ct []byte) ([]byte, error) {
	if k.typ != keyPrivate {
		return nil, errKeyType
	}
	out, err := a.mlkemAlg.decapsulate(k.handle.(*mlkemKey).seed, ct)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return out, nil
}

// readPQSeed parses the ML-KEM / ML-DSA PrivateKey CHOICE of the IETF
// LAMPS drafts and returns its seed. Only the seed form [0] IMPLICIT OCTET
// STRING is supported: the expandedKey and both forms are a
// NotSupportedError, as the Modern Algorithms draft allows.
func readPQSeed(der []byte, size int) ([]byte, error) {
	s := cryptobyte.String(der)
	var seed cryptobyte.String
	if s.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific()) {
		if !s.ReadASN1(&seed, cbasn1.Tag(0).ContextSpecific()) || !s.Empty() || len(seed) != size {
			return nil, errorf(errData, "Invalid private key seed")
		}
		return seed, nil
	}
	if s.PeekASN1Tag(cbasn1.OCTET_STRING) || s.PeekASN1Tag(cbasn1.SEQUENCE) {
		return nil, errorf(errNotSupported, "Only the seed format of private keys is supported")
	}
	return nil, errorf(errData, "Invalid private key")
}

func marshalPQSeed(seed []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.Tag(0).ContextSpecific(), func(b *cryptobyte.Builder) { b.AddBytes(seed) })
	return b.BytesOrPanic()
}
