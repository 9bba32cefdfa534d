package encoding

import (
	"sync"
	"unicode/utf8"

	xenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// The Encoding Standard's indexes (https://encoding.spec.whatwg.org/#indexes)
// for the CJK decoders. golang.org/x/text compiles in the same tables (its
// generators read the standard's index files) but exposes them only through
// its decoders, whose error handling differs from the standard's decoder
// algorithms (how many bytes an error consumes, which bytes are re-read,
// and whether an error is reported at all, which TextDecoder's fatal mode
// needs). So the algorithms are written out in this package and the
// tables are read back out of x/text's decoders, once per process, on first
// use: each pointer is turned into the byte sequence that x/text maps
// through the index and the decoded code point recorded.

// index is a pointer → code point table; 0 means "null".
type index []rune

func (ix index) at(pointer int) rune {
	if pointer < 0 || pointer >= len(ix) {
		return 0
	}
	return ix[pointer]
}

var (
	jis0208Once, jis0212Once, big5Once, euckrOnce, gb18030Once sync.Once
	jis0208Index, jis0212Index, big5Index, euckrIndex          index
	gb18030Index                                               index
	gb18030Ranges                                              [][2]int32 // (pointer, code point)
)

// probe decodes b with x/text and returns the single code point it maps to,
// or 0 when the result is not exactly one non-replacement code point.
func probe(d *xenc.Decoder, b []byte, buf []byte) rune {
	n, _, err := d.Transform(buf, b, true)
	d.Reset()
	if err != nil || n == 0 {
		return 0
	}
	r, size := utf8.DecodeRune(buf[:n])
	if size != n || r == utf8.RuneError {
		return 0
	}
	return r
}

// jis0208 returns index jis0208, read through x/text's Shift_JIS decoder
// (every pointer is reachable from Shift_JIS; pointers 8836-10715 are the
// EUDC range the decoder maps to the Private Use Area itself).
func jis0208() index {
	jis0208Once.Do(func() {
		d := japanese.ShiftJIS.NewDecoder()
		buf := make([]byte, 16)
		ix := make(index, 11104)
		for lead := 0x81; lead <= 0xFC; lead++ {
			if lead > 0x9F && lead < 0xE0 {
				continue
			}
			leadOffset := 0x81
			if lead >= 0xA0 {
				leadOffset = 0xC1
			}
			for trail := 0x40; trail <= 0xFC; trail++ {
				if trail == 0x7F {
					continue
				}
				offset := 0x40
				if trail >= 0x7F {
					offset = 0x41
				}
				p := (lead-leadOffset)*188 + trail - offset
				if p >= len(ix) || p >= 8836 && p <= 10715 {
					continue
				}
				ix[p] = probe(d, []byte{byte(lead), byte(trail)}, buf)
			}
		}
		jis0208Index = ix
	})
	return jis0208Index
}

// jis0212 returns index jis0212, read through EUC-JP's 0x8F sequences.
func jis0212() index {
	jis0212Once.Do(func() {
		d := japanese.EUCJP.NewDecoder()
		buf := make([]byte, 16)
		ix := make(index, 94*94)
		for lead := 0xA1; lead <= 0xFE; lead++ {
			for trail := 0xA1; trail <= 0xFE; trail++ {
				ix[(lead-0xA1)*94+trail-0xA1] = probe(d, []byte{0x8F, byte(lead), byte(trail)}, buf)
			}
		}
		jis0212Index = ix
	})
	return jis0212Index
}

// big5 returns index Big5 (including the HKSCS range). The four pointers
// that decode to two code points are special-cased by the decoder.
func big5() index {
	big5Once.Do(func() {
		d := traditionalchinese.Big5.NewDecoder()
		buf := make([]byte, 16)
		ix := make(index, (0xFE-0x81+1)*157)
		for lead := 0x81; lead <= 0xFE; lead++ {
			for trail := 0x40; trail <= 0xFE; trail++ {
				if trail > 0x7E && trail < 0xA1 {
					continue
				}
				offset := 0x40
				if trail >= 0x7F {
					offset = 0x62
				}
				ix[(lead-0x81)*157+trail-offset] = probe(d, []byte{byte(lead), byte(trail)}, buf)
			}
		}
		big5Index = ix
	})
	return big5Index
}

// euckr returns index EUC-KR.
func euckr() index {
	euckrOnce.Do(func() {
		d := korean.EUCKR.NewDecoder()
		buf := make([]byte, 16)
		ix := make(index, (0xFE-0x81+1)*190)
		for lead := 0x81; lead <= 0xFE; lead++ {
			for trail := 0x41; trail <= 0xFE; trail++ {
				ix[(lead-0x81)*190+trail-0x41] = probe(d, []byte{byte(lead), byte(trail)}, buf)
			}
		}
		euckrIndex = ix
	})
	return euckrIndex
}

// gb18030Tables returns index gb18030 and index gb18030 ranges.
func gb18030Tables() (index, [][2]int32) {
	gb18030Once.Do(func() {
		d := simplifiedchinese.GB18030.NewDecoder()
		buf := make([]byte, 16)
		ix := make(index, (0xFE-0x81+1)*190)
		for lead := 0x81; lead <= 0xFE; lead++ {
			for trail := 0x40; trail <= 0xFE; trail++ {
				if trail == 0x7F {
					continue
				}
				offset := 0x40
				if trail >= 0x7F {
					offset = 0x41
				}
				ix[(lead-0x81)*190+trail-offset] = probe(d, []byte{byte(lead), byte(trail)}, buf)
			}
		}
		for p, r := range gb18030Changes2022 {
			ix[p] = r
		}
		fillGB18030PUA(ix)
		gb18030Index = ix
		// The ranges index lists the pointers where the linear mapping of
		// four-byte sequences below pointer 39420 restarts.
		var ranges [][2]int32
		prev := int32(-1)
		for p := 0; p <= 39419; p++ {
			b := []byte{byte(p/12600 + 0x81), byte(p%12600/1260 + 0x30), byte(p%1260/10 + 0x81), byte(p%10 + 0x30)}
			r := probe(d, b, buf)
			if p == 7457 {
				continue // U+E7C7, special-cased by the decoder
			}
			if r == 0 {
				continue
			}
			if len(ranges) == 0 || int32(r)-int32(p) != prev {
				ranges = append(ranges, [2]int32{int32(p), int32(r)})
				prev = int32(r) - int32(p)
			}
		}
		gb18030Ranges = ranges
	})
	return gb18030Index, gb18030Ranges
}

// gb18030Changes2022 are the index gb18030 entries where x/text's table
// differs from the standard's: the ones changed for GB18030-2022 (from
// Private Use code points to the code points GB18030-2022 assigns), which
// x/text predates, and 0xA8BC, which GB18030-2005 moved to U+1E3F.
var gb18030Changes2022 = map[int]rune{
	gbPointer(0xA8, 0xBC): 0x1E3F,
	gbPointer(0xA6, 0xD9): 0xFE10,
	gbPointer(0xA6, 0xDA): 0xFE12,
	gbPointer(0xA6, 0xDB): 0xFE11,
	gbPointer(0xA6, 0xDC): 0xFE13,
	gbPointer(0xA6, 0xDD): 0xFE14,
	gbPointer(0xA6, 0xDE): 0xFE15,
	gbPointer(0xA6, 0xDF): 0xFE16,
	gbPointer(0xA6, 0xEC): 0xFE17,
	gbPointer(0xA6, 0xED): 0xFE18,
	gbPointer(0xA6, 0xF3): 0xFE19,
	gbPointer(0xFE, 0x59): 0x9FB4,
	gbPointer(0xFE, 0x61): 0x9FB5,
	gbPointer(0xFE, 0x66): 0x9FB6,
	gbPointer(0xFE, 0x67): 0x9FB7,
	gbPointer(0xFE, 0x6D): 0x9FB8,
	gbPointer(0xFE, 0x7E): 0x9FB9,
	gbPointer(0xFE, 0x90): 0x9FBA,
	gbPointer(0xFE, 0xA0): 0x9FBB,
}

// fillGB18030PUA adds the Private Use Area entries of index gb18030 that
// x/text's table leaves out: the three user-defined areas, mapped row by
// row, and 155 scattered positions (gb18030PUARuns).
func fillGB18030PUA(ix index) {
	for lead := 0xA1; lead <= 0xFE; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			if trail == 0x7F {
				continue
			}
			var r int
			switch {
			case lead >= 0xAA && lead <= 0xAF && trail >= 0xA1:
				r = 0xE000 + (lead-0xAA)*94 + trail - 0xA1
			case lead >= 0xF8 && trail >= 0xA1:
				r = 0xE234 + (lead-0xF8)*94 + trail - 0xA1
			case lead <= 0xA7 && trail <= 0xA0:
				t := trail - 0x40
				if trail > 0x7F {
					t--
				}
				r = 0xE4C6 + (lead-0xA1)*96 + t
			default:
				continue
			}
			if p := gbPointer(lead, trail); ix[p] == 0 {
				ix[p] = rune(r)
			}
		}
	}
	for _, run := range gb18030PUARuns {
		for i := 0; i < run[2]; i++ {
			if ix[run[0]+i] == 0 {
				ix[run[0]+i] = rune(run[1] + i)
			}
		}
	}
}

