package webidl

import (
	"github.com/dop251/goja"
)

// BufferSource returns the bytes of an ArrayBuffer, TypedArray or DataView
// without copying (the slice aliases JS memory: do not keep it across tasks
// or hand it to another goroutine unless the JS side can no longer touch
// it). ok is false for other values.
func BufferSource(vm *goja.Runtime, v goja.Value) (b []byte, ok bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	switch x := obj.Export().(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	}
	if !isView(vm, obj) {
		return nil, false
	}
	var out []byte
	if err := vm.ExportTo(obj, &out); err != nil {
		return nil, false
	}
	return out, true
}

// isView reports ArrayBuffer.isView(obj).
func isView(vm *goja.Runtime, obj *goja.Object) bool {
	ab := vm.Get("ArrayBuffer").(*goja.Object)
	fn, _ := goja.AssertFunction(ab.Get("isView"))
	r, err := fn(ab, obj)
	return err == nil && r.ToBoolean()
}

// Uint8Array returns a new Uint8Array that views b (no copy). The JS side
// owns b from then on.
func Uint8Array(vm *goja.Runtime, b []byte) *goja.Object {
	ab := vm.NewArrayBuffer(b)
	ctor, _ := goja.AssertConstructor(vm.Get("Uint8Array"))
	obj, err := ctor(nil, vm.ToValue(ab))
	if err != nil {
		panic(err)
	}
	return obj
}

// ArrayBuffer returns a new ArrayBuffer over b (no copy).
func ArrayBuffer(vm *goja.Runtime, b []byte) goja.Value {
	return vm.ToValue(vm.NewArrayBuffer(b))
}

// CopyBufferSource returns a copy of a BufferSource's bytes (WebIDL's "get a
// copy of the bytes held by the buffer source").
func CopyBufferSource(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	b, ok := BufferSource(vm, v)
	if !ok {
		return nil, false
	}
	return append([]byte(nil), b...), true
}
