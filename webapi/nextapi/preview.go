package nextapi

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// PreviewKeys are one server's preview-mode secrets, the three values Next
// keeps in its prerender manifest: the id that the __prerender_bypass
// cookie must carry, the HS256 key that signs __next_preview_data, and the
// secret its payload is encrypted with. Next generates them per build; a
// server makes them once with NewPreviewKeys, so cookies from another
// server (or an earlier run) are rejected as they are after a rebuild.
//
// The JWT and the encryption are hand-written (a few lines over crypto/*)
// rather than a JOSE library because the exact token layout matters: Next
// limits the signed token to 2048 characters, so ours must have the same
// length for the same data.
type PreviewKeys struct {
	ID            string // 32 hex digits, like Next's randomBytes(16).toString('hex')
	signingKey    []byte
	encryptionKey []byte
	// Next derives the AES key with PBKDF2 (100 000 rounds of SHA-512)
	// from a fresh 64-byte salt per token. Deriving on every call costs
	// tens of milliseconds, so the server derives once with one random salt
	// and writes that salt into every token: the layout (salt | iv | tag |
	// ciphertext, hex) and the key schedule stay Next's, and a token still
	// decrypts with Next's own decryptWithSecret.
	salt    []byte
	once    sync.Once
	aead    cipher.AEAD
	aeadErr error
}

const (
	previewSaltLen   = 64
	previewIVLen     = 16
	previewTagLen    = 16
	previewKeyLen    = 32
	previewPBKDF2Its = 100_000
	// PreviewDataLimit is the longest __next_preview_data token Next
	// accepts.
	PreviewDataLimit = 2048
)

// ErrPreviewDataTooLarge is Next's error for a token over 2 KB.
var ErrPreviewDataTooLarge = errors.New("Preview data is limited to 2KB currently, reduce how much data you are storing as preview data to continue")

// errPreviewToken is any reason a preview cookie is not accepted; Next
// clears the cookies in every such case, so the reason is not reported.
var errPreviewToken = errors.New("nextapi: invalid preview token")

// NewPreviewKeys makes random preview-mode secrets.
func NewPreviewKeys() (*PreviewKeys, error) {
	var id [16]byte
	var sign, enc [32]byte
	salt := make([]byte, previewSaltLen)
	for _, b := range [][]byte{id[:], sign[:], enc[:], salt} {
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("nextapi: preview keys: %w", err)
		}
	}
	// Next uses the hex strings themselves as the secrets (Buffer.from of
	// the hex text), so do the same.
	k := &PreviewKeys{
		ID:            hex.EncodeToString(id[:]),
		signingKey:    []byte(hex.EncodeToString(sign[:])),
		encryptionKey: []byte(hex.EncodeToString(enc[:])),
		salt:          salt,
	}
	return k, nil
}

// gcm derives the AES-GCM key on first use: PBKDF2 is slow on purpose,
// and most servers never set preview data.
func (k *PreviewKeys) gcm() (cipher.AEAD, error) {
	k.once.Do(func() {
		key, err := pbkdf2.Key(sha512.New, string(k.encryptionKey), k.salt, previewPBKDF2Its, previewKeyLen)
		if err != nil {
			k.aeadErr = fmt.Errorf("nextapi: preview keys: %w", err)
			return
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			k.aeadErr = fmt.Errorf("nextapi: preview keys: %w", err)
			return
		}
		k.aead, k.aeadErr = cipher.NewGCMWithNonceSize(block, previewIVLen)
	})
	return k.aead, k.aeadErr
}

// Sign returns the __next_preview_data token for the JSON text data:
// jsonwebtoken.sign({data: encryptWithSecret(key, data)}, signingKey,
// {algorithm: 'HS256', expiresIn: maxAge}) with maxAge in seconds (nil for
// none). A token over PreviewDataLimit is ErrPreviewDataTooLarge.
func (k *PreviewKeys) Sign(data string, maxAge *float64, now time.Time) (string, error) {
	aead, err := k.gcm()
	if err != nil {
		return "", err
	}
	iv := make([]byte, previewIVLen)
	if _, err := rand.Read(iv); err != nil {
		return "", fmt.Errorf("nextapi: %w", err)
	}
	sealed := aead.Seal(nil, iv, []byte(data), nil) // ciphertext | tag
	ct, tag := sealed[:len(sealed)-previewTagLen], sealed[len(sealed)-previewTagLen:]
	blob := make([]byte, 0, len(k.salt)+len(iv)+len(sealed))
	blob = append(append(append(append(blob, k.salt...), iv...), tag...), ct...)

	iat := now.Unix()
	var payload strings.Builder
	enc, _ := json.Marshal(hex.EncodeToString(blob))
	payload.WriteString(`{"data":`)
	payload.Write(enc)
	payload.WriteString(`,"iat":`)
	payload.WriteString(strconv.FormatInt(iat, 10))
	if maxAge != nil {
		// jsonwebtoken: exp = iat + expiresIn (seconds), kept as a number.
		payload.WriteString(`,"exp":`)
		payload.WriteString(strconv.FormatFloat(float64(iat)+*maxAge, 'f', -1, 64))
	}
	payload.WriteString("}")
	token := k.jwt(payload.String())
	if len(token) > PreviewDataLimit {
		return "", ErrPreviewDataTooLarge
	}
	return token, nil
}

var jwtHeader = base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))

func (k *PreviewKeys) jwt(payload string) string {
	signing := jwtHeader + "." + base64.RawURLEncoding.EncodeToString([]byte(payload))
	mac := hmac.New(sha256.New, k.signingKey)
	mac.Write([]byte(signing))
	return signing + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// Open verifies token (signature, alg, exp) and returns the JSON text it
// carries, as Next's tryGetPreviewData does with jsonwebtoken.verify and
// decryptWithSecret.
func (k *PreviewKeys) Open(token string, now time.Time) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", errPreviewToken
	}
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return "", errPreviewToken
	}
	var header struct {
		Alg string `json:"alg"`
	}
	if json.Unmarshal(hb, &header) != nil || header.Alg != "HS256" {
		return "", errPreviewToken
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return "", errPreviewToken
	}
	mac := hmac.New(sha256.New, k.signingKey)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	if subtle.ConstantTimeCompare(mac.Sum(nil), sig) != 1 {
		return "", errPreviewToken
	}
	pb, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", errPreviewToken
	}
	var claims struct {
		Data string   `json:"data"`
		Exp  *float64 `json:"exp"`
	}
	if json.Unmarshal(pb, &claims) != nil {
		return "", errPreviewToken
	}
	if claims.Exp != nil && float64(now.Unix()) >= *claims.Exp {
		return "", errPreviewToken
	}
	blob, err := hex.DecodeString(claims.Data)
	if err != nil || len(blob) < previewSaltLen+previewIVLen+previewTagLen {
		return "", errPreviewToken
	}
	salt := blob[:previewSaltLen]
	iv := blob[previewSaltLen : previewSaltLen+previewIVLen]
	tag := blob[previewSaltLen+previewIVLen : previewSaltLen+previewIVLen+previewTagLen]
	ct := blob[previewSaltLen+previewIVLen+previewTagLen:]
	if subtle.ConstantTimeCompare(salt, k.salt) != 1 {
		return "", errPreviewToken
	}
	aead, err := k.gcm()
	if err != nil {
		return "", err
	}
	plain, err := aead.Open(nil, iv, append(append([]byte{}, ct...), tag...), nil)
	if err != nil {
		return "", errPreviewToken
	}
	return string(plain), nil
}