// gb18030PUARuns are runs of (pointer, code point, length) of index
// gb18030's scattered Private Use Area entries.
var gb18030PUARuns = [][3]int{
	{6376, 0xE766, 6}, {6433, 0xE76D, 1}, {6444, 0xE76E, 2}, {6458, 0xE770, 2},
	{6829, 0xE772, 11}, {7022, 0xE77D, 8}, {7150, 0xE785, 8}, {7211, 0xE797, 9},
	{7349, 0xE7A0, 15}, {7397, 0xE7AF, 13}, {7495, 0xE7BC, 11}, {7538, 0xE7C9, 4},
	{7579, 0xE7CD, 21}, {7624, 0xE7E2, 1}, {7627, 0xE7E3, 1}, {7629, 0xE7E4, 3},
	{7686, 0xE7F4, 13}, {7775, 0xE801, 15}, {16525, 0xE810, 5}, {23767, 0xE816, 3},
	{23794, 0xE831, 1}, {23804, 0xE83B, 1}, {23830, 0xE855, 1},
}

// gbPointer is the index gb18030 pointer of a two-byte sequence.
func gbPointer(lead, trail int) int {
	offset := 0x41
	if trail < 0x7F {
		offset = 0x40
	}
	return (lead-0x81)*190 + trail - offset
}

// gb18030RangesCodePoint implements https://encoding.spec.whatwg.org/#index-gb18030-ranges-code-point.
func gb18030RangesCodePoint(pointer int) rune {
	// 1. If pointer is greater than 39419 and less than 189000, or pointer is
	//    greater than 1237575, return null.
	if pointer > 39419 && pointer < 189000 || pointer > 1237575 {
		return 0
	}
	// 2. If pointer is 7457, return code point U+E7C7.
	if pointer == 7457 {
		return 0xE7C7
	}
	// 3. If pointer is greater than or equal to 189000, return a code point
	//    whose value is 0x10000 + pointer − 189000.
	if pointer >= 189000 {
		return rune(0x10000 + pointer - 189000)
	}
	// 4. Let offset be the last pointer in index gb18030 ranges that is less
	//    than or equal to pointer and let code point offset be its
	//    corresponding code point.
	_, ranges := gb18030Tables()
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := (lo + hi) / 2
		if int(ranges[m][0]) <= pointer {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	r := ranges[lo-1]
	// 5. Return a code point whose value is code point offset + pointer − offset.
	return rune(int(r[1]) + pointer - int(r[0]))
}
