package router

import (
	"errors"
	"reflect"
	"testing"
)

// conflictTests hold the exact texts of Next.js's sorted-routes.ts (and the
// duplicate-page warning), spec §3.3. The files are given in an order that
// New must not depend on.
var conflictTests = []struct {
	name  string
	files []string
	opts  Options
	want  string
	dup   bool
	page  string
}{
	{
		name:  "different slug names",
		files: []string{"api/x/[slug].ts", "api/x/[id].ts"},
		want:  "You cannot use different slug names for the same dynamic path ('id' !== 'slug').",
		page:  "/api/x/[slug]",
	},
	{
		name:  "different slug names in nested dirs",
		files: []string{"api/[post]/index.ts", "api/[id]/comments.ts"},
		want:  "You cannot use different slug names for the same dynamic path ('id' !== 'post').",
	},
	{
		name:  "different catch-all names",
		files: []string{"api/c/[...b].ts", "api/c/[...a].ts"},
		want:  "You cannot use different slug names for the same dynamic path ('a' !== 'b').",
	},
	{
		name:  "index and optional catch-all",
		files: []string{"api/opt/[[...slug]].ts", "api/opt/index.ts"},
		want:  `You cannot define a route with the same specificity as a optional catch-all route ("/api/opt" and "/api/opt[[...slug]]").`,
		page:  "/api/opt",
	},
	{
		name:  "file and optional catch-all",
		files: []string{"api/opt.ts", "api/opt/[[...slug]].js"},
		want:  `You cannot define a route with the same specificity as a optional catch-all route ("/api/opt" and "/api/opt[[...slug]]").`,
	},
	{
		name:  "api index and root optional catch-all",
		files: []string{"api/index.ts", "api/[[...slug]].ts"},
		want:  `You cannot define a route with the same specificity as a optional catch-all route ("/api" and "/api[[...slug]]").`,
	},
	{
		name:  "required then optional catch-all",
		files: []string{"api/c/[[...b]].ts", "api/c/[...a].ts"},
		want:  `You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...b]]" ).`,
	},
	{
		name:  "catch-all not last",
		files: []string{"api/[...a]/x.ts"},
		want:  "Catch-all must be the last part of the URL.",
	},
	{
		name:  "optional catch-all not last",
		files: []string{"api/[[...a]]/x.ts"},
		want:  "Catch-all must be the last part of the URL.",
	},
	{
		name:  "catch-all dir with index is fine, child is not",
		files: []string{"api/[...a]/index.ts", "api/[...a]/b.ts"},
		want:  "Catch-all must be the last part of the URL.",
	},
	{
		name:  "optional non-catch-all param",
		files: []string{"api/[[x]].ts"},
		want:  `Optional route parameters are not yet supported ("[[x]]").`,
	},
	{
		name:  "repeated slug name",
		files: []string{"api/[a]/[a].ts"},
		want:  `You cannot have the same slug name "a" repeat within a single dynamic path`,
	},
	{
		name:  "repeated slug name via catch-all",
		files: []string{"api/[a]/x/[...a].ts"},
		want:  `You cannot have the same slug name "a" repeat within a single dynamic path`,
	},
	{
		name:  "slug names differing by non-word symbols",
		files: []string{"api/[a]/[a-].ts"},
		want:  `You cannot have the slug names "a" and "a-" differ only by non-word symbols within a single dynamic path`,
	},
	{
		name:  "non-ASCII letters are non-word symbols",
		files: []string{"api/[né]/[n].ts"},
		want:  `You cannot have the slug names "né" and "n" differ only by non-word symbols within a single dynamic path`,
	},
	{
		name:  "extra opening bracket",
		files: []string{"api/[[id].ts"},
		want:  "Segment names may not start or end with extra brackets ('[id').",
	},
	{
		name:  "extra closing bracket",
		files: []string{"api/[id]].ts"},
		want:  "Segment names may not start or end with extra brackets ('id]').",
	},
	{
		name:  "extra brackets inside optional catch-all",
		files: []string{"api/[[...[x]]]].ts"},
		want:  "Segment names may not start or end with extra brackets ('[x]]').",
	},
	{
		name:  "erroneous period",
		files: []string{"api/[.id].ts"},
		want:  "Segment names may not start with erroneous periods ('.id').",
	},
	{
		name:  "four dots",
		files: []string{"api/[....slug].ts"},
		want:  "Segment names may not start with erroneous periods ('.slug').",
	},
	{
		name:  "three-dot character",
		files: []string{"api/[…slug].ts"},
		want:  "Detected a three-dot character ('…') at ('…slug'). Did you mean ('...')?",
	},
	{
		name:  "three-dot character in optional catch-all",
		files: []string{"api/[[…slug]].ts"},
		want:  "Detected a three-dot character ('…') at ('…slug'). Did you mean ('...')?",
	},
	{
		name:  "duplicate file and index",
		files: []string{"api/a/index.ts", "api/a.ts"},
		want:  "Duplicate page detected. pages/api/a.ts and pages/api/a/index.ts both resolve to /api/a.",
		dup:   true,
	},
	{
		name:  "duplicate extensions",
		files: []string{"api/a.ts", "api/a.js"},
		want:  "Duplicate page detected. pages/api/a.js and pages/api/a.ts both resolve to /api/a.",
		dup:   true,
	},
	{
		name:  "duplicate api index",
		files: []string{"api/index.ts", "api.ts"},
		want:  "Duplicate page detected. pages/api.ts and pages/api/index.ts both resolve to /api.",
		dup:   true,
	},
	{
		name:  "duplicate dynamic",
		files: []string{"api/[id]/index.ts", "api/[id].ts"},
		want:  "Duplicate page detected. pages/api/[id].ts and pages/api/[id]/index.ts both resolve to /api/[id].",
		dup:   true,
	},
	{
		name:  "duplicate through overlapping page extensions",
		files: []string{"api/a.ts", "api/a.page.ts"},
		opts:  Options{PageExtensions: []string{"ts", "page.ts"}},
		want:  "Duplicate page detected. pages/api/a.page.ts and pages/api/a.ts both resolve to /api/a.",
		dup:   true,
	},
}

func TestNewConflicts(t *testing.T) {
	for _, tt := range conflictTests {
		t.Run(tt.name, func(t *testing.T) {
			for _, files := range [][]string{tt.files, reversed(tt.files)} {
				tab, err := New(files, tt.opts)
				if err == nil {
					t.Fatalf("New(%q) = %v routes, want error %q", files, tab.Routes(), tt.want)
				}
				var ce *ConflictError
				if !errors.As(err, &ce) {
					t.Fatalf("New(%q) error %T %v, want *ConflictError", files, err, err)
				}
				if ce.Message != tt.want {
					t.Errorf("New(%q) message\n got %s\nwant %s", files, ce.Message, tt.want)
				}
				if err.Error() != "router: "+tt.want {
					t.Errorf("Error() = %q", err.Error())
				}
				if !errors.Is(err, ErrConflict) {
					t.Errorf("errors.Is(err, ErrConflict) = false")
				}
				if got := errors.Is(err, ErrDuplicatePage); got != tt.dup {
					t.Errorf("errors.Is(err, ErrDuplicatePage) = %v, want %v", got, tt.dup)
				}
				if tt.page != "" && ce.Page != tt.page {
					t.Errorf("Page = %q, want %q", ce.Page, tt.page)
				}
				if len(ce.Files) == 0 {
					t.Errorf("Files is empty")
				}
			}
		})
	}
}

func reversed(s []string) []string {
	r := make([]string, len(s))
	for i, x := range s {
		r[len(s)-1-i] = x
	}
	return r
}

// New sorts files before inserting them, so one order of the two
// catch-all kinds can't be produced through it ("[...a]" < "[[...b]]"
// always). Next inserts in its own order elsewhere (the dev watcher), so
// the tree keeps both texts; this exercises the tree directly.
var insertOrderTests = []struct {
	pages []string
	want  string
}{
	{
		pages: []string{"/api/c/[[...b]]", "/api/c/[...a]"},
		want:  `You cannot use both an optional and required catch-all route at the same level ("[[...b]]" and "[...a]").`,
	},
	{
		pages: []string{"/api/c/[...a]", "/api/c/[[...b]]"},
		want:  `You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...b]]" ).`,
	},
	{
		pages: []string{"/api/x/[slug]", "/api/x/[id]"},
		want:  "You cannot use different slug names for the same dynamic path ('slug' !== 'id').",
	},
}

func TestTreeInsertOrder(t *testing.T) {
	for _, tt := range insertOrderTests {
		root := &urlNode{}
		var err error
		for _, p := range tt.pages {
			if err = root.insert(newRoute(p, p+".ts")); err != nil {
				break
			}
		}
		if err == nil {
			t.Errorf("insert(%q): no error, want %q", tt.pages, tt.want)
			continue
		}
		if ce := err.(*ConflictError); ce.Message != tt.want {
			t.Errorf("insert(%q)\n got %s\nwant %s", tt.pages, ce.Message, tt.want)
		}
	}
}

// Routes Next accepts, including ones that look alike.
var noConflictTests = [][]string{
	{"api/[post]/comments.ts", "api/blog/[post]/comment/[id].ts"}, // sorted-routes.ts's own example
	{"api/[id]/index.ts", "api/[id]/comments.ts", "api/[id]/[...rest].ts"},
	{"api/[a]/x.ts", "api/b/[c].ts"},
	{"api/opt/[[...slug]].ts", "api/opt/x.ts"},
	{"api/c/[...a].ts", "api/c/index.ts"},
	{"api/[a]/[b]/[c].ts"},
	{"api/[a_b]/[ab1].ts"},
	{"api/[]/x.ts"}, // "[]" is an (odd) static segment for matching
}

func TestNewNoConflict(t *testing.T) {
	for _, files := range noConflictTests {
		if _, err := New(files, Options{}); err != nil {
			t.Errorf("New(%q) = %v, want no error", files, err)
		}
	}
}

func TestNewBadOptions(t *testing.T) {
	for _, exts := range [][]string{{""}, {".ts"}, {"ts", "a/b"}} {
		if _, err := New([]string{"api/a.ts"}, Options{PageExtensions: exts}); err == nil || errors.Is(err, ErrConflict) {
			t.Errorf("New with PageExtensions %q: err = %v, want an options error", exts, err)
		}
	}
}

func TestConflictFiles(t *testing.T) {
	_, err := New([]string{"api/opt/index.ts", "api/opt/[[...slug]].ts"}, Options{})
	var ce *ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v", err)
	}
	if want := []string{"api/opt/index.ts", "api/opt/[[...slug]].ts"}; !reflect.DeepEqual(ce.Files, want) {
		t.Errorf("Files = %q, want %q", ce.Files, want)
	}
}
