package server

import (
	"reflect"
	"strings"
	"testing"
)

// patternRegexTests pin the regular expression source to what
// path-to-regexp 6 produces for Next's options (delimiter "/").
var patternRegexTests = []struct {
	source string
	strict bool
	want   string
}{
	{"/api/:id", false, `^\/api(?:\/([^\/]+?))[\/]?$`},
	{"/api/:id", true, `^\/api(?:\/([^\/]+?))$`},
	{"/:path*", true, `^(?:\/((?:[^\/]+?)(?:\/(?:[^\/]+?))*))?$`},
	{"/:path+", true, `^(?:\/((?:[^\/]+?)(?:\/(?:[^\/]+?))*))$`},
	{"/a/:b?", true, `^\/a(?:\/([^\/]+?))?$`},
	{"/api/(.*)", true, `^\/api(?:\/(.*))$`},
	{"/((?!api|_next).*)", true, `^(?:\/((?!api|_next).*))$`},
	{"/file.:ext", true, `^\/file(?:\.([^\/]+?))$`},
	{"/blog{-:slug}?", true, `^\/blog(?:-([^\/]+?))?$`},
	{"/a\\:b", true, `^\/a\:b$`},
	{"/:id(\\d+)", true, `^(?:\/(\d+))$`},
}

func TestPatternRegex(t *testing.T) {
	for _, tt := range patternRegexTests {
		p, err := compilePattern(tt.source, patternOptions{Strict: tt.strict})
		if err != nil {
			t.Errorf("%s: %v", tt.source, err)
			continue
		}
		if p.regex != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.source, p.regex, tt.want)
		}
	}
}

var patternMatchTests = []struct {
	source    string
	sensitive bool
	path      string
	want      routeParams // nil: no match
}{
	{"/api/:id", false, "/api/7", routeParams{"id": {values: []string{"7"}}}},
	{"/api/:id", false, "/API/7", routeParams{"id": {values: []string{"7"}}}},
	{"/api/:id", true, "/API/7", nil},
	{"/api/:id", false, "/api/7/8", nil},
	{"/api/:id", false, "/api", nil},
	{"/api/fb/:path*", false, "/api/fb/x/y", routeParams{"path": {values: []string{"x", "y"}, array: true}}},
	{"/api/fb/:path*", false, "/api/fb", routeParams{}},
	{"/api/fb/:path+", false, "/api/fb", nil},
	{"/api/:a/:b?", false, "/api/1", routeParams{"a": {values: []string{"1"}}}},
	{"/api/(.*)", false, "/api/a/b", routeParams{"0": {values: []string{"a/b"}}}},
	{"/((?!api|_next/static).*)", false, "/api/x", nil},
	{"/((?!api|_next/static).*)", false, "/about", routeParams{"0": {values: []string{"about"}}}},
	{"/old/:slug(\\d+)", false, "/old/12", routeParams{"slug": {values: []string{"12"}}}},
	{"/old/:slug(\\d+)", false, "/old/ab", nil},
	{"/p/:id", false, "/p/a%2Fb", routeParams{"id": {values: []string{"a%2Fb"}}}},
	{"/caf\u00e9/:x", false, "/caf\u00e9/1", routeParams{"x": {values: []string{"1"}}}},
}

func TestPatternMatch(t *testing.T) {
	for _, tt := range patternMatchTests {
		p, err := compilePattern(tt.source, patternOptions{Strict: true, Sensitive: tt.sensitive})
		if err != nil {
			t.Fatalf("%s: %v", tt.source, err)
		}
		got, ok := p.match(tt.path)
		if tt.want == nil {
			if ok {
				t.Errorf("%s matched %s: %v", tt.source, tt.path, got)
			}
			continue
		}
		if !ok {
			t.Errorf("%s did not match %s", tt.source, tt.path)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s on %s: params %v, want %v", tt.source, tt.path, got, tt.want)
		}
	}
}

var patternErrorTests = []struct{ source, want string }{
	{"/:", "Missing parameter name at 1"},
	{"/(", "Unbalanced pattern at 1"},
	{"/()", "Missing pattern at 1"},
	{"/(?x)", `Pattern cannot start with "?" at 2`},
	{"/((a))", "Capturing groups are not allowed at 2"},
	{"/a*", "Unexpected MODIFIER at 2, expected END"},
	{"/{a", "Unexpected END at 3, expected CLOSE"},
}

func TestPatternErrors(t *testing.T) {
	for _, tt := range patternErrorTests {
		_, err := compilePattern(tt.source, patternOptions{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.source, err, tt.want)
		}
	}
}

var patternCompileTests = []struct {
	dest    string
	params  routeParams
	want    string
	wantErr string
}{
	{"/api/echo", nil, "/api/echo", ""},
	{"/api/posts/:id", routeParams{"id": {values: []string{"7"}}}, "/api/posts/7", ""},
	{"/new/:path*", routeParams{"path": {values: []string{"a", "b"}, array: true}}, "/new/a/b", ""},
	{"/new/:path*", routeParams{}, "/new", ""},
	{"/new/:id", routeParams{}, "", `Expected "id" to be a string`},
	{"/x/:a?", routeParams{}, "/x", ""},
}

func TestPatternCompile(t *testing.T) {
	for _, tt := range patternCompileTests {
		p, err := compilePattern(tt.dest, patternOptions{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.compile(tt.params)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.dest, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s with %v = %q, %v; want %q", tt.dest, tt.params, got, err, tt.want)
		}
	}
}
