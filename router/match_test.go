package router

import (
	"errors"
	"reflect"
	"testing"
)

var matchFiles = []string{
	"api/index.ts",
	"api/hello.ts",
	"api/users/[id].ts",
	"api/catch/[...slug].ts",
	"api/opt/[[...slug]].ts",
	"api/post/create.ts",
	"api/post/[pid].ts",
	"api/post/[...slug].ts",
	"api/posts/[id]/comments/[cid].ts",
	"api/100%.ts",
	"api/odd/[].ts",
	"api/many/[a]/[b]/[c]/[d]/[...e].ts",
}

// p builds the expected Params compactly: name, then values; a leading "*"
// on the name marks an array (catch-all) param.
func p(name string, values ...string) Param {
	if name[0] == '*' {
		return Param{Name: name[1:], Values: values, Array: true}
	}
	return Param{Name: name, Values: values}
}

var matchTests = []struct {
	path   string
	page   string // "" for no match
	params []Param
	bad    bool // ErrBadEscape
}{
	// Static routes, index files, one trailing slash.
	{path: "/api", page: "/api"},
	{path: "/api/", page: "/api"},
	{path: "/api/hello", page: "/api/hello"},
	{path: "/api/hello/", page: "/api/hello"},
	{path: "/api/post/create", page: "/api/post/create"},

	// Case-sensitive, like Next on every filesystem.
	{path: "/API/hello"},
	{path: "/api/Hello"},
	{path: "/api/HELLO"},

	// next start also tries the percent-decoded path for exact pages.
	{path: "/api/h%65llo", page: "/api/hello"},
	{path: "/api/100%25", page: "/api/100%"},
	{path: "/api/100%", page: "/api/100%"}, // bad escape: the decoded try is skipped, the raw one hits
	{path: "/api/h%zzllo"},                 // no dynamic route: a 404, not a 400

	// [param]: one non-empty segment, decodeURIComponent-ed.
	{path: "/api/users/42", page: "/api/users/[id]", params: []Param{p("id", "42")}},
	{path: "/api/users/42/", page: "/api/users/[id]", params: []Param{p("id", "42")}},
	{path: "/api/users/a%2Fb", page: "/api/users/[id]", params: []Param{p("id", "a/b")}},
	{path: "/api/users/%E2%9C%93", page: "/api/users/[id]", params: []Param{p("id", "✓")}},
	{path: "/api/users/%e2%9c%93", page: "/api/users/[id]", params: []Param{p("id", "✓")}},
	{path: "/api/users/✓", page: "/api/users/[id]", params: []Param{p("id", "✓")}},
	{path: "/api/users/a+b", page: "/api/users/[id]", params: []Param{p("id", "a+b")}}, // '+' is not a space in paths
	{path: "/api/users/%2B%20", page: "/api/users/[id]", params: []Param{p("id", "+ ")}},
	{path: "/api/users/%zz", bad: true},
	{path: "/api/users/%", bad: true},
	{path: "/api/users/%C3", bad: true},
	{path: "/api/users/%ED%A0%80", bad: true},
	{path: "/api/users"},
	{path: "/api/users/42/x"},
	{path: "/api/Users/42"},

	// [...catchAll]: one or more segments, split on "/" before decoding.
	{path: "/api/catch"},
	{path: "/api/catch/"},
	{path: "/api/catch/a", page: "/api/catch/[...slug]", params: []Param{p("*slug", "a")}},
	{path: "/api/catch/a/", page: "/api/catch/[...slug]", params: []Param{p("*slug", "a")}},
	{path: "/api/catch/a/b%2Fc/d", page: "/api/catch/[...slug]", params: []Param{p("*slug", "a", "b/c", "d")}},
	{path: "/api/catch/%E2%9C%93/x", page: "/api/catch/[...slug]", params: []Param{p("*slug", "✓", "x")}},
	{path: "/api/catch/a/%zz", bad: true},

	// [[...optional]]: zero segments → the param is absent.
	{path: "/api/opt", page: "/api/opt/[[...slug]]"},
	{path: "/api/opt/", page: "/api/opt/[[...slug]]"},
	{path: "/api/opt/x", page: "/api/opt/[[...slug]]", params: []Param{p("*slug", "x")}},
	{path: "/api/opt/x/y", page: "/api/opt/[[...slug]]", params: []Param{p("*slug", "x", "y")}},

	// Priority: create > [pid] > [...slug].
	{path: "/api/post/abc", page: "/api/post/[pid]", params: []Param{p("pid", "abc")}},
	{path: "/api/post/a/b", page: "/api/post/[...slug]", params: []Param{p("*slug", "a", "b")}},
	{path: "/api/post/create/x", page: "/api/post/[...slug]", params: []Param{p("*slug", "create", "x")}},
	{path: "/api/post"},
	// The first route whose shape matches decides: no fallback past a bad escape.
	{path: "/api/post/%zz", bad: true},

	// Several params, in page order.
	{path: "/api/posts/1/comments/2", page: "/api/posts/[id]/comments/[cid]", params: []Param{p("id", "1"), p("cid", "2")}},
	{path: "/api/posts/1/comments"},
	{path: "/api/posts/1/likes/2"},
	{path: "/api/many/1/2/3/4/5/6/7/8", page: "/api/many/[a]/[b]/[c]/[d]/[...e]", params: []Param{
		p("a", "1"), p("b", "2"), p("c", "3"), p("d", "4"), p("*e", "5", "6", "7", "8"),
	}},

	// "[]" is static text for matching.
	{path: "/api/odd/[]", page: "/api/odd/[]"},
	{path: "/api/odd/%5B%5D", page: "/api/odd/[]"},
	{path: "/api/odd/x"},

	// Not API paths, not paths at all.
	{path: "/"},
	{path: ""},
	{path: "api/hello"},
	{path: "/nope"},
	{path: "/apihello"},
}

