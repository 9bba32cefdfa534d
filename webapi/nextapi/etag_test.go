package nextapi

import (
	"testing"
	"unicode/utf16"
)

// Vectors observed from Next.js 16 (spec §1.5).
var etagTests = []struct{ in, want string }{
	{"hello", `"2caikvdqo85"`},
	{`{"a":1}`, `"147uiiad94i7"`},
	{"42", `"145yod55ra52"`},
	{"null", `"wm6yxsynvh4"`},
}

func TestETag(t *testing.T) {
	for _, tt := range etagTests {
		if got := ETag(utf16.Encode([]rune(tt.in))); got != tt.want {
			t.Errorf("ETag(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

var freshTests = []struct {
	inm, cc, etag string
	want          bool
}{
	{"", "", `"a"`, false},
	{`"a"`, "", `"a"`, true},
	{`"b", "a"`, "", `"a"`, true},
	{`W/"a"`, "", `"a"`, true},
	{`"a"`, "no-cache", `"a"`, false},
	{"*", "", `"a"`, true},
	{`"b"`, "", `"a"`, false},
}

func TestFresh(t *testing.T) {
	for _, tt := range freshTests {
		if got := Fresh(tt.inm, tt.cc, tt.etag); got != tt.want {
			t.Errorf("Fresh(%q, %q, %q) = %v", tt.inm, tt.cc, tt.etag, got)
		}
	}
}
