package crypto

// HKDF (https://w3c.github.io/webcrypto/#hkdf) and PBKDF2
// (https://w3c.github.io/webcrypto/#pbkdf2): password/IKM keys that are
// never extractable and only derive.

import (
	"crypto/hkdf"
	"crypto/pbkdf2"
)

// pbkdf2MaxIterations bounds the work one deriveBits call may start: the
// derivation runs on its own goroutine, past the reach of the request's CPU
// deadline, so an unbounded count (up to 2^32-1) would burn a core for
// hours. Ten million is over ten times OWASP's 2023 recommendation.
const pbkdf2MaxIterations = 10_000_000

type kdfAlg struct {
	name string
}

var (
	hkdfAlg   = &kdfAlg{name: "HKDF"}
	pbkdf2Alg = &kdfAlg{name: "PBKDF2"}
)

// importKdfKey is the import key operation of HKDF, PBKDF2 and Argon2.
func importKdfKey(name string, format string, data keyData, extractable bool, usages usageSet, rawFormats ...string) (*Key, error) {
	ok := false
	for _, f := range rawFormats {
		ok = ok || f == format
	}
	if !ok {
		return nil, errImportFormat
	}
	// If usages contains a value that is not "deriveKey" or "deriveBits",
	// then throw a SyntaxError.
	if !usages.subsetOf(usagesDerive) {
		return nil, errUsages
	}
	// If extractable is not false, then throw a SyntaxError.
	if extractable {
		return nil, errorf(errSyntax, "KDF keys must set extractable=false")
	}
	return &Key{typ: keySecret, handle: copyBytes(data.([]byte)), alg: keyAlgorithm{name: name}}, nil
}

func (a *kdfAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	return importKdfKey(a.name, format, data, extractable, usages, "raw", "raw-secret")
}

// keyLength is "get key length": null.
func (a *kdfAlg) keyLength(*params) (int64, error) { return -1, nil }

func (a *kdfAlg) checkParams(op string, p *params, length int64) error {
	if op != opDeriveBits {
		return nil
	}
	if length < 0 || length%8 != 0 {
		return errorf(errOperation, "The length must be a multiple of 8 bits")
	}
	if a.name == "PBKDF2" && p.iterations == 0 {
		return errorf(errOperation, "PBKDF2 requires iterations > 0")
	}
	return checkHash(p.hash)
}

func (a *kdfAlg) heavy(op string, p *params, _ *Key, _ int) bool {
	// About a microsecond per iteration: 10,000 iterations and up leave the
	// isolate goroutine.
	return a.name == "PBKDF2" && p.iterations >= 10000
}

func (a *kdfAlg) deriveBits(p *params, k *Key, length int64) ([]byte, error) {
	// If length is null or is not a multiple of 8, then throw an
	// OperationError.
	if length < 0 || length%8 != 0 {
		return nil, errorf(errOperation, "The length provided for %s is not a multiple of 8 bits.", a.name)
	}
	if err := checkHash(p.hash); err != nil {
		return nil, err
	}
	secret := k.handle.([]byte)
	h := newHash(p.hash)
	if a.name == "PBKDF2" {
		// If the iterations member is zero, then throw an OperationError.
		if p.iterations == 0 {
			return nil, errorf(errOperation, "PBKDF2 requires iterations > 0")
		}
		// If length is zero, return an empty byte sequence.
		if length == 0 {
			return []byte{}, nil
		}
		if p.iterations > pbkdf2MaxIterations {
			return nil, errorf(errOperation, "edgerun limits PBKDF2 to %d iterations", pbkdf2MaxIterations)
		}
		out, err := pbkdf2.Key(h, string(secret), p.salt, int(p.iterations), int(length/8))
		if err != nil {
			return nil, errorf(errOperation, "%s", err)
		}
		return out, nil
	}
	if length == 0 {
		return []byte{}, nil
	}
	// HKDF-Extract then HKDF-Expand (RFC 5869 §2).
	out, err := hkdf.Key(h, secret, p.salt, string(p.info), int(length/8))
	if err != nil {
		return nil, errorf(errOperation, "The length provided for HKDF is too large.")
	}
	return out, nil
}
