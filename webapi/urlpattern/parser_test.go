package urlpattern

import (
	"reflect"
	"strings"
	"testing"
)

func identity(s string) (string, error) { return s, nil }

// tokenizeTests give the token types and values of a pattern string.
var tokenizeTests = []struct {
	in     string
	policy tokenizePolicy
	want   string // "type:value" joined by spaces
	err    string
}{
	{"/:id", policyStrict, "CHAR:/ NAME:id END:", ""},
	{"/(\\d+)?", policyStrict, "CHAR:/ REGEX:\\d+ OTHER_MODIFIER:? END:", ""},
	{"{a*}+", policyStrict, "OPEN:{ CHAR:a ASTERISK:* CLOSE:} OTHER_MODIFIER:+ END:", ""},
	{"\\:x", policyStrict, "ESCAPED_CHAR:: CHAR:x END:", ""},
	{":café", policyStrict, "NAME:café END:", ""},
	{":$_1", policyStrict, "NAME:$_1 END:", ""},
	{"((?:a))", policyStrict, "REGEX:(?:a) END:", ""},
	{"/:", policyStrict, "", "Missing parameter name at index 1."},
	{"(a", policyStrict, "", "Unbalanced regex group at index 0."},
	{"()", policyStrict, "", "Missing regex at index 0."},
	{"((a))", policyStrict, "", "Capturing groups are not allowed at index 0."},
	{"(?a)", policyStrict, "", "Regex cannot start with '?' at index 0."},
	{"(é)", policyStrict, "", "Invalid non-ASCII character 0xE9 at index 0."},
	{"a\\", policyStrict, "", "Trailing escape character at index 1."},
	{"a\\", policyLenient, "CHAR:a INVALID_CHAR:\\ END:", ""},
	{"(a:", policyLenient, "INVALID_CHAR:( CHAR:a INVALID_CHAR:: END:", ""},
}

