package router

import "testing"

var pageFromFileTests = []struct {
	file string
	exts []string // nil: defaults
	page string   // "" when not a page
}{
	{file: "api/hello.ts", page: "/api/hello"},
	{file: "api/hello.tsx", page: "/api/hello"},
	{file: "api/hello.jsx", page: "/api/hello"},
	{file: "api/hello.js", page: "/api/hello"},
	{file: "api/index.ts", page: "/api"},
	{file: "api/a/index.ts", page: "/api/a"},
	{file: "api/index/index.js", page: "/api/index"}, // only one /index is removed
	{file: "api.ts", page: "/api"},
	{file: "index.ts", page: "/"},
	{file: "api/a.test.ts", page: "/api/a.test"}, // helpers and tests are routes too
	{file: "api/a..ts", page: "/api/a"},          // \.+ eats the whole dot run
	{file: "api/_helper.ts", page: "/api/_helper"},
	{file: "api/[id].ts", page: "/api/[id]"},
	{file: "api/[...slug]/index.ts", page: "/api/[...slug]"},
	{file: `api\win.ts`, page: "/api/win"},
	{file: "/api/lead.ts", page: "/api/lead"},
	{file: "api/types.d.ts", page: ""},
	{file: "api/readme.md", page: ""},
	{file: "api/x.mjs", page: ""},
	{file: "api/x.TS", page: ""}, // extensions are case-sensitive
	{file: "api/ts", page: ""},
	{file: "api/.ts", page: ""}, // empty name
	{file: "api//x.ts", page: ""},
	{file: "api/a.page.ts", exts: []string{"page.ts"}, page: "/api/a"},
	{file: "api/a.ts", exts: []string{"page.ts"}, page: ""},
	{file: "api/index.page.ts", exts: []string{"page.ts"}, page: "/api"},
	{file: "api/a.page.ts", exts: []string{"ts", "page.ts"}, page: "/api/a"}, // leftmost match wins
	{file: "api/a.page.ts", exts: []string{"page.ts", "ts"}, page: "/api/a"},
	{file: "api/types.d.ts", exts: []string{"page.ts"}, page: ""}, // not a page.ts file at all
	{file: "api/types.d.ts", exts: []string{"d.ts"}, page: "/api/types"},
}

func TestPageFromFile(t *testing.T) {
	for _, tt := range pageFromFileTests {
		exts := tt.exts
		if exts == nil {
			exts = DefaultPageExtensions
		}
		page, ok := pageFromFile(tt.file, exts)
		if tt.page == "" {
			if ok {
				t.Errorf("pageFromFile(%q, %q) = %q, want not a page", tt.file, exts, page)
			}
			continue
		}
		if !ok || page != tt.page {
			t.Errorf("pageFromFile(%q, %q) = %q, %v; want %q", tt.file, exts, page, ok, tt.page)
		}
	}
}

var isAPIPageTests = []struct {
	page string
	want bool
}{
	{"/api", true},
	{"/api/x", true},
	{"/apix", false},
	{"/API/x", false},
	{"/", false},
	{"/x/api", false},
}

func TestIsAPIPage(t *testing.T) {
	for _, tt := range isAPIPageTests {
		if got := isAPIPage(tt.page); got != tt.want {
			t.Errorf("isAPIPage(%q) = %v, want %v", tt.page, got, tt.want)
		}
	}
}
