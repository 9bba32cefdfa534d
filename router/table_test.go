package router

import (
	"reflect"
	"testing"
)

func pages(routes []*Route) []string {
	var out []string
	for _, r := range routes {
		out = append(out, r.Page)
	}
	return out
}

var routesOrderTests = []struct {
	name  string
	files []string
	opts  Options
	want  []string // pages in priority order
}{
	{
		name: "docs example: static beats [param] beats [...catchAll]",
		files: []string{
			"api/post/[...slug].ts", "api/post/[pid].ts", "api/post/create.ts",
		},
		want: []string{"/api/post/create", "/api/post/[pid]", "/api/post/[...slug]"},
	},
	{
		name: "levels, index files, JS sort order of statics",
		files: []string{
			"api/post/[pid]/comments.ts", "api/opt/[[...x]].ts", "api/post/[...slug].ts",
			"api/hello.ts", "api/B.ts", "api/a/b.ts", "api/index.ts", "api/post/[pid].ts",
			"api/post/create.ts", "api/post/index.ts",
		},
		want: []string{
			"/api", "/api/B", "/api/a/b", "/api/hello", "/api/opt/[[...x]]",
			"/api/post", "/api/post/create", "/api/post/[pid]", "/api/post/[pid]/comments",
			"/api/post/[...slug]",
		},
	},
	{
		name:  "[param] > [...catchAll] > [[...optional]] across levels",
		files: []string{"api/[[...all]].ts", "api/x/[...rest].ts", "api/x/[id].ts", "api/x/y.ts"},
		want:  []string{"/api/x/y", "/api/x/[id]", "/api/x/[...rest]", "/api/[[...all]]"},
	},
	{
		name:  "non-API pages and non-page files are ignored",
		files: []string{"index.tsx", "about.tsx", "[slug].tsx", "_app.tsx", "api/x.ts", "api/x.module.css", "api/types.d.ts", "apix.ts", "API/y.ts"},
		want:  []string{"/api/x"},
	},
	{
		name:  "pages/api.ts is the /api route",
		files: []string{"api.ts", "api/a.ts"},
		want:  []string{"/api", "/api/a"},
	},
	{
		name:  "custom pageExtensions colocate helpers",
		files: []string{"api/a.page.ts", "api/a.test.ts", "api/lib/db.ts", "api/b/index.page.tsx", "api/c.ts"},
		opts:  Options{PageExtensions: []string{"page.tsx", "page.ts"}},
		want:  []string{"/api/a", "/api/b"},
	},
	{
		name:  "underscore files are ordinary routes",
		files: []string{"api/_x.ts", "api/nested/_helper.ts"},
		want:  []string{"/api/_x", "/api/nested/_helper"},
	},
	{
		name:  "same file listed twice",
		files: []string{"api/a.ts", "api/a.ts"},
		want:  []string{"/api/a"},
	},
	{
		name:  "no API routes",
		files: []string{"index.tsx"},
		want:  nil,
	},
}

func TestRoutesOrder(t *testing.T) {
	for _, tt := range routesOrderTests {
		t.Run(tt.name, func(t *testing.T) {
			for _, files := range [][]string{tt.files, reversed(tt.files)} {
				tab, err := New(files, tt.opts)
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				if got := pages(tab.Routes()); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Routes() = %q\nwant %q", got, tt.want)
				}
				if tab.Len() != len(tt.want) {
					t.Errorf("Len() = %d, want %d", tab.Len(), len(tt.want))
				}
			}
		})
	}
}

func TestRouteFields(t *testing.T) {
	tab, err := New([]string{"api/posts/[id]/index.ts", "api/c/[...slug].js", "api/o/[[...p]].tsx", "api/s.ts"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page    string
		file    string
		segs    []Segment
		dynamic bool
	}{
		{"/api/posts/[id]", "api/posts/[id]/index.ts", []Segment{{Static, "api"}, {Static, "posts"}, {Dynamic, "id"}}, true},
		{"/api/c/[...slug]", "api/c/[...slug].js", []Segment{{Static, "api"}, {Static, "c"}, {CatchAll, "slug"}}, true},
		{"/api/o/[[...p]]", "api/o/[[...p]].tsx", []Segment{{Static, "api"}, {Static, "o"}, {OptionalCatchAll, "p"}}, true},
		{"/api/s", "api/s.ts", []Segment{{Static, "api"}, {Static, "s"}}, false},
	}
	for _, tt := range tests {
		r := tab.Lookup(tt.page)
		if r == nil {
			t.Errorf("Lookup(%q) = nil", tt.page)
			continue
		}
		if r.File != tt.file || r.Dynamic() != tt.dynamic || !reflect.DeepEqual(r.Segments, tt.segs) {
			t.Errorf("Lookup(%q) = {File %q, Dynamic %v, Segments %v}, want {%q, %v, %v}",
				tt.page, r.File, r.Dynamic(), r.Segments, tt.file, tt.dynamic, tt.segs)
		}
		var s string
		for _, seg := range r.Segments {
			s += "/" + seg.String()
		}
		if s != r.Page {
			t.Errorf("Segments of %q print as %q", r.Page, s)
		}
	}
	if r := tab.Lookup("/api/nope"); r != nil {
		t.Errorf("Lookup(/api/nope) = %v", r)
	}
}

func TestRoutesIsACopy(t *testing.T) {
	tab, err := New([]string{"api/a.ts", "api/b.ts"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := tab.Routes()
	rs[0] = nil
	if tab.Routes()[0] == nil {
		t.Error("Routes() exposes the table's slice")
	}
}

var jsLessTests = []struct {
	a, b string
	want bool
}{
	{"a", "b", true},
	{"b", "a", false},
	{"a", "a", false},
	{"a", "ab", true},
	{"B", "a", true},
	{"[...]", "[]", true},
	{"[]", "create", true},
	{".", "[", true},
	{"\U0001F600", "\uFF01", true}, // surrogate 0xD83D < 0xFF01, though U+1F600 > U+FF01
	{"\uFF01", "\U0001F600", false},
	{"\U0001F600", "\U0001F601", true},
}

func TestJSLess(t *testing.T) {
	for _, tt := range jsLessTests {
		if got := jsLess(tt.a, tt.b); got != tt.want {
			t.Errorf("jsLess(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
