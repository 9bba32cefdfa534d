package urlpattern

import (
	"testing"

	"github.com/edgerun/edgerun/webapi/url"
)

// pathInputs exercise the path state: dot segments in every spelling,
// backslashes, percent-encoding, tabs and newlines, non-ASCII.
var pathInputs = []string{
	"/", "/a/b", "a", "/a/./b", "/a/../b", "/../..", "/a/..", "/a/.", "/a/%2e/b", "/a/%2E%2e/b",
	"/a/.%2E", "/a/%2e.", "/a\\b\\..\\c", "\\a", "/a b", "/a\"b<c>d`e{f}g^h", "/a?b#c", "/🍅",
	"/a\tb\nc\rd", "/-a", "/-.", "/-..", "/%", "/a//b", "//", "/a/...", "/a/%2e%2e%2f",
	"/\x01\x7f", "/[]|:;=@",
}

// TestCanonicalizePathnameMatchesURL checks the hand-written path state
// against webapi/url's pathname setter, which is what the spec runs
// (basic URL parse with path start state as state override on a special
// URL with an empty path).
func TestCanonicalizePathnameMatchesURL(t *testing.T) {
	for _, in := range pathInputs {
		dummy, err := url.Parse("https://dummy.invalid/", "")
		if err != nil {
			t.Fatal(err)
		}
		dummy.SetPathname(in)
		want := dummy.Pathname()
		if got := parseSpecialPath(in); got != want {
			t.Errorf("parseSpecialPath(%q) = %q, URL pathname setter gives %q", in, got, want)
		}
	}
}

// canonTests are the encoding callbacks' results; err means a TypeError.
var canonTests = []struct {
	name  string
	fn    func(string) (string, error)
	in    string
	want  string
	isErr bool
}{
	{"protocol", canonicalizeProtocol, "HTTPS", "https", false},
	{"protocol", canonicalizeProtocol, "", "", false},
	{"protocol", canonicalizeProtocol, "ht tp", "", true},
	{"protocol", canonicalizeProtocol, "1http", "", true},
	{"username", canonicalizeUsername, "a b:c@", "a%20b%3Ac%40", false},
	{"password", canonicalizePassword, "p/w", "p%2Fw", false},
	{"hostname", canonicalizeHostname, "EXAMPLE.com", "example.com", false},
	{"hostname", canonicalizeHostname, "🍅.example", "xn--fi8h.example", false},
	{"hostname", canonicalizeHostname, "a/b", "a", false},
	{"hostname", canonicalizeHostname, "a:8080", "", true},
	{"hostname", canonicalizeHostname, "bad host", "", true},
	{"hostname", canonicalizeHostname, "a@b", "", true},
	{"hostname", canonicalizeHostname, "/", "", true},
	{"hostname", canonicalizeHostname, "0x7f.1", "127.0.0.1", false},
	{"hostname", canonicalizeHostname, "[::1]", "[::1]", false},
	{"ipv6", canonicalizeIPv6Hostname, "[::AB]", "[::ab]", false},
	{"ipv6", canonicalizeIPv6Hostname, "[::x]", "", true},
	{"port", func(s string) (string, error) { return canonicalizePort(s, nil) }, "443", "", false},
	{"port", func(s string) (string, error) { return canonicalizePort(s, nil) }, "0080", "80", false},
	{"port", func(s string) (string, error) { return canonicalizePort(s, nil) }, "80abc", "80", false},
	{"port", func(s string) (string, error) { return canonicalizePort(s, nil) }, "x80", "", true},
	{"port", func(s string) (string, error) { return canonicalizePort(s, nil) }, "65536", "", true},
	{"port", func(s string) (string, error) { p := "http"; return canonicalizePort(s, &p) }, "80", "", false},
	{"port", func(s string) (string, error) { p := ""; return canonicalizePort(s, &p) }, "443", "443", false},
	{"pathname", canonicalizePathname, "foo", "foo", false},
	{"pathname", canonicalizePathname, "../foo", "../foo", false}, // the "/-" guard keeps a leading ".."
	{"pathname", canonicalizePathname, "/../foo", "/foo", false},
	{"pathname", canonicalizePathname, "/a b", "/a%20b", false},
	{"opaque", canonicalizeOpaquePathname, "var x = 1;", "var x = 1;", false},
	{"opaque", canonicalizeOpaquePathname, "a ?b", "a%20", false},
	{"opaque", canonicalizeOpaquePathname, "é", "%C3%A9", false},
	{"search", canonicalizeSearch, "a b#c'", "a%20b%23c%27", false},
	{"hash", canonicalizeHash, "a b`c#", "a%20b%60c#", false},
}

func TestCanonicalize(t *testing.T) {
	for _, tt := range canonTests {
		got, err := tt.fn(tt.in)
		if (err != nil) != tt.isErr || got != tt.want {
			t.Errorf("canonicalize %s(%q) = %q, %v; want %q (error %v)", tt.name, tt.in, got, err, tt.want, tt.isErr)
		}
	}
}
