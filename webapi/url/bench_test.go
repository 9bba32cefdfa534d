package url

import (
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkNewURLSearchParamsGet measures the common route pattern
// new URL(req.url).searchParams.get("q") from JS.
func BenchmarkNewURLSearchParamsGet(b *testing.B) {
	iso := newIsolate(b)
	err := iso.Do(func() error {
		v, err := iso.VM().RunString(`(function () { return new URL("https://example.com/api/items?id=42&q=hello+world&page=3").searchParams.get("q") })`)
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
			if r.String() != "hello world" {
				b.Fatalf("got %v", r)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkParse measures the Go parser alone.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("https://example.com/api/items?id=42&q=hello+world&page=3", ""); err != nil {
			b.Fatal(err)
		}
	}
}
