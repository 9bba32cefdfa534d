package webidl

import (
	"reflect"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
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
	// Decide from the export type, which needs no call into JS: an
	// ArrayBuffer exports as goja.ArrayBuffer, a typed array as a slice of
	// its element type; a DataView looks like any object, so only then ask
	// ArrayBuffer.isView.
	t := obj.ExportType()
	if t == arrayBufferType {
		ab := obj.Export().(goja.ArrayBuffer)
		if ab.Detached() {
			return nil, true
		}
		return ab.Bytes(), true
	}
	if iso := runtime.IsolateOf(vm); iso != nil {
		// goja exports a view of a detached buffer as a slice over freed
		// memory; runtime.ViewBytes checks the buffer first.
		return runtime.ViewBytes(iso, v)
	}
	switch {
	case t == nil:
		return nil, false
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface:
		// a typed array
	case t.Kind() == reflect.Map && isView(vm, obj):
		// a DataView
	default:
		return nil, false
	}
	var out []byte
	if err := vm.ExportTo(obj, &out); err != nil {
		return nil, false
	}
	return out, true
}

var arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})

// isView reports ArrayBuffer.isView(obj); false if a script replaced the
// global with something else.
func isView(vm *goja.Runtime, obj *goja.Object) bool {
	ab, ok := vm.Get("ArrayBuffer").(*goja.Object)
	if !ok {
		return false
	}
	fn, ok := goja.AssertFunction(ab.Get("isView"))
	if !ok {
		return false
	}
	r, err := fn(ab, obj)
	return err == nil && r.ToBoolean()
}

// Uint8Array returns a new Uint8Array that views b (no copy). The JS side
// owns b from then on.
func Uint8Array(vm *goja.Runtime, b []byte) *goja.Object {
	ab := vm.NewArrayBuffer(b)
	ctor, ok := goja.AssertConstructor(vm.Get("Uint8Array"))
	if !ok {
		panic(vm.NewTypeError("edgerun: the Uint8Array global was replaced by a non-constructor"))
	}
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
