package nextapi

import "testing"

// Cases follow the content-type npm package's parse().
var contentTypeTests = []struct {
	in, wantType, wantCharset string
	ok                        bool
}{
	{"application/json", "application/json", "", true},
	{"Application/JSON; Charset=UTF-8", "application/json", "UTF-8", true},
	{"text/plain; charset=\"latin1\"", "text/plain", "latin1", true},
	{"text/plain; charset=\"a\\\"b\"", "text/plain", "a\"b", true},
	{"text/plain;charset=utf-8;format=flowed", "text/plain", "utf-8", true},
	{"text/plain ;  charset = utf-8 ", "text/plain", "utf-8", true},
	{"  text/html  ", "text/html", "", true},
	{"application/vnd.api+json", "application/vnd.api+json", "", true},
	{"application/json;", "", "", false},
	{"application/json; charset", "", "", false},
	{"application/json; charset=", "", "", false},
	{"application/json; charset=\"utf-8", "", "", false},
	{"application/json charset=utf-8", "", "", false},
	{"text/", "", "", false},
	{"/plain", "", "", false},
	{"text", "", "", false},
	{"te xt/plain", "", "", false},
	{"", "", "", false},
}

func TestParseContentType(t *testing.T) {
	for _, tt := range contentTypeTests {
		typ, cs, ok := ParseContentType(tt.in)
		if typ != tt.wantType || cs != tt.wantCharset || ok != tt.ok {
			t.Errorf("ParseContentType(%q) = %q, %q, %v; want %q, %q, %v", tt.in, typ, cs, ok, tt.wantType, tt.wantCharset, tt.ok)
		}
	}
}
