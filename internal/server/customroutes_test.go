package server

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/edgerun/edgerun/bundler"
)

var prepareDestinationTests = []struct {
	name         string
	dest         string
	params       routeParams
	query        [][2]string
	appendParams bool
	want         string
	external     bool
}{
	{name: "static", dest: "/api/echo", want: "/api/echo"},
	{name: "request query carried", dest: "/api/echo", query: [][2]string{{"a", "1"}}, want: "/api/echo?a=1"},
	{name: "destination query wins", dest: "/api/echo?a=2", query: [][2]string{{"a", "1"}, {"b", "x"}}, want: "/api/echo?b=x&a=2"},
	{name: "path params filled", dest: "/api/posts/:id", params: routeParams{"id": {values: []string{"7"}}}, appendParams: true, want: "/api/posts/7"},
	{name: "unused params appended (rewrite)", dest: "/api/echo", params: routeParams{"path": {values: []string{"x", "y"}, array: true}},
		appendParams: true, want: "/api/echo?path=x&path=y"},
	{name: "no params appended when one is used", dest: "/api/p/:a", params: routeParams{"a": {values: []string{"1"}}, "b": {values: []string{"2"}}},
		appendParams: true, want: "/api/p/1"},
	{name: "redirects do not append params", dest: "/api/echo", params: routeParams{"id": {values: []string{"1"}}}, want: "/api/echo"},
	{name: "params in query values", dest: "/api/echo?slug=:slug", params: routeParams{"slug": {values: []string{"hi"}}}, want: "/api/echo?slug=hi"},
	{name: "repeat param in path", dest: "/new/:path*", params: routeParams{"path": {values: []string{"a", "b"}, array: true}}, want: "/new/a/b"},
	{name: "external", dest: "https://example.com/:path*", params: routeParams{"path": {values: []string{"a"}, array: true}},
		query: [][2]string{{"q", "1"}}, appendParams: true, want: "https://example.com/a?q=1", external: true},
	{name: "external host param", dest: "https://:sub.example.com/x", params: routeParams{"sub": {values: []string{"api"}}},
		want: "https://api.example.com/x", external: true},
	{name: "query escaping", dest: "/api/echo", query: [][2]string{{"a b", "c&d"}}, want: "/api/echo?a%20b=c%26d"},
}

func TestPrepareDestination(t *testing.T) {
	for _, tt := range prepareDestinationTests {
		d, err := prepareDestination(tt.dest, tt.params, tt.query, tt.appendParams)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := d.String(); got != tt.want || d.external != tt.external {
			t.Errorf("%s: %q (external %v), want %q (external %v)", tt.name, got, d.external, tt.want, tt.external)
		}
	}
}

var matchHasTests = []struct {
	name    string
	has     []bundler.RouteHas
	missing []bundler.RouteHas
	header  http.Header
	host    string
	query   [][2]string
	want    routeParams // nil: no match
}{
	{name: "header present", has: []bundler.RouteHas{{Type: "header", Key: "x-flag"}}, header: http.Header{"X-Flag": {"on"}},
		want: routeParams{"xflag": {values: []string{"on"}}}},
	{name: "header absent", has: []bundler.RouteHas{{Type: "header", Key: "x-flag"}}, header: http.Header{}},
	{name: "header value regex", has: []bundler.RouteHas{{Type: "header", Key: "x-v", Value: "(?<ver>v\\d+)"}}, header: http.Header{"X-V": {"v2"}},
		want: routeParams{"ver": {values: []string{"v2"}}}},
	{name: "header value is anchored", has: []bundler.RouteHas{{Type: "header", Key: "x-v", Value: "v\\d"}}, header: http.Header{"X-V": {"av2"}}},
	{name: "cookie", has: []bundler.RouteHas{{Type: "cookie", Key: "session", Value: "ok"}}, header: http.Header{"Cookie": {"a=1; session=ok"}},
		want: routeParams{}},
	{name: "query last value", has: []bundler.RouteHas{{Type: "query", Key: "page", Value: "2"}}, query: [][2]string{{"page", "1"}, {"page", "2"}},
		want: routeParams{}},
	{name: "host", has: []bundler.RouteHas{{Type: "host", Value: "example\\.com"}}, host: "EXAMPLE.com:3000",
		want: routeParams{"host": {values: []string{"example.com"}}}},
	{name: "missing blocks", missing: []bundler.RouteHas{{Type: "header", Key: "x-skip"}}, header: http.Header{"X-Skip": {"1"}}},
	{name: "missing passes", missing: []bundler.RouteHas{{Type: "header", Key: "x-skip"}}, header: http.Header{}, want: routeParams{}},
}

func TestMatchHas(t *testing.T) {
	for _, tt := range matchHasTests {
		has, err := compileHas(tt.has)
		if err != nil {
			t.Fatal(err)
		}
		missing, err := compileHas(tt.missing)
		if err != nil {
			t.Fatal(err)
		}
		r := &http.Request{Header: tt.header, Host: tt.host}
		got, ok := matchHas(&routeRequest{r: r, header: tt.header, query: tt.query}, has, missing)
		if tt.want == nil {
			if ok {
				t.Errorf("%s: matched with %v", tt.name, got)
			}
			continue
		}
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v %v, want %v", tt.name, got, ok, tt.want)
		}
	}
}

