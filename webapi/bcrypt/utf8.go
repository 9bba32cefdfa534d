package bcrypt

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf16"
)

// Passwords are JavaScript strings, and each library turns them into bytes
// its own way. For well-formed strings all three produce UTF-8; they differ
// on lone surrogates, which is why passwords travel as UTF-16 code units
// and are encoded here rather than with Go's string conversion (which
// would already have replaced them).

// errUTFXLoop is what bcryptjs 2.x does with some lone surrogates (see
// utf8UTFX): its utfx encoder emits the same code unit forever and the
// process runs out of memory. Failing at once is the only useful
// rendering of that.
var errUTFXLoop = errors.New("edgerun: bcryptjs 2.x never returns for this password: its UTF-8 encoder loops forever on a lone UTF-16 surrogate followed by another character (bcryptjs 3 hashes such passwords)")

// utf8BcryptJS3 is bcryptjs 3.x's utf8Array: a high surrogate followed by
// a low one is a pair; any other surrogate is encoded as a 3-byte
// sequence of its own value (CESU-style, not U+FFFD).
func utf8BcryptJS3(s []uint16) []byte {
	out := make([]byte, 0, len(s)+len(s)/2)
	for i := 0; i < len(s); i++ {
		c := rune(s[i])
		switch {
		case c < 0x80:
			out = append(out, byte(c))
		case c < 0x800:
			out = append(out, byte(c>>6|0xc0), byte(c&0x3f|0x80))
		case c&0xfc00 == 0xd800 && i+1 < len(s) && s[i+1]&0xfc00 == 0xdc00:
			c = 0x10000 + (c&0x3ff)<<10 + rune(s[i+1]&0x3ff)
			i++
			out = append(out, byte(c>>18|0xf0), byte(c>>12&0x3f|0x80), byte(c>>6&0x3f|0x80), byte(c&0x3f|0x80))
		default:
			out = append(out, byte(c>>12|0xe0), byte(c>>6&0x3f|0x80), byte(c&0x3f|0x80))
		}
	}
	return out
}

// utf8LengthBcryptJS3 is len(utf8BcryptJS3(s)) (bcryptjs 3.x's utf8Length,
// which truncates() compares with 72).
func utf8LengthBcryptJS3(s []uint16) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			n++
		case c < 0x800:
			n += 2
		case c&0xfc00 == 0xd800 && i+1 < len(s) && s[i+1]&0xfc00 == 0xdc00:
			i++
			n += 4
		default:
			n += 3
		}
	}
	return n
}

// utf8UTFX is bcryptjs 2.x's utfx.encodeUTF16toUTF8, a small state
// machine: a surrogate (high or low) reads the next unit, and combines
// with it if that is a low surrogate; otherwise the surrogate is written
// alone (3 bytes) and the unit it read is kept as pending. A pending unit
// that is itself a surrogate repeats the step; any other pending unit is
// written and, because utfx never clears it, written again forever:
// errUTFXLoop. Code points are written with masks, so the impossible ones a
// low+low pair makes (up to 0x20FFFF) still take four bytes.
func utf8UTFX(s []uint16) ([]byte, error) {
	out := make([]byte, 0, len(s)+len(s)/2)
	next := 0
	pending := -1
	for {
		var cp uint32
		fromPending := pending >= 0
		if fromPending {
			cp = uint32(pending)
		} else {
			if next >= len(s) {
				return out, nil
			}
			cp = uint32(s[next])
			next++
		}
		switch {
		case cp >= 0xd800 && cp <= 0xdfff:
			pending = -1
			if next < len(s) {
				pending = int(s[next])
				next++
				if pending >= 0xdc00 && pending <= 0xdfff {
					cp = (cp-0xd800)*0x400 + uint32(pending) - 0xdc00 + 0x10000
					pending = -1
				}
			}
		case fromPending:
			return nil, errUTFXLoop
		}
		switch {
		case cp < 0x80:
			out = append(out, byte(cp&0x7f))
		case cp < 0x800:
			out = append(out, byte(cp>>6&0x1f|0xc0), byte(cp&0x3f|0x80))
		case cp < 0x10000:
			out = append(out, byte(cp>>12&0x0f|0xe0), byte(cp>>6&0x3f|0x80), byte(cp&0x3f|0x80))
		default:
			out = append(out, byte(cp>>18&0x07|0xf0), byte(cp>>12&0x3f|0x80), byte(cp>>6&0x3f|0x80), byte(cp&0x3f|0x80))
		}
	}
}

// utf8Native is what Node's N-API string conversion gives the native
// bcrypt: UTF-8 with every lone surrogate replaced by U+FFFD, which is
// exactly Go's UTF-16 decoding.
func utf8Native(s []uint16) []byte {
	return []byte(string(utf16.Decode(s)))
}

func nan() float64 { return math.NaN() }

// parseIntJS is parseInt(s, 10): leading white space, an optional sign,
// then the longest run of ASCII digits; NaN without digits.
func parseIntJS(s []uint16) float64 {
	i := 0
	for i < len(s) && isJSSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return nan()
	}
	digits := make([]byte, i-start)
	for k := range digits {
		digits[k] = byte(s[start+k])
	}
	v, _ := strconv.ParseFloat(string(digits), 64) // correctly rounded, as JS
	if neg {
		return -v
	}
	return v
}

// isJSSpace is ECMAScript's WhiteSpace or LineTerminator.
func isJSSpace(c uint16) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return c >= 0x2000 && c <= 0x200a
}
