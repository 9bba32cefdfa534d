package router

import "unicode/utf8"

// jsLess orders strings as JavaScript's default Array.prototype.sort does:
// by UTF-16 code units. Go's < compares UTF-8 bytes (code points), which
// disagrees when a character above U+FFFF meets one in U+E000–U+FFFF; Next
// sorts page names and file lists with the JS order, and priority ties and
// which conflict is reported first depend on it.
func jsLess(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb || na != nb {
			if ra == rb { // both invalid bytes: fall back to byte order
				return a[0] < b[0]
			}
			ua, la := utf16Units(ra)
			ub, lb := utf16Units(rb)
			if ua != ub {
				return ua < ub
			}
			return la < lb
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}

// utf16Units returns the first UTF-16 code unit of r and the second one
// (0 when r fits in one unit).
func utf16Units(r rune) (first, second rune) {
	if r < 0x10000 {
		return r, 0
	}
	r -= 0x10000
	return 0xD800 + (r >> 10), 0xDC00 + (r & 0x3FF)
}
