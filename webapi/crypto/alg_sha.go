package crypto

// SHA (https://w3c.github.io/webcrypto/#sha), SHA-3 and cSHAKE
// (https://wicg.github.io/webcrypto-modern-algos/#sha3,
// https://wicg.github.io/webcrypto-modern-algos/#cshake).

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"hash"
)

type shaAlg struct{}

// newHash returns the hash function of a normalized hash algorithm name.
func newHash(name string) func() hash.Hash {
	switch name {
	case "SHA-1":
		return sha1.New
	case "SHA-256":
		return sha256.New
	case "SHA-384":
		return sha512.New384
	case "SHA-512":
		return sha512.New
	case "SHA3-256":
		return func() hash.Hash { return sha3.New256() }
	case "SHA3-384":
		return func() hash.Hash { return sha3.New384() }
	case "SHA3-512":
		return func() hash.Hash { return sha3.New512() }
	}
	return nil
}

// hashBlockBits is the block size in bits of a hash function (HMAC's
// default key length).
func hashBlockBits(name string) int {
	if h := newHash(name); h != nil {
		return h().BlockSize() * 8
	}
	return 0
}

func (shaAlg) digest(p *params, message []byte) ([]byte, error) {
	switch p.name {
	case "SHA-1":
		s := sha1.Sum(message)
		return s[:], nil
	case "SHA-256":
		s := sha256.Sum256(message)
		return s[:], nil
	case "SHA-384":
		s := sha512.Sum384(message)
		return s[:], nil
	case "SHA-512":
		s := sha512.Sum512(message)
		return s[:], nil
	case "SHA3-256":
		s := sha3.Sum256(message)
		return s[:], nil
	case "SHA3-384":
		s := sha3.Sum384(message)
		return s[:], nil
	case "SHA3-512":
		s := sha3.Sum512(message)
		return s[:], nil
	}
	return nil, errorf(errNotSupported, "Unsupported digest algorithm")
}

type cshakeAlg struct{}

func (cshakeAlg) digest(p *params, message []byte) ([]byte, error) {
	// Byte output only: the draft does not define partial bytes.
	if p.length%8 != 0 {
		return nil, errorf(errOperation, "The output length must be a multiple of 8 bits")
	}
	var h *sha3.SHAKE
	if p.name == "cSHAKE128" {
		h = sha3.NewCSHAKE128(p.functionName, p.customization)
	} else {
		h = sha3.NewCSHAKE256(p.functionName, p.customization)
	}
	_, _ = h.Write(message)
	out := make([]byte, p.length/8)
	_, _ = h.Read(out)
	return out, nil
}

func (cshakeAlg) checkParams(op string, p *params, _ int64) error {
	if p.length%8 != 0 {
		return errorf(errOperation, "The output length must be a multiple of 8 bits")
	}
	return nil
}
