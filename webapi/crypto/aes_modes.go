package crypto

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"math/big"

	"github.com/ProtonMail/go-crypto/ocb"
)

// aesCTRCrypt is CTR mode with the standard incrementing function of
// NIST SP 800-38A Appendix B.1 applied to the rightmost m bits of the
// counter block: unlike cipher.NewCTR, which increments all 128 bits, the
// counter wraps to zero within those bits and the rest of the block stays
// fixed. The input is processed in runs that do not wrap, each with
// cipher.NewCTR.
func aesCTRCrypt(block cipher.Block, counter []byte, m int, in []byte) ([]byte, error) {
	out := make([]byte, len(in))
	blocks := (len(in) + 15) / 16
	// The counter would repeat if more than 2^m blocks were needed.
	if m < 64 && uint64(blocks) > uint64(1)<<m {
		return nil, errorf(errOperation, "The input is too large for the counter length (the counter would repeat)")
	}
	ctr := new(big.Int).SetBytes(counter)
	mod := new(big.Int).Lsh(big.NewInt(1), uint(m))
	low := new(big.Int).Mod(ctr, mod)       // the m-bit counter
	high := new(big.Int).Sub(ctr, low)      // the fixed prefix
	untilWrap := new(big.Int).Sub(mod, low) // blocks before the counter wraps
	off := 0
	cb := make([]byte, 16)
	for off < len(in) {
		n := len(in) - off
		if untilWrap.IsInt64() && untilWrap.Int64() < int64((n+15)/16) {
			n = int(untilWrap.Int64()) * 16
		}
		new(big.Int).Add(high, low).FillBytes(cb)
		cipher.NewCTR(block, cb).XORKeyStream(out[off:off+n], in[off:off+n])
		off += n
		// The next run starts at counter zero.
		low.SetInt64(0)
		untilWrap.Set(mod)
	}
	return out, nil
}

