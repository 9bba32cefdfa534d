package webidl

import (
	"testing"

	"github.com/dop251/goja"
)

func TestBufferSourceAliasesJSMemory(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(`globalThis.u = new Uint8Array([1,2,3,4,5]); new DataView(u.buffer, 1, 3)`)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := BufferSource(vm, v)
	if !ok || len(b) != 3 || b[0] != 2 {
		t.Fatalf("got %v %v", b, ok)
	}
	b[0] = 9
	if got, _ := vm.RunString(`u[1]`); got.ToInteger() != 9 {
		t.Fatal("slice does not alias the JS buffer")
	}
	if _, ok := BufferSource(vm, vm.ToValue("str")); ok {
		t.Fatal("string accepted as BufferSource")
	}
	arr := Uint8Array(vm, []byte("hi"))
	_ = vm.Set("a", arr)
	if got, _ := vm.RunString(`a.length + ":" + a[1]`); got.String() != "2:105" {
		t.Fatalf("got %v", got)
	}
}

var integerTests = []struct {
	in     float64
	bits   int
	signed bool
	opts   IntOptions
	want   float64
}{
	{3.7, 32, false, IntOptions{}, 3},
	{-1, 32, false, IntOptions{}, 4294967295},
	{4294967296, 32, false, IntOptions{}, 0},
	{2147483648, 32, true, IntOptions{}, -2147483648},
	{300, 8, false, IntOptions{Clamp: true}, 255},
	{2.5, 8, false, IntOptions{Clamp: true}, 2},
	{-5, 16, false, IntOptions{Clamp: true}, 0},
}

func TestInteger(t *testing.T) {
	vm := goja.New()
	for _, tt := range integerTests {
		got := Context("").Integer(vm, vm.ToValue(tt.in), tt.bits, tt.signed, tt.opts)
		if got != tt.want {
			t.Errorf("Integer(%v, %d, %v, %+v) = %v, want %v", tt.in, tt.bits, tt.signed, tt.opts, got, tt.want)
		}
	}
}
