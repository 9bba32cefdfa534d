package node

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"hash"
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// Node's crypto.constants for padding and PSS salt lengths.
const (
	rsaPKCS1Padding     = 1
	rsaNoPadding        = 3
	rsaPKCS1OAEPPadding = 4
	rsaPKCS1PSSPadding  = 6
	pssSaltLenDigest    = -1
	pssSaltLenMaxSign   = -2
)

// cryptoError is a Node crypto error with an OpenSSL-style code.
type cryptoError struct {
	code, msg string
	ctor      string
}

func (e *cryptoError) Error() string { return e.msg }

var (
	errBadDecrypt   = &cryptoError{"ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt", "Error"}
	errAuthFailed   = &cryptoError{"", "Unsupported state or unable to authenticate data", "Error"}
	errWrongKeyType = &cryptoError{"ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE", "error:03000096:digital envelope routines::operation not supported for this keytype", "Error"}
	errOAEPDecode   = &cryptoError{"ERR_OSSL_RSA_OAEP_DECODING_ERROR", "error:02000079:rsa routines::oaep decoding error", "Error"}
	errPKCS1Decode  = &cryptoError{"ERR_OSSL_RSA_PADDING_CHECK_FAILED", "error:0200008A:rsa routines::padding check failed", "Error"}
	errDataTooLarge = &cryptoError{"ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE", "error:0200006E:rsa routines::data too large for key size", "Error"}
	errDigestTooBig = &cryptoError{"ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY", "error:02000070:rsa routines::digest too big for rsa key", "Error"}
)

// signOptions carry the key-object options of sign/verify.
type signOptions struct {
	padding     int
	saltLength  int
	dsaEncoding string // "der" or "ieee-p1363"
}

func pssOptions(h crypto.Hash, saltLength int, signing bool) *rsa.PSSOptions {
	switch saltLength {
	case pssSaltLenDigest:
		return &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: h}
	case pssSaltLenMaxSign:
		if signing {
			return &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto, Hash: h}
		}
		return &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto, Hash: h}
	}
	return &rsa.PSSOptions{SaltLength: saltLength, Hash: h}
}

// signDigest signs a precomputed digest with an RSA or EC private key.
func signDigest(key any, h crypto.Hash, digest []byte, o signOptions) ([]byte, error) {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if o.padding == rsaPKCS1PSSPadding {
			return rsa.SignPSS(rand.Reader, k, h, digest, pssOptions(h, o.saltLength, true))
		}
		sig, err := rsa.SignPKCS1v15(rand.Reader, k, h, digest)
		if err != nil && errors.Is(err, rsa.ErrMessageTooLong) {
			return nil, errDigestTooBig
		}
		return sig, err
	case *ecdsa.PrivateKey:
		der, err := ecdsa.SignASN1(rand.Reader, k, digest)
		if err != nil || o.dsaEncoding != "ieee-p1363" {
			return der, err
		}
		return derToP1363(der, (k.Curve.Params().BitSize+7)/8)
	}
	return nil, errWrongKeyType
}

// verifyDigest checks a signature over a digest with a public key.
func verifyDigest(key any, h crypto.Hash, digest, sig []byte, o signOptions) (bool, error) {
	switch k := key.(type) {
	case *rsa.PublicKey:
		if o.padding == rsaPKCS1PSSPadding {
			return rsa.VerifyPSS(k, h, digest, sig, pssOptions(h, o.saltLength, false)) == nil, nil
		}
		return rsa.VerifyPKCS1v15(k, h, digest, sig) == nil, nil
	case *ecdsa.PublicKey:
		if o.dsaEncoding == "ieee-p1363" {
			size := (k.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*size {
				return false, nil
			}
			r := new(big.Int).SetBytes(sig[:size])
			s := new(big.Int).SetBytes(sig[size:])
			return ecdsa.Verify(k, digest, r, s), nil
		}
		return ecdsa.VerifyASN1(k, digest, sig), nil
	}
	return false, errWrongKeyType
}

// derToP1363 converts an ASN.1 ECDSA signature to r||s.
func derToP1363(der []byte, size int) ([]byte, error) {
	var r, s big.Int
	input := cryptobyte.String(der)
	var inner cryptobyte.String
	if !input.ReadASN1(&inner, asn1.SEQUENCE) || !inner.ReadASN1Integer(&r) || !inner.ReadASN1Integer(&s) {
		return nil, errors.New("invalid ECDSA signature")
	}
	out := make([]byte, 2*size)
	r.FillBytes(out[:size])
	s.FillBytes(out[size:])
	return out, nil
}

// signRaw and verifyRaw are the one-shot Ed25519 operations (no prehash).
func signRaw(key any, data []byte) ([]byte, error) {
	k, ok := key.(ed25519.PrivateKey)
	if !ok {
		return nil, errWrongKeyType
	}
	return ed25519.Sign(k, data), nil
}

func verifyRaw(key any, data, sig []byte) (bool, error) {
	k, ok := key.(ed25519.PublicKey)
	if !ok {
		return false, errWrongKeyType
	}
	return ed25519.Verify(k, data, sig), nil
}

func rsaPublicOf(key any) (*rsa.PublicKey, bool) {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return k, true
	case *rsa.PrivateKey:
		return &k.PublicKey, true
	}
	return nil, false
}

