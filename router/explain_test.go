package router

import (
	"strings"
	"testing"
)

var explainTests = []struct {
	path    string
	winner  string            // page that Matched, "" for none
	reasons map[string]string // page → substring of its Reason
}{
	{
		path:   "/api/post/abc",
		winner: "/api/post/[pid]",
		reasons: map[string]string{
			"/api/post/[pid]":     `matches: pid="abc"`,
			"/api/post/create":    `segment 3 is "abc", route needs "create"`,
			"/api/post/[...slug]": "matches, but /api/post/[pid] has priority",
			"/api/hello":          `segment 2 is "post", route needs "hello"`,
			"/api":                `path has more segments than the route ("post" after segment 1)`,
		},
	},
	{
		path:   "/api/post/create",
		winner: "/api/post/create",
		reasons: map[string]string{
			"/api/post/create": "exact match",
			"/api/post/[pid]":  "matches, but /api/post/create has priority",
		},
	},
	{
		path:   "/api/h%65llo",
		winner: "/api/hello",
		reasons: map[string]string{
			"/api/hello":      `exact match after percent-decoding the path ("/api/hello")`,
			"/api/users/[id]": `segment 2 is "h%65llo", route needs "users"`,
		},
	},
	{
		path: "/api/catch",
		reasons: map[string]string{
			"/api/catch/[...slug]": "[...slug] needs at least one more segment",
			"/api/users/[id]":      `segment 2 is "catch", route needs "users"`,
		},
	},
	{
		path: "/api/posts/1",
		reasons: map[string]string{
			"/api/posts/[id]/comments/[cid]": "path ends before segment 4 (comments)",
		},
	},
	{
		path: "/api/users/%zz",
		reasons: map[string]string{
			"/api/users/[id]": "matches, but a param does not decode, so Next answers 400 Bad Request",
		},
	},
	{
		path: "/api/post/%zz",
		reasons: map[string]string{
			"/api/post/[pid]":     "does not decode",
			"/api/post/[...slug]": "matches, but /api/post/[pid] has priority",
		},
	},
	{
		path:   "/api/catch/a/b",
		winner: "/api/catch/[...slug]",
		reasons: map[string]string{
			"/api/catch/[...slug]": `matches: slug=["a" "b"]`,
		},
	},
}

func TestExplain(t *testing.T) {
	tab, err := New(matchFiles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range explainTests {
		ex := tab.Explain(tt.path)
		if len(ex) != tab.Len() {
			t.Errorf("Explain(%q) has %d entries, want one per route (%d)", tt.path, len(ex), tab.Len())
		}
		winners := 0
		for i, e := range ex {
			if e.Route != tab.routes[i] {
				t.Errorf("Explain(%q)[%d] is %s, want priority order (%s)", tt.path, i, e.Route, tab.routes[i])
			}
			if e.Matched {
				winners++
				if e.Route.Page != tt.winner {
					t.Errorf("Explain(%q): %s matched, want %q", tt.path, e.Route.Page, tt.winner)
				}
			}
			if want, ok := tt.reasons[e.Route.Page]; ok && !strings.Contains(e.Reason, want) {
				t.Errorf("Explain(%q) for %s: reason %q, want it to contain %q", tt.path, e.Route.Page, e.Reason, want)
			}
			if e.Reason == "" {
				t.Errorf("Explain(%q) for %s: empty reason", tt.path, e.Route.Page)
			}
		}
		if want := map[bool]int{true: 1, false: 0}[tt.winner != ""]; winners != want {
			t.Errorf("Explain(%q): %d routes matched, want %d", tt.path, winners, want)
		}
		// Explain and Match agree.
		m, _ := tab.Match(tt.path)
		if (m == nil) != (tt.winner == "") || (m != nil && m.Route.Page != tt.winner) {
			t.Errorf("Match(%q) = %v, Explain says %q", tt.path, m, tt.winner)
		}
	}
}

func TestExplanationString(t *testing.T) {
	tab, err := New([]string{"api/users/[id].ts"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ex := tab.Explain("/api/users/7")
	want := `✓ /api/users/[id] (pages/api/users/[id].ts): matches: id="7"`
	if len(ex) != 1 || ex[0].String() != want {
		t.Errorf("Explain = %v, want %s", ex, want)
	}
}
