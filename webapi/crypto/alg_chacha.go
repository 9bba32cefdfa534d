package crypto

// ChaCha20-Poly1305 (https://wicg.github.io/webcrypto-modern-algos/#chacha20-poly1305)
// with golang.org/x/crypto's AEAD_CHACHA20_POLY1305 (RFC 8439).

import (
	"crypto/rand"

	"golang.org/x/crypto/chacha20poly1305"
)

type chachaAlg struct{}

const chachaName = "ChaCha20-Poly1305"

func (chachaAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	if !usages.subsetOf(usagesCipher) {
		return nil, errUsages
	}
	b := make([]byte, chacha20poly1305.KeySize)
	_, _ = rand.Read(b)
	return &Key{typ: keySecret, extractable: extractable, usages: usages, handle: b,
		alg: keyAlgorithm{name: chachaName}}, nil
}

func (chachaAlg) keyLength(*params) (int64, error) { return 256, nil }

func (chachaAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	if !usages.subsetOf(usagesCipher) {
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
		if alg, ok := j.get("alg"); ok && alg != "C20P" {
			return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
		}
		if err := checkJWKCommon(j, extractable, usages, "enc"); err != nil {
			return nil, err
		}
	default:
		return nil, errImportFormat
	}
	// If the length in bits of data is not 256 then throw a DataError.
	if len(raw) != chacha20poly1305.KeySize {
		return nil, errorf(errData, "ChaCha20-Poly1305 key data must be 256 bits")
	}
	return &Key{typ: keySecret, handle: copyBytes(raw), alg: keyAlgorithm{name: chachaName}}, nil
}

func (chachaAlg) exportKey(format string, k *Key) (any, error) {
	data := k.handle.([]byte)
	switch format {
	case "raw-secret":
		return copyBytes(data), nil
	case "jwk":
		j := newJWK()
		j.set("kty", "oct")
		j.setBytes("k", data)
		j.set("alg", "C20P")
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

func (chachaAlg) checkParams(op string, p *params, _ int64) error {
	if op == opEncrypt || op == opDecrypt {
		return chachaCheck(p)
	}
	return nil
}

// chachaCheck: the iv must be 12 bytes and the tag length, if given, 128.
func chachaCheck(p *params) error {
	if len(p.iv) != chacha20poly1305.NonceSize {
		return errorf(errOperation, "The \"iv\" has an unexpected length -- must be 12 bytes")
	}
	if p.hasTagLength && p.tagLength != 128 {
		return errorf(errOperation, "The tag length is invalid: Must be 128 bits")
	}
	return nil
}

func (chachaAlg) encrypt(p *params, k *Key, plaintext []byte) ([]byte, error) {
	if err := chachaCheck(p); err != nil {
		return nil, err
	}
	a, err := chacha20poly1305.New(k.handle.([]byte))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return a.Seal(nil, p.iv, plaintext, p.additionalData), nil
}

func (chachaAlg) decrypt(p *params, k *Key, ciphertext []byte) ([]byte, error) {
	if err := chachaCheck(p); err != nil {
		return nil, err
	}
	if len(ciphertext) < chacha20poly1305.Overhead {
		return nil, errorf(errOperation, "The provided data is too small")
	}
	a, err := chacha20poly1305.New(k.handle.([]byte))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	out, err := a.Open(nil, p.iv, ciphertext, p.additionalData)
	if err != nil {
		return nil, errorf(errOperation, "The operation failed for an operation-specific reason")
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}
