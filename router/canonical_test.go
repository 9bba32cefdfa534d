package router

import "testing"

var canonicalizeTests = []struct {
	path          string
	trailingSlash bool
	want          string
	redirect      bool
}{
	// trailingSlash: false (the default): "/:path+/" → "/:path+".
	{"/", false, "/", false},
	{"/api", false, "/api", false},
	{"/api/", false, "/api", true},
	{"/api/echo/", false, "/api/echo", true},
	{"/api/file.txt/", false, "/api/file.txt", true},
	{"/base/", false, "/base", true},
	{"/api/%2F/", false, "/api/%2F", true},

	// Repeated slashes and backslashes, anywhere, in one hop of their own.
	{"//", false, "/", true},
	{"/api//echo", false, "/api/echo", true},
	{"/api///echo", false, "/api/echo", true},
	{"//api/echo", false, "/api/echo", true},
	{"/api//echo/", false, "/api/echo/", true}, // the trailing slash is the next hop
	{`/api\echo`, false, "/api/echo", true},
	{`\api\echo`, false, "/api/echo", true},
	{`/api/\/echo`, false, "/api/echo", true},
	{`/api\\echo`, true, "/api/echo", true},
	{"/api//echo", true, "/api/echo", true},

	// trailingSlash: true: "/x" → "/x/", files the other way.
	{"/", true, "/", false},
	{"/api", true, "/api/", true},
	{"/api/", true, "/api/", false},
	{"/api/echo", true, "/api/echo/", true},
	{"/file.txt", true, "/file.txt", false},
	{"/file.txt/", true, "/file.txt", true},
	{"/api/data.json/", true, "/api/data.json", true},
	{"/a.b/c", true, "/a.b/c/", true},
	{"/v1.2/", true, "/v1.2", true},
	{"/api/a.b-c", true, "/api/a.b-c", false},   // has a dot: not a "notfile"
	{"/api/a.b-c/", true, "/api/a.b-c/", false}, // "\.\w+" needs word chars to the end
	{"/api/a./", true, "/api/a./", false},
	{"/.env/", true, "/.env/", false},
	{"/.env", true, "/.env", false},
	{"/.well-known/x", true, "/.well-known/x", false},
	{"/.well-known/a.txt/", true, "/.well-known/a.txt/", false},
	{"/.well-known", true, "/.well-known", false},
	{"/base", true, "/base/", true},

	// Not a path: left alone.
	{"", false, "", false},
	{"*", true, "*", false},
}

func TestCanonicalize(t *testing.T) {
	for _, tt := range canonicalizeTests {
		got, redirect := Canonicalize(tt.path, tt.trailingSlash)
		if got != tt.want || redirect != tt.redirect {
			t.Errorf("Canonicalize(%q, %v) = %q, %v; want %q, %v", tt.path, tt.trailingSlash, got, redirect, tt.want, tt.redirect)
		}
	}
}

// Following the redirects ends at a fixed point, like a browser would.
func TestCanonicalizeConverges(t *testing.T) {
	for _, tt := range canonicalizeTests {
		p := tt.path
		for hops := 0; ; hops++ {
			next, redirect := Canonicalize(p, tt.trailingSlash)
			if !redirect {
				break
			}
			if hops == 3 {
				t.Errorf("Canonicalize(%q, %v) does not converge (at %q)", tt.path, tt.trailingSlash, next)
				break
			}
			p = next
		}
	}
}

var normalizeSlashesTests = []struct {
	path, want string
	redirect   bool
}{
	{"/api/", "/api/", false},
	{"/api//x/", "/api/x/", true},
	{`/api\x`, "/api/x", true},
}

func TestNormalizeSlashes(t *testing.T) {
	for _, tt := range normalizeSlashesTests {
		got, redirect := NormalizeSlashes(tt.path)
		if got != tt.want || redirect != tt.redirect {
			t.Errorf("NormalizeSlashes(%q) = %q, %v; want %q, %v", tt.path, got, redirect, tt.want, tt.redirect)
		}
	}
}
