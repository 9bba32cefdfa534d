package router

import (
	"fmt"
	"testing"
)

// benchFiles is a mid-sized API: 40 static routes and a dozen dynamic ones
// whose shapes overlap, so the dynamic scan does real rejecting.
func benchFiles() []string {
	files := []string{
		"api/index.ts",
		"api/users/[id].ts",
		"api/users/[id]/posts.ts",
		"api/users/[id]/posts/[postId].ts",
		"api/posts/[id]/comments/[cid].ts",
		"api/post/create.ts",
		"api/post/[pid].ts",
		"api/post/[...slug].ts",
		"api/auth/[...nextauth].ts",
		"api/files/[[...path]].ts",
		"api/orgs/[org]/repos/[repo]/issues/[n].ts",
		"api/v1/[resource]/[id].ts",
	}
	for i := 0; i < 40; i++ {
		files = append(files, fmt.Sprintf("api/static/route%02d.ts", i))
	}
	return files
}

var matchBenchmarks = []struct {
	name, path string
}{
	{"static", "/api/static/route17"},
	{"static-decoded", "/api/static/route%31%37"},
	{"dynamic", "/api/users/42"},
	{"dynamic-2params", "/api/users/42/posts/7"},
	{"dynamic-deep", "/api/orgs/vercel/repos/next.js/issues/123"},
	{"dynamic-escaped", "/api/users/a%2Fb"},
	{"catchall", "/api/auth/callback/github"},
	{"optional-empty", "/api/files"},
	{"notfound", "/api/nope/nope/nope/nope/nope/nope/nope"},
}

func BenchmarkMatch(b *testing.B) {
	tab, err := New(benchFiles(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range matchBenchmarks {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tab.Match(bm.path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCanonicalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Canonicalize("/api/users/42", false)
	}
}

func BenchmarkNew(b *testing.B) {
	files := benchFiles()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(files, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Allocation counts are behaviour, not timing: Match must stay light on the
// request hot path.
var matchAllocTests = []struct {
	path string
	max  float64
}{
	{"/api/static/route17", 1},
	{"/api/users/42", 1},
	{"/api/users/42/posts/7", 1},
	{"/api/orgs/vercel/repos/next.js/issues/123", 1},
	{"/api/auth/callback/github", 1},
	{"/api/files", 1},
	{"/api/nope/nope", 0},
	{"/api/users/a%2Fb", 2}, // + the decoded value
}

func TestMatchAllocs(t *testing.T) {
	tab, err := New(benchFiles(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range matchAllocTests {
		n := testing.AllocsPerRun(200, func() {
			if _, err := tab.Match(tt.path); err != nil {
				t.Fatal(err)
			}
		})
		if n > tt.max {
			t.Errorf("Match(%q) allocates %v times, want at most %v", tt.path, n, tt.max)
		}
	}
}
