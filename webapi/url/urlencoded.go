package url

import (
	"strings"

	"github.com/edgerun/edgerun/webapi/encoding"
)

// application/x-www-form-urlencoded (https://url.spec.whatwg.org/#application/x-www-form-urlencoded),
// the format of URLSearchParams, of URL queries read as name-value lists
// and of urlencoded fetch bodies. Go's net/url differs from it (it rejects
// bad percent-escapes, splits on ";" in older versions and encodes "*" and
// "~" differently), so it is written out here.

// ParseURLEncoded implements the application/x-www-form-urlencoded parser.
// A leading "?" is not special (callers strip it where the spec says so).
func ParseURLEncoded(s string) [][2]string {
	if s == "" {
		return nil
	}
	var out [][2]string
	// 1. Let sequences be the result of splitting input on 0x26 (&).
	for len(s) > 0 {
		seq := s
		if i := strings.IndexByte(s, '&'); i >= 0 {
			seq, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		// 3.1. If bytes is the empty byte sequence, then continue.
		if seq == "" {
			continue
		}
		// 3.2-3.3. If bytes contains a 0x3D (=), then let name be the bytes from
		//          the start of bytes up to but excluding its first 0x3D (=), and let
		//          value be the bytes, if any, after the first 0x3D (=) up to the end
		//          of bytes. Otherwise, name is bytes and value the empty byte sequence.
		name, value := seq, ""
		if i := strings.IndexByte(seq, '='); i >= 0 {
			name, value = seq[:i], seq[i+1:]
		}
		// 3.4-3.5. Replace any 0x2B (+) in name and value with 0x20 (SPACE), then
		//          UTF-8 decode without BOM the percent-decoding of each.
		out = append(out, [2]string{decodeFormComponent(name), decodeFormComponent(value)})
	}
	return out
}

func decodeFormComponent(s string) string {
	if strings.IndexByte(s, '+') < 0 && strings.IndexByte(s, '%') < 0 && isValidASCII(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return encoding.UTF8DecodeWithoutBOM(b)
}

func isValidASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SerializeURLEncoded implements the application/x-www-form-urlencoded
// serializer (UTF-8). Strings must be valid UTF-8 (USVStrings).
func SerializeURLEncoded(pairs [][2]string) string {
	var b strings.Builder
	for i, p := range pairs {
		// 3.3. If output is not the empty string, then append U+0026 (&) to output.
		if i > 0 {
			b.WriteByte('&')
		}
		// 3.1-3.2. Percent-encode name and value with the
		//          application/x-www-form-urlencoded percent-encode set and
		//          spaceAsPlus set to true.
		appendFormComponent(&b, p[0])
		// 3.4. Append name, followed by U+003D (=), followed by value, to output.
		b.WriteByte('=')
		appendFormComponent(&b, p[1])
	}
	return b.String()
}

const upperHex = "0123456789ABCDEF"

// appendFormComponent percent-encodes s with the
// application/x-www-form-urlencoded percent-encode set: every byte except
// ASCII alphanumerics and *-._ is encoded, and space becomes "+".
func appendFormComponent(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '*', c == '-', c == '.', c == '_':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
}