func TestTokenize(t *testing.T) {
	for _, tt := range tokenizeTests {
		tokens, err := tokenize(tt.in, tt.policy)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("tokenize(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("tokenize(%q): %v", tt.in, err)
			continue
		}
		var got []string
		for _, tok := range tokens {
			got = append(got, tokenTypeName(tok.typ)+":"+tok.value)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("tokenize(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

// patternTests parse a pathname pattern (pathname options, no encoding)
// and check the regular expression, name list and normalized pattern.
var patternTests = []struct {
	in      string
	regexp  string
	names   []string
	pattern string
}{
	{"/api/posts/:id", `^\/api\/posts(?:\/([^\/]+?))$`, []string{"id"}, "/api/posts/:id"},
	{"/foo/*", `^\/foo(?:\/(.*))$`, []string{"0"}, "/foo/*"},
	{"/foo/(.*)", `^\/foo(?:\/(.*))$`, []string{"0"}, "/foo/*"},
	{"/:a?", `^(?:\/([^\/]+?))?$`, []string{"a"}, "/:a?"},
	{"/:a+", `^(?:\/((?:[^\/]+?)(?:\/(?:[^\/]+?))*))$`, []string{"a"}, "/:a+"},
	{"/:a*", `^(?:\/((?:[^\/]+?)(?:\/(?:[^\/]+?))*))?$`, []string{"a"}, "/:a*"},
	{"{/old}?/new", `^(?:\/old)?\/new$`, nil, "{/old}?/new"},
	{"/:a(\\d+)", `^(?:\/(\d+))$`, []string{"a"}, "/:a(\\d+)"},
	{"/(a|b)/:c", `^(?:\/(a|b))(?:\/([^\/]+?))$`, []string{"0", "c"}, "/(a|b)/:c"},
	{"{:a}bc", `^([^\/]+?)bc$`, []string{"a"}, "{:a}bc"},
	{":a\\:b", `^([^\/]+?):b$`, []string{"a"}, ":a\\:b"},
	{"/a.b\\+c", `^\/a\.b\+c$`, nil, "/a.b\\+c"},
	{"{x:a-y}*", `^(?:x((?:[^\/]+?)(?:-yx(?:[^\/]+?))*)-y)?$`, []string{"a"}, "{x:a-y}*"},
}

func TestParsePattern(t *testing.T) {
	for _, tt := range patternTests {
		parts, err := parsePatternString(tt.in, pathnameOptions, identity)
		if err != nil {
			t.Errorf("parse(%q): %v", tt.in, err)
			continue
		}
		re, names := generateRegexp(parts, pathnameOptions)
		if re != tt.regexp || !reflect.DeepEqual(names, tt.names) {
			t.Errorf("regexp(%q) = %s %q, want %s %q", tt.in, re, names, tt.regexp, tt.names)
		}
		if got := generatePatternString(parts, pathnameOptions); got != tt.pattern {
			t.Errorf("pattern string(%q) = %q, want %q", tt.in, got, tt.pattern)
		}
	}
}

var patternErrorTests = []struct{ in, err string }{
	{"/:a/:a", "Duplicate name 'a'."},
	{"{a", "Unexpected end of pattern at index 2, expected CLOSE."},
	{"a}", "Unexpected CLOSE '}' at index 1, expected END."},
	{"{{a}}", "Unexpected OPEN '{' at index 1, expected CLOSE."},
}

func TestParsePatternErrors(t *testing.T) {
	for _, tt := range patternErrorTests {
		_, err := parsePatternString(tt.in, pathnameOptions, identity)
		if err == nil || err.Error() != tt.err {
			t.Errorf("parse(%q) error = %v, want %q", tt.in, err, tt.err)
		}
	}
}

// constructorTests give the URLPatternInit the constructor string parser
// produces ("-" for an absent member).
var constructorTests = []struct {
	in   string
	want [numComponents]string // protocol username password hostname port pathname search hash
}{
	{"https://example.com/:category/*", [numComponents]string{"https", "-", "-", "example.com", "", "/:category/*", "-", "-"}},
	{"https://u:1@a.c:8080/x?y#z", [numComponents]string{"https", "u", "1", "a.c", "8080", "/x", "y", "z"}},
	// ":p" is a named group, not a password separator.
	{"https://u:p@a.c", [numComponents]string{"https", "u:p", "-", "a.c", "", "-", "-", "-"}},
	{"https://example.com", [numComponents]string{"https", "-", "-", "example.com", "", "-", "-", "-"}},
	{"https://example.com?q", [numComponents]string{"https", "-", "-", "example.com", "", "/", "q", "-"}},
	// Leaving the protocol state for the pathname sets an empty hostname
	// (and so an empty port).
	{"data:8675309", [numComponents]string{"data", "-", "-", "", "", "8675309", "-", "-"}},
	// ":text" is a named group: without an escaped ":" there is no protocol.
	{"data:text", [numComponents]string{"-", "-", "-", "-", "-", "data:text", "-", "-"}},
	{"/foo?bar#baz", [numComponents]string{"-", "-", "-", "-", "-", "/foo", "bar", "baz"}},
	{"#hash", [numComponents]string{"-", "-", "-", "-", "-", "-", "-", "hash"}},
	{"https://[::1]:8080/", [numComponents]string{"https", "-", "-", "[::1]", "8080", "/", "-", "-"}},
	{"http{s}?://{:sub.}?shop.example/:id([0-9]+)#r", [numComponents]string{"http{s}?", "-", "-", "{:sub.}?shop.example", "", "/:id([0-9]+)", "", "r"}},
	{"/:id?foo", [numComponents]string{"-", "-", "-", "-", "-", "/:id?foo", "-", "-"}},
}

func TestConstructorString(t *testing.T) {
	for _, tt := range constructorTests {
		p, err := parseConstructorString(tt.in)
		if err != nil {
			t.Errorf("parse(%q): %v", tt.in, err)
			continue
		}
		var got [numComponents]string
		for c := Protocol; c < numComponents; c++ {
			got[c] = "-"
			if v := p.result.Get(c); v != nil {
				got[c] = *v
			}
		}
		if got != tt.want {
			t.Errorf("parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