// Rules get basePath and locale prefixes, accept one trailing slash, and
// redirects never match /_next.
var ruleCompileTests = []struct {
	name      string
	cfg       bundler.NextConfig
	kind      string
	source    string
	basePath  *bool
	path      string
	wantMatch bool
}{
	{name: "plain", kind: "rewrite", source: "/a/:b", path: "/a/1", wantMatch: true},
	{name: "trailing slash tolerated", kind: "rewrite", source: "/a/:b", path: "/a/1/", wantMatch: true},
	{name: "case-insensitive by default", kind: "rewrite", source: "/a", path: "/A", wantMatch: true},
	{name: "caseSensitiveRoutes", cfg: bundler.NextConfig{CaseSensitiveRoutes: true}, kind: "rewrite", source: "/a", path: "/A"},
	{name: "basePath prefixed", cfg: bundler.NextConfig{BasePath: "/docs"}, kind: "rewrite", source: "/a", path: "/docs/a", wantMatch: true},
	{name: "basePath required", cfg: bundler.NextConfig{BasePath: "/docs"}, kind: "rewrite", source: "/a", path: "/a"},
	{name: "basePath false", cfg: bundler.NextConfig{BasePath: "/docs"}, kind: "rewrite", source: "/a", basePath: new(bool), path: "/a", wantMatch: true},
	{name: "redirect skips _next", kind: "redirect", source: "/:path*", path: "/_next/static/x.js"},
	{name: "redirect catch-all", kind: "redirect", source: "/:path*", path: "/x", wantMatch: true},
	{name: "locale prefix", cfg: bundler.NextConfig{I18n: &bundler.I18n{Locales: []string{"en", "fr"}, DefaultLocale: "en"}},
		kind: "rewrite", source: "/a", path: "/fr/a", wantMatch: true},
	{name: "locale prefix required", cfg: bundler.NextConfig{I18n: &bundler.I18n{Locales: []string{"en", "fr"}, DefaultLocale: "en"}},
		kind: "rewrite", source: "/a", path: "/a"},
}

func TestRuleCompile(t *testing.T) {
	for _, tt := range ruleCompileTests {
		o := ruleOptions{basePath: tt.cfg.BasePath, i18n: tt.cfg.I18n, sensitive: tt.cfg.CaseSensitiveRoutes}
		m, err := o.compile(tt.kind, tt.source, tt.basePath, nil, nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		_, ok := m.match(&routeRequest{r: &http.Request{}, header: http.Header{}, path: tt.path})
		if ok != tt.wantMatch {
			t.Errorf("%s: %s matched %s = %v (regex %s)", tt.name, tt.source, tt.path, ok, m.pattern.regex)
		}
	}
}

func TestHeaderLines(t *testing.T) {
	cr, err := compileCustomRoutes(&bundler.NextConfig{Headers: []bundler.HeaderRule{
		{Source: "/api/:path*", Headers: []bundler.Header{{Key: "X-A", Value: "1"}, {Key: "Set-Cookie", Value: "a=1"}}},
		{Source: "/api/posts/:id", Headers: []bundler.Header{{Key: "x-a", Value: "post-:id"}, {Key: "set-cookie", Value: "b=2"}}},
		{Source: "/other", Headers: []bundler.Header{{Key: "X-Other", Value: "1"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := cr.headerLines(&routeRequest{r: &http.Request{}, header: http.Header{}, path: "/api/posts/9"})
	want := []headerLine{{"Set-Cookie", "a=1"}, {"x-a", "post-9"}, {"set-cookie", "b=2"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("headerLines = %v, want %v", got, want)
	}
}

func TestCompileCustomRoutesRejectsBadSource(t *testing.T) {
	_, err := compileCustomRoutes(&bundler.NextConfig{Rewrites: bundler.Rewrites{AfterFiles: []bundler.Rewrite{{Source: "/a/(", Destination: "/b"}}}})
	if err == nil {
		t.Fatal("no error for an unbalanced pattern")
	}
}

var matcherTests = []struct {
	name   string
	source string
	cfg    bundler.NextConfig
	locale bool
	path   string
	want   bool
}{
	{name: "exact", source: "/api/protected", path: "/api/protected", want: true},
	{name: "case-sensitive", source: "/api/protected", path: "/API/protected"},
	{name: "trailing slash tolerated", source: "/api/x", path: "/api/x/", want: true},
	{name: "no prefix match", source: "/api/x", path: "/api/xy"},
	{name: "json data form", source: "/about", path: "/_next/data/build1/about.json", want: true},
	{name: "root", source: "/", path: "/", want: true},
	{name: "root index", source: "/", path: "/index", want: true},
	{name: "negative lookahead", source: "/((?!api|_next/static).*)", path: "/api/x"},
	{name: "negative lookahead passes", source: "/((?!api|_next/static).*)", path: "/about", want: true},
	{name: "basePath", source: "/api/:p*", cfg: bundler.NextConfig{BasePath: "/b"}, path: "/b/api/x", want: true},
	{name: "basePath required", source: "/api/:p*", cfg: bundler.NextConfig{BasePath: "/b"}, path: "/api/x"},
	{name: "locale", source: "/api/:p*", cfg: bundler.NextConfig{I18n: &bundler.I18n{Locales: []string{"en"}, DefaultLocale: "en"}}, locale: true, path: "/en/api/x", want: true},
	{name: "locale false", source: "/api/:p*", cfg: bundler.NextConfig{I18n: &bundler.I18n{Locales: []string{"en"}, DefaultLocale: "en"}}, path: "/api/x", want: true},
}

func TestMiddlewareMatcher(t *testing.T) {
	for _, tt := range matcherTests {
		m, err := compileMatcher(bundler.MiddlewareMatcher{Source: tt.source, Locale: tt.locale || tt.cfg.I18n == nil}, &tt.cfg)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		_, ok := m.match(&routeRequest{r: &http.Request{}, header: http.Header{}, path: tt.path})
		if ok != tt.want {
			t.Errorf("%s: %s on %s = %v (regex %s)", tt.name, tt.source, tt.path, ok, m.pattern.regex)
		}
	}
}
