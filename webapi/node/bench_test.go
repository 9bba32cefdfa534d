package node

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// BenchmarkBufferBase64 is Buffer.from(1 KiB string).toString('base64').
func BenchmarkBufferBase64(b *testing.B) {
	iso := newTestIsolate(b, Options{})
	err := iso.Do(func() error {
		_, err := iso.VM().RunString(`var s = 'x'.repeat(1024); function f() { return Buffer.from(s).toString('base64') }`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	_ = iso.Do(func() error {
		f, _ := goja.AssertFunction(iso.VM().Get("f"))
		for i := 0; i < b.N; i++ {
			if _, err := f(nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkColdRequire measures what a fresh isolate pays to load the
// modules a typical Node route touches (the JS is compiled once per
// process, so this is module initialisation only).
func BenchmarkColdRequire(b *testing.B) {
	for _, ids := range [][]string{{}, {"path"}, {"buffer"}, {"fs"}, {"crypto"}, {"stream"}, {"fs", "path", "crypto", "stream", "util", "zlib"}} {
		name := "none"
		switch {
		case len(ids) == 1:
			name = ids[0]
		case len(ids) > 1:
			name = "typical"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
					Install(iso, Options{})
					for _, id := range ids {
						if _, err := Require(iso, id); err != nil {
							return err
						}
					}
					return nil
				}})
				if err != nil {
					b.Fatal(err)
				}
				iso.Close()
			}
		})
	}
}
