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
	inm, ims, cc, etag string
	want               bool
}{
	{"", "", "", `"a"`, false},
	{`"a"`, "", "", `"a"`, true},
	{`"b", "a"`, "", "", `"a"`, true},
	{`"b" ,  "a"`, "", "", `"a"`, true},
	{`W/"a"`, "", "", `"a"`, true},
	{`"a"`, "", "", `W/"a"`, true},
	{`"a"`, "", "no-cache", `"a"`, false},
	{`"a"`, "", "max-age=0, no-cache", `"a"`, false},
	{`"a"`, "", "NO-CACHE", `"a"`, true}, // fresh's regexp is case-sensitive
	{"*", "", "", `"a"`, true},
	{"*", "", "", "", true},
	{`"b"`, "", "", `"a"`, false},
	{`"a"`, "", "", "", false},
	// Next passes no Last-Modified, so If-Modified-Since alone is stale.
	{"", "Thu, 01 Jan 1970 00:00:00 GMT", "", `"a"`, false},
	{`"a"`, "Thu, 01 Jan 1970 00:00:00 GMT", "", `"a"`, false},
}

func TestFresh(t *testing.T) {
	for _, tt := range freshTests {
		if got := Fresh(tt.inm, tt.ims, tt.cc, tt.etag); got != tt.want {
			t.Errorf("Fresh(%q, %q, %q, %q) = %v", tt.inm, tt.ims, tt.cc, tt.etag, got)
		}
	}
}
