package node

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Buffer encodings, after normalisation.
type bufEncoding int

const (
	encInvalid bufEncoding = iota
	encUTF8
	encUTF16LE
	encLatin1
	encASCII
	encBase64
	encBase64URL
	encHex
)

var encodingNames = [...]string{"", "utf8", "utf16le", "latin1", "ascii", "base64", "base64url", "hex"}

func (enc bufEncoding) String() string { return encodingNames[enc] }

// parseEncoding normalises an encoding name the way Buffer.isEncoding does
// (case-insensitive; ucs2/ucs-2/utf-16le are utf16le, binary is latin1).
func parseEncoding(s string) bufEncoding {
	switch s {
	case "utf8", "utf-8":
		return encUTF8
	case "hex":
		return encHex
	case "base64":
		return encBase64
	}
	switch strings.ToLower(s) {
	case "utf8", "utf-8":
		return encUTF8
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return encUTF16LE
	case "latin1", "binary":
		return encLatin1
	case "ascii":
		return encASCII
	case "base64":
		return encBase64
	case "base64url":
		return encBase64URL
	case "hex":
		return encHex
	}
	return encInvalid
}

// encodeString converts a JS string to bytes in enc.
func encodeString(v goja.Value, enc bufEncoding) []byte {
	switch enc {
	case encUTF8:
		return []byte(jsStringUTF8(v))
	case encUTF16LE:
		s := v.ToString().(goja.String)
		n := s.Length()
		out := make([]byte, 2*n)
		for i := 0; i < n; i++ {
			c := s.CharAt(i)
			out[2*i] = byte(c)
			out[2*i+1] = byte(c >> 8)
		}
		return out
	case encLatin1, encASCII:
		s := v.ToString().(goja.String)
		n := s.Length()
		out := make([]byte, n)
		for i := 0; i < n; i++ {
			out[i] = byte(s.CharAt(i))
		}
		return out
	case encBase64, encBase64URL:
		return decodeBase64Lenient(v.String())
	case encHex:
		return decodeHexLenient(v.String())
	}
	return nil
}

// jsStringUTF8 converts a JS string to UTF-8; lone surrogates become
// U+FFFD (EF BF BD), as in Node.
func jsStringUTF8(v goja.Value) string {
	s := v.String()
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// encodedLength is Buffer.byteLength(string, enc). For base64 it is Node's
// estimate from the string length, not the decoded size.
func encodedLength(v goja.Value, enc bufEncoding) int {
	switch enc {
	case encUTF8:
		return len(jsStringUTF8(v))
	case encUTF16LE:
		return 2 * v.ToString().(goja.String).Length()
	case encLatin1, encASCII:
		return v.ToString().(goja.String).Length()
	case encBase64, encBase64URL:
		s := v.String()
		n := len(s)
		if n > 0 && s[n-1] == '=' {
			n--
			if n > 0 && s[n-1] == '=' {
				n--
			}
		}
		return n * 3 >> 2
	case encHex:
		return len(v.String()) >> 1
	}
	return 0
}

// decodeBytes converts bytes to a JS string in enc.
func decodeBytes(vm *goja.Runtime, b []byte, enc bufEncoding) goja.Value {
	switch enc {
	case encUTF8:
		return vm.ToValue(decodeUTF8(b))
	case encUTF16LE:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	case encLatin1:
		return vm.ToValue(latin1String(b))
	case encASCII:
		ascii := true
		for _, c := range b {
			if c >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return vm.ToValue(string(b))
		}
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7f
		}
		return vm.ToValue(string(out))
	case encBase64:
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case encBase64URL:
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case encHex:
		return vm.ToValue(hex.EncodeToString(b))
	}
	return goja.Undefined()
}

func latin1String(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// decodeUTF8 is the WHATWG "UTF-8 decode without BOM" (Node keeps a BOM in
// Buffer#toString): each maximal invalid subpart becomes one U+FFFD.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	var cp rune
	needed, seen := 0, 0
	lower, upper := byte(0x80), byte(0xBF)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if needed == 0 {
			switch {
			case c <= 0x7F:
				sb.WriteByte(c)
			case c >= 0xC2 && c <= 0xDF:
				needed, cp = 1, rune(c&0x1F)
			case c >= 0xE0 && c <= 0xEF:
				if c == 0xE0 {
					lower = 0xA0
				} else if c == 0xED {
					upper = 0x9F
				}
				needed, cp = 2, rune(c&0xF)
			case c >= 0xF0 && c <= 0xF4:
				if c == 0xF0 {
					lower = 0x90
				} else if c == 0xF4 {
					upper = 0x8F
				}
				needed, cp = 3, rune(c&0x7)
			default:
				sb.WriteRune(utf8.RuneError)
			}
			continue
		}
		if c < lower || c > upper {
			cp, needed, seen, lower, upper = 0, 0, 0, 0x80, 0xBF
			sb.WriteRune(utf8.RuneError)
			i-- // reprocess this byte
			continue
		}
		lower, upper = 0x80, 0xBF
		cp = cp<<6 | rune(c&0x3F)
		seen++
		if seen == needed {
			sb.WriteRune(cp)
			cp, needed, seen = 0, 0, 0
		}
	}
	if needed != 0 {
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String()
}

var base64Values = func() [256]int8 {
	var t [256]int8
	for i := range t {
		t[i] = -1
	}
	for i, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" {
		t[c] = int8(i)
	}
	t['-'] = 62
	t['_'] = 63
	return t
}()

// decodeBase64Lenient decodes base64 and base64url alike, as Node does:
// characters outside both alphabets (whitespace included) are skipped and
// decoding stops at the first '='.
func decodeBase64Lenient(s string) []byte {
	if out, err := base64.StdEncoding.Strict().DecodeString(s); err == nil {
		return out
	}
	out := make([]byte, 0, len(s)*3/4+3)
	var acc uint32
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		v := base64Values[c]
		if v < 0 {
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeHexLenient decodes pairs of hex digits up to the first invalid
// pair; an odd trailing digit is dropped (Node's behaviour).
func decodeHexLenient(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		hi, lo := hexValue(s[i]), hexValue(s[i+1])
		if hi < 0 || lo < 0 {
			break
		}
		out = append(out, byte(hi<<4|lo))
	}
	return out
}
