package server

import (
	"reflect"
	"testing"
)

var splitSetCookieTests = []struct {
	in   string
	want []string
}{
	{"a=1", nil},
	{"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", nil},
	{"a=1; Path=/, b=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT", []string{"a=1; Path=/", "b=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}},
	{"a=1,b=2,  c=3", []string{"a=1", "b=2", "c=3"}},
	{"a=x,y; Path=/", nil},
	{"a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT, b=2", []string{"a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "b=2"}},
}

func TestSplitSetCookie(t *testing.T) {
	for _, tt := range splitSetCookieTests {
		if got := splitSetCookie(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitSetCookie(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
