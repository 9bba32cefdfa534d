package webidl_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// A view whose buffer was transferred away has no bytes: goja would export
// it as a slice over freed memory, which must never reach Go code.
func TestBufferSourceOfADetachedView(t *testing.T) {
	iso, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	err = iso.Do(func() error {
		vm := iso.VM()
		for _, src := range []string{
			`(() => { const u = new Uint8Array(2 << 20); u.buffer.transfer(); return u })()`,
			`(() => { const u = new Float64Array(1024); u.buffer.transfer(); return u })()`,
			`(() => { const b = new ArrayBuffer(64); const d = new DataView(b, 8); b.transfer(); return d })()`,
			`(() => { const b = new ArrayBuffer(64); b.transfer(); return b })()`,
		} {
			v, err := vm.RunString(src)
			if err != nil {
				return err
			}
			b, ok := webidl.BufferSource(vm, v)
			if !ok || len(b) != 0 {
				t.Errorf("%s: %d bytes, ok %v; want none", src, len(b), ok)
			}
			if c, ok := webidl.CopyBufferSource(vm, v); !ok || len(c) != 0 {
				t.Errorf("%s: copy of %d bytes", src, len(c))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if runtime.IsolateOf(goja.New()) != nil {
		t.Error("IsolateOf found an isolate for a bare runtime")
	}
}