// publicEncrypt: OAEP (default, SHA-1 unless oaepHash) or PKCS#1 v1.5.
func publicEncrypt(key any, data []byte, padding int, oaepHash func() hash.Hash, label []byte) ([]byte, error) {
	pub, ok := rsaPublicOf(key)
	if !ok {
		return nil, errWrongKeyType
	}
	switch padding {
	case rsaPKCS1Padding:
		out, err := rsa.EncryptPKCS1v15(rand.Reader, pub, data)
		if errors.Is(err, rsa.ErrMessageTooLong) {
			return nil, errDataTooLarge
		}
		return out, err
	case rsaNoPadding:
		return rawRSA(pub, data)
	default:
		out, err := rsa.EncryptOAEP(oaepHash(), rand.Reader, pub, data, label)
		if errors.Is(err, rsa.ErrMessageTooLong) {
			return nil, errDataTooLarge
		}
		return out, err
	}
}

func privateDecrypt(key any, data []byte, padding int, oaepHash func() hash.Hash, label []byte) ([]byte, error) {
	priv, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errWrongKeyType
	}
	switch padding {
	case rsaPKCS1Padding:
		out, err := rsa.DecryptPKCS1v15(rand.Reader, priv, data)
		if err != nil {
			return nil, errPKCS1Decode
		}
		return out, nil
	case rsaNoPadding:
		c := new(big.Int).SetBytes(data)
		m := new(big.Int).Exp(c, priv.D, priv.N)
		return m.FillBytes(make([]byte, priv.Size())), nil
	default:
		out, err := rsa.DecryptOAEP(oaepHash(), rand.Reader, priv, data, label)
		if err != nil {
			return nil, errOAEPDecode
		}
		return out, nil
	}
}

// privateEncrypt is a raw PKCS#1 v1.5 type-1 signature of data.
func privateEncrypt(key any, data []byte) ([]byte, error) {
	priv, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errWrongKeyType
	}
	out, err := rsa.SignPKCS1v15(nil, priv, 0, data)
	if errors.Is(err, rsa.ErrMessageTooLong) {
		return nil, errDataTooLarge
	}
	return out, err
}

// publicDecrypt undoes privateEncrypt: raw RSA, then strips the type-1 padding.
func publicDecrypt(key any, data []byte) ([]byte, error) {
	pub, ok := rsaPublicOf(key)
	if !ok {
		return nil, errWrongKeyType
	}
	em, err := rawRSA(pub, data)
	if err != nil {
		return nil, err
	}
	if len(em) < 11 || em[0] != 0 || em[1] != 1 {
		return nil, errPKCS1Decode
	}
	i := 2
	for i < len(em) && em[i] == 0xff {
		i++
	}
	if i == len(em) || em[i] != 0 || i < 10 {
		return nil, errPKCS1Decode
	}
	return em[i+1:], nil
}

func rawRSA(pub *rsa.PublicKey, data []byte) ([]byte, error) {
	m := new(big.Int).SetBytes(data)
	if m.Cmp(pub.N) >= 0 {
		return nil, errDataTooLarge
	}
	c := new(big.Int).Exp(m, big.NewInt(int64(pub.E)), pub.N)
	return c.FillBytes(make([]byte, pub.Size())), nil
}
