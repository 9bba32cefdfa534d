package console

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
)

// units returns the UTF-16 code units of a JS string value.
func units(v goja.Value) []uint16 {
	s, ok := v.(goja.String)
	if !ok {
		s, ok = v.ToString().(goja.String)
		if !ok {
			return utf16.Encode([]rune(v.String()))
		}
	}
	n := s.Length()
	u := make([]uint16, n)
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u
}

// meta holds Node's escapes for the C0 controls.
var meta = [32]string{
	`\x00`, `\x01`, `\x02`, `\x03`, `\x04`, `\x05`, `\x06`, `\x07`,
	`\b`, `\t`, `\n`, `\x0B`, `\f`, `\r`, `\x0E`, `\x0F`,
	`\x10`, `\x11`, `\x12`, `\x13`, `\x14`, `\x15`, `\x16`, `\x17`,
	`\x18`, `\x19`, `\x1A`, `\x1B`, `\x1C`, `\x1D`, `\x1E`, `\x1F`,
}

// strEscape quotes a string as util.inspect does: single quotes unless the
// string contains one (then double quotes, or backticks), with control
// characters, the quote, backslashes and lone surrogates escaped.
func strEscape(u []uint16) string {
	quote := uint16('\'')
	if contains(u, '\'') {
		if !contains(u, '"') {
			quote = '"'
		} else if !contains(u, '`') && !containsSeq(u, '$', '{') {
			quote = '`'
		}
	}
	var b strings.Builder
	b.Grow(len(u) + 2)
	b.WriteRune(rune(quote))
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == quote:
			b.WriteByte('\\')
			b.WriteRune(rune(c))
		case c == '\\':
			b.WriteString(`\\`)
		case c < 0x20:
			b.WriteString(meta[c])
		case c >= 0x7f && c < 0xa0:
			b.WriteString(`\x`)
			b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(c), 16)))
		case utf16.IsSurrogate(rune(c)):
			if c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				b.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
				i++
				continue
			}
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatUint(uint64(c), 16))
		default:
			b.WriteRune(rune(c))
		}
	}
	b.WriteRune(rune(quote))
	return b.String()
}

func contains(u []uint16, c uint16) bool {
	for _, x := range u {
		if x == c {
			return true
		}
	}
	return false
}

func containsSeq(u []uint16, a, c uint16) bool {
	for i := 0; i+1 < len(u); i++ {
		if u[i] == a && u[i+1] == c {
			return true
		}
	}
	return false
}

// utf8 converts code units to a Go string, replacing lone surrogates.
func utf8(u []uint16) string { return string(utf16.Decode(u)) }

// formatNumber is Node's formatNumber: -0 prints as "-0".
func formatNumber(v goja.Value) string {
	f := v.ToFloat()
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

// width approximates getStringWidth: one column per code point, two for
// East Asian wide characters and emoji, none for combining marks.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
		case r >= 0x300 && r < 0x370, r >= 0x200b && r <= 0x200f, r >= 0xfe00 && r <= 0xfe0f:
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) ||
		(r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe6f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) || (r >= 0x20000 && r <= 0x3fffd))
}
