package server

import (
	"net/http"
	"testing"
)

// Cases follow negotiator's encoding preferences as compression 1.7 uses
// them (gzip, deflate, identity; deflate gives way to an acceptable gzip).
var negotiateEncodingTests = []struct{ header, want string }{
	{"", ""},
	{"gzip", "gzip"},
	{"gzip, deflate, br", "gzip"},
	{"deflate", "deflate"},
	{"deflate, gzip", "gzip"},
	{"deflate;q=1, gzip;q=0.5", "gzip"},
	{"gzip;q=0", ""},
	{"gzip;q=0, deflate", "deflate"},
	{"br", ""},
	{"*", "gzip"},
	{"*;q=0", ""},
	{"identity", ""},
	{"identity;q=0, gzip;q=0.1", "gzip"},
	{"gzip;q=0.5, identity", ""},
	{"GZIP", "gzip"},
	{" gzip ; q=0.8 , br", "gzip"},
}

func TestNegotiateEncoding(t *testing.T) {
	for _, tt := range negotiateEncodingTests {
		if got := negotiateEncoding(tt.header); got != tt.want {
			t.Errorf("negotiateEncoding(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

var compressibleTests = []struct {
	contentType string
	want        bool
}{
	{"", false},
	{"application/json; charset=utf-8", true},
	{"Application/JSON", true},
	{"text/plain", true},
	{"text/event-stream", true},
	{"text/html; charset=utf-8", true},
	{"application/vnd.api+json", true},
	{"image/svg+xml", true},
	{"application/javascript", true},
	{"application/octet-stream", false},
	{"image/png", false},
	{"application/pdf", false},
	{"multipart/form-data; boundary=x", false},
}

func TestCompressible(t *testing.T) {
	for _, tt := range compressibleTests {
		if got := compressible(tt.contentType); got != tt.want {
			t.Errorf("compressible(%q) = %v", tt.contentType, got)
		}
	}
}

var addVaryTests = []struct {
	have []string
	key  string
	want string
}{
	{nil, "Vary", "Accept-Encoding"},
	{[]string{"Origin"}, "Vary", "Origin, Accept-Encoding"},
	{[]string{"origin, accept-encoding"}, "vary", "origin, accept-encoding"},
	{[]string{"*"}, "Vary", "*"},
}

func TestAddVary(t *testing.T) {
	for _, tt := range addVaryTests {
		h := http.Header{}
		if tt.have != nil {
			h[tt.key] = tt.have
		}
		addVary(h, "Accept-Encoding")
		if got := headerValue(h, "Vary"); got != tt.want {
			t.Errorf("addVary(%q) = %q, want %q", tt.have, got, tt.want)
		}
	}
}

var rawStatusLineTests = []struct {
	code   int
	reason string
	want   bool
}{
	{200, "", false},
	{200, "OK", false},
	{200, "Totally Fine", true},
	{400, "Invalid JSON", true},
	{413, "Body exceeded 1mb limit", true},
	{404, "Not Found", false},
	{150, "", true}, // a final 1xx: net/http would send it as interim
	{101, "", false},
}

func TestNeedsRawStatusLine(t *testing.T) {
	for _, tt := range rawStatusLineTests {
		if got := needsRawStatusLine(tt.code, tt.reason); got != tt.want {
			t.Errorf("needsRawStatusLine(%d, %q) = %v", tt.code, tt.reason, got)
		}
	}
}
