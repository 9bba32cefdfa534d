package router

import (
	"strings"
	"unicode/utf8"
)

// decodeURIComponent decodes s as ECMAScript's decodeURIComponent does
// (ECMA-262 §19.2.6.5 Decode with an empty preserve set), reporting false
// where JavaScript throws URIError.
//
// Go's url.PathUnescape is not the same function: it accepts escapes that
// form invalid UTF-8 (JS rejects "%C3", "%ED%A0%80", "%C0%80"), so Next's
// 400 for such params would become a 200 with mojibake.
//
// When s has no '%', s itself is returned and nothing is allocated.
func decodeURIComponent(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	var stack [64]byte
	b, ok := appendDecoded(stack[:0], s)
	if !ok {
		return "", false
	}
	return string(b), true
}

// appendDecoded appends decodeURIComponent(s) to dst. Callers pass a stack
// buffer, so that a lookup keyed by the decoded bytes (m[string(b)])
// allocates nothing.
func appendDecoded(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '%' {
			dst = append(dst, c)
			i++
			continue
		}
		// "If k + 2 ≥ strLen, throw a URIError exception."
		// "If the code units at index (k + 1) and (k + 2) within string do
		// not represent hexadecimal digits, throw a URIError exception."
		lead, ok := hexByte(s, i)
		if !ok {
			return dst, false
		}
		i += 3
		if lead < 0x80 {
			dst = append(dst, lead)
			continue
		}
		// "Let n be the number of leading 1 bits in B."
		// "If n = 1 or n > 4, throw a URIError exception."
		n := 0
		switch {
		case lead&0xE0 == 0xC0:
			n = 2
		case lead&0xF0 == 0xE0:
			n = 3
		case lead&0xF8 == 0xF0:
			n = 4
		default:
			return dst, false
		}
		var octets [4]byte
		octets[0] = lead
		for j := 1; j < n; j++ {
			// "If the code unit at index k within string is not %, throw."
			if i >= len(s) || s[i] != '%' {
				return dst, false
			}
			cont, ok := hexByte(s, i)
			// "If the two most significant bits in B are not 10, throw."
			if !ok || cont&0xC0 != 0x80 {
				return dst, false
			}
			octets[j] = cont
			i += 3
		}
		// "If Octets does not contain a valid UTF-8 encoding of a Unicode
		// code point, throw a URIError exception." utf8.Valid rejects
		// overlong forms, surrogates and values above U+10FFFF.
		if !utf8.Valid(octets[:n]) {
			return dst, false
		}
		dst = append(dst, octets[:n]...)
	}
	return dst, true
}

// hexByte reads the escape "%XX" at s[i:].
func hexByte(s string, i int) (byte, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	hi, ok1 := unhex(s[i+1])
	lo, ok2 := unhex(s[i+2])
	return hi<<4 | lo, ok1 && ok2
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
