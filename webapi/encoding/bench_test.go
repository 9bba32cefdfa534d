package encoding

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/webidl"
)

// BenchmarkTextDecoderDecode1KB decodes 1 KB of UTF-8 (mostly ASCII with
// some multi-byte text, like a JSON body) with one TextDecoder from JS.
func BenchmarkTextDecoderDecode1KB(b *testing.B) {
	benchDecode(b, strings.Repeat(`{"name":"Zoë","city":"Zürich","note":"ok"},`, 24)[:1024])
}

// BenchmarkTextDecoderDecode1KBASCII is the pure-ASCII case.
func BenchmarkTextDecoderDecode1KBASCII(b *testing.B) {
	benchDecode(b, strings.Repeat(`{"name":"Zoe","city":"Zurich","note":"ok"},`, 24)[:1024])
}

func benchDecode(b *testing.B, text string) {
	iso := newIsolate(b)
	err := iso.Do(func() error {
		vm := iso.VM()
		_ = vm.Set("input", webidl.Uint8Array(vm, []byte(text)))
		v, err := vm.RunString(`const d = new TextDecoder(); (function () { return d.decode(input) })`)
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(v)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := fn(goja.Undefined()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkUTF8Decode is the Go API on the same input.
func BenchmarkUTF8Decode(b *testing.B) {
	in := []byte(strings.Repeat(`{"name":"Zoë","city":"Zürich","note":"ok"},`, 24)[:1024])
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = UTF8Decode(in)
	}
}
