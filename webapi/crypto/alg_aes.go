package crypto

// AES-CTR, AES-CBC, AES-GCM and AES-KW (https://w3c.github.io/webcrypto/#aes-ctr
// and following sections) and AES-OCB
// (https://wicg.github.io/webcrypto-modern-algos/#aes-ocb): they share
// key generation, import, export and "get key length".

import (
	"crypto/aes"
	"crypto/rand"
	"strconv"
)

type aesAlg struct {
	name   string // "AES-GCM", ...
	suffix string // JWK alg suffix: "CTR", "CBC", "GCM", "KW", "OCB"
	usages usageSet
}

var (
	aesCTR = &aesAlg{name: "AES-CTR", suffix: "CTR", usages: usagesCipher}
	aesCBC = &aesAlg{name: "AES-CBC", suffix: "CBC", usages: usagesCipher}
	aesGCM = &aesAlg{name: "AES-GCM", suffix: "GCM", usages: usagesCipher}
	aesKW  = &aesKWAlg{&aesAlg{name: "AES-KW", suffix: "KW", usages: usagesWrap}}
	aesOCB = &aesAlg{name: "AES-OCB", suffix: "OCB", usages: usagesCipher}
)

func validAESLength(n uint32) bool { return n == 128 || n == 192 || n == 256 }

// rawFormat reports whether format is this algorithm's raw secret format:
// "raw-secret", and "raw" for the algorithms of the main specification.
func (a *aesAlg) rawFormat(format string) bool {
	return format == "raw-secret" || (format == "raw" && a.name != "AES-OCB")
}

func (a *aesAlg) generateKey(p *params, extractable bool, usages usageSet) (any, error) {
	// If usages contains an entry which is not one of the algorithm's
	// usages, then throw a SyntaxError.
	if !usages.subsetOf(a.usages) {
		return nil, errUsages
	}
	// If the length member of normalizedAlgorithm is not equal to one of
	// 128, 192 or 256, then throw an OperationError.
	if !validAESLength(p.length) {
		return nil, errorf(errOperation, "AES key length must be 128, 192 or 256 bits")
	}
	b := make([]byte, p.length/8)
	_, _ = rand.Read(b)
	return &Key{typ: keySecret, extractable: extractable, usages: usages, handle: b,
		alg: keyAlgorithm{name: a.name, length: int(p.length)}}, nil
}

func (a *aesAlg) checkParams(op string, p *params, _ int64) error {
	switch op {
	case opGenerateKey, opGetKeyLength:
		if !validAESLength(p.length) {
			return errorf(errOperation, "AES key length must be 128, 192 or 256 bits")
		}
	case opEncrypt, opDecrypt:
		return a.checkCipherParams(p)
	}
	return nil
}

func (a *aesAlg) keyLength(p *params) (int64, error) {
	if !validAESLength(p.length) {
		return 0, errorf(errOperation, "AES key length must be 128, 192 or 256 bits")
	}
	return int64(p.length), nil
}

func (a *aesAlg) jwkAlg(bits int) string {
	return "A" + strconv.Itoa(bits) + a.suffix
}

func (a *aesAlg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	if !usages.subsetOf(a.usages) {
		return nil, errUsages
	}
	var raw []byte
	switch {
	case a.rawFormat(format):
		raw = data.([]byte)
		// If the length in bits of data is not 128, 192 or 256 then throw
		// a DataError.
		if !validAESLength(uint32(len(raw) * 8)) {
			return nil, errorf(errData, "AES key data must be 128, 192 or 256 bits")
		}
	case format == "jwk":
		j := data.(*jwk)
		if kty, _ := j.get("kty"); kty != "oct" {
			return nil, errorf(errData, "The JWK \"kty\" member was not \"oct\"")
		}
		var err error
		if raw, err = j.bytesOf("k"); err != nil {
			return nil, err
		}
		if !validAESLength(uint32(len(raw) * 8)) {
			return nil, errorf(errData, "The JWK \"k\" member did not include the right length of key data for the given algorithm.")
		}
		if alg, ok := j.get("alg"); ok && alg != a.jwkAlg(len(raw)*8) {
			return nil, errorf(errData, "The JWK \"alg\" member was inconsistent with that specified by the Web Crypto call")
		}
		if err := checkJWKCommon(j, extractable, usages, "enc"); err != nil {
			return nil, err
		}
	default:
		return nil, errImportFormat
	}
	return &Key{typ: keySecret, handle: copyBytes(raw),
		alg: keyAlgorithm{name: a.name, length: len(raw) * 8}}, nil
}

func (a *aesAlg) exportKey(format string, k *Key) (any, error) {
	data := k.handle.([]byte)
	switch {
	case a.rawFormat(format):
		return copyBytes(data), nil
	case format == "jwk":
		j := newJWK()
		j.set("kty", "oct")
		j.setBytes("k", data)
		j.set("alg", a.jwkAlg(len(data)*8))
		exportJWKCommon(j, k)
		return j, nil
	}
	return nil, errExportFormat
}

