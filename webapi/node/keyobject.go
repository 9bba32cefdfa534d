package node

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// keyHandleSymbol is the Symbol.for key under which a KeyObject keeps its Go handle.
const keyHandleSymbol = "edgerun.crypto.keyHandle"

// keyObject backs crypto.KeyObject instances: a secret ([]byte) or an
// asymmetric key from Go's crypto packages.
type keyObject struct {
	jsclass.Shell
	kind string // "secret", "public" or "private"
	key  any
}

// errKeyFormat is the generic "could not decode this key" error; Node
// reports OpenSSL's decoder error, which JS sees as ERR_OSSL_UNSUPPORTED.
var errKeyFormat = errors.New("error:1E08010C:DECODER routines::unsupported")

// keyType is KeyObject.asymmetricKeyType.
func (k *keyObject) keyType() string {
	switch key := k.key.(type) {
	case *rsa.PublicKey, *rsa.PrivateKey:
		return "rsa"
	case *ecdsa.PublicKey, *ecdsa.PrivateKey:
		return "ec"
	case ed25519.PublicKey, ed25519.PrivateKey:
		return "ed25519"
	case *ecdh.PublicKey:
		if key.Curve() == ecdh.X25519() {
			return "x25519"
		}
		return "ec"
	case *ecdh.PrivateKey:
		if key.Curve() == ecdh.X25519() {
			return "x25519"
		}
		return "ec"
	}
	return ""
}

// curveName is Node's namedCurve for an elliptic curve.
func curveName(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "prime256v1"
	case elliptic.P384():
		return "secp384r1"
	case elliptic.P521():
		return "secp521r1"
	case elliptic.P224():
		return "secp224r1"
	}
	return c.Params().Name
}

func curveByName(name string) (elliptic.Curve, bool) {
	switch name {
	case "prime256v1", "P-256", "secp256r1":
		return elliptic.P256(), true
	case "secp384r1", "P-384":
		return elliptic.P384(), true
	case "secp521r1", "P-521":
		return elliptic.P521(), true
	case "secp224r1", "P-224":
		return elliptic.P224(), true
	}
	return nil, false
}

func jwkCurveName(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "P-256"
	case elliptic.P384():
		return "P-384"
	case elliptic.P521():
		return "P-521"
	}
	return ""
}

// publicKey returns the public half of an asymmetric key.
func publicOf(key any) any {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return &k.PublicKey
	case *ecdsa.PrivateKey:
		return &k.PublicKey
	case ed25519.PrivateKey:
		return k.Public().(ed25519.PublicKey)
	case *ecdh.PrivateKey:
		return k.PublicKey()
	}
	return key
}

// parsePublicKey decodes a public key (or derives it from a private key
// or certificate) in the given format: "pem", "der" (type "spki" or
// "pkcs1") or "jwk".
func parsePublicKey(format, typ string, data []byte) (any, error) {
	switch format {
	case "pem":
		rest := data
		for {
			var block *pem.Block
			block, rest = pem.Decode(rest)
			if block == nil {
				return nil, errKeyFormat
			}
			switch block.Type {
			case "PUBLIC KEY":
				return x509.ParsePKIXPublicKey(block.Bytes)
			case "RSA PUBLIC KEY":
				return x509.ParsePKCS1PublicKey(block.Bytes)
			case "CERTIFICATE":
				cert, err := x509.ParseCertificate(block.Bytes)
				if err != nil {
					return nil, err
				}
				return cert.PublicKey, nil
			case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY":
				priv, err := parsePEMPrivate(block)
				if err != nil {
					return nil, err
				}
				return publicOf(priv), nil
			}
		}
	case "der":
		switch typ {
		case "pkcs1":
			return x509.ParsePKCS1PublicKey(data)
		case "spki", "":
			return x509.ParsePKIXPublicKey(data)
		}
		return nil, fmt.Errorf("The property 'options.type' is invalid. Received '%s'", typ)
	case "jwk":
		k, private, err := parseJWK(data)
		if err != nil {
			return nil, err
		}
		if private {
			return publicOf(k), nil
		}
		return k, nil
	}
	return nil, errKeyFormat
}

func parsePEMPrivate(block *pem.Block) (any, error) {
	switch block.Type {
	case "PRIVATE KEY":
		return x509.ParsePKCS8PrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		if x509.IsEncryptedPEMBlock(block) { //nolint:staticcheck // detect legacy encryption to report it
			return nil, errors.New("edgerun: node:crypto.createPrivateKey is not supported for encrypted PEM keys")
		}
		return x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		return x509.ParseECPrivateKey(block.Bytes)
	case "ENCRYPTED PRIVATE KEY":
		return nil, errors.New("edgerun: node:crypto.createPrivateKey is not supported for encrypted PKCS#8 keys")
	}
	return nil, errKeyFormat
}

