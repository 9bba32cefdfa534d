package runtime

import "github.com/dop251/goja"

// installFixedLengthGetters adds ES2024's ArrayBuffer.prototype.resizable
// and maxByteLength, which goja lacks. goja's buffers are all fixed-length
// (new ArrayBuffer(n, {maxByteLength}) ignores the option), so resizable
// is false and maxByteLength is the byte length: what the spec says for a
// fixed-length buffer. Code that feature-detects resizable buffers reads
// these. https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.resizable
func installFixedLengthGetters(vm *goja.Runtime) {
	proto := vm.Get("ArrayBuffer").(*goja.Object).Get("prototype").(*goja.Object)
	define := func(name string, get func(ab goja.ArrayBuffer) goja.Value) {
		if v := proto.Get(name); v != nil && !goja.IsUndefined(v) {
			return
		}
		_ = proto.DefineAccessorProperty(name, nativeFunction(vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
			// 1-3. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]); if
			//      IsSharedArrayBuffer(O) is true, throw a TypeError exception.
			if obj, ok := call.This.(*goja.Object); ok && obj.ExportType() == arrayBufferType && !isSharedObject(obj) {
				return get(obj.Export().(goja.ArrayBuffer))
			}
			panic(vm.NewTypeError("Method ArrayBuffer.prototype.%s called on incompatible receiver %s", name, receiverString(call.This)))
		}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	define("resizable", func(goja.ArrayBuffer) goja.Value { return vm.ToValue(false) })
	define("maxByteLength", func(ab goja.ArrayBuffer) goja.Value { return vm.ToValue(len(ab.Bytes())) })
}
