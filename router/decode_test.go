package router

import "testing"

// decodeTests follow ECMAScript decodeURIComponent: ok=false where JS throws
// URIError.
var decodeTests = []struct {
	in   string
	want string
	ok   bool
}{
	{"abc", "abc", true},
	{"", "", true},
	{"%41", "A", true},
	{"a%2Fb", "a/b", true},
	{"%2f", "/", true},
	{"%E2%9C%93", "✓", true},
	{"%e2%9c%93", "✓", true},
	{"%F0%9F%98%80", "😀", true},
	{"%C3%A9t%C3%A9", "été", true},
	{"a+b", "a+b", true},
	{"%2B", "+", true},
	{"%00", "\x00", true},
	{"%25", "%", true},
	{"%2525", "%25", true},
	{"✓", "✓", true},
	{"%", "", false},
	{"%4", "", false},
	{"a%", "", false},
	{"%zz", "", false},
	{"%4g", "", false},
	{"%80", "", false},          // continuation byte as lead
	{"%FF", "", false},          // n > 4
	{"%C3", "", false},          // truncated
	{"%C3(", "", false},         // continuation not escaped
	{"%C3%28", "", false},       // continuation not 10xxxxxx
	{"%C0%80", "", false},       // overlong
	{"%ED%A0%80", "", false},    // surrogate
	{"%F4%90%80%80", "", false}, // above U+10FFFF
	{"%E2%9C", "", false},
}

func TestDecodeURIComponent(t *testing.T) {
	for _, tt := range decodeTests {
		got, ok := decodeURIComponent(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("decodeURIComponent(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDecodeURIComponentNoEscapeNoAlloc(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		if _, ok := decodeURIComponent("plain-value"); !ok {
			t.Fatal("not ok")
		}
	})
	if n != 0 {
		t.Errorf("decoding a value without escapes allocates %v times", n)
	}
}