// parsePrivateKey decodes a private key: "pem", "der" (type "pkcs8",
// "pkcs1" or "sec1") or "jwk".
func parsePrivateKey(format, typ string, data []byte) (any, error) {
	switch format {
	case "pem":
		rest := data
		for {
			var block *pem.Block
			block, rest = pem.Decode(rest)
			if block == nil {
				return nil, errKeyFormat
			}
			switch block.Type {
			case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
				return parsePEMPrivate(block)
			}
		}
	case "der":
		switch typ {
		case "pkcs8", "":
			return x509.ParsePKCS8PrivateKey(data)
		case "pkcs1":
			return x509.ParsePKCS1PrivateKey(data)
		case "sec1":
			return x509.ParseECPrivateKey(data)
		}
		return nil, fmt.Errorf("The property 'options.type' is invalid. Received '%s'", typ)
	case "jwk":
		k, private, err := parseJWK(data)
		if err != nil {
			return nil, err
		}
		if !private {
			return nil, errors.New("Invalid JWK data")
		}
		return k, nil
	}
	return nil, errKeyFormat
}

// exportKey serialises an asymmetric key: pem/der in spki, pkcs1, pkcs8
// or sec1.
func exportKey(k *keyObject, format, typ string) ([]byte, error) {
	var der []byte
	var pemType string
	var err error
	if k.kind == "public" {
		switch typ {
		case "spki":
			der, err = x509.MarshalPKIXPublicKey(k.key)
			pemType = "PUBLIC KEY"
		case "pkcs1":
			pub, ok := k.key.(*rsa.PublicKey)
			if !ok {
				return nil, errors.New("The selected key encoding pkcs1 can only be used for RSA keys.")
			}
			der = x509.MarshalPKCS1PublicKey(pub)
			pemType = "RSA PUBLIC KEY"
		default:
			return nil, fmt.Errorf("The property 'options.type' is invalid. Received '%s'", typ)
		}
	} else {
		switch typ {
		case "pkcs8":
			der, err = x509.MarshalPKCS8PrivateKey(k.key)
			pemType = "PRIVATE KEY"
		case "pkcs1":
			priv, ok := k.key.(*rsa.PrivateKey)
			if !ok {
				return nil, errors.New("The selected key encoding pkcs1 can only be used for RSA keys.")
			}
			der = x509.MarshalPKCS1PrivateKey(priv)
			pemType = "RSA PRIVATE KEY"
		case "sec1":
			priv, ok := k.key.(*ecdsa.PrivateKey)
			if !ok {
				return nil, errors.New("The selected key encoding sec1 can only be used for EC keys.")
			}
			der, err = x509.MarshalECPrivateKey(priv)
			pemType = "EC PRIVATE KEY"
		default:
			return nil, fmt.Errorf("The property 'options.type' is invalid. Received '%s'", typ)
		}
	}
	if err != nil {
		return nil, err
	}
	if format == "der" {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemType, Bytes: der}), nil
}

var b64u = base64.RawURLEncoding

func b64uInt(n *big.Int) string { return b64u.EncodeToString(n.Bytes()) }

func padded(n *big.Int, size int) string {
	b := n.Bytes()
	if len(b) < size {
		b = append(make([]byte, size-len(b)), b...)
	}
	return b64u.EncodeToString(b)
}

// exportJWK returns the JWK members of a key (Node orders them like this).
func exportJWK(k *keyObject) (map[string]any, []string, error) {
	switch key := k.key.(type) {
	case []byte:
		return map[string]any{"kty": "oct", "k": b64u.EncodeToString(key)}, []string{"kty", "k"}, nil
	case *rsa.PublicKey:
		return map[string]any{"kty": "RSA", "n": b64uInt(key.N), "e": b64uInt(big.NewInt(int64(key.E)))}, []string{"kty", "n", "e"}, nil
	case *rsa.PrivateKey:
		key.Precompute()
		m := map[string]any{"kty": "RSA", "n": b64uInt(key.N), "e": b64uInt(big.NewInt(int64(key.E))), "d": b64uInt(key.D),
			"p": b64uInt(key.Primes[0]), "q": b64uInt(key.Primes[1]), "dp": b64uInt(key.Precomputed.Dp),
			"dq": b64uInt(key.Precomputed.Dq), "qi": b64uInt(key.Precomputed.Qinv)}
		return m, []string{"kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"}, nil
	case *ecdsa.PublicKey:
		size := (key.Curve.Params().BitSize + 7) / 8
		return map[string]any{"kty": "EC", "x": padded(key.X, size), "y": padded(key.Y, size), "crv": jwkCurveName(key.Curve)}, []string{"kty", "x", "y", "crv"}, nil
	case *ecdsa.PrivateKey:
		size := (key.Curve.Params().BitSize + 7) / 8
		return map[string]any{"kty": "EC", "x": padded(key.X, size), "y": padded(key.Y, size), "crv": jwkCurveName(key.Curve), "d": padded(key.D, size)}, []string{"kty", "x", "y", "crv", "d"}, nil
	case ed25519.PublicKey:
		return map[string]any{"crv": "Ed25519", "x": b64u.EncodeToString(key), "kty": "OKP"}, []string{"crv", "x", "kty"}, nil
	case ed25519.PrivateKey:
		return map[string]any{"crv": "Ed25519", "d": b64u.EncodeToString(key.Seed()), "x": b64u.EncodeToString(key.Public().(ed25519.PublicKey)), "kty": "OKP"}, []string{"crv", "d", "x", "kty"}, nil
	case *ecdh.PublicKey:
		if key.Curve() == ecdh.X25519() {
			return map[string]any{"crv": "X25519", "x": b64u.EncodeToString(key.Bytes()), "kty": "OKP"}, []string{"crv", "x", "kty"}, nil
		}
	case *ecdh.PrivateKey:
		if key.Curve() == ecdh.X25519() {
			return map[string]any{"crv": "X25519", "d": b64u.EncodeToString(key.Bytes()), "x": b64u.EncodeToString(key.PublicKey().Bytes()), "kty": "OKP"}, []string{"crv", "d", "x", "kty"}, nil
		}
	}
	return nil, nil, errors.New("Unsupported JWK key type")
}

