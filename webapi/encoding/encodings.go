package encoding

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// encodings maps each encoding name to its Encoding.
var encodings = map[string]*Encoding{}

func register(name string, newDecoder func() decoder) {
	encodings[name] = &Encoding{Name: name, newDecoder: newDecoder}
}

func init() {
	register("UTF-8", func() decoder { return &utf8Decoder{} })
	register("UTF-16LE", func() decoder { return &utf16Decoder{} })
	register("UTF-16BE", func() decoder { return &utf16Decoder{bigEndian: true} })
	for _, name := range []string{
		"IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6",
		"ISO-8859-7", "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14",
		"ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U", "macintosh", "windows-874",
		"windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
		"windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic",
	} {
		table := singleByteTable(name)
		register(name, func() decoder { return singleByteDecoder{table()} })
	}
	register("GBK", func() decoder { return &byteDecoder{h: &gb18030Decoder{}} })
	register("gb18030", func() decoder { return &byteDecoder{h: &gb18030Decoder{}} })
	register("Big5", func() decoder { return &byteDecoder{h: &big5Decoder{}} })
	register("EUC-JP", func() decoder { return &byteDecoder{h: &eucJPDecoder{}} })
	register("ISO-2022-JP", func() decoder { return &byteDecoder{h: &iso2022JPDecoder{}} })
	register("Shift_JIS", func() decoder { return &byteDecoder{h: &shiftJISDecoder{}} })
	register("EUC-KR", func() decoder { return &byteDecoder{h: &eucKRDecoder{}} })
	register("replacement", func() decoder { return &byteDecoder{h: &replacementDecoder{}} })
	register("x-user-defined", func() decoder { return xUserDefinedDecoder{} })
}

// singleByteCharmaps are x/text's tables for the single-byte encodings,
// which its generator builds from the standard's index files.
var singleByteCharmaps = map[string]*charmap.Charmap{
	"IBM866": charmap.CodePage866, "ISO-8859-2": charmap.ISO8859_2, "ISO-8859-3": charmap.ISO8859_3,
	"ISO-8859-4": charmap.ISO8859_4, "ISO-8859-5": charmap.ISO8859_5, "ISO-8859-6": charmap.ISO8859_6,
	"ISO-8859-7": charmap.ISO8859_7, "ISO-8859-8": charmap.ISO8859_8, "ISO-8859-8-I": charmap.ISO8859_8,
	"ISO-8859-10": charmap.ISO8859_10, "ISO-8859-13": charmap.ISO8859_13, "ISO-8859-14": charmap.ISO8859_14,
	"ISO-8859-15": charmap.ISO8859_15, "ISO-8859-16": charmap.ISO8859_16, "KOI8-R": charmap.KOI8R,
	"KOI8-U": charmap.KOI8U, "macintosh": charmap.Macintosh, "windows-874": charmap.Windows874,
	"windows-1250": charmap.Windows1250, "windows-1251": charmap.Windows1251, "windows-1252": charmap.Windows1252,
	"windows-1253": charmap.Windows1253, "windows-1254": charmap.Windows1254, "windows-1255": charmap.Windows1255,
	"windows-1256": charmap.Windows1256, "windows-1257": charmap.Windows1257, "windows-1258": charmap.Windows1258,
	"x-mac-cyrillic": charmap.MacintoshCyrillic,
}

// singleByteTable returns a function giving the encoding's index (the code
// points of bytes 0x80-0xFF, 0 for null), built once from x/text's charmap.
func singleByteTable(name string) func() *[128]rune {
	cm, ok := singleByteCharmaps[name]
	if !ok {
		panic("encoding: no table for " + name)
	}
	return sync.OnceValue(func() *[128]rune {
		var t [128]rune
		for b := 0x80; b <= 0xFF; b++ {
			switch r := cm.DecodeByte(byte(b)); {
			case r != utf8.RuneError:
				t[b-0x80] = r
			case b <= 0x9F:
				// x/text leaves the C1 range unmapped where the standard's
				// indexes map byte 0x80+n to U+0080+n (checked against the
				// standard's indexes for every single-byte encoding).
				t[b-0x80] = rune(b)
			}
		}
		return &t
	})
}

// singleByteDecoder implements https://encoding.spec.whatwg.org/#single-byte-decoder.
type singleByteDecoder struct{ index *[128]rune }

