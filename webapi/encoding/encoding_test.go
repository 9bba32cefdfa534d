package encoding

import (
	"errors"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/internal/jstest"
)

var jsTests = []jstest.Case{
	// TextEncoder
	{"encode", `return [...new TextEncoder().encode("aé€😀")].join()`, "97,195,169,226,130,172,240,159,152,128"},
	{"encode lone surrogate", `return [...new TextEncoder().encode("\uD800x")].join()`, "239,191,189,120"},
	{"encode default", `return new TextEncoder().encode().length + new TextEncoder().encoding`, "0utf-8"},
	{"encode returns Uint8Array", `return Object.prototype.toString.call(new TextEncoder().encode("x"))`, "[object Uint8Array]"},
	{"encodeInto", `const d = new Uint8Array(5); const r = new TextEncoder().encodeInto("a€b", d); return r.read + "," + r.written + ":" + [...d]`, "3,5:97,226,130,172,98"},
	{"encodeInto stops before a scalar that does not fit", `const d = new Uint8Array(4); const r = new TextEncoder().encodeInto("a😀", d); return r.read + "," + r.written`, "1,1"},
	{"encodeInto surrogate pair counts 2", `const d = new Uint8Array(8); const r = new TextEncoder().encodeInto("😀", d); return r.read + "," + r.written`, "2,4"},
	{"encodeInto view offset", `const b = new Uint8Array(6); const r = new TextEncoder().encodeInto("hi", b.subarray(3)); return [...b].join()`, "0,0,0,104,105,0"},
	{"encodeInto shared destination", `const s = new SharedArrayBuffer(4); const r = new TextEncoder().encodeInto("hé", new Uint8Array(s, 1)); return r.read + "," + r.written + ":" + [...new Uint8Array(s)]`, "2,3:0,104,195,169"},
	{"encodeInto detached destination", `const b = new ArrayBuffer(10); const v = new Uint8Array(b, 2); b.transfer(); const r = new TextEncoder().encodeInto("test", v); return r.read + "," + r.written`, "0,0"},
	{"encodeInto shared buffer is not a Uint8Array", `new TextEncoder().encodeInto("x", new SharedArrayBuffer(2))`, "TypeError: Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'."},
	{"encodeInto needs Uint8Array", `new TextEncoder().encodeInto("x", new Uint16Array(2))`, "TypeError: Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'."},

	// TextDecoder
	{"decode utf-8", `return new TextDecoder().decode(new Uint8Array([0xEF,0xBB,0xBF,0x68,0xC3,0xA9]))`, "hé"},
	{"decode ArrayBuffer and DataView", `const b = new Uint8Array([104, 105]).buffer; return new TextDecoder().decode(b) + new TextDecoder().decode(new DataView(b, 1))`, "hii"},
	{"decode shared view", `const s = new SharedArrayBuffer(4); new Uint8Array(s).set([0, 104, 105, 0]); return new TextDecoder().decode(new Uint8Array(s, 1, 2)) + new TextDecoder().decode(new DataView(s, 2, 1)) + new TextDecoder().decode(s).length`, "hii4"},
	{"decode detached view", `const b = new ArrayBuffer(4); const v = new Uint8Array(b, 1); const d = new DataView(b, 1); b.transfer(); return "[" + new TextDecoder().decode(v) + new TextDecoder().decode(d) + "]"`, "[]"},
	{"decode nothing", `return new TextDecoder().decode() + "|" + new TextDecoder().decode(undefined, {})`, "|"},
	{"ignoreBOM keeps BOM", `return new TextDecoder("utf-8", {ignoreBOM: true}).decode(new Uint8Array([0xEF,0xBB,0xBF,0x41])).length`, "2"},
	{"only first BOM removed", `return new TextDecoder().decode(new Uint8Array([0xEF,0xBB,0xBF,0xEF,0xBB,0xBF])).length`, "1"},
	{"maximal subparts", `return escape(new TextDecoder().decode(new Uint8Array([0xE2,0x82,0x41,0xF0,0x80,0x80,0xFF])))`, "%uFFFDA%uFFFD%uFFFD%uFFFD%uFFFD"},
	{"fatal throws", `new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xFF]))`, "TypeError: Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid."},
	{"attributes", `const d = new TextDecoder("UTF8", {fatal: 1}); return d.encoding + d.fatal + d.ignoreBOM`, "utf-8truefalse"},
	{"bad label", `new TextDecoder("nope")`, "RangeError: Failed to construct 'TextDecoder': The encoding label provided ('nope') is invalid."},
	{"replacement refused", `new TextDecoder("iso-2022-kr")`, "RangeError: Failed to construct 'TextDecoder': The encoding label provided ('iso-2022-kr') is invalid."},
	{"stream split sequence", `const d = new TextDecoder(); return d.decode(new Uint8Array([0xE2, 0x82]), {stream: true}) + "|" + d.decode(new Uint8Array([0xAC]), {stream: true}) + "|" + d.decode()`, "|€|"},
	{"stream BOM across chunks", `const d = new TextDecoder(); return d.decode(new Uint8Array([0xEF]), {stream: true}) + d.decode(new Uint8Array([0xBB, 0xBF, 0x41]), {stream: true}) + d.decode()`, "A"},
	{"stream flush incomplete", `const d = new TextDecoder(); d.decode(new Uint8Array([0xF0, 0x9F]), {stream: true}); return escape(d.decode())`, "%uFFFD"},
	{"stream fatal then fresh", `const d = new TextDecoder("utf-8", {fatal: true}); d.decode(new Uint8Array([0xC3]), {stream: true}); try { d.decode() } catch (e) {} return d.decode(new Uint8Array([0x41]))`, "A"},
	{"utf-16le", `return new TextDecoder("utf-16le").decode(new Uint8Array([0xFF,0xFE,0x3D,0xD8,0x00,0xDE,0x41,0x00]))`, "😀A"},
	{"utf-16be", `return new TextDecoder("utf-16be").decode(new Uint8Array([0xFE,0xFF,0x00,0x41]))`, "A"},
	{"utf-16 lone surrogate", `return escape(new TextDecoder("utf-16le").decode(new Uint8Array([0x00,0xD8,0x41,0x00])))`, "%uFFFDA"},
	{"utf-16 odd byte", `return escape(new TextDecoder("utf-16le").decode(new Uint8Array([0x41,0x00,0x42])))`, "A%uFFFD"},
	{"windows-1252", `return new TextDecoder("latin1").decode(new Uint8Array([0x80, 0xE9, 0x81]))`, "€é\u0081"},
	{"iso-8859-3 hole", `return escape(new TextDecoder("iso-8859-3").decode(new Uint8Array([0xA5])))`, "%uFFFD"},
	{"x-user-defined", `return escape(new TextDecoder("x-user-defined").decode(new Uint8Array([0x41, 0x80, 0xFF])))`, "A%uF780%uF7FF"},
	{"shift_jis", `return new TextDecoder("sjis").decode(new Uint8Array([0x82, 0xA0, 0xB1, 0x41]))`, "あｱA"},
	{"shift_jis bad trail re-read", `return escape(new TextDecoder("shift_jis").decode(new Uint8Array([0x82, 0x41])))`, "%uFFFDA"},
	{"euc-jp", `return new TextDecoder("euc-jp").decode(new Uint8Array([0xA4, 0xA2, 0x8E, 0xB1]))`, "あｱ"},
	{"euc-jp jis0212", `return new TextDecoder("euc-jp").decode(new Uint8Array([0x8F, 0xB0, 0xA1]))`, "丂"},
	{"iso-2022-jp", `return new TextDecoder("iso-2022-jp").decode(new Uint8Array([0x1B, 0x24, 0x42, 0x24, 0x22, 0x1B, 0x28, 0x42, 0x41]))`, "あA"},
	{"iso-2022-jp error escape", `return escape(new TextDecoder("iso-2022-jp").decode(new Uint8Array([0x1b, 0x24])))`, "%uFFFD%24"},
	{"big5", `return new TextDecoder("big5").decode(new Uint8Array([0xA4, 0x40, 0x88, 0x62]))`, "一\u00CA\u0304"},
	{"euc-kr", `return new TextDecoder("euc-kr").decode(new Uint8Array([0xB0, 0xA1]))`, "가"},
	{"gbk", `return new TextDecoder("gbk").decode(new Uint8Array([0xC4, 0xE3, 0x80]))`, "你€"},
	{"gb18030 four bytes", `return new TextDecoder("gb18030").decode(new Uint8Array([0x81, 0x30, 0x81, 0x30, 0x90, 0x30, 0x81, 0x30]))`, "\u0080𐀀"},
	{"gb18030 2022", `return escape(new TextDecoder("gb18030").decode(new Uint8Array([0xA6, 0xD9, 0xFE, 0x59])))`, "%uFE10%u9FB4"},
	{"replacement via Go API only", `return typeof TextDecoder`, "function"},

	// atob / btoa
	{"btoa", `return btoa("\u00ffab")`, "/2Fi"},
	{"btoa latin1 only", `try { btoa("€") } catch (e) { return e.name + " " + e.code + " " + (e instanceof DOMException) + ": " + e.message }`, "InvalidCharacterError 5 true: Failed to execute 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range."},
	{"atob", `return escape(atob(" /2F i"))`, "%FFab"},
	{"atob invalid", `try { atob("a") } catch (e) { return e.name + ": " + e.message }`, "InvalidCharacterError: Failed to execute 'atob' on 'Window': The string to be decoded is not correctly encoded."},
	{"atob ToString", `return atob(null).length + btoa(null)`, "3bnVsbA=="},
	{"atob arity", `atob()`, "TypeError: Failed to execute 'atob' on 'Window': 1 argument required, but only 0 present."},
}

