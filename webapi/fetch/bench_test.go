package fetch

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// benchScript compiles src once and runs it b.N times on the goroutine of
// an isolate with fetch installed, calling check on each result.
func benchScript(b *testing.B, src string, check func(iso *runtime.Isolate, v goja.Value)) {
	iso := newIsolate(b, Options{})
	prg := goja.MustCompile("bench.js", src, true)
	b.ReportAllocs()
	b.ResetTimer()
	err := iso.Do(func() error {
		vm := iso.VM()
		for i := 0; i < b.N; i++ {
			v, err := vm.RunProgram(prg)
			if err != nil {
				return err
			}
			check(iso, v)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkNewResponseHelloWorld is the cheapest route's work: build
// new Response('Hello world!') in JS and read it from Go as the server does.
func BenchmarkNewResponseHelloWorld(b *testing.B) {
	benchScript(b, `new Response('Hello world!')`, func(iso *runtime.Isolate, v goja.Value) {
		r, ok := ResponseOf(iso, v)
		if !ok {
			b.Fatal("not a Response")
		}
		stream, body := r.Body()
		if stream != nil || len(body) != 12 || r.Status() != 200 || len(r.HeaderList()) != 1 {
			b.Fatal("unexpected response")
		}
	})
}

// BenchmarkHeadersFromObject builds Headers from a 10-entry object.
func BenchmarkHeadersFromObject(b *testing.B) {
	benchScript(b, `new Headers({
		"content-type": "application/json", "cache-control": "no-store", "x-request-id": "abc123",
		"x-powered-by": "edgerun", "vary": "Accept-Encoding", "etag": "\"33a64df5\"",
		"x-frame-options": "DENY", "x-content-type-options": "nosniff",
		"strict-transport-security": "max-age=63072000", "access-control-allow-origin": "*"})`,
		func(*runtime.Isolate, goja.Value) {})
}

// BenchmarkResponseJSON is Response.json + reading the bytes from Go.
func BenchmarkResponseJSON(b *testing.B) {
	benchScript(b, `Response.json({ok: true, items: [1, 2, 3]})`, func(iso *runtime.Isolate, v goja.Value) {
		r, _ := ResponseOf(iso, v)
		if _, body := r.Body(); len(body) == 0 {
			b.Fatal("empty body")
		}
	})
}