func (d singleByteDecoder) decode(out, in []byte, _, fatal bool) ([]byte, bool) {
	for _, b := range in {
		// 2. If byte is an ASCII byte, return a code point whose value is byte.
		if b < 0x80 {
			out = append(out, b)
			continue
		}
		// 3. Let code point be the index single-byte code point in index for byte − 0x80.
		// 4. If code point is null, return error.
		r := d.index[b-0x80]
		if r == 0 {
			if fatal {
				return out, true
			}
			r = utf8.RuneError
		}
		// 5. Return a code point whose value is code point.
		out = utf8.AppendRune(out, r)
	}
	return out, false
}

// xUserDefinedDecoder implements https://encoding.spec.whatwg.org/#x-user-defined-decoder.
type xUserDefinedDecoder struct{}

func (xUserDefinedDecoder) decode(out, in []byte, _, _ bool) ([]byte, bool) {
	for _, b := range in {
		if b < 0x80 {
			out = append(out, b)
			continue
		}
		// 3. Return a code point whose value is 0xF780 + byte − 0x80.
		out = utf8.AppendRune(out, rune(0xF780+int(b)-0x80))
	}
	return out, false
}

// replacementDecoder implements https://encoding.spec.whatwg.org/#replacement-decoder.
type replacementDecoder struct{ errorReturned bool }

func (d *replacementDecoder) handle(_ *queue, b int, _ func(rune)) status {
	// 1. If byte is end-of-queue, return finished.
	if b == eoq {
		return statusFinished
	}
	// 2. If replacement error returned is false, set it to true and return error.
	if !d.errorReturned {
		d.errorReturned = true
		return statusError
	}
	// 3. Return finished.
	return statusFinished
}

// utf16Decoder implements https://encoding.spec.whatwg.org/#shared-utf-16-decoder.
type utf16Decoder struct {
	bigEndian     bool
	leadByte      int // -1 when null
	leadSurrogate rune
	init          bool
}

func (d *utf16Decoder) decode(out, in []byte, flush, fatal bool) ([]byte, bool) {
	if !d.init {
		d.leadByte, d.init = -1, true
	}
	// A restored code unit (step 5.4) is re-read before the input.
	var restored []byte
	i := 0
	for {
		var b int
		switch {
		case len(restored) > 0:
			b, restored = int(restored[0]), restored[1:]
		case i < len(in):
			b = int(in[i])
			i++
		default:
			// 1. If byte is end-of-queue and either leading byte or leading
			//    surrogate is non-null, set both to null and return error.
			// 2. If byte is end-of-queue and both are null, return finished.
			if flush && (d.leadByte >= 0 || d.leadSurrogate != 0) {
				d.leadByte, d.leadSurrogate = -1, 0
				if fatal {
					return out, true
				}
				out = append(out, "\uFFFD"...)
			}
			return out, false
		}
		// 3. If leading byte is null, set it to byte and return continue.
		if d.leadByte < 0 {
			d.leadByte = b
			continue
		}
		// 4. Let code unit be the result of (leading byte << 8) + byte if is
		//    UTF-16BE is true, or (byte << 8) + leading byte otherwise.
		var cu rune
		if d.bigEndian {
			cu = rune(d.leadByte<<8 + b)
		} else {
			cu = rune(b<<8 + d.leadByte)
		}
		d.leadByte = -1
		// 5. If leading surrogate is non-null:
		if d.leadSurrogate != 0 {
			lead := d.leadSurrogate
			d.leadSurrogate = 0
			// 5.3. If code unit is in the range U+DC00 to U+DFFF, return a code point
			//      whose value is 0x10000 + ((lead − 0xD800) << 10) + (code unit − 0xDC00).
			if cu >= 0xDC00 && cu <= 0xDFFF {
				out = utf8.AppendRune(out, 0x10000+(lead-0xD800)<<10+(cu-0xDC00))
				continue
			}
			// 5.4-5.6. Restore the code unit's bytes to ioQueue and return error.
			hi, lo := byte(cu>>8), byte(cu)
			if d.bigEndian {
				restored = append([]byte{hi, lo}, restored...)
			} else {
				restored = append([]byte{lo, hi}, restored...)
			}
			if fatal {
				return out, true
			}
			out = append(out, "\uFFFD"...)
			continue
		}
		switch {
		// 6. If code unit is in the range U+D800 to U+DBFF, inclusive, set leading
		//    surrogate to code unit and return continue.
		case cu >= 0xD800 && cu <= 0xDBFF:
			d.leadSurrogate = cu
		// 7. If code unit is in the range U+DC00 to U+DFFF, inclusive, return error.
		case cu >= 0xDC00 && cu <= 0xDFFF:
			if fatal {
				return out, true
			}
			out = append(out, "\uFFFD"...)
		// 8. Return code point code unit.
		default:
			out = utf8.AppendRune(out, cu)
		}
	}
}
