package webidl

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// isSymbol reports whether v is a Symbol (ToString of a Symbol throws).
func isSymbol(v goja.Value) bool {
	_, ok := v.(*goja.Symbol)
	return ok
}

// DOMString converts v with ToString. Lone surrogates are replaced by U+FFFD
// in the Go string (Go strings are UTF-8); use DOMStringValue to keep them.
func (c Context) DOMString(vm *goja.Runtime, v goja.Value) string {
	if isSymbol(v) {
		c.TypeError(vm, "Cannot convert a Symbol value to a string")
	}
	return v.String()
}

// USVString converts v with ToString and replaces lone surrogates with U+FFFD.
func (c Context) USVString(vm *goja.Runtime, v goja.Value) string {
	if isSymbol(v) {
		c.TypeError(vm, "Cannot convert a Symbol value to a string")
	}
	s := v.ToString()
	if gs, ok := s.(goja.String); ok {
		return USVFromUTF16(gs)
	}
	return s.String()
}

// USVFromUTF16 converts a JS string to UTF-8, replacing lone surrogates.
func USVFromUTF16(s goja.String) string {
	n := s.Length()
	ascii := true
	for i := 0; i < n; i++ {
		if s.CharAt(i) >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s.String()
	}
	units := make([]uint16, n)
	for i := range units {
		units[i] = s.CharAt(i)
	}
	var b strings.Builder
	b.Grow(n)
	for i := 0; i < n; i++ {
		u := units[i]
		switch {
		case utf16.IsSurrogate(rune(u)) && u < 0xDC00 && i+1 < n && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF:
			b.WriteRune(utf16.DecodeRune(rune(u), rune(units[i+1])))
			i++
		case utf16.IsSurrogate(rune(u)):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String()
}

// ByteString converts v with ToString and requires every code unit to be at
// most 0xFF. The result holds one byte per code unit (not UTF-8).
func (c Context) ByteString(vm *goja.Runtime, v goja.Value) string {
	if isSymbol(v) {
		c.TypeError(vm, "Cannot convert a Symbol value to a string")
	}
	s := v.ToString()
	gs, ok := s.(goja.String)
	if !ok {
		return s.String()
	}
	n := gs.Length()
	var buf []byte
	for i := 0; i < n; i++ {
		u := gs.CharAt(i)
		if u > 0xFF {
			c.TypeError(vm, "String contains non ISO-8859-1 code point.")
		}
		if u >= 0x80 && buf == nil {
			buf = make([]byte, i, n)
			for j := 0; j < i; j++ {
				buf[j] = byte(gs.CharAt(j))
			}
		}
		if buf != nil {
			buf = append(buf, byte(u))
		}
	}
	if buf == nil {
		return gs.String()
	}
	return string(buf)
}

// FromByteString returns the JS string whose code units are the bytes of s.
func FromByteString(vm *goja.Runtime, s string) goja.Value {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			units := make([]uint16, len(s))
			for j := 0; j < len(s); j++ {
				units[j] = uint16(s[j])
			}
			return goja.StringFromUTF16(units)
		}
	}
	return vm.ToValue(s)
}
