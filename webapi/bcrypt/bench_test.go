package bcrypt

import (
	"testing"
	"time"

	"github.com/dop251/goja"
	xbcrypt "golang.org/x/crypto/bcrypt"
)

// Password hashing throughput at the usual cost 10. The x/crypto/bcrypt
// benchmark is the reference for the key schedule both use; the isolate
// benchmarks add the JS call and the conversions (hashSync), and the
// event-loop round trip with the key schedule on another goroutine
// (hash() awaited).

var benchSalt = []uint16{}

func init() {
	for _, c := range "$2b$10$abcdefghijklmnopqrstuu" {
		benchSalt = append(benchSalt, uint16(c))
	}
}

func reportHashRate(b *testing.B, start time.Time) {
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "hashes/s")
}

func BenchmarkHashCost10(b *testing.B) {
	pw := []uint16{'c', 'o', 'r', 'r', 'e', 'c', 't', ' ', 'h', 'o', 'r', 's', 'e'}
	b.ReportAllocs()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := hashJS(pw, benchSalt, BcryptJS, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportHashRate(b, start)
}

func BenchmarkXCryptoBcryptCost10(b *testing.B) {
	b.ReportAllocs()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := xbcrypt.GenerateFromPassword([]byte("correct horse"), 10); err != nil {
			b.Fatal(err)
		}
	}
	reportHashRate(b, start)
}

func BenchmarkHashSyncJSCost10(b *testing.B) {
	iso := newTestIsolate(b)
	var fn goja.Callable
	if err := iso.Do(func() error {
		v, err := iso.VM().RunString(`(function () { const b = require('bcryptjs'); return function () { return b.hashSync('correct horse', '$2b$10$abcdefghijklmnopqrstuu'); }; })()`)
		fn, _ = goja.AssertFunction(v)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if err := iso.Do(func() error { _, err := fn(goja.Undefined()); return err }); err != nil {
			b.Fatal(err)
		}
	}
	reportHashRate(b, start)
}

func BenchmarkHashAsyncJSCost10(b *testing.B) {
	iso := newTestIsolate(b)
	b.ReportAllocs()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		got := runAsyncJS(b, iso, `const b = require('bcryptjs'); done((await b.hash('correct horse', '$2b$10$abcdefghijklmnopqrstuu')).length)`)
		if got != "60" {
			b.Fatal(got)
		}
	}
	reportHashRate(b, start)
}
