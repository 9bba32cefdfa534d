package bcrypt

import (
	"golang.org/x/crypto/blowfish"
)

// EksBlowfish is bcrypt's expensive key schedule followed by the 64-fold
// encryption of "OrpheanBeholderScryDoubt" (Provos and Mazières, "A
// Future-Adaptable Password Scheme", 1999, figure 2 and §6).
//
// golang.org/x/crypto/bcrypt implements the same algorithm but cannot be
// used here: it has no API that hashes with a caller-supplied salt string
// (GenerateFromPassword draws its own salt and CompareHashAndPassword only
// answers yes or no), it rejects passwords over 72 bytes, it knows only the
// $2a$/$2b$ spellings, and it cannot reproduce what the two JavaScript
// libraries do with odd salts and long passwords. So this file does what
// x/crypto/bcrypt does internally, on golang.org/x/crypto/blowfish's
// exported salted key schedule: NewSaltedCipher is EksBlowfishSetup's
// first ExpandKey(state, salt, key), ExpandKey is ExpandKey(state, 0, key).
// Everything around it (salt syntax, key bytes, radix-64) is the part the
// libraries disagree on, and lives in bcryptjs.go and native.go.

// magicCipherData is "OrpheanBeholderScryDoubt", the 24-byte plaintext.
var magicCipherData = [24]byte{
	'O', 'r', 'p', 'h', 'e', 'a', 'n', 'B',
	'e', 'h', 'o', 'l', 'd', 'e', 'r', 'S',
	'c', 'r', 'y', 'D', 'o', 'u', 'b', 't',
}

// hashLen is the number of ciphertext bytes bcrypt encodes: 23 of the 24
// (the last one is dropped by every implementation, for historical reasons).
const hashLen = 23

// saltLen is the raw salt size.
const saltLen = 16

// stopEvery is how many key-schedule iterations run between calls of the
// stop function (about 5-10 ms of work).
const stopEvery = 32

// eksBlowfish runs the key schedule with 'iterations' rounds (2^cost) and
// returns the first 23 bytes of the ciphertext. key is used cyclically for
// 72 bytes, as Blowfish's key schedule does; an empty key behaves as a key
// of one zero byte, which is what both JavaScript bcryptjs (reading past an
// empty array gives 0) and the C implementation (reading the terminating
// NUL) end up using.
//
// stop, if not nil, is called every stopEvery iterations; an error from it
// abandons the hash (cost 31 is two billion iterations, and the caller may
// need to honour a CPU deadline or a closed isolate).
func eksBlowfish(key []byte, salt *[saltLen]byte, iterations uint64, stop func() error) ([hashLen]byte, error) {
	if len(key) == 0 {
		key = []byte{0}
	}
	if len(key) > 72 {
		key = key[:72] // the schedule never reads further
	}
	c, err := blowfish.NewSaltedCipher(key, salt[:])
	if err != nil {
		// Only an empty key fails, and that was handled above.
		panic("bcrypt: " + err.Error())
	}
	for i := uint64(0); i < iterations; i++ {
		if stop != nil && i%stopEvery == stopEvery-1 {
			if err := stop(); err != nil {
				return [hashLen]byte{}, err
			}
		}
		blowfish.ExpandKey(key, c)
		blowfish.ExpandKey(salt[:], c)
	}
	data := magicCipherData
	for i := 0; i < len(data); i += blowfish.BlockSize {
		block := data[i : i+blowfish.BlockSize]
		for j := 0; j < 64; j++ {
			c.Encrypt(block, block)
		}
	}
	var out [hashLen]byte
	copy(out[:], data[:hashLen])
	return out, nil
}
