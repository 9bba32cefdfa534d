package urlpattern

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// benchJS calls the JS function src (which must return "42") b.N times.
func benchJS(b *testing.B, src string) {
	jstest.BenchCall(b, newIsolate(b), src, "42")
}

// BenchmarkConstructExec is the route-matching idiom with the pattern
// built on every request.
func BenchmarkConstructExec(b *testing.B) {
	benchJS(b, `(function () {
		return new URLPattern({pathname: '/api/posts/:id'}).exec('https://example.com/api/posts/42').pathname.groups.id
	})`)
}

// BenchmarkExec matches a URL string against a pattern built once.
func BenchmarkExec(b *testing.B) {
	benchJS(b, `(function () {
		const p = new URLPattern({pathname: '/api/posts/:id'});
		return function () { return p.exec('https://example.com/api/posts/42').pathname.groups.id };
	})()`)
}

// BenchmarkExecInit matches a URLPatternInit against a pattern built once.
func BenchmarkExecInit(b *testing.B) {
	benchJS(b, `(function () {
		const p = new URLPattern({pathname: '/api/posts/:id'});
		return function () { return p.exec({pathname: '/api/posts/42'}).pathname.groups.id };
	})()`)
}

// BenchmarkTest is test() on a URL string.
func BenchmarkTest(b *testing.B) {
	benchJS(b, `(function () {
		const p = new URLPattern({pathname: '/api/posts/:id'});
		return function () { return p.test('https://example.com/api/posts/42') ? "42" : "no" };
	})()`)
}

// BenchmarkGoExec is the Go API alone.
func BenchmarkGoExec(b *testing.B) {
	path := "/api/posts/:id"
	p, err := NewFromInit(&Init{Pathname: &path}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := p.Exec("https://example.com/api/posts/42")
		if err != nil || r == nil || r.Get(Pathname).Groups[0].Value != "42" {
			b.Fatal(r, err)
		}
	}
}

// BenchmarkGoCompile is NewFromInit alone.
func BenchmarkGoCompile(b *testing.B) {
	path := "/api/posts/:id"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := NewFromInit(&Init{Pathname: &path}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
