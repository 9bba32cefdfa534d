package fetch

import (
	"unicode/utf8"
)

// utf8Decode implements the Encoding Standard's "UTF-8 decode"
// (https://encoding.spec.whatwg.org/#utf-8-decode): a leading BOM is
// removed and each maximal invalid subsequence becomes one U+FFFD. Go's
// string conversion keeps invalid bytes and strings.ToValidUTF8 merges runs
// of them, so neither matches; valid input (the common case) is returned
// without copying.
func utf8Decode(b []byte) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		// Lead byte: number of continuation bytes and the bounds of the first one.
		var need int
		lower, upper := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c >= 0xE0 && c <= 0xEF:
			need = 2
			if c == 0xE0 {
				lower = 0xA0
			} else if c == 0xED {
				upper = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need = 3
			if c == 0xF0 {
				lower = 0x90
			} else if c == 0xF4 {
				upper = 0x8F
			}
		default:
			out = utf8.AppendRune(out, utf8.RuneError)
			i++
			continue
		}
		j := i + 1
		valid := 0
		for valid < need && j < len(b) {
			d := b[j]
			if d < lower || d > upper {
				break
			}
			lower, upper = 0x80, 0xBF
			valid++
			j++
		}
		if valid == need {
			out = append(out, b[i:j]...)
		} else {
			out = utf8.AppendRune(out, utf8.RuneError)
		}
		i = j
	}
	return string(out)
}
