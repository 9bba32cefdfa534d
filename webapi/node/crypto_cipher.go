package node

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// cipherInfo describes one cipher createCipheriv accepts.
type cipherInfo struct {
	mode    string // "cbc", "ctr", "gcm", "ecb", "chacha20-poly1305"
	keyLen  int
	ivLen   int // 0: no IV
	blockSz int
}

var cipherTable = func() map[string]cipherInfo {
	t := map[string]cipherInfo{
		"chacha20-poly1305": {mode: "chacha20-poly1305", keyLen: 32, ivLen: 12, blockSz: 1},
	}
	for _, bits := range []int{128, 192, 256} {
		kl := bits / 8
		t[fmt.Sprintf("aes-%d-cbc", bits)] = cipherInfo{"cbc", kl, 16, 16}
		t[fmt.Sprintf("aes%d", bits)] = cipherInfo{"cbc", kl, 16, 16}
		t[fmt.Sprintf("aes-%d-ctr", bits)] = cipherInfo{"ctr", kl, 16, 1}
		t[fmt.Sprintf("aes-%d-gcm", bits)] = cipherInfo{"gcm", kl, 12, 1}
		t[fmt.Sprintf("id-aes%d-gcm", bits)] = cipherInfo{"gcm", kl, 12, 1}
		t[fmt.Sprintf("aes-%d-ecb", bits)] = cipherInfo{"ecb", kl, 0, 16}
	}
	return t
}()

