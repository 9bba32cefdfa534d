package encoding

import (
	"unicode/utf8"
)

// UTF8Decode implements the Encoding Standard's "UTF-8 decode"
// (https://encoding.spec.whatwg.org/#utf-8-decode): a leading BOM is
// removed and every maximal subpart of an invalid sequence becomes one
// U+FFFD. Valid input, the common case, costs one validation pass and the
// string copy.
func UTF8Decode(b []byte) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return UTF8DecodeWithoutBOM(b)
}

// UTF8DecodeWithoutBOM is "UTF-8 decode without BOM": UTF8Decode that keeps
// a leading BOM (as U+FEFF).
func UTF8DecodeWithoutBOM(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var d utf8Decoder
	out := make([]byte, 0, len(b)+8)
	out, _ = d.decode(out, b, true, false)
	return string(out)
}

// utf8Decoder is the UTF-8 decoder of https://encoding.spec.whatwg.org/#utf-8-decoder,
// with its state kept between calls for streaming.
type utf8Decoder struct {
	codePoint rune
	needed    int
	seen      int
	lower     byte
	upper     byte
}

// decode appends the decoding of in to out. With flush, an incomplete
// sequence at the end is an error. With fatal, decoding stops at the first
// error and reports it (the output is then meaningless).
func (d *utf8Decoder) decode(out, in []byte, flush, fatal bool) ([]byte, bool) {
	if d.lower == 0 {
		d.lower, d.upper = 0x80, 0xBF
	}
	i := 0
	for i < len(in) {
		if d.needed == 0 {
			// Fast path: copy a run of valid complete sequences.
			j := i
			for j < len(in) {
				c := in[j]
				if c < utf8.RuneSelf {
					j++
					continue
				}
				r, size := utf8.DecodeRune(in[j:])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				j += size
			}
			out = append(out, in[i:j]...)
			i = j
			if i == len(in) {
				break
			}
		}
		b := in[i]
		if d.needed == 0 {
			switch {
			case b <= 0x7F:
				out = append(out, b)
			case b >= 0xC2 && b <= 0xDF:
				d.needed, d.codePoint = 1, rune(b&0x1F)
			case b >= 0xE0 && b <= 0xEF:
				if b == 0xE0 {
					d.lower = 0xA0
				}
				if b == 0xED {
					d.upper = 0x9F
				}
				d.needed, d.codePoint = 2, rune(b&0x0F)
			case b >= 0xF0 && b <= 0xF4:
				if b == 0xF0 {
					d.lower = 0x90
				}
				if b == 0xF4 {
					d.upper = 0x8F
				}
				d.needed, d.codePoint = 3, rune(b&0x07)
			default:
				if fatal {
					return out, true
				}
				out = append(out, "\uFFFD"...)
			}
			i++
			continue
		}
		// 4. If byte is not in the range lower UTF-8 boundary to upper UTF-8
		//    boundary, inclusive: reset the state, restore byte to the stream,
		//    and return error.
		if b < d.lower || b > d.upper {
			d.reset()
			if fatal {
				return out, true
			}
			out = append(out, "\uFFFD"...)
			continue // byte is processed again
		}
		// 5-8. Accumulate the continuation byte.
		d.lower, d.upper = 0x80, 0xBF
		d.codePoint = d.codePoint<<6 | rune(b&0x3F)
		d.seen++
		i++
		if d.seen == d.needed {
			out = utf8.AppendRune(out, d.codePoint)
			d.reset()
		}
	}
	// An incomplete sequence at the end of the stream is one error.
	if flush && d.needed != 0 {
		d.reset()
		if fatal {
			return out, true
		}
		out = append(out, "\uFFFD"...)
	}
	return out, false
}

func (d *utf8Decoder) reset() {
	d.codePoint, d.needed, d.seen = 0, 0, 0
	d.lower, d.upper = 0x80, 0xBF
}
