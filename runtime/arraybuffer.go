package runtime

import (
	"github.com/dop251/goja"
)

// installArrayBufferTransfer adds ES2024's ArrayBuffer.prototype.transfer,
// transferToFixedLength and the detached getter, which goja lacks and which
// stream and structured-clone code use to hand buffers over. goja can
// detach a buffer from Go, so the new buffer takes over the same memory
// (no copy) when the length is unchanged or smaller.
// https://tc39.es/ecma262/#sec-arraybuffer.prototype.transfer
func installArrayBufferTransfer(vm *goja.Runtime, rs *resizableState) {
	proto := vm.Get("ArrayBuffer").(*goja.Object).Get("prototype").(*goja.Object)
	if v := proto.Get("transfer"); v != nil && !goja.IsUndefined(v) {
		return
	}
	thisBuffer := func(call goja.FunctionCall, method string) goja.ArrayBuffer {
		if obj, ok := call.This.(*goja.Object); ok {
			if ab, ok := obj.Export().(goja.ArrayBuffer); ok {
				return ab
			}
		}
		panic(vm.NewTypeError("Method ArrayBuffer.prototype.%s called on incompatible receiver %s", method, call.This.String()))
	}
	transfer := func(method string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			// 1-2. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]).
			ab := thisBuffer(call, method)
			// 3. If newLength is undefined, let newByteLength be O.[[ArrayBufferByteLength]];
			//    else let newByteLength be ? ToIndex(newLength).
			old := ab.Bytes()
			n := len(old)
			if arg := call.Argument(0); !goja.IsUndefined(arg) {
				f := arg.ToFloat()
				if f != f || f < 0 || f > 1<<53-1 {
					throwRangeError(vm, "Invalid array buffer length")
				}
				if f > maxBufferBytes {
					throwRangeError(vm, "Array buffer allocation failed")
				}
				n = int(f)
			}
			// 4. If IsDetachedBuffer(O) is true, throw a TypeError exception.
			if ab.Detached() {
				panic(vm.NewTypeError("Cannot perform ArrayBuffer.prototype.%s on a detached ArrayBuffer", method))
			}
			// 5. If preserveResizability is preserve-resizability and
			//    IsFixedLengthArrayBuffer(O) is false, let newMaxByteLength be
			//    O.[[ArrayBufferMaxByteLength]]; otherwise empty.
			maxLen, resizable := 0, false
			if b := blockOf(call.This.(*goja.Object)); b != nil && method == "transfer" {
				maxLen, resizable = b.maxByteLength, true
				// AllocateArrayBuffer 3: byteLength > maxByteLength is a RangeError.
				if n > maxLen {
					throwRangeError(vm, "ArrayBuffer.prototype.transfer: Invalid length parameter")
				}
			}
			// 7-10. Copy (here: take over) the data, then DetachArrayBuffer(O).
			// Growing copies: spare capacity past len may belong to a Go
			// buffer the host sliced the chunk from (a resizable buffer's
			// memory is its own, and keeps its capacity).
			var data []byte
			switch {
			case n <= len(old) && resizable:
				data = old[:n]
			case n <= len(old):
				data = old[:n:n]
			default:
				data = make([]byte, n)
				copy(data, old)
			}
			ab.Detach()
			if resizable {
				obj := vm.ToValue(vm.NewArrayBuffer(data)).(*goja.Object)
				rs.newBlock(obj, maxLen)
				return obj
			}
			return vm.ToValue(vm.NewArrayBuffer(data))
		}
	}
	_ = proto.DefineDataProperty("transfer", vm.ToValue(transfer("transfer")), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("transferToFixedLength", vm.ToValue(transfer("transferToFixedLength")), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	detached := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(thisBuffer(call, "detached").Detached())
	})
	_ = proto.DefineAccessorProperty("detached", detached, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// maxBufferBytes matches the MAX_BYTES cap of the language shims.
const maxBufferBytes = 1 << 30

func throwRangeError(vm *goja.Runtime, msg string) { throwError(vm, "RangeError", msg) }

// throwError throws a new instance of the global error constructor name
// (RangeError, SyntaxError...) with msg. A script that replaced the global
// with a non-constructor gets a TypeError with the message instead.
func throwError(vm *goja.Runtime, name, msg string) {
	ctor, ok := goja.AssertConstructor(vm.Get(name))
	if !ok {
		panic(vm.NewTypeError(msg))
	}
	obj, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(obj)
}
