package runtime

import (
	"reflect"
	"sync"

	"github.com/dop251/goja"
)

// bufferIntrinsics are the built-in accessors a host needs to look inside
// typed arrays and DataViews without trusting properties a script can
// shadow or replace (ta.buffer, ta[Symbol.toStringTag]): they are captured
// before any user code runs, as engines read internal slots directly. The
// first four are goja's native functions, called straight from Go: no JS
// frame and no allocation, which matters on TextDecoder.decode's path.
type bufferIntrinsics struct {
	// typedArrayName is %TypedArray%.prototype[@@toStringTag]'s getter:
	// the [[TypedArrayName]] of a typed array, undefined for anything else.
	typedArrayName nativeFunc
	// typedArrayBuffer and dataViewBuffer are the "buffer" getters: the
	// [[ViewedArrayBuffer]]. They throw for other receivers, so they are
	// only called once typedArrayName or isView has vouched for it.
	typedArrayBuffer, dataViewBuffer nativeFunc
	// isView is ArrayBuffer.isView.
	isView nativeFunc
	// asUintN is BigInt.asUintN (ToBigInt then wrap, for BigInt64 elements).
	asUintN goja.Callable
	// bigInt is the BigInt function.
	bigInt goja.Callable
}

const bufferIntrinsicsSource = `(function () {
  'use strict';
  const TA = Object.getPrototypeOf(Uint8Array.prototype);
  return [
    Object.getOwnPropertyDescriptor(TA, Symbol.toStringTag).get,
    Object.getOwnPropertyDescriptor(TA, 'buffer').get,
    Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get,
    ArrayBuffer.isView,
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
	native := func(i string) nativeFunc {
		f, ok := arr.Get(i).Export().(func(goja.FunctionCall) goja.Value)
		if !ok {
			panic("runtime: a buffer intrinsic is not a goja native function")
		}
		return f
	}
	return &bufferIntrinsics{typedArrayName: native("0"), typedArrayBuffer: native("1"), dataViewBuffer: native("2"),
		isView: native("3"), asUintN: fn("4"), bigInt: fn("5")}, nil
}

type nativeFunc = func(goja.FunctionCall) goja.Value

var (
	arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})
	bytesType       = reflect.TypeOf([]byte(nil))
)

// ArrayBufferOf returns the ArrayBuffer (or SharedArrayBuffer) object v
// itself, or the buffer an ArrayBufferView (typed array or DataView) views.
// isView tells which; ok is false for any other value. Call it on the
// isolate's goroutine.
func ArrayBufferOf(iso *Isolate, v goja.Value) (buffer *goja.Object, isView, ok bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false, false
	}
	t := obj.ExportType()
	if t == arrayBufferType {
		return obj, false, true
	}
	if buf := viewBuffer(iso.sharedState().intrinsics, obj, t); buf != nil {
		return buf, true, true
	}
	return nil, false, false
}

// viewBuffer returns the buffer of a typed array or DataView, nil for
// anything else. t is obj's ExportType: typed arrays export as slices and
// DataViews as maps.
func viewBuffer(in *bufferIntrinsics, obj *goja.Object, t reflect.Type) *goja.Object {
	var r goja.Value
	switch {
	case t == nil:
		return nil
	case t.Kind() == reflect.Slice:
		// A Go slice the host wrapped exports like a typed array but has
		// no [[TypedArrayName]].
		if goja.IsUndefined(in.typedArrayName(goja.FunctionCall{This: obj})) {
			return nil
		}
		r = in.typedArrayBuffer(goja.FunctionCall{This: obj})
	case t.Kind() == reflect.Map:
		if !in.isView(goja.FunctionCall{Arguments: []goja.Value{obj}}).ToBoolean() {
			return nil
		}
		r = in.dataViewBuffer(goja.FunctionCall{This: obj})
	default:
		return nil
	}
	buf, _ := r.(*goja.Object)
	return buf
}

// ViewBytes returns the bytes an ArrayBufferView (typed array or DataView)
// views, without copying: the slice aliases JS memory. A view whose buffer
// is detached has no bytes. ok is false for anything that is not a view.
//
// Prefer it to exporting a view with goja's Export or ExportTo: for a view
// on a detached buffer those return a slice over freed or unrelated memory.
func ViewBytes(iso *Isolate, v goja.Value) ([]byte, bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	t := obj.ExportType()
	buf := viewBuffer(iso.sharedState().intrinsics, obj, t)
	if buf == nil {
		return nil, false
	}
	if buf.Export().(goja.ArrayBuffer).Detached() {
		return nil, true
	}
	if t == bytesType {
		// Uint8Array and Uint8ClampedArray: Export is a plain field read.
		return obj.Export().([]byte), true
	}
	var b []byte
	if err := iso.vm.ExportTo(obj, &b); err != nil {
		return nil, false
	}
	return b, true
}

// TypedArrayName returns a typed array's [[TypedArrayName]] ("Uint8Array",
// "Int32Array"...), or "" when v is not a typed array. Unlike v's
// prototype or Symbol.toStringTag, a script cannot spoof it.
func TypedArrayName(iso *Isolate, v goja.Value) string {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return ""
	}
	r := iso.sharedState().intrinsics.typedArrayName(goja.FunctionCall{This: obj})
	if goja.IsUndefined(r) {
		return ""
	}
	return r.String()
}
