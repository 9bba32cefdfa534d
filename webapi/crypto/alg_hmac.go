package crypto

// HMAC (https://w3c.github.io/webcrypto/#hmac).

import (
	"crypto/hmac"
	"crypto/rand"
	"hash"
	"sync"
)

type hmacAlg struct{}

// hmacKey is an HMAC key handle. Keyed HMAC states are pooled per key: a
// JWT route signs and verifies with the same key over and over, and
// hmac.New costs three allocations and two compression blocks.
type hmacKey struct {
	raw  []byte
	hash string
	pool sync.Pool // of hash.Hash
}

func newHMACKey(raw []byte, hashName string) *hmacKey {
	return &hmacKey{raw: raw, hash: hashName}
}

func (h *hmacKey) mac(message []byte) []byte {
	m, _ := h.pool.Get().(hash.Hash)
	if m == nil {
		m = hmac.New(newHash(h.hash), h.raw)
	} else {
		m.Reset()
	}
	m.Write(message)
	out := m.Sum(nil)
	h.pool.Put(m)
	return out
}

// hmacJWKAlg is the JWK "alg" of an HMAC key's hash ("" for hashes JWA
// does not name, such as SHA-3).
func hmacJWKAlg(hash string) string {
	switch hash {
	case "SHA-1":
		return "HS1"
	case "SHA-256":
		return "HS256"
	case "SHA-384":
		return "HS384"
	case "SHA-512":
		return "HS512"
	}
	return ""
}

func (hmacAlg) sign(p *params, k *Key, message []byte) ([]byte, error) {
	return k.handle.(*hmacKey).mac(message), nil
}

func (hmacAlg) verify(p *params, k *Key, signature, message []byte) (bool, error) {
	// This comparison must be performed in constant-time.
	return hmac.Equal(k.handle.(*hmacKey).mac(message), signature), nil
}

func (hmacAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	// If usages contains an entry which is not "sign" or "verify", then
	// throw a SyntaxError.
	if !usages.subsetOf(usagesSign) {
		return nil, errUsages
	}
	if err := checkHash(p.hash); err != nil {
		return nil, err
	}
	length, err := hmacLength(p)
	if err != nil {
		return nil, errorf(errOperation, "HMAC key length must not be zero")
	}
	b := make([]byte, (length+7)/8)
	_, _ = rand.Read(b)
	maskBits(b, length)
	return &Key{typ: keySecret, extractable: extractable, usages: usages, handle: newHMACKey(b, p.hash),
		alg: keyAlgorithm{name: "HMAC", hash: p.hash, length: length}}, nil
}

// hmacLength is the shared part of generate key and get key length: the
// length member, or the hash's block size when absent; zero is an error.
func hmacLength(p *params) (int, error) {
	if err := checkHash(p.hash); err != nil {
		return 0, err
	}
	if !p.hasLength {
		return hashBlockBits(p.hash), nil
	}
	if p.length == 0 {
		return 0, errorf(errType, "HMAC key length must not be zero")
	}
	return int(p.length), nil
}

func (hmacAlg) keyLength(p *params) (int64, error) {
	n, err := hmacLength(p)
	return int64(n), err
}

func (hmacAlg) checkParams(op string, p *params, _ int64) error {
	if op == opGenerateKey || op == opGetKeyLength {
		_, err := hmacLength(p)
		return err
	}
	return nil
}

func (hmacAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	// If usages contains an entry which is not "sign" or "verify", then
	// throw a SyntaxError.
	if !usages.subsetOf(usagesSign) {
		return nil, errUsages
	}
	if err := checkHash(p.hash); err != nil {
		return nil, err
	}
	var raw []byte
	switch format {
	case "raw", "raw-secret":
		raw = data.([]byte)
	case "jwk":
		j := data.(*jwk)
		if kty, _ := j.get("kty"); kty != "oct" {
			return nil, errorf(errData, "The JWK \"kty\" member was not \"oct\"")
		}
		var err error
		if raw, err = j.bytesOf("k"); err != nil {
			return nil, err
		}
		if alg, ok := j.get("alg"); ok {
			if want := hmacJWKAlg(p.hash); want != "" && alg != want {
				return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
			}
		}
		if err := checkJWKCommon(j, extractable, usages, "sig"); err != nil {
			return nil, err
		}
	default:
		return nil, errImportFormat
	}
	// Let length be the length in bits of data. If length is zero then
	// throw a DataError.
	length := len(raw) * 8
	if length == 0 {
		return nil, errorf(errData, "HMAC key data must not be empty")
	}
	if p.hasLength {
		// The length member must be at most length and more than
		// length - 8.
		if int(p.length) > length || int(p.length) <= length-8 {
			return nil, errorf(errData, "The optional HMAC key length must be shorter than the key data, and by no more than 7 bits.")
		}
		length = int(p.length)
	}
	key := copyBytes(raw)
	maskBits(key, length)
	return &Key{typ: keySecret, handle: newHMACKey(key, p.hash),
		alg: keyAlgorithm{name: "HMAC", hash: p.hash, length: length}}, nil
}

func (hmacAlg) exportKey(format string, k *Key) (any, error) {
	data := k.handle.(*hmacKey).raw
	switch format {
	case "raw", "raw-secret":
		return copyBytes(data), nil
	case "jwk":
		j := newJWK()
		j.set("kty", "oct")
		j.setBytes("k", data)
		if alg := hmacJWKAlg(k.alg.hash); alg != "" {
			j.set("alg", alg)
		}
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

// maskBits clears the bits of b past the first n (keys "with the first
// length bits of data").
func maskBits(b []byte, n int) {
	if r := n % 8; r != 0 && len(b) > 0 {
		b[len(b)-1] &= byte(0xff << (8 - r))
	}
}
