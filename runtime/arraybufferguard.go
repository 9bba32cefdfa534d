package runtime

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// guardArrayBufferPrototype makes ArrayBuffer.prototype's members reject
// SharedArrayBuffers, as the spec's "If IsSharedArrayBuffer(O) is true,
// throw a TypeError exception" steps require. A SharedArrayBuffer is a goja
// ArrayBuffer underneath (see sharedarraybuffer.go), so goja's own members
// would accept it; without the guard ArrayBuffer.prototype.transfer.call(sab)
// would detach shared (possibly WebAssembly) memory.
//
// byteLength is reimplemented in Go (it is read often and must stay as cheap
// as goja's); the others are wrapped, and pay nothing extra until the
// isolate has made a SharedArrayBuffer.
func guardArrayBufferPrototype(vm *goja.Runtime, st *sharedState) error {
	isShared := func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		return vm.ToValue(ok && st.used && obj.ExportType() == arrayBufferType && isSharedObject(obj))
	}
	arrayBufferGuardOnce.Do(func() {
		arrayBufferGuardProg = goja.MustCompile("edgerun:arraybuffer-guard", arrayBufferGuardSource, true)
	})
	fv, err := vm.RunProgram(arrayBufferGuardProg)
	if err != nil {
		return fmt.Errorf("runtime: ArrayBuffer guard: %w", err)
	}
	fn, _ := goja.AssertFunction(fv)
	byteLength := nativeFunction(vm, "get byteLength", 0, func(call goja.FunctionCall) goja.Value {
		if obj, ok := call.This.(*goja.Object); ok && obj.ExportType() == arrayBufferType {
			if !st.used || !isSharedObject(obj) {
				return vm.ToValue(len(obj.Export().(goja.ArrayBuffer).Bytes()))
			}
		}
		panic(vm.NewTypeError("Method ArrayBuffer.prototype.byteLength called on incompatible receiver %s", receiverString(call.This)))
	})
	isPinned := func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		return vm.ToValue(ok && IsNonDetachable(obj))
	}
	if _, err := fn(goja.Undefined(), vm.ToValue(isShared), byteLength, vm.ToValue(isPinned)); err != nil {
		return fmt.Errorf("runtime: ArrayBuffer guard: %w", err)
	}
	return nil
}

var (
	arrayBufferGuardOnce sync.Once
	arrayBufferGuardProg *goja.Program
)

const arrayBufferGuardSource = `(function (isShared, byteLength, isPinned) {
  'use strict';
  const P = ArrayBuffer.prototype;
  const fail = (name) => { throw new TypeError('Method ArrayBuffer.prototype.' + name + ' called on incompatible receiver #<SharedArrayBuffer>'); };
  Object.defineProperty(P, 'byteLength', { get: byteLength, configurable: true, enumerable: false });
  for (const name of Reflect.ownKeys(P)) {
    if (name === 'constructor' || name === 'byteLength' || typeof name !== 'string') continue;
    const d = Object.getOwnPropertyDescriptor(P, name);
    if (typeof d.get === 'function') {
      const get = d.get;
      const wrapped = Object.getOwnPropertyDescriptor({ get [name]() { if (isShared(this)) fail(name); return get.call(this); } }, name).get;
      Object.defineProperty(P, name, { get: wrapped, set: d.set, configurable: d.configurable, enumerable: d.enumerable });
    } else if (typeof d.value === 'function') {
      const method = d.value;
      // transfer detaches: a buffer with a detach key (WebAssembly memory) refuses.
      const detaches = name === 'transfer' || name === 'transferToFixedLength';
      const wrapped = { [name](...args) {
        if (isShared(this)) fail(name);
        if (detaches && isPinned(this)) throw new TypeError('ArrayBuffer is not detachable and could not be cloned.');
        return Reflect.apply(method, this, args);
      } }[name];
      Object.defineProperty(wrapped, 'length', { value: method.length });
      Object.defineProperty(P, name, { value: wrapped, writable: d.writable, configurable: d.configurable, enumerable: d.enumerable });
    }
  }
})`