type jwkFields struct {
	Kty, Crv, N, E, D, P, Q, Dp, Dq, Qi, X, Y, K string
}

func decodeB64u(s string) ([]byte, error) {
	b, err := b64u.DecodeString(s)
	if err != nil {
		b, err = base64.URLEncoding.DecodeString(s)
	}
	return b, err
}

func b64uBig(s string) (*big.Int, error) {
	b, err := decodeB64u(s)
	if err != nil {
		return nil, err
	}
	return new(big.Int).SetBytes(b), nil
}

var errInvalidJWK = errors.New("Invalid JWK data")

// parseJWK decodes a JSON Web Key; private reports whether it held private material.
func parseJWK(data []byte) (key any, private bool, err error) {
	var j jwkFields
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, false, errInvalidJWK
	}
	switch j.Kty {
	case "RSA":
		n, err1 := b64uBig(j.N)
		e, err2 := b64uBig(j.E)
		if err1 != nil || err2 != nil || n.Sign() == 0 {
			return nil, false, errInvalidJWK
		}
		pub := rsa.PublicKey{N: n, E: int(e.Int64())}
		if j.D == "" {
			return &pub, false, nil
		}
		d, err1 := b64uBig(j.D)
		p, err2 := b64uBig(j.P)
		q, err3 := b64uBig(j.Q)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, false, errInvalidJWK
		}
		priv := &rsa.PrivateKey{PublicKey: pub, D: d, Primes: []*big.Int{p, q}}
		if err := priv.Validate(); err != nil {
			return nil, false, errInvalidJWK
		}
		priv.Precompute()
		return priv, true, nil
	case "EC":
		curve, ok := curveByName(j.Crv)
		if !ok {
			return nil, false, errInvalidJWK
		}
		x, err1 := b64uBig(j.X)
		y, err2 := b64uBig(j.Y)
		if err1 != nil || err2 != nil {
			return nil, false, errInvalidJWK
		}
		pub := ecdsa.PublicKey{Curve: curve, X: x, Y: y}
		if j.D == "" {
			return &pub, false, nil
		}
		d, err := b64uBig(j.D)
		if err != nil {
			return nil, false, errInvalidJWK
		}
		return &ecdsa.PrivateKey{PublicKey: pub, D: d}, true, nil
	case "OKP":
		x, err := decodeB64u(j.X)
		if err != nil {
			return nil, false, errInvalidJWK
		}
		switch j.Crv {
		case "Ed25519":
			if j.D == "" {
				if len(x) != ed25519.PublicKeySize {
					return nil, false, errInvalidJWK
				}
				return ed25519.PublicKey(x), false, nil
			}
			d, err := decodeB64u(j.D)
			if err != nil || len(d) != ed25519.SeedSize {
				return nil, false, errInvalidJWK
			}
			return ed25519.NewKeyFromSeed(d), true, nil
		case "X25519":
			if j.D == "" {
				k, err := ecdh.X25519().NewPublicKey(x)
				if err != nil {
					return nil, false, errInvalidJWK
				}
				return k, false, nil
			}
			d, err := decodeB64u(j.D)
			if err != nil {
				return nil, false, errInvalidJWK
			}
			k, err := ecdh.X25519().NewPrivateKey(d)
			if err != nil {
				return nil, false, errInvalidJWK
			}
			return k, true, nil
		}
	case "oct":
		k, err := decodeB64u(j.K)
		if err != nil {
			return nil, false, errInvalidJWK
		}
		return k, true, nil
	}
	return nil, false, errInvalidJWK
}
