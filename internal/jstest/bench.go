package jstest

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// BenchCall measures a JS call from Go, the way the server calls into a
// route: src is evaluated once and must yield a function, which is then
// called b.N times on the isolate's goroutine. Only the calls are timed,
// and each must return want, so a benchmark cannot speed up by breaking.
func BenchCall(b *testing.B, iso *runtime.Isolate, src, want string) {
	b.Helper()
	err := iso.Do(func() error {
		v, err := iso.VM().RunString(src)
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(v)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			r, err := fn(goja.Undefined())
			if err != nil {
				return err
			}
			if r.String() != want {
				b.Fatalf("got %v", r)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