func TestMatch(t *testing.T) {
	tab, err := New(matchFiles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range matchTests {
		m, err := tab.Match(tt.path)
		if tt.bad {
			if !errors.Is(err, ErrBadEscape) || m != nil {
				t.Errorf("Match(%q) = %v, %v; want ErrBadEscape", tt.path, m, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Match(%q) error: %v", tt.path, err)
			continue
		}
		if tt.page == "" {
			if m != nil {
				t.Errorf("Match(%q) = %s %v, want no match", tt.path, m.Route.Page, m.Params)
			}
			continue
		}
		if m == nil {
			t.Errorf("Match(%q) = no match, want %s", tt.path, tt.page)
			continue
		}
		if m.Route.Page != tt.page || !reflect.DeepEqual(m.Params, tt.params) {
			t.Errorf("Match(%q) = %s %#v\nwant %s %#v", tt.path, m.Route.Page, m.Params, tt.page, tt.params)
		}
	}
}

func TestMatchRootOptionalCatchAll(t *testing.T) {
	tab, err := New([]string{"api/[[...path]].ts", "api/x.ts", "about.tsx"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		page   string
		params []Param
	}{
		{"/api", "/api/[[...path]]", nil},
		{"/api/", "/api/[[...path]]", nil},
		{"/api/x", "/api/x", nil},
		{"/api/x/y", "/api/[[...path]]", []Param{p("*path", "x", "y")}},
		{"/api/y", "/api/[[...path]]", []Param{p("*path", "y")}},
		{"/about", "", nil},
	}
	for _, tt := range tests {
		m, err := tab.Match(tt.path)
		if err != nil {
			t.Fatalf("Match(%q): %v", tt.path, err)
		}
		switch {
		case tt.page == "" && m != nil:
			t.Errorf("Match(%q) = %s, want no match", tt.path, m.Route.Page)
		case tt.page != "" && (m == nil || m.Route.Page != tt.page || !reflect.DeepEqual(m.Params, tt.params)):
			t.Errorf("Match(%q) = %+v, want %s %v", tt.path, m, tt.page, tt.params)
		}
	}
}

func TestMatchParamLookup(t *testing.T) {
	tab, err := New(matchFiles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := tab.Match("/api/posts/7/comments/9")
	if err != nil || m == nil {
		t.Fatalf("Match = %v, %v", m, err)
	}
	if got, ok := m.Param("cid"); !ok || got.Values[0] != "9" {
		t.Errorf(`Param("cid") = %v, %v`, got, ok)
	}
	if _, ok := m.Param("nope"); ok {
		t.Error(`Param("nope") found`)
	}
}

// Values of one param must not share spare capacity with the next one:
// appending to Params[0].Values must not overwrite Params[1].
func TestMatchValuesIndependent(t *testing.T) {
	tab, err := New(matchFiles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := tab.Match("/api/posts/1/comments/2")
	_ = append(m.Params[0].Values, "clobber")
	if m.Params[1].Values[0] != "2" {
		t.Errorf("Params[1] = %v after appending to Params[0].Values", m.Params[1])
	}
}

func TestMatchBadEscapeError(t *testing.T) {
	tab, err := New(matchFiles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = tab.Match("/api/users/%zz")
	want := `router: failed to decode param "id": "%zz" is not a valid percent-encoding`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
