package fetch

import "unicode/utf8"

// Header names and values are byte sequences; in Go they are strings with
// one byte per code unit (what webidl.ByteString returns). Algorithms that
// work on code points (MIME types, data: URLs) use ordinary UTF-8 strings.

// isomorphicDecode returns the string whose code points are the bytes of b
// (https://infra.spec.whatwg.org/#isomorphic-decode).
func isomorphicDecode(b string) string {
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			out := make([]byte, 0, len(b)+8)
			for j := 0; j < len(b); j++ {
				out = utf8.AppendRune(out, rune(b[j]))
			}
			return string(out)
		}
	}
	return b
}

// isomorphicEncode returns the bytes whose values are the code points of s,
// which must all be at most U+00FF
// (https://infra.spec.whatwg.org/#isomorphic-encode).
func isomorphicEncode(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			out := make([]byte, 0, len(s))
			for _, r := range s {
				out = append(out, byte(r))
			}
			return string(out)
		}
	}
	return s
}

// byteStringFromUTF8 converts a Go (UTF-8) string to a byte string, the
// WebIDL ByteString conversion of the same JS string; ok is false when a
// code point is above U+00FF (the conversion throws).
func byteStringFromUTF8(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			out := make([]byte, 0, len(s))
			for _, r := range s {
				if r > 0xFF {
					return "", false
				}
				out = append(out, byte(r))
			}
			return string(out), true
		}
	}
	return s, true
}
