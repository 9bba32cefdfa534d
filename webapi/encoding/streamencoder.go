package encoding

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// StreamEncoder is TextEncoderStream's encoder state
// (https://encoding.spec.whatwg.org/#interface-textencoderstream): it
// UTF-8-encodes chunks of UTF-16 code units, keeping a leading surrogate
// that ends one chunk for the next, so a surrogate pair split across
// chunks still encodes as one scalar value. The zero value is ready.
type StreamEncoder struct {
	leadingSurrogate uint16
}

// Encode implements "encode and enqueue a chunk" for a chunk already
// converted to a DOMString; it returns the bytes to enqueue (none when
// empty).
func (e *StreamEncoder) Encode(chunk goja.String) []byte {
	n := chunk.Length()
	out := make([]byte, 0, n)
	for i := 0; i < n; i++ {
		item := chunk.CharAt(i)
		// Convert code unit to scalar value.
		if lead := e.leadingSurrogate; lead != 0 {
			e.leadingSurrogate = 0
			// 1.3. If item is a trailing surrogate, return a scalar value from
			//      surrogates given leadingSurrogate and item.
			if item >= 0xDC00 && item <= 0xDFFF {
				out = utf8.AppendRune(out, utf16.DecodeRune(rune(lead), rune(item)))
				continue
			}
			// 1.4-1.5. Restore item to input and return U+FFFD.
			out = append(out, "\uFFFD"...)
			i--
			continue
		}
		switch {
		// 2. If item is a leading surrogate, set encoder's leading surrogate to item.
		case item >= 0xD800 && item <= 0xDBFF:
			e.leadingSurrogate = item
		// 3. If item is a trailing surrogate, then return U+FFFD.
		case item >= 0xDC00 && item <= 0xDFFF:
			out = append(out, "\uFFFD"...)
		// 4. Return item.
		default:
			out = utf8.AppendRune(out, rune(item))
		}
	}
	return out
}

// Flush implements "encode and flush": a leading surrogate left at the end
// of the stream becomes U+FFFD.
func (e *StreamEncoder) Flush() []byte {
	if e.leadingSurrogate == 0 {
		return nil
	}
	e.leadingSurrogate = 0
	return []byte("\uFFFD")
}
