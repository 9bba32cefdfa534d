package runtime

import (
	"reflect"
	"sync"

	"github.com/dop251/goja"
)

// bufferIntrinsics are the built-in accessors a host needs to look inside
// typed arrays and DataViews without trusting properties a script can
// shadow or replace (ta.buffer, ta[Symbol.toStringTag]): they are captured
// before any user code runs, as engines read internal slots directly.
type bufferIntrinsics struct {
	// typedArrayName is %TypedArray%.prototype[@@toStringTag]'s getter:
	// the [[TypedArrayName]] of a typed array, undefined for anything else.
	typedArrayName goja.Callable
	// viewBuffer returns the [[ViewedArrayBuffer]] of a typed array or
	// DataView, undefined for anything else.
	viewBuffer goja.Callable
	// asUintN is BigInt.asUintN (ToBigInt then wrap, for BigInt64 elements).
	asUintN goja.Callable
	// bigInt is the BigInt function.
	bigInt goja.Callable
}

const bufferIntrinsicsSource = `(function () {
  'use strict';
  const TA = Object.getPrototypeOf(Uint8Array.prototype);
  const tag = Object.getOwnPropertyDescriptor(TA, Symbol.toStringTag).get;
  const taBuffer = Object.getOwnPropertyDescriptor(TA, 'buffer').get;
  const dvBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
  const isView = ArrayBuffer.isView;
  return [
    function typedArrayName(o) { return tag.call(o); },
    function viewBuffer(o) {
      if (tag.call(o) !== undefined) return taBuffer.call(o);
      if (isView(o)) return dvBuffer.call(o);
      return undefined;
    },
    BigInt.asUintN,
    BigInt,
  ];
})()`

var (
	bufferIntrinsicsOnce sync.Once
	bufferIntrinsicsProg *goja.Program
)

func captureBufferIntrinsics(vm *goja.Runtime) (*bufferIntrinsics, error) {
	bufferIntrinsicsOnce.Do(func() {
		bufferIntrinsicsProg = goja.MustCompile("edgerun:buffer-intrinsics", bufferIntrinsicsSource, true)
	})
	v, err := vm.RunProgram(bufferIntrinsicsProg)
	if err != nil {
		return nil, err
	}
	arr := v.(*goja.Object)
	fn := func(i string) goja.Callable {
		f, _ := goja.AssertFunction(arr.Get(i))
		return f
	}
	return &bufferIntrinsics{typedArrayName: fn("0"), viewBuffer: fn("1"), asUintN: fn("2"), bigInt: fn("3")}, nil
}

var arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})

// ArrayBufferOf returns the ArrayBuffer (or SharedArrayBuffer) object v
// itself, or the buffer an ArrayBufferView (typed array or DataView) views.
// isView tells which; ok is false for any other value. Call it on the
// isolate's goroutine.
func ArrayBufferOf(iso *Isolate, v goja.Value) (buffer *goja.Object, isView, ok bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false, false
	}
	if obj.ExportType() == arrayBufferType {
		return obj, false, true
	}
	in := iso.sharedState().intrinsics
	r, err := in.viewBuffer(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	if b, isObj := r.(*goja.Object); isObj {
		return b, true, true
	}
	return nil, false, false
}

// TypedArrayName returns a typed array's [[TypedArrayName]] ("Uint8Array",
// "Int32Array"...), or "" when v is not a typed array. Unlike v's
// prototype or Symbol.toStringTag, a script cannot spoof it.
func TypedArrayName(iso *Isolate, v goja.Value) string {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return ""
	}
	r, err := iso.sharedState().intrinsics.typedArrayName(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	if goja.IsUndefined(r) {
		return ""
	}
	return r.String()
}