// checkCipherParams runs the parameter checks encrypt and decrypt start
// with.
func (a *aesAlg) checkCipherParams(p *params) error {
	switch a.name {
	case "AES-CTR":
		// If the counter member does not have a length of 16 bytes, or the
		// length member is zero or greater than 128, throw an
		// OperationError.
		if len(p.counter) != 16 {
			return errorf(errOperation, "The \"counter\" has an unexpected length -- must be 16 bytes")
		}
		if p.length == 0 || p.length > 128 {
			return errorf(errOperation, "The \"length\" member must be >= 1 and <= 128")
		}
	case "AES-CBC":
		// If the iv member does not have a length of 16 bytes, then throw
		// an OperationError.
		if len(p.iv) != 16 {
			return errorf(errOperation, "The \"iv\" has an unexpected length -- must be 16 bytes")
		}
	case "AES-OCB":
		// If the iv member has a length greater than 15 bytes, then throw
		// an OperationError. (An empty nonce is refused too: OCB needs at
		// least one nonce bit to derive its offsets.)
		if len(p.iv) > 15 || len(p.iv) == 0 {
			return errorf(errOperation, "The \"iv\" has an unexpected length -- must be 1 to 15 bytes")
		}
		if _, err := a.tagLength(p); err != nil {
			return err
		}
	case "AES-GCM":
		if _, err := a.tagLength(p); err != nil {
			return err
		}
	}
	return nil
}

// tagLength returns the AEAD tag length in bytes (default 128 bits).
func (a *aesAlg) tagLength(p *params) (int, error) {
	if !p.hasTagLength {
		return 16, nil
	}
	switch a.name {
	case "AES-GCM":
		switch p.tagLength {
		case 32, 64, 96, 104, 112, 120, 128:
			return int(p.tagLength) / 8, nil
		}
		return 0, errorf(errOperation, "The tag length is invalid: Must be 32, 64, 96, 104, 112, 120, or 128 bits")
	case "AES-OCB":
		switch p.tagLength {
		case 64, 96, 128:
			return int(p.tagLength) / 8, nil
		}
		return 0, errorf(errOperation, "The tag length is invalid: Must be 64, 96, or 128 bits")
	}
	return 16, nil
}

func (a *aesAlg) encrypt(p *params, k *Key, plaintext []byte) ([]byte, error) {
	if err := a.checkCipherParams(p); err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(k.handle.([]byte))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	switch a.name {
	case "AES-CTR":
		return aesCTRCrypt(block, p.counter, int(p.length), plaintext)
	case "AES-CBC":
		return aesCBCEncrypt(block, p.iv, plaintext), nil
	case "AES-GCM":
		tagLen, _ := a.tagLength(p)
		return aesGCMSeal(block, p.iv, plaintext, p.additionalData, tagLen)
	case "AES-OCB":
		tagLen, _ := a.tagLength(p)
		return aesOCBSeal(block, p.iv, plaintext, p.additionalData, tagLen)
	}
	return nil, errorf(errNotSupported, "%s does not support encrypt", a.name)
}

func (a *aesAlg) decrypt(p *params, k *Key, ciphertext []byte) ([]byte, error) {
	if err := a.checkCipherParams(p); err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(k.handle.([]byte))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	switch a.name {
	case "AES-CTR":
		return aesCTRCrypt(block, p.counter, int(p.length), ciphertext)
	case "AES-CBC":
		return aesCBCDecrypt(block, p.iv, ciphertext)
	case "AES-GCM":
		tagLen, _ := a.tagLength(p)
		return aesGCMOpen(block, p.iv, ciphertext, p.additionalData, tagLen)
	case "AES-OCB":
		tagLen, _ := a.tagLength(p)
		return aesOCBOpen(block, p.iv, ciphertext, p.additionalData, tagLen)
	}
	return nil, errorf(errNotSupported, "%s does not support decrypt", a.name)
}

// aesKWAlg is AES-KW: the AES key handling plus the wrap and unwrap key
// operations (the other AES algorithms wrap with encrypt and decrypt).
type aesKWAlg struct{ *aesAlg }

func (a aesKWAlg) wrapKey(p *params, k *Key, plaintext []byte) ([]byte, error) {
	// If plaintext is not a multiple of 64 bits in length, then throw an
	// OperationError.
	if len(plaintext)%8 != 0 || len(plaintext) < 16 {
		return nil, errorf(errOperation, "The AES-KW input data length is invalid: not a multiple of 8 bytes")
	}
	block, err := aes.NewCipher(k.handle.([]byte))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return aesKeyWrap(block, plaintext), nil
}

func (a aesKWAlg) unwrapKey(p *params, k *Key, ciphertext []byte) ([]byte, error) {
	block, err := aes.NewCipher(k.handle.([]byte))
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	out, ok := aesKeyUnwrap(block, ciphertext)
	if !ok {
		return nil, errorf(errOperation, "The AES-KW unwrap failed")
	}
	return out, nil
}