func TestJS(t *testing.T) {
	jstest.RunIn(t, newIsolate(t), jsTests, jstest.Call)
}

var decodeTests = []struct {
	label     string
	in        string
	fatal     bool
	ignoreBOM bool
	want      string
	err       error
}{
	{"utf-8", "\xEF\xBB\xBFabc", false, false, "abc", nil},
	{"utf-8", "\xEF\xBB\xBFabc", false, true, "\uFEFFabc", nil},
	{"utf-8", "a\xC3", true, false, "", ErrInvalidData},
	{"utf-8", "a\xC3", false, false, "a\uFFFD", nil},
	{"UTF-16", "\xFF\xFEa\x00", false, false, "a", nil},
	{"koi8-r", "\xC1", false, false, "а", nil},
	{"replacement", "x", false, false, "", ErrUnknownEncoding},
	{"bogus", "x", false, false, "", ErrUnknownEncoding},
}

func TestDecode(t *testing.T) {
	for _, tt := range decodeTests {
		got, err := Decode(tt.label, []byte(tt.in), tt.fatal, tt.ignoreBOM)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("Decode(%q, %q) = %q, %v; want %q, %v", tt.label, tt.in, got, err, tt.want, tt.err)
		}
	}
}

var utf8DecodeTests = []struct{ in, want string }{
	{"abc", "abc"},
	{"\xEF\xBB\xBFabc", "abc"},
	{"\xE2\x82", "\uFFFD"},
	{"\xE2\x82a", "\uFFFDa"},
	{"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"}, // surrogates are not UTF-8
	{"\xC0\xAF", "\uFFFD\uFFFD"},
	{"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
}

func TestUTF8Decode(t *testing.T) {
	for _, tt := range utf8DecodeTests {
		if got := UTF8Decode([]byte(tt.in)); got != tt.want {
			t.Errorf("UTF8Decode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The streaming decoder must give the same result whatever the chunking.
func TestStreamingMatchesWhole(t *testing.T) {
	inputs := map[string]string{
		"utf-8":       "h\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF\xE2\x82x",
		"utf-16le":    "\x3D\xD8\x00\xDE\x41\x00\x00\xD8\x42",
		"shift_jis":   "\x82\xA0\x82\x41\xB1\x81",
		"gb18030":     "\x81\x30\x81\x30\xC4\xE3\x81\x30\xFF\x81",
		"iso-2022-jp": "\x1B\x24\x42\x24\x22\x1B\x28\x4A\x5C\x1B\x24",
		"big5":        "\x88\x62\xA4\x40\x81",
	}
	for label, in := range inputs {
		whole, _ := Decode(label, []byte(in), false, false)
		for size := 1; size <= 3; size++ {
			d, _ := NewDecoder(label, false, false)
			var got string
			for i := 0; i < len(in); i += size {
				end := min(i+size, len(in))
				s, err := d.Decode([]byte(in[i:end]), true)
				if err != nil {
					t.Fatal(err)
				}
				got += s
			}
			s, _ := d.Decode(nil, false)
			got += s
			if got != whole {
				t.Errorf("%s in chunks of %d: %q, whole: %q", label, size, got, whole)
			}
		}
	}
}

// index gb18030 has no null entries; every two-byte pointer decodes.
func TestGB18030IndexComplete(t *testing.T) {
	ix, ranges := gb18030Tables()
	for p, r := range ix {
		if r == 0 {
			t.Errorf("pointer %d has no code point", p)
		}
	}
	if len(ranges) != 206 {
		t.Errorf("%d ranges, want 206 (index gb18030 ranges without pointer 7457)", len(ranges))
	}
	if ix[gbPointer(0xFE, 0xFE)] != 0xE4C5 || ix[gbPointer(0xA1, 0x40)] != 0xE4C6 || ix[gbPointer(0xAA, 0xA1)] != 0xE000 {
		t.Error("user-defined areas misplaced")
	}
}

var sniffTests = []struct{ fallback, in, want string }{
	{"windows-1252", "\xE9", "é"},
	{"windows-1252", "\xEF\xBB\xBF\xC3\xA9", "é"},
	{"utf-8", "\xFF\xFEA\x00", "A"},
	{"utf-8", "\xFE\xFF\x00A", "A"},
	{"utf-16le", "A\x00\xEF\xBB\xBF", "A\uBBEF\uFFFD"},
}

func TestDecodeWithBOMSniff(t *testing.T) {
	for _, tt := range sniffTests {
		enc, _ := Lookup(tt.fallback)
		if got := DecodeWithBOMSniff(enc, []byte(tt.in)); got != tt.want {
			t.Errorf("DecodeWithBOMSniff(%s, %q) = %q, want %q", tt.fallback, tt.in, got, tt.want)
		}
	}
}

func TestStreamEncoder(t *testing.T) {
	var e StreamEncoder
	units := func(u ...uint16) goja.String { return goja.StringFromUTF16(u) }
	var got []byte
	got = append(got, e.Encode(units('a', 0xD83D))...) // pair split across chunks
	got = append(got, e.Encode(units(0xDE00, 0xDC00))...)
	got = append(got, e.Encode(units(0xD800))...)
	got = append(got, e.Encode(units(0xD801, 'b'))...)
	got = append(got, e.Encode(units(0xD802))...)
	got = append(got, e.Flush()...)
	if want := "a😀\uFFFD\uFFFD\uFFFDb\uFFFD"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