// cipherNames is getCiphers().
var cipherNames = func() []string {
	var n []string
	for k := range cipherTable {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}()

// cipherState is a live Cipher or Decipher. Block modes buffer partial
// blocks; GCM and ChaCha20-Poly1305 stream their output through the
// underlying counter-mode keystream (as OpenSSL does) and compute or
// check the tag over the whole message in final().
type cipherState struct {
	jsclass.Shell
	info      cipherInfo
	decrypt   bool
	padding   bool
	block     cipher.Block
	stream    cipher.Stream
	mode      cipher.BlockMode
	aead      cipher.AEAD
	iv        []byte
	aad       []byte
	msg       []byte // AEAD: all input so far (for the tag)
	pending   []byte // block modes: bytes not yet forming a full block
	tag       []byte // decrypt: expected tag; encrypt: computed tag
	tagLen    int
	finalized bool
}

var (
	errInvalidKeyLen = &cryptoError{"ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length", "RangeError"}
	errInvalidIV     = &cryptoError{"ERR_CRYPTO_INVALID_IV", "Invalid initialization vector", "TypeError"}
	errUnknownCipher = &cryptoError{"ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher", "Error"}
	errWrongFinal    = &cryptoError{"ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length", "Error"}
	errCipherState   = &cryptoError{"ERR_CRYPTO_INVALID_STATE", "Invalid state for operation", "Error"}
)

func newCipherState(name string, key, iv []byte, decrypt bool, tagLen int) (*cipherState, error) {
	info, ok := cipherTable[strings.ToLower(name)]
	if !ok {
		return nil, errUnknownCipher
	}
	if len(key) != info.keyLen {
		return nil, errInvalidKeyLen
	}
	s := &cipherState{info: info, decrypt: decrypt, padding: true, iv: append([]byte(nil), iv...), tagLen: 16}
	if tagLen > 0 {
		s.tagLen = tagLen
	}
	switch info.mode {
	case "chacha20-poly1305":
		if len(iv) != 12 {
			return nil, errInvalidIV
		}
		aead, err := chacha20poly1305.New(key)
		if err != nil {
			return nil, err
		}
		s.aead = aead
		st, err := chacha20.NewUnauthenticatedCipher(key, iv)
		if err != nil {
			return nil, err
		}
		st.SetCounter(1)
		s.stream = st
		return s, nil
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, errInvalidKeyLen
	}
	s.block = block
	switch info.mode {
	case "cbc":
		if len(iv) != 16 {
			return nil, errInvalidIV
		}
		if decrypt {
			s.mode = cipher.NewCBCDecrypter(block, iv)
		} else {
			s.mode = cipher.NewCBCEncrypter(block, iv)
		}
	case "ctr":
		if len(iv) != 16 {
			return nil, errInvalidIV
		}
		s.stream = cipher.NewCTR(block, iv)
	case "ecb":
		if len(iv) != 0 {
			return nil, errInvalidIV
		}
	case "gcm":
		if len(iv) == 0 {
			return nil, errInvalidIV
		}
		if s.tagLen < 4 || s.tagLen > 16 {
			return nil, &cryptoError{"ERR_CRYPTO_INVALID_AUTH_TAG", fmt.Sprintf("Invalid authentication tag length: %d", s.tagLen), "TypeError"}
		}
		var aead cipher.AEAD
		if len(iv) == 12 && s.tagLen == 16 {
			aead, err = cipher.NewGCM(block)
		} else if len(iv) == 12 {
			aead, err = cipher.NewGCMWithTagSize(block, s.tagLen)
		} else {
			aead, err = cipher.NewGCMWithNonceSize(block, len(iv))
		}
		if err != nil {
			return nil, err
		}
		s.aead = aead
		if len(iv) == 12 {
			// GCM's keystream for the payload is CTR mode from J0+1,
			// where J0 = IV || 0x00000001.
			ctrIV := make([]byte, 16)
			copy(ctrIV, iv)
			ctrIV[15] = 2
			s.stream = cipher.NewCTR(block, ctrIV)
		}
	}
	return s, nil
}

// update processes more input and returns the output available so far.
func (s *cipherState) update(in []byte) ([]byte, error) {
	if s.finalized {
		return nil, errCipherState
	}
	switch s.info.mode {
	case "ctr":
		out := make([]byte, len(in))
		s.stream.XORKeyStream(out, in)
		return out, nil
	case "gcm", "chacha20-poly1305":
		s.msg = append(s.msg, in...)
		if s.stream == nil {
			return []byte{}, nil // non-96-bit GCM IV: all output comes from final()
		}
		out := make([]byte, len(in))
		s.stream.XORKeyStream(out, in)
		return out, nil
	}
	// Block modes. A decrypter with padding keeps the last full block
	// back until final(), where the padding is removed.
	data := append(s.pending, in...)
	n := len(data) / 16 * 16
	if s.decrypt && s.padding && n == len(data) && n > 0 {
		n -= 16
	}
	out := make([]byte, n)
	s.cryptBlocks(out, data[:n])
	s.pending = append([]byte(nil), data[n:]...)
	return out, nil
}

func (s *cipherState) cryptBlocks(dst, src []byte) {
	if len(src) == 0 {
		return
	}
	if s.mode != nil {
		s.mode.CryptBlocks(dst, src)
		return
	}
	for i := 0; i < len(src); i += 16 {
		if s.decrypt {
			s.block.Decrypt(dst[i:i+16], src[i:i+16])
		} else {
			s.block.Encrypt(dst[i:i+16], src[i:i+16])
		}
	}
}

// final flushes the cipher: pads or unpads block modes, and computes or
// verifies the AEAD tag.
func (s *cipherState) final() ([]byte, error) {
	if s.finalized {
		return nil, errCipherState
	}
	s.finalized = true
	switch s.info.mode {
	case "ctr":
		return []byte{}, nil
	case "gcm", "chacha20-poly1305":
		if s.decrypt {
			if s.tag == nil {
				return nil, errAuthFailed
			}
			plain, err := s.aead.Open(nil, s.iv, append(append([]byte(nil), s.msg...), s.tag...), s.aad)
			if err != nil {
				return nil, errAuthFailed
			}
			if s.stream == nil {
				return plain, nil
			}
			return []byte{}, nil
		}
		sealed := s.aead.Seal(nil, s.iv, s.msg, s.aad)
		ct, tag := sealed[:len(s.msg)], sealed[len(s.msg):]
		s.tag = tag[:s.tagLen]
		if s.stream == nil {
			return ct, nil
		}
		return []byte{}, nil
	}
	if !s.decrypt {
		data := s.pending
		if s.padding {
			pad := 16 - len(data)%16
			for i := 0; i < pad; i++ {
				data = append(data, byte(pad))
			}
		} else if len(data)%16 != 0 {
			return nil, &cryptoError{"ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length", "Error"}
		}
		out := make([]byte, len(data))
		s.cryptBlocks(out, data)
		return out, nil
	}
	if len(s.pending)%16 != 0 {
		return nil, errWrongFinal
	}
	out := make([]byte, len(s.pending))
	s.cryptBlocks(out, s.pending)
	if !s.padding {
		return out, nil
	}
	if len(out) == 0 {
		return nil, errBadDecrypt
	}
	pad := int(out[len(out)-1])
	if pad == 0 || pad > 16 || pad > len(out) {
		return nil, errBadDecrypt
	}
	for _, c := range out[len(out)-pad:] {
		if int(c) != pad {
			return nil, errBadDecrypt
		}
	}
	return out[:len(out)-pad], nil
}

func (s *cipherState) setAuthTag(tag []byte) error {
	if !s.decrypt || s.aead == nil || s.finalized {
		return errCipherState
	}
	if len(tag) < 4 || len(tag) > 16 {
		return &cryptoError{"ERR_CRYPTO_INVALID_AUTH_TAG", fmt.Sprintf("Invalid authentication tag length: %d", len(tag)), "TypeError"}
	}
	if len(tag) != s.aead.Overhead() {
		// Re-create the AEAD for a shorter tag (GCM only).
		if s.info.mode == "gcm" {
			aead, err := cipher.NewGCMWithTagSize(s.block, len(tag))
			if err != nil || len(s.iv) != 12 {
				return errCipherState
			}
			s.aead = aead
		}
	}
	s.tag = append([]byte(nil), tag...)
	return nil
}

// timingSafeEqual compares in constant time.
func timingSafeEqual(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }
