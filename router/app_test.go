package router

import (
	"errors"
	"reflect"
	"testing"
)

var appPageFromFileTests = []struct {
	file string
	exts []string
	page string // "" = not a route handler
}{
	{file: "api/hello/route.ts", page: "/api/hello/route"},
	{file: "route.ts", page: "/route"},
	{file: "(shop)/api/cart/route.js", page: "/(shop)/api/cart/route"},
	{file: "feed.xml/route.tsx", page: "/feed.xml/route"},
	{file: `api\win\route.ts`, page: "/api/win/route"},
	{file: "api/[id]/route.jsx", page: "/api/[id]/route"},
	{file: "api/hello/page.tsx", page: ""},       // pages are not served
	{file: "api/hello/layout.tsx", page: ""},     // nor layouts
	{file: "api/hello/route.d.ts", page: ""},     // "d.ts" is not a page extension
	{file: "api/hello/route.css", page: ""},      // nor css
	{file: "api/hello/myroute.ts", page: ""},     // the leaf must be exactly "route"
	{file: "_lib/api/route.ts", page: ""},        // private folder
	{file: "api/_internal/x/route.ts", page: ""}, // private anywhere on the way
	{file: "api/%5Finternal/route.ts", page: "/api/%5Finternal/route"},
	{file: "api/x/route.page.ts", exts: []string{"page.ts"}, page: "/api/x/route"},
	{file: "api/x/route.ts", exts: []string{"page.ts"}, page: ""},
}

func TestAppPageFromFile(t *testing.T) {
	for _, tt := range appPageFromFileTests {
		exts := tt.exts
		if exts == nil {
			exts = DefaultPageExtensions
		}
		page, ok := appPageFromFile(tt.file, exts)
		if page != tt.page || ok != (tt.page != "") {
			t.Errorf("appPageFromFile(%q, %q) = %q, %v; want %q", tt.file, exts, page, ok, tt.page)
		}
	}
}

var normalizeAppPathTests = []struct{ in, want string }{
	{"/route", "/"},
	{"/api/hello/route", "/api/hello"},
	{"/(shop)/api/(v1)/cart/route", "/api/cart"},
	{"/@modal/api/x/route", "/api/x"},
	{"/api/route/route", "/api/route"}, // only the leaf goes
	{"/api/%5Fprivate/route", "/api/_private"},
	{"/api/%5finternal/route", "/api/_internal"},
	{"/api/[...slug]/route", "/api/[...slug]"},
}

func TestNormalizeAppPath(t *testing.T) {
	for _, tt := range normalizeAppPathTests {
		if got := normalizeAppPath(tt.in); got != tt.want {
			t.Errorf("normalizeAppPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var relDirTests = []struct{ from, to, want string }{
	{"pages", "app", "../app"},
	{"src/pages", "src/app", "../app"},
	{"pages", "src/app", "../src/app"},
	{"src/pages", "app", "../../app"},
}

func TestRelDir(t *testing.T) {
	for _, tt := range relDirTests {
		if got := relDir(tt.from, tt.to); got != tt.want {
			t.Errorf("relDir(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

var projectOrderTests = []struct {
	name  string
	pages []string
	app   []string
	dirs  Dirs
	want  []string // page, then file, per route in priority order
}{
	{
		name:  "app and pages routes sort together",
		pages: []string{"api/hello.ts", "api/posts/[id].ts", "api/catch/[...x].ts"},
		app:   []string{"api/app-hello/route.ts", "(v1)/api/posts/new/route.ts", "api/posts/[id]/comments/route.ts", "route.ts", "feed.xml/route.ts"},
		want: []string{
			"/", "../app/route.ts",
			"/api/app-hello", "../app/api/app-hello/route.ts",
			"/api/catch/[...x]", "api/catch/[...x].ts",
			"/api/hello", "api/hello.ts",
			"/api/posts/new", "../app/(v1)/api/posts/new/route.ts",
			"/api/posts/[id]", "api/posts/[id].ts",
			"/api/posts/[id]/comments", "../app/api/posts/[id]/comments/route.ts",
			"/feed.xml", "../app/feed.xml/route.ts",
		},
	},
	{
		name: "src folders",
		app:  []string{"api/x/route.ts", "api/page.tsx", "_components/route.ts"},
		dirs: Dirs{Pages: "src/pages", App: "src/app"},
		want: []string{"/api/x", "../app/api/x/route.ts"},
	},
	{
		name: "pages at the root, app in src",
		app:  []string{"api/x/route.ts"},
		dirs: Dirs{Pages: "pages", App: "src/app"},
		want: []string{"/api/x", "../src/app/api/x/route.ts"},
	},
}

func TestNewProjectOrder(t *testing.T) {
	for _, tt := range projectOrderTests {
		t.Run(tt.name, func(t *testing.T) {
			for _, rev := range []bool{false, true} {
				pagesFiles, appFiles := tt.pages, tt.app
				if rev {
					pagesFiles, appFiles = reversed(pagesFiles), reversed(appFiles)
				}
				tab, err := NewProject(pagesFiles, appFiles, tt.dirs, Options{})
				if err != nil {
					t.Fatalf("NewProject: %v", err)
				}
				var got []string
				for _, r := range tab.Routes() {
					got = append(got, r.Page, r.File)
					if r.App != (len(r.File) > 3 && r.File[:3] == "../") {
						t.Errorf("%s: App = %v", r.File, r.App)
					}
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("routes\n got %q\nwant %q", got, tt.want)
				}
			}
		})
	}
}

var projectConflictTests = []struct {
	name    string
	pages   []string
	app     []string
	dirs    Dirs
	want    string
	dup     bool
	appPage bool
}{
	{
		name:    "same path in both routers",
		pages:   []string{"api/hello.ts"},
		app:     []string{"api/hello/route.ts"},
		want:    "Conflicting app and page file was found, please remove the conflicting files to continue:\n  \"pages/api/hello.ts\" - \"app/api/hello/route.ts\"",
		appPage: true,
	},
	{
		name:    "several pairs, src folders, dynamic page names",
		pages:   []string{"api/[id].ts", "api/index.ts"},
		app:     []string{"api/route.ts", "api/[id]/route.ts"},
		dirs:    Dirs{Pages: "src/pages", App: "src/app"},
		want:    "Conflicting app and page files were found, please remove the conflicting files to continue:\n  \"src/pages/api/[id].ts\" - \"src/app/api/[id]/route.ts\"\n  \"src/pages/api/index.ts\" - \"src/app/api/route.ts\"",
		appPage: true,
	},
	{
		name:    "through a route group",
		pages:   []string{"api/x.ts"},
		app:     []string{"(grp)/api/x/route.ts"},
		want:    "Conflicting app and page file was found, please remove the conflicting files to continue:\n  \"pages/api/x.ts\" - \"app/(grp)/api/x/route.ts\"",
		appPage: true,
	},
	{
		name: "two groups resolve to one path",
		app:  []string{"(b)/api/x/route.ts", "(a)/api/x/route.ts"},
		want: "You cannot have two parallel pages that resolve to the same path. Please check /(a)/api/x/route and /(b)/api/x/route. Refer to the route group docs for more information: https://nextjs.org/docs/app/building-your-application/routing/route-groups",
	},
	{
		name: "route.js and route.ts",
		app:  []string{"api/x/route.ts", "api/x/route.js"},
		want: "Duplicate page detected. app/api/x/route.js and app/api/x/route.ts both resolve to /api/x/route.",
		dup:  true,
	},
	{
		name:  "slug names differ across routers",
		pages: []string{"api/items/[id].ts"},
		app:   []string{"api/items/[slug]/route.ts"},
		want:  "You cannot use different slug names for the same dynamic path ('id' !== 'slug').",
	},
	{
		name: "catch-all not last in an app route",
		app:  []string{"api/[...a]/x/route.ts"},
		want: "Catch-all must be the last part of the URL.",
	},
	{
		name:  "pages duplicate names the pages dir",
		pages: []string{"api/a.ts", "api/a/index.ts"},
		dirs:  Dirs{Pages: "src/pages"},
		want:  "Duplicate page detected. src/pages/api/a.ts and src/pages/api/a/index.ts both resolve to /api/a.",
		dup:   true,
	},
}

func TestNewProjectConflicts(t *testing.T) {
	for _, tt := range projectConflictTests {
		t.Run(tt.name, func(t *testing.T) {
			for _, rev := range []bool{false, true} {
				pagesFiles, appFiles := tt.pages, tt.app
				if rev {
					pagesFiles, appFiles = reversed(pagesFiles), reversed(appFiles)
				}
				tab, err := NewProject(pagesFiles, appFiles, tt.dirs, Options{})
				if err == nil {
					t.Fatalf("NewProject = %q, want error", pages(tab.Routes()))
				}
				var ce *ConflictError
				if !errors.As(err, &ce) {
					t.Fatalf("error %T %v, want *ConflictError", err, err)
				}
				if ce.Message != tt.want {
					t.Errorf("message\n got %s\nwant %s", ce.Message, tt.want)
				}
				if !errors.Is(err, ErrConflict) || errors.Is(err, ErrDuplicatePage) != tt.dup || errors.Is(err, ErrAppPageConflict) != tt.appPage {
					t.Errorf("errors.Is: conflict %v, dup %v (want %v), app/page %v (want %v)", errors.Is(err, ErrConflict),
						errors.Is(err, ErrDuplicatePage), tt.dup, errors.Is(err, ErrAppPageConflict), tt.appPage)
				}
				if len(ce.Files) == 0 {
					t.Errorf("Files is empty")
				}
			}
		})
	}
}

var appMatchTests = []struct {
	path   string
	file   string // "" = no match
	params []Param
}{
	{path: "/", file: "../app/route.ts"},
	{path: "/api/items/a%20b", file: "../app/api/items/[id]/route.ts", params: []Param{{Name: "id", Values: []string{"a b"}}}},
	{path: "/api/docs/a/b%2Fc", file: "../app/api/docs/[...slug]/route.ts", params: []Param{{Name: "slug", Values: []string{"a", "b/c"}, Array: true}}},
	{path: "/api/docs", file: ""},
	{path: "/api/opt", file: "../app/api/opt/[[...rest]]/route.ts"},
	{path: "/api/opt/x", file: "../app/api/opt/[[...rest]]/route.ts", params: []Param{{Name: "rest", Values: []string{"x"}, Array: true}}},
	{path: "/_private", file: "../app/%5Fprivate/route.ts"},
	{path: "/%5Fprivate", file: "../app/%5Fprivate/route.ts"}, // decoded, as static paths are
	{path: "/cart", file: "../app/(shop)/cart/route.ts"},
	{path: "/(shop)/cart", file: ""},
	{path: "/api/hello", file: "api/hello.ts"},
}

func TestNewProjectMatch(t *testing.T) {
	tab, err := NewProject([]string{"api/hello.ts"}, []string{
		"route.ts", "api/items/[id]/route.ts", "api/docs/[...slug]/route.ts", "api/opt/[[...rest]]/route.ts",
		"%5Fprivate/route.ts", "_private/route.ts", "(shop)/cart/route.ts",
	}, Dirs{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range appMatchTests {
		m, err := tab.Match(tt.path)
		if err != nil {
			t.Errorf("Match(%q): %v", tt.path, err)
			continue
		}
		file := ""
		var params []Param
		if m != nil {
			file, params = m.Route.File, m.Params
		}
		if file != tt.file || !reflect.DeepEqual(params, tt.params) {
			t.Errorf("Match(%q) = %q %+v, want %q %+v", tt.path, file, params, tt.file, tt.params)
		}
	}
}

func TestAppExplanationNamesTheAppFile(t *testing.T) {
	tab, err := NewProject(nil, []string{"api/x/route.ts"}, Dirs{App: "src/app", Pages: "src/pages"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ex := tab.Explain("/api/x")
	if len(ex) != 1 {
		t.Fatalf("Explain = %v", ex)
	}
	if got, want := ex[0].String(), "✓ /api/x (src/app/api/x/route.ts): exact match"; got[:len(want)] != want {
		t.Errorf("String() = %q, want prefix %q", got, want)
	}
}
