package node

import (
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"errors"
	"hash"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // Node still offers ripemd160 and libraries ask for it

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// hashAlgorithm is one digest Node's createHash accepts.
type hashAlgorithm struct {
	new   func() hash.Hash
	id    crypto.Hash // for signatures; 0 when not usable there
	shake int         // SHAKE: default output length in bytes
}

// hashAlgorithms are keyed by OpenSSL's lower-case names and aliases.
var hashAlgorithms = map[string]hashAlgorithm{
	"md5":                     {new: md5.New, id: crypto.MD5},
	"sha1":                    {new: sha1.New, id: crypto.SHA1},
	"sha224":                  {new: sha256.New224, id: crypto.SHA224},
	"sha256":                  {new: sha256.New, id: crypto.SHA256},
	"sha384":                  {new: sha512.New384, id: crypto.SHA384},
	"sha512":                  {new: sha512.New, id: crypto.SHA512},
	"sha512-224":              {new: sha512.New512_224, id: crypto.SHA512_224},
	"sha512-256":              {new: sha512.New512_256, id: crypto.SHA512_256},
	"sha3-224":                {new: func() hash.Hash { return sha3.New224() }, id: crypto.SHA3_224},
	"sha3-256":                {new: func() hash.Hash { return sha3.New256() }, id: crypto.SHA3_256},
	"sha3-384":                {new: func() hash.Hash { return sha3.New384() }, id: crypto.SHA3_384},
	"sha3-512":                {new: func() hash.Hash { return sha3.New512() }, id: crypto.SHA3_512},
	"shake128":                {new: func() hash.Hash { return &shakeHash{s: sha3.NewSHAKE128(), n: 16} }, shake: 16},
	"shake256":                {new: func() hash.Hash { return &shakeHash{s: sha3.NewSHAKE256(), n: 32} }, shake: 32},
	"ripemd160":               {new: ripemd160.New},
	"md5-sha1":                {new: func() hash.Hash { return &md5sha1{md5.New(), sha1.New()} }, id: crypto.MD5SHA1},
	"rsa-md5":                 {new: md5.New, id: crypto.MD5},
	"rsa-sha1":                {new: sha1.New, id: crypto.SHA1},
	"rsa-sha224":              {new: sha256.New224, id: crypto.SHA224},
	"rsa-sha256":              {new: sha256.New, id: crypto.SHA256},
	"rsa-sha384":              {new: sha512.New384, id: crypto.SHA384},
	"rsa-sha512":              {new: sha512.New, id: crypto.SHA512},
	"rsa-ripemd160":           {new: ripemd160.New},
	"rsa-sha3-256":            {new: func() hash.Hash { return sha3.New256() }, id: crypto.SHA3_256},
	"rsa-sha3-512":            {new: func() hash.Hash { return sha3.New512() }, id: crypto.SHA3_512},
	"rsa-sha512/224":          {new: sha512.New512_224, id: crypto.SHA512_224},
	"rsa-sha512/256":          {new: sha512.New512_256, id: crypto.SHA512_256},
	"sha512/224":              {new: sha512.New512_224, id: crypto.SHA512_224},
	"sha512/256":              {new: sha512.New512_256, id: crypto.SHA512_256},
	"ssl3-md5":                {new: md5.New, id: crypto.MD5},
	"ssl3-sha1":               {new: sha1.New, id: crypto.SHA1},
	"sha-1":                   {new: sha1.New, id: crypto.SHA1},
	"sha-256":                 {new: sha256.New, id: crypto.SHA256},
	"sha-384":                 {new: sha512.New384, id: crypto.SHA384},
	"sha-512":                 {new: sha512.New, id: crypto.SHA512},
	"sha256withrsaencryption": {new: sha256.New, id: crypto.SHA256},
	"sha384withrsaencryption": {new: sha512.New384, id: crypto.SHA384},
	"sha512withrsaencryption": {new: sha512.New, id: crypto.SHA512},
	"sha1withrsaencryption":   {new: sha1.New, id: crypto.SHA1},
	"ecdsa-with-sha1":         {new: sha1.New, id: crypto.SHA1},
	"ecdsa-with-sha256":       {new: sha256.New, id: crypto.SHA256},
	"ecdsa-with-sha384":       {new: sha512.New384, id: crypto.SHA384},
	"ecdsa-with-sha512":       {new: sha512.New, id: crypto.SHA512},
}

// hashNames is getHashes(): the names Node lists (OpenSSL spelling).
var hashNames = func() []string {
	names := []string{"RSA-MD5", "RSA-RIPEMD160", "RSA-SHA1", "RSA-SHA224", "RSA-SHA256", "RSA-SHA3-256", "RSA-SHA3-512",
		"RSA-SHA384", "RSA-SHA512", "RSA-SHA512/224", "RSA-SHA512/256", "ecdsa-with-SHA1", "md5", "md5-sha1",
		"ripemd160", "sha1", "sha1WithRSAEncryption", "sha224", "sha256", "sha256WithRSAEncryption", "sha3-224",
		"sha3-256", "sha3-384", "sha3-512", "sha384", "sha384WithRSAEncryption", "sha512", "sha512-224", "sha512-256",
		"sha512WithRSAEncryption", "shake128", "shake256", "ssl3-md5", "ssl3-sha1"}
	sort.Strings(names)
	return names
}()

func lookupHash(name string) (hashAlgorithm, bool) {
	a, ok := hashAlgorithms[strings.ToLower(name)]
	return a, ok
}

// md5sha1 is the TLS 1.0 MD5+SHA1 concatenation.
type md5sha1 struct{ m, s hash.Hash }

func (h *md5sha1) Write(p []byte) (int, error) { h.m.Write(p); return h.s.Write(p) }
func (h *md5sha1) Sum(b []byte) []byte         { return h.s.Sum(h.m.Sum(b)) }
func (h *md5sha1) Reset()                      { h.m.Reset(); h.s.Reset() }
func (h *md5sha1) Size() int                   { return 36 }
func (h *md5sha1) BlockSize() int              { return 64 }

// shakeHash adapts a SHAKE XOF to hash.Hash with a fixed output length.
type shakeHash struct {
	s *sha3.SHAKE
	n int
}

func (h *shakeHash) Write(p []byte) (int, error) { return h.s.Write(p) }
func (h *shakeHash) Reset()                      { h.s.Reset() }
func (h *shakeHash) Size() int                   { return h.n }
func (h *shakeHash) BlockSize() int              { return h.s.BlockSize() }

// Sum squeezes n bytes from a copy, leaving the state writable.
func (h *shakeHash) Sum(b []byte) []byte {
	c, _ := h.Clone()
	out := make([]byte, h.n)
	_, _ = c.(*shakeHash).s.Read(out)
	return append(b, out...)
}

func (h *shakeHash) Clone() (hash.Cloner, error) {
	state, err := h.s.MarshalBinary()
	if err != nil {
		return nil, err
	}
	c := sha3.NewSHAKE128()
	if err := c.UnmarshalBinary(state); err != nil {
		c = sha3.NewSHAKE256()
		if err := c.UnmarshalBinary(state); err != nil {
			return nil, err
		}
	}
	return &shakeHash{s: c, n: h.n}, nil
}

// hashState is a live Hash or Hmac.
type hashState struct {
	jsclass.Shell
	h         hash.Hash
	finalized bool
}

// digest finishes the hash.
func (s *hashState) digest() []byte { return s.h.Sum(nil) }

func (s *hashState) clone() (*hashState, error) {
	c, ok := s.h.(hash.Cloner)
	if !ok {
		return nil, errors.New("hash cannot be copied")
	}
	h2, err := c.Clone()
	if err != nil {
		return nil, err
	}
	return &hashState{h: h2}, nil
}

// dataArg returns the bytes of a string (in enc) or BufferSource argument.
func dataArg(vm *goja.Runtime, v goja.Value, enc goja.Value) ([]byte, bool) {
	if s, ok := v.(goja.String); ok {
		return encodeString(s, encodingArg(vm, enc)), true
	}
	if _, ok := v.Export().(string); ok {
		return encodeString(v, encodingArg(vm, enc)), true
	}
	return bytesArg(vm, v)
}

// randomBytes fills a new slice from the system CSPRNG.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func newHMAC(alg hashAlgorithm, key []byte) hash.Hash {
	return hmac.New(alg.new, key)
}