// aesCBCEncrypt is CBC with PKCS#7 padding (RFC 2315 §10.3).
func aesCBCEncrypt(block cipher.Block, iv, plaintext []byte) []byte {
	pad := 16 - len(plaintext)%16
	buf := make([]byte, len(plaintext)+pad)
	copy(buf, plaintext)
	for i := len(plaintext); i < len(buf); i++ {
		buf[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(buf, buf)
	return buf
}

func aesCBCDecrypt(block cipher.Block, iv, ciphertext []byte) ([]byte, error) {
	if len(ciphertext) == 0 || len(ciphertext)%16 != 0 {
		return nil, errorf(errOperation, "The provided data is not a multiple of the AES block size")
	}
	buf := make([]byte, len(ciphertext))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(buf, ciphertext)
	// Let p be the value of the last octet of paddedPlaintext. If p is
	// zero or greater than 16, or if any of the last p octets of
	// paddedPlaintext have a value which is not p, then throw an
	// OperationError.
	p := int(buf[len(buf)-1])
	if p == 0 || p > 16 {
		return nil, errorf(errOperation, "The provided data has invalid padding")
	}
	for _, b := range buf[len(buf)-p:] {
		if int(b) != p {
			return nil, errorf(errOperation, "The provided data has invalid padding")
		}
	}
	return buf[:len(buf)-p], nil
}

// gcm returns AES-GCM for the IV's length (Go's default 12-byte nonce
// where possible; any other non-empty length works too).
func gcm(block cipher.Block, iv []byte) (cipher.AEAD, error) {
	if len(iv) == 0 {
		return nil, errorf(errOperation, "The \"iv\" must not be empty")
	}
	var a cipher.AEAD
	var err error
	if len(iv) == 12 {
		a, err = cipher.NewGCM(block)
	} else {
		a, err = cipher.NewGCMWithNonceSize(block, len(iv))
	}
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return a, nil
}

// aesGCMSeal encrypts and appends a tag of tagLen bytes. A GCM tag of t
// bits is the leftmost t bits of the full tag, so shorter tags (which
// crypto/cipher does not offer below 12 bytes) are truncations.
func aesGCMSeal(block cipher.Block, iv, plaintext, aad []byte, tagLen int) ([]byte, error) {
	a, err := gcm(block, iv)
	if err != nil {
		return nil, err
	}
	out := a.Seal(nil, iv, plaintext, aad)
	return out[:len(plaintext)+tagLen], nil
}

// aesGCMOpen verifies and decrypts. For a truncated tag it recovers the
// plaintext with GCM's key stream (sealing the ciphertext XORs the same key
// stream), recomputes the full tag over it and compares the prefix in
// constant time.
func aesGCMOpen(block cipher.Block, iv, data, aad []byte, tagLen int) ([]byte, error) {
	a, err := gcm(block, iv)
	if err != nil {
		return nil, err
	}
	if len(data) < tagLen {
		return nil, errorf(errOperation, "The provided data is too small")
	}
	if tagLen == 16 {
		out, err := a.Open(nil, iv, data, aad)
		if err != nil {
			return nil, errorf(errOperation, "The operation failed for an operation-specific reason")
		}
		if out == nil {
			out = []byte{}
		}
		return out, nil
	}
	ct, tag := data[:len(data)-tagLen], data[len(data)-tagLen:]
	plaintext := a.Seal(nil, iv, ct, nil)[:len(ct)]
	full := a.Seal(nil, iv, plaintext, aad)
	if subtle.ConstantTimeCompare(full[len(plaintext):len(plaintext)+tagLen], tag) != 1 {
		return nil, errorf(errOperation, "The operation failed for an operation-specific reason")
	}
	return plaintext, nil
}

// aesOCBSeal and aesOCBOpen use ProtonMail's OCB3 (RFC 7253), which takes
// nonces of 1 to 15 bytes and tags of any byte length up to 16.
func aesOCBSeal(block cipher.Block, iv, plaintext, aad []byte, tagLen int) ([]byte, error) {
	a, err := ocb.NewOCBWithNonceAndTagSize(block, 15, tagLen)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	return a.Seal(nil, iv, plaintext, aad), nil
}

func aesOCBOpen(block cipher.Block, iv, data, aad []byte, tagLen int) ([]byte, error) {
	if len(data) < tagLen {
		return nil, errorf(errOperation, "The provided data is too small")
	}
	a, err := ocb.NewOCBWithNonceAndTagSize(block, 15, tagLen)
	if err != nil {
		return nil, errorf(errOperation, "%s", err)
	}
	out, err := a.Open(nil, iv, data, aad)
	if err != nil {
		return nil, errorf(errOperation, "The operation failed for an operation-specific reason")
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}

// RFC 3394 AES Key Wrap. Neither Go's standard library nor x/crypto has
// it, and it is twenty lines.
var kwDefaultIV = [8]byte{0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6}

func aesKeyWrap(block cipher.Block, plaintext []byte) []byte {
	n := len(plaintext) / 8
	out := make([]byte, 8+len(plaintext))
	copy(out[8:], plaintext)
	a := kwDefaultIV
	var b [16]byte
	for j := 0; j < 6; j++ {
		for i := 1; i <= n; i++ {
			copy(b[:8], a[:])
			copy(b[8:], out[8*i:8*i+8])
			block.Encrypt(b[:], b[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(a[:], binary.BigEndian.Uint64(b[:8])^t)
			copy(out[8*i:], b[8:])
		}
	}
	copy(out, a[:])
	return out
}

func aesKeyUnwrap(block cipher.Block, ciphertext []byte) ([]byte, bool) {
	if len(ciphertext)%8 != 0 || len(ciphertext) < 24 {
		return nil, false
	}
	n := len(ciphertext)/8 - 1
	out := make([]byte, len(ciphertext)-8)
	copy(out, ciphertext[8:])
	var a [8]byte
	copy(a[:], ciphertext[:8])
	var b [16]byte
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(a[:])^t)
			copy(b[8:], out[8*(i-1):8*i])
			block.Decrypt(b[:], b[:])
			copy(a[:], b[:8])
			copy(out[8*(i-1):], b[8:])
		}
	}
	if subtle.ConstantTimeCompare(a[:], kwDefaultIV[:]) != 1 {
		return nil, false
	}
	return out, true
}
