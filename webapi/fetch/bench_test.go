package fetch

import (
	"testing"

	"github.com/dop251/goja"
)

// benchScript compiles src once and runs it b.N times on the isolate's
// goroutine, calling check on each result.
func benchScript(b *testing.B, src string, check func(v goja.Value)) {
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
			check(v)
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
	var iso = newIsolate(b, Options{})
	prg := goja.MustCompile("bench.js", `new Response('Hello world!')`, true)
	b.ReportAllocs()
	b.ResetTimer()
	err := iso.Do(func() error {
		vm := iso.VM()
		for i := 0; i < b.N; i++ {
			v, err := vm.RunProgram(prg)
			if err != nil {
				return err
			}
			r, ok := ResponseOf(iso, v)
			if !ok {
				b.Fatal("not a Response")
			}
			stream, body := r.Body()
			if stream != nil || len(body) != 12 || r.Status() != 200 || len(r.HeaderList()) != 1 {
				b.Fatal("unexpected response")
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkHeadersFromObject builds Headers from a 10-entry object.
func BenchmarkHeadersFromObject(b *testing.B) {
	benchScript(b, `new Headers({
		"content-type": "application/json", "cache-control": "no-store", "x-request-id": "abc123",
		"x-powered-by": "edgerun", "vary": "Accept-Encoding", "etag": "\"33a64df5\"",
		"x-frame-options": "DENY", "x-content-type-options": "nosniff",
		"strict-transport-security": "max-age=63072000", "access-control-allow-origin": "*"})`,
		func(v goja.Value) {})
}

// BenchmarkResponseJSON is Response.json + reading the bytes from Go.
func BenchmarkResponseJSON(b *testing.B) {
	iso := newIsolate(b, Options{})
	prg := goja.MustCompile("bench.js", `Response.json({ok: true, items: [1, 2, 3]})`, true)
	b.ReportAllocs()
	b.ResetTimer()
	err := iso.Do(func() error {
		for i := 0; i < b.N; i++ {
			v, err := iso.VM().RunProgram(prg)
			if err != nil {
				return err
			}
			r, _ := ResponseOf(iso, v)
			if _, body := r.Body(); len(body) == 0 {
				b.Fatal("empty body")
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
