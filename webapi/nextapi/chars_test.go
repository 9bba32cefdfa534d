package nextapi

import (
	"testing"

	"github.com/dop251/goja"
)

var charTests = []struct {
	in                 string
	token, headerValue bool
	utf8               int
}{
	{"Content-Type", true, true, 12},
	{"x-a_b.c~!#$%&'*+^`|", true, true, 19},
	{"", false, true, 0},
	{"a b", false, true, 3},
	{"a:b", false, true, 3},
	{"tab\there", false, true, 8},
	{"new\nline", false, false, 8},
	{"nul\x00", false, false, 4},
	{"del\x7f", false, false, 4},
	{"café", false, true, 5},
	{"€", false, false, 3},
	{"😀", false, false, 4},
}

func TestChars(t *testing.T) {
	vm := goja.New()
	for _, tt := range charTests {
		v := vm.ToValue(tt.in)
		if got := isHTTPToken(v); got != tt.token {
			t.Errorf("isHTTPToken(%q) = %v", tt.in, got)
		}
		if got := isHeaderValue(v); got != tt.headerValue {
			t.Errorf("isHeaderValue(%q) = %v", tt.in, got)
		}
		if got := utf8Length(v); got != tt.utf8 {
			t.Errorf("utf8Length(%q) = %d, want %d", tt.in, got, tt.utf8)
		}
	}
	// A lone surrogate is written as U+FFFD (3 bytes).
	lone, _ := vm.RunString(`'a\uD800b'`)
	if got := utf8Length(lone); got != 5 {
		t.Errorf("lone surrogate: %d", got)
	}
	if got := utf8Length(vm.ToValue(42)); got != 2 {
		t.Errorf("number: %d", got)
	}
}
