package url

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// BenchmarkNewURLSearchParamsGet measures the common route pattern
// new URL(req.url).searchParams.get("q") from JS.
func BenchmarkNewURLSearchParamsGet(b *testing.B) {
	jstest.BenchCall(b, newIsolate(b), `(function () { return new URL("https://example.com/api/items?id=42&q=hello+world&page=3").searchParams.get("q") })`, "hello world")
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
