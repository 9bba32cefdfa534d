package crypto

// KMAC128 and KMAC256 (https://wicg.github.io/webcrypto-modern-algos/#kmac),
// NIST SP 800-185 §4 built on crypto/sha3's cSHAKE (Go has no KMAC).

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha3"
)

type kmacAlg struct {
	name string
	rate int    // cSHAKE rate in bytes: 168 for KMAC128, 136 for KMAC256
	bits int    // default key length
	alg  string // JWK "alg"
}

var (
	kmac128 = &kmacAlg{name: "KMAC128", rate: 168, bits: 128, alg: "K128"}
	kmac256 = &kmacAlg{name: "KMAC256", rate: 136, bits: 256, alg: "K256"}
)

// leftEncode and rightEncode are SP 800-185 §2.3.1.
func leftEncode(x uint64) []byte {
	n := 1
	for v := x >> 8; v > 0; v >>= 8 {
		n++
	}
	out := make([]byte, n+1)
	out[0] = byte(n)
	for i := n; i >= 1; i-- {
		out[i] = byte(x)
		x >>= 8
	}
	return out
}

func rightEncode(x uint64) []byte {
	l := leftEncode(x)
	return append(l[1:], l[0])
}

// kmac computes KMAC(K, X, L, S) = cSHAKE(bytepad(encode_string(K), rate)
// || X || right_encode(L), L, "KMAC", S).
func (a *kmacAlg) kmac(key, message []byte, outBits uint32, custom []byte) []byte {
	var h *sha3.SHAKE
	if a.rate == 168 {
		h = sha3.NewCSHAKE128([]byte("KMAC"), custom)
	} else {
		h = sha3.NewCSHAKE256([]byte("KMAC"), custom)
	}
	// bytepad(encode_string(K), rate)
	pad := leftEncode(uint64(a.rate))
	pad = append(pad, leftEncode(uint64(len(key))*8)...)
	pad = append(pad, key...)
	for len(pad)%a.rate != 0 {
		pad = append(pad, 0)
	}
	h.Write(pad)
	h.Write(message)
	h.Write(rightEncode(uint64(outBits)))
	out := make([]byte, outBits/8)
	h.Read(out)
	return out
}

func (a *kmacAlg) checkParams(op string, p *params, _ int64) error {
	if (op == opSign || op == opVerify) && p.length%8 != 0 {
		return errorf(errOperation, "The KMAC output length must be a multiple of 8 bits")
	}
	if (op == opGenerateKey || op == opGetKeyLength) && p.hasLength && p.length == 0 {
		return errorf(errOperation, "KMAC key length must not be zero")
	}
	return nil
}

func (a *kmacAlg) sign(p *params, k *Key, message []byte) ([]byte, error) {
	if p.length%8 != 0 {
		return nil, errorf(errOperation, "The KMAC output length must be a multiple of 8 bits")
	}
	return a.kmac(k.handle.([]byte), message, p.length, p.customization), nil
}

func (a *kmacAlg) verify(p *params, k *Key, signature, message []byte) (bool, error) {
	if p.length%8 != 0 {
		return false, errorf(errOperation, "The KMAC output length must be a multiple of 8 bits")
	}
	// This comparison must be performed in constant-time.
	return hmac.Equal(a.kmac(k.handle.([]byte), message, p.length, p.customization), signature), nil
}

func (a *kmacAlg) keyLength(p *params) (int64, error) {
	if !p.hasLength {
		return int64(a.bits), nil
	}
	if p.length == 0 {
		return 0, errorf(errType, "KMAC key length must not be zero")
	}
	return int64(p.length), nil
}

func (a *kmacAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(usagesSign) {
		return nil, errUsages
	}
	length := a.bits
	if p.hasLength {
		length = int(p.length)
	}
	if length == 0 {
		return nil, errorf(errOperation, "KMAC key length must not be zero")
	}
	b := make([]byte, (length+7)/8)
	_, _ = rand.Read(b)
	maskBits(b, length)
	return &Key{typ: keySecret, extractable: extractable, usages: usages, handle: b,
		alg: keyAlgorithm{name: a.name, length: length}}, nil
}

func (a *kmacAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	if !usages.subsetOf(usagesSign) {
		return nil, errUsages
	}
	var raw []byte
	switch format {
	case "raw-secret":
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
		if alg, ok := j.get("alg"); ok && alg != a.alg {
			return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
		}
		if err := checkJWKCommon(j, extractable, usages, "sig"); err != nil {
			return nil, err
		}
	default:
		return nil, errImportFormat
	}
	length := len(raw) * 8
	if p.hasLength {
		if int(p.length) > length || int(p.length) <= length-8 {
			return nil, errorf(errData, "The optional KMAC key length must be shorter than the key data, and by no more than 7 bits.")
		}
		length = int(p.length)
	}
	key := copyBytes(raw)
	maskBits(key, length)
	return &Key{typ: keySecret, handle: key, alg: keyAlgorithm{name: a.name, length: length}}, nil
}

func (a *kmacAlg) exportKey(format string, k *Key) (any, error) {
	data := k.handle.([]byte)
	switch format {
	case "raw-secret":
		return copyBytes(data), nil
	case "jwk":
		j := newJWK()
		j.set("kty", "oct")
		j.setBytes("k", data)
		j.set("alg", a.alg)
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}
