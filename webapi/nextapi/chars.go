package nextapi

import (
	"unicode/utf16"

	"github.com/dop251/goja"
)

// The character checks Node's http module makes on header names, values
// and the status message, done on the string's UTF-16 code units in Go:
// in JS they are a regular expression per header, which shows in profiles.

// isHTTPToken is Node's checkIsHttpToken: RFC 7230 tchar only, non-empty.
func isHTTPToken(v goja.Value) bool {
	s := jsString(v)
	n := s.Length()
	if n == 0 {
		return false
	}
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if c >= 0x80 || !isTokenChar(byte(c)) {
			return false
		}
	}
	return true
}

// isHeaderValue is the negation of Node's checkInvalidHeaderChar:
// /[^\t\x20-\x7e\x80-\xff]/.
func isHeaderValue(v goja.Value) bool {
	s := jsString(v)
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if !(c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff)) {
			return false
		}
	}
	return true
}

// utf8Length is Buffer.byteLength(s, 'utf8'): a lone surrogate counts as
// the three bytes of U+FFFD, as Node encodes it.
func utf8Length(v goja.Value) int {
	if gs, ok := v.(goja.String); ok {
		// goja writes a lone surrogate as U+FFFD too, so the UTF-8 form's
		// length is the answer (and, for ASCII, costs no copy).
		return len(gs.String())
	}
	s := jsString(v)
	n := s.Length()
	total := 0
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c < 0x80:
			total++
		case c < 0x800:
			total += 2
		case c >= 0xD800 && c <= 0xDBFF && i+1 < n && s.CharAt(i+1) >= 0xDC00 && s.CharAt(i+1) <= 0xDFFF:
			total += 4
			i++
		default:
			total += 3
		}
	}
	return total
}

// codeUnits is the UTF-16 view the checks need; goja strings have it.
type codeUnits interface {
	CharAt(int) uint16
	Length() int
}

type unitSlice []uint16

func (u unitSlice) CharAt(i int) uint16 { return u[i] }
func (u unitSlice) Length() int         { return len(u) }

// jsString returns the code units of String(v). Strings are used as they
// are; anything else (a number passed to setHeader) is converted.
func jsString(v goja.Value) codeUnits {
	if s, ok := v.(goja.String); ok {
		return s
	}
	return unitSlice(utf16.Encode([]rune(v.String())))
}
