package runtime

// SharedArrayBuffer on an unmodified goja.
// https://tc39.es/ecma262/#sec-sharedarraybuffer-objects
//
// goja has no SharedArrayBuffer. Typed arrays and DataViews only accept
// goja's own ArrayBuffer objects, so a SharedArrayBuffer here IS a goja
// ArrayBuffer object whose prototype is SharedArrayBuffer.prototype. What
// makes it shared (IsSharedArrayBuffer in the spec) is kept on the host
// side: a process-wide set of weak pointers to those objects, each removed
// by a cleanup when its object is collected. A script cannot forge or
// clear that bit (changing the prototype does not change it).
//
// Growable SharedArrayBuffers (the maxByteLength option) are resizable.go's
// data blocks, with their maximum reserved up front.
//
// Single agent: an isolate is one agent, and a SharedArrayBuffer never
// leaves its isolate (structured clone shares memory within the isolate
// only), so there is no concurrent access from JS.

import (
	"fmt"
	"math"
	goruntime "runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// sharedBuffers holds the goja objects that are SharedArrayBuffers.
var sharedBuffers sync.Map // weak.Pointer[goja.Object] → struct{}

func markShared(obj *goja.Object) {
	k := weak.Make(obj)
	sharedBuffers.Store(k, struct{}{})
	goruntime.AddCleanup(obj, func(k weak.Pointer[goja.Object]) { sharedBuffers.Delete(k) }, k)
}

func isSharedObject(obj *goja.Object) bool {
	_, ok := sharedBuffers.Load(weak.Make(obj))
	return ok
}

// sharedState is an isolate's SharedArrayBuffer realm data.
type sharedState struct {
	intrinsics *bufferIntrinsics
	// used is set once the isolate has made a SharedArrayBuffer: until
	// then nothing can be shared, and the checks cost nothing.
	used  bool
	ctor  *goja.Object
	proto *goja.Object
	// waiters are Atomics.waitAsync's waiter lists.
	waiters map[waiterKey][]*asyncWaiter
	// guarded: ArrayBuffer.prototype's members reject shared receivers.
	guarded bool
}

// guard installs the ArrayBuffer.prototype guard on first need.
func (st *sharedState) guard(vm *goja.Runtime) {
	if st.guarded {
		return
	}
	st.guarded = true
	if err := guardArrayBufferPrototype(vm, st); err != nil {
		panic(err)
	}
}

type sharedStateKey struct{}

func (iso *Isolate) sharedState() *sharedState {
	st, _ := iso.values[sharedStateKey{}].(*sharedState)
	if st == nil {
		panic("runtime: SharedArrayBuffer support was not installed in this isolate")
	}
	return st
}

// installSharedArrayBuffer captures the buffer intrinsics and defines the
// lazy SharedArrayBuffer and Atomics globals. It runs before any user code.
// ArrayBuffer.prototype is guarded against shared receivers only once the
// isolate makes its first SharedArrayBuffer (or non-detachable buffer):
// until then there is nothing to guard, and a fresh isolate does not pay
// for it (~100 µs).
func installSharedArrayBuffer(iso *Isolate) error {
	in, err := captureBufferIntrinsics(iso.vm)
	if err != nil {
		return fmt.Errorf("runtime: buffer intrinsics: %w", err)
	}
	st := &sharedState{intrinsics: in}
	iso.values[sharedStateKey{}] = st
	iso.DefineLazyGlobal("SharedArrayBuffer", func() goja.Value { return st.constructor(iso) })
	iso.DefineLazyGlobal("Atomics", func() goja.Value { return newAtomics(iso) })
	return nil
}

// NewSharedArrayBuffer returns a SharedArrayBuffer over data, without
// copying: JS reads and writes data directly. The caller must not let
// another goroutine touch data while the isolate may run JS. Call it on the
// isolate's goroutine.
func NewSharedArrayBuffer(iso *Isolate, data []byte) *goja.Object {
	st := iso.sharedState()
	st.constructor(iso)
	return st.newBuffer(iso.vm, data, st.proto)
}

// ShareSharedArrayBuffer returns a new SharedArrayBuffer object over sab's
// memory, as deserializing a SharedArrayBuffer does: writes through either
// are seen by both, and if sab is growable the two grow together. Call it
// on the isolate's goroutine.
func ShareSharedArrayBuffer(iso *Isolate, sab *goja.Object) *goja.Object {
	obj := NewSharedArrayBuffer(iso, sab.Export().(goja.ArrayBuffer).Bytes())
	if b := blockOf(sab); b != nil {
		b.addBuffer(obj)
	}
	return obj
}

// IsSharedArrayBuffer reports whether v is a SharedArrayBuffer
// (IsSharedArrayBuffer in the spec).
func IsSharedArrayBuffer(iso *Isolate, v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok || !iso.sharedState().used || obj.ExportType() != arrayBufferType {
		return false
	}
	return isSharedObject(obj)
}

// IsShared reports whether v is a SharedArrayBuffer or an ArrayBufferView
// on one: the values WebIDL rejects where [AllowShared] is absent.
func IsShared(iso *Isolate, v goja.Value) bool {
	if !iso.sharedState().used {
		return false
	}
	buf, _, ok := ArrayBufferOf(iso, v)
	return ok && isSharedObject(buf)
}

func (st *sharedState) newBuffer(vm *goja.Runtime, data []byte, proto *goja.Object) *goja.Object {
	st.guard(vm)
	obj := vm.ToValue(vm.NewArrayBuffer(data)).(*goja.Object)
	_ = obj.SetPrototype(proto)
	markShared(obj)
	st.used = true
	return obj
}

const sharedArrayBufferCtorSource = `(function (alloc) {
  'use strict';
  return function SharedArrayBuffer(length, ...rest) {
    if (new.target === undefined) throw new TypeError("Constructor SharedArrayBuffer requires 'new'");
    return alloc(new.target, length, rest[0]);
  };
})`

var (
	sabCtorOnce sync.Once
	sabCtorProg *goja.Program
)

// constructor builds SharedArrayBuffer and its prototype once per isolate.
func (st *sharedState) constructor(iso *Isolate) *goja.Object {
	if st.ctor != nil {
		return st.ctor
	}
	vm := iso.vm
	sabCtorOnce.Do(func() {
		sabCtorProg = goja.MustCompile("edgerun:SharedArrayBuffer", sharedArrayBufferCtorSource, true)
	})
	factoryV, err := vm.RunProgram(sabCtorProg)
	if err != nil {
		panic(err)
	}
	factory, _ := goja.AssertFunction(factoryV)
	ctorV, err := factory(goja.Undefined(), vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return st.construct(iso, call.Argument(0).(*goja.Object), call.Argument(1), call.Argument(2))
	}))
	if err != nil {
		panic(err)
	}
	ctor := ctorV.(*goja.Object)
	proto := vm.NewObject()
	st.ctor, st.proto = ctor, proto

	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = ctor.DefineAccessorPropertySymbol(goja.SymSpecies,
		nativeFunction(vm, "get [Symbol.species]", 0, func(call goja.FunctionCall) goja.Value { return call.This }),
		nil, goja.FLAG_TRUE, goja.FLAG_FALSE)

	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	getter := func(name string, fn func(ab goja.ArrayBuffer) goja.Value) {
		_ = proto.DefineAccessorProperty(name, nativeFunction(vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
			return fn(thisShared(vm, call.This, name))
		}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	getter("byteLength", func(ab goja.ArrayBuffer) goja.Value { return vm.ToValue(len(ab.Bytes())) })
	// 25.2.5.4 get SharedArrayBuffer.prototype.growable:
	// 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
	getter("growable", func(ab goja.ArrayBuffer) goja.Value {
		return vm.ToValue(blockOf(vm.ToValue(ab).(*goja.Object)) != nil)
	})
	// 25.2.5.5 get SharedArrayBuffer.prototype.maxByteLength:
	// 4. If IsFixedLengthArrayBuffer(O) is true, let length be
	//    O.[[ArrayBufferByteLength]]; else O.[[ArrayBufferMaxByteLength]].
	getter("maxByteLength", func(ab goja.ArrayBuffer) goja.Value {
		if b := blockOf(vm.ToValue(ab).(*goja.Object)); b != nil {
			return vm.ToValue(b.maxByteLength)
		}
		return vm.ToValue(len(ab.Bytes()))
	})
	rs := iso.resizableState()
	_ = proto.DefineDataProperty("grow", nativeFunction(vm, "grow", 1, rs.growMethod), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("slice", nativeFunction(vm, "slice", 2, func(call goja.FunctionCall) goja.Value {
		return st.slice(vm, call)
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("SharedArrayBuffer"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return ctor
}

// construct is SharedArrayBuffer(length [, options]) after the NewTarget check.
func (st *sharedState) construct(iso *Isolate, newTarget *goja.Object, length, options goja.Value) goja.Value {
	vm := iso.vm
	// 2. Let byteLength be ? ToIndex(length).
	n := toIndex(vm, length, "Invalid array buffer length")
	// 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
	maxLen, growable := maxByteLengthOption(vm, options)
	// 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength):
	//    2. OrdinaryCreateFromConstructor(constructor, "%SharedArrayBuffer.prototype%", ...).
	proto := st.proto
	if p, ok := newTarget.Get("prototype").(*goja.Object); ok {
		proto = p
	}
	//    3. If allocatingGrowableBuffer is true and byteLength >
	//       maxByteLength, throw a RangeError exception.
	if growable && n > maxLen {
		throwRangeError(vm, "Invalid array buffer max length")
	}
	reserve := n
	if growable {
		reserve = maxLen
	}
	if reserve > maxBufferBytes {
		throwRangeError(vm, "Array buffer allocation failed")
	}
	if !growable {
		return st.newBuffer(vm, make([]byte, n), proto)
	}
	rs := iso.resizableState()
	if rs.layoutErr != nil {
		panic(vm.NewTypeError("edgerun: growable SharedArrayBuffers are not supported by this build: %v", rs.layoutErr))
	}
	obj := st.newBuffer(vm, make([]byte, n, maxLen), proto)
	rs.newBlock(obj, int(maxLen))
	return obj
}

// slice is SharedArrayBuffer.prototype.slice(start, end).
func (st *sharedState) slice(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
	// 1-3. Let O be the this value; RequireInternalSlot(O, [[ArrayBufferData]]);
	//      if IsSharedArrayBuffer(O) is false, throw a TypeError exception.
	ab := thisShared(vm, call.This, "slice")
	o := call.This.(*goja.Object)
	// 4. Let len be ArrayBufferByteLength(O, seq-cst).
	size := float64(len(ab.Bytes()))
	// 5-8. Let first be the clamped relative start; final the clamped relative end.
	first := relativeIndex(call.Argument(0), size, 0)
	final := relativeIndex(call.Argument(1), size, size)
	// 9. Let newLen be max(final - first, 0).
	newLen := math.Max(final-first, 0)
	// 10. Let ctor be ? SpeciesConstructor(O, %SharedArrayBuffer%).
	ctor := speciesConstructor(vm, o, st.ctor)
	// 11. Let new be ? Construct(ctor, « 𝔽(newLen) »).
	nobj, err := ctor(nil, vm.ToValue(newLen))
	if err != nil {
		panic(err)
	}
	// 12-13. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]); if
	//        IsSharedArrayBuffer(new) is false, throw a TypeError exception.
	if nobj.ExportType() != arrayBufferType || !isSharedObject(nobj) {
		panic(vm.NewTypeError("Method SharedArrayBuffer.prototype.slice called on incompatible receiver %s", receiverString(nobj)))
	}
	nab := nobj.Export().(goja.ArrayBuffer)
	// 14. If new.[[ArrayBufferData]] is O.[[ArrayBufferData]], throw a TypeError exception.
	src, dst := ab.Bytes(), nab.Bytes()
	if nobj == o || (len(src) > 0 && len(dst) > 0 && &src[0] == &dst[0]) {
		panic(vm.NewTypeError("SharedArrayBuffer subclass returned this from species constructor"))
	}
	// 15. If ArrayBufferByteLength(new, seq-cst) < newLen, throw a TypeError exception.
	if float64(len(dst)) < newLen {
		panic(vm.NewTypeError("Invalid SharedArrayBuffer length"))
	}
	// 16-19. Copy the bytes from first to final, then return new.
	copy(dst, src[int(first):int(first)+int(newLen)])
	return nobj
}

// thisShared is RequireInternalSlot(O, [[ArrayBufferData]]) plus the
// IsSharedArrayBuffer check that SharedArrayBuffer.prototype members start with.
func thisShared(vm *goja.Runtime, this goja.Value, member string) goja.ArrayBuffer {
	if obj, ok := this.(*goja.Object); ok && obj.ExportType() == arrayBufferType && isSharedObject(obj) {
		return obj.Export().(goja.ArrayBuffer)
	}
	panic(vm.NewTypeError("Method SharedArrayBuffer.prototype.%s called on incompatible receiver %s", member, receiverString(this)))
}

// toIndex is ECMAScript's ToIndex, throwing a RangeError with msg.
func toIndex(vm *goja.Runtime, v goja.Value, msg string) int64 {
	if v == nil || goja.IsUndefined(v) {
		return 0
	}
	f := v.ToFloat()
	if f != f {
		return 0
	}
	f = math.Trunc(f)
	if f < 0 || f > 1<<53-1 {
		throwRangeError(vm, msg)
	}
	return int64(f)
}

// relativeIndex resolves a relative start or end (negative counts from
// size) clamped to [0, size]; undefined gives def.
func relativeIndex(v goja.Value, size, def float64) float64 {
	if v == nil || goja.IsUndefined(v) {
		return def
	}
	f := v.ToFloat()
	if f != f {
		f = 0
	}
	f = math.Trunc(f)
	if f < 0 {
		return math.Max(size+f, 0)
	}
	return math.Min(f, size)
}

// speciesConstructor is ECMAScript's SpeciesConstructor(O, defaultConstructor).
func speciesConstructor(vm *goja.Runtime, o, def *goja.Object) goja.Constructor {
	defCtor, _ := goja.AssertConstructor(def)
	c := o.Get("constructor")
	if c == nil || goja.IsUndefined(c) {
		return defCtor
	}
	cobj, ok := c.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("object.constructor is not an object"))
	}
	s := cobj.GetSymbol(goja.SymSpecies)
	if s == nil || goja.IsUndefined(s) || goja.IsNull(s) {
		return defCtor
	}
	if ctor, ok := goja.AssertConstructor(s); ok {
		return ctor
	}
	panic(vm.NewTypeError("object.constructor[Symbol.species] is not a constructor"))
}

// receiverString renders a receiver as V8 does in "incompatible receiver"
// messages: #<Constructor> for objects, the value itself otherwise.
func receiverString(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		if _, isSym := v.(*goja.Symbol); isSym {
			return "Symbol()"
		}
		return v.String()
	}
	name := "Object"
	if obj.ExportType() == arrayBufferType {
		name = "ArrayBuffer"
		if isSharedObject(obj) {
			name = "SharedArrayBuffer"
		}
	} else if c, ok := obj.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && goja.IsString(n) && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}

// nativeFunction is a Go function with a JS name and length.
func nativeFunction(vm *goja.Runtime, name string, length int, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := vm.ToValue(fn).(*goja.Object)
	_ = f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = f.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return f
}
