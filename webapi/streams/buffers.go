package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// arrayBufferView is an ArrayBufferView's internal slots, read through the
// original %TypedArray% / DataView getters.
type arrayBufferView struct {
	obj         *goja.Object
	buffer      *goja.Object // [[ViewedArrayBuffer]]
	byteOffset  int
	byteLength  int
	length      int    // [[ArrayLength]] for typed arrays
	typedName   string // [[TypedArrayName]]; "" for a DataView
	elementSize int
	ctor        goja.Constructor
}

// view reads v as an ArrayBufferView; ok is false for anything else.
func (r *realm) view(v goja.Value) (arrayBufferView, bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return arrayBufferView{}, false
	}
	tag, err := r.taTag(obj)
	if err == nil {
		if name, ok := tag.Export().(string); ok {
			info := r.typedArrays[name]
			out := arrayBufferView{obj: obj, typedName: name, elementSize: info.elementSize, ctor: info.ctor}
			out.buffer = mustCall(r.taBuffer, obj).(*goja.Object)
			out.byteOffset = int(mustCall(r.taByteOffset, obj).ToInteger())
			out.byteLength = int(mustCall(r.taByteLength, obj).ToInteger())
			out.length = int(mustCall(r.taLength, obj).ToInteger())
			return out, true
		}
	}
	isView, err := r.isView(goja.Undefined(), obj)
	if err != nil || !isView.ToBoolean() {
		return arrayBufferView{}, false
	}
	out := arrayBufferView{obj: obj, elementSize: 1, ctor: r.dataView}
	out.buffer = mustCall(r.dvBuffer, obj).(*goja.Object)
	if ab := arrayBufferOf(out.buffer); ab.Detached() {
		return out, true // offsets of a detached view read as 0
	}
	out.byteOffset = int(mustCall(r.dvByteOffset, obj).ToInteger())
	out.byteLength = int(mustCall(r.dvByteLength, obj).ToInteger())
	out.length = out.byteLength
	return out, true
}

func mustCall(fn goja.Callable, this goja.Value) goja.Value {
	v, err := fn(this)
	if err != nil {
		panic(err)
	}
	return v
}

func arrayBufferOf(obj *goja.Object) goja.ArrayBuffer {
	ab, _ := obj.Export().(goja.ArrayBuffer)
	return ab
}

// isDetached is IsDetachedBuffer(buffer).
func isDetached(buffer *goja.Object) bool {
	return arrayBufferOf(buffer).Detached()
}

// bufferByteLength is buffer.[[ArrayBufferByteLength]].
func bufferByteLength(buffer *goja.Object) int {
	return len(arrayBufferOf(buffer).Bytes())
}

// transferArrayBuffer is TransferArrayBuffer(O): a new ArrayBuffer takes
// over O's bytes (no copy) and O is detached. thrown is the TypeError for
// an already detached buffer.
func (r *realm) transferArrayBuffer(buffer *goja.Object) (*goja.Object, goja.Value) {
	ab := arrayBufferOf(buffer)
	// 2. Assert: ! IsDetachedBuffer(O) is false.
	if ab.Detached() {
		return nil, r.newTypeError("Cannot transfer a detached ArrayBuffer")
	}
	// 3. Let arrayBufferData be O.[[ArrayBufferData]].
	data := ab.Bytes()
	// 5. Perform ? DetachArrayBuffer(O): DetachArrayBuffer throws a
	//    TypeError when O.[[ArrayBufferDetachKey]] is not undefined (a
	//    WebAssembly.Memory's buffer).
	if runtime.IsNonDetachable(buffer) {
		return nil, r.newTypeError("Cannot transfer an ArrayBuffer that is not detachable")
	}
	ab.Detach()
	// 6. Return a new ArrayBuffer object, created in the current Realm, whose
	//    [[ArrayBufferData]] internal slot value is arrayBufferData.
	return r.vm.ToValue(r.vm.NewArrayBuffer(data)).(*goja.Object), nil
}

// newUint8Array is Construct(%Uint8Array%, « buffer, byteOffset, length »).
func (r *realm) newUint8Array(buffer *goja.Object, byteOffset, length int) *goja.Object {
	return r.construct(r.uint8Array, buffer, byteOffset, length)
}

func (r *realm) construct(ctor goja.Constructor, buffer *goja.Object, byteOffset, length int) *goja.Object {
	o, err := ctor(nil, buffer, r.vm.ToValue(byteOffset), r.vm.ToValue(length))
	if err != nil {
		panic(err)
	}
	return o
}

// newArrayBuffer allocates an ArrayBuffer of n bytes (Construct(%ArrayBuffer%, « n »)).
func (r *realm) newArrayBuffer(n int) *goja.Object {
	return r.vm.ToValue(r.vm.NewArrayBuffer(make([]byte, n))).(*goja.Object)
}

// cloneArrayBuffer is CloneArrayBuffer(srcBuffer, srcByteOffset, srcLength, %ArrayBuffer%).
func (r *realm) cloneArrayBuffer(buffer *goja.Object, off, n int) (*goja.Object, goja.Value) {
	ab := arrayBufferOf(buffer)
	if ab.Detached() {
		return nil, r.newTypeError("Cannot clone a detached ArrayBuffer")
	}
	data := make([]byte, n)
	copy(data, ab.Bytes()[off:off+n])
	return r.vm.ToValue(r.vm.NewArrayBuffer(data)).(*goja.Object), nil
}

// cloneAsUint8Array is CloneAsUint8Array(O).
func (r *realm) cloneAsUint8Array(v arrayBufferView) (*goja.Object, goja.Value) {
	// 3. Let buffer be ? CloneArrayBuffer(O.[[ViewedArrayBuffer]], O.[[ByteOffset]], O.[[ByteLength]], %ArrayBuffer%).
	buf, thrown := r.cloneArrayBuffer(v.buffer, v.byteOffset, v.byteLength)
	if thrown != nil {
		return nil, thrown
	}
	// 4. Let array be ! Construct(%Uint8Array%, « buffer »).
	return r.newUint8Array(buf, 0, v.byteLength), nil
}

// viewBytes returns the bytes a view covers (aliasing JS memory).
func (v arrayBufferView) bytes() []byte {
	b := arrayBufferOf(v.buffer).Bytes()
	if v.byteOffset+v.byteLength > len(b) {
		return nil
	}
	return b[v.byteOffset : v.byteOffset+v.byteLength]
}

// webidlUint8Array returns a Uint8Array that owns b (no copy).
func webidlUint8Array(r *realm, b []byte) *goja.Object {
	return r.newUint8Array(r.vm.ToValue(r.vm.NewArrayBuffer(b)).(*goja.Object), 0, len(b))
}
