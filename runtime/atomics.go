package runtime

// The Atomics namespace object.
// https://tc39.es/ecma262/#sec-atomics-object
//
// An isolate is a single agent: no other thread ever reads or writes its
// buffers while JS runs, so the operations are plain reads and writes
// (32- and 64-bit ones use sync/atomic when aligned, for WebAssembly code
// that may share the memory). The isolate's agent cannot suspend
// ([[CanBlock]] is false, as on a browser's main thread): blocking its one
// goroutine would stall every request it serves, and no other agent could
// ever notify it. So Atomics.wait throws; Atomics.waitAsync works, and
// Atomics.notify wakes its waiters.

import (
	"math"
	"math/big"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/dop251/goja"
)

// elementType is a typed array's [[ContentType]] and element size.
type elementType struct {
	name   string
	size   int
	signed bool
	bigint bool
	// integer is false for Float32/Float64 and Uint8Clamped, which Atomics rejects.
	integer bool
}

var elementTypes = map[string]*elementType{
	"Int8Array":         {name: "Int8Array", size: 1, signed: true, integer: true},
	"Uint8Array":        {name: "Uint8Array", size: 1, integer: true},
	"Uint8ClampedArray": {name: "Uint8ClampedArray", size: 1},
	"Int16Array":        {name: "Int16Array", size: 2, signed: true, integer: true},
	"Uint16Array":       {name: "Uint16Array", size: 2, integer: true},
	"Int32Array":        {name: "Int32Array", size: 4, signed: true, integer: true},
	"Uint32Array":       {name: "Uint32Array", size: 4, integer: true},
	"Float32Array":      {name: "Float32Array", size: 4},
	"Float64Array":      {name: "Float64Array", size: 8},
	"BigInt64Array":     {name: "BigInt64Array", size: 8, signed: true, bigint: true, integer: true},
	"BigUint64Array":    {name: "BigUint64Array", size: 8, bigint: true, integer: true},
}

// atomicAccess is a validated typed array and element index.
type atomicAccess struct {
	ta     *goja.Object
	buffer *goja.Object
	typ    *elementType
	index  int // element index
}

type atomicsRealm struct {
	iso *Isolate
	vm  *goja.Runtime
	st  *sharedState
}

func newAtomics(iso *Isolate) goja.Value {
	vm := iso.vm
	a := &atomicsRealm{iso: iso, vm: vm, st: iso.sharedState()}
	obj := vm.NewObject()
	def := func(name string, length int, fn func(goja.FunctionCall) goja.Value) {
		_ = obj.DefineDataProperty(name, nativeFunction(vm, name, length, fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	rmw := func(name string, op func(old, v uint64) uint64) {
		def(name, 3, func(call goja.FunctionCall) goja.Value {
			return a.readModifyWrite(call, op)
		})
	}
	rmw("add", func(old, v uint64) uint64 { return old + v })
	rmw("and", func(old, v uint64) uint64 { return old & v })
	def("compareExchange", 4, a.compareExchange)
	rmw("exchange", func(_, v uint64) uint64 { return v })
	def("isLockFree", 1, func(call goja.FunctionCall) goja.Value {
		// 1. Let n be ? ToIntegerOrInfinity(size). 2-6. 1, 2, 4 and 8 byte
		// accesses are lock-free here (as in V8 on 64-bit targets).
		switch n := toIntegerOrInfinity(call.Argument(0)); n {
		case 1, 2, 4, 8:
			return vm.ToValue(true)
		}
		return vm.ToValue(false)
	})
	def("load", 2, a.load)
	def("notify", 3, a.notify)
	rmw("or", func(old, v uint64) uint64 { return old | v })
	def("pause", 0, func(call goja.FunctionCall) goja.Value {
		// 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
		n := call.Argument(0)
		if !goja.IsUndefined(n) {
			f, isNum := n.Export().(float64)
			if i, isInt := n.Export().(int64); isInt {
				f, isNum = float64(i), true
			}
			if !isNum || math.IsInf(f, 0) || f != math.Trunc(f) {
				panic(vm.NewTypeError("Atomics.pause: iteration count must be an integral Number"))
			}
		}
		return goja.Undefined()
	})
	def("store", 3, a.store)
	rmw("sub", func(old, v uint64) uint64 { return old - v })
	def("wait", 4, func(call goja.FunctionCall) goja.Value { return a.wait(call, false) })
	def("waitAsync", 4, func(call goja.FunctionCall) goja.Value { return a.wait(call, true) })
	rmw("xor", func(old, v uint64) uint64 { return old ^ v })
	_ = obj.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("Atomics"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return obj
}

// validate is ValidateIntegerTypedArray(typedArray, waitable) followed by
// ValidateAtomicAccess(taRecord, requestIndex).
func (a *atomicsRealm) validate(ta, requestIndex goja.Value, waitable bool) atomicAccess {
	vm := a.vm
	name := TypedArrayName(a.iso, ta)
	typ := elementTypes[name]
	// ValidateTypedArray: RequireInternalSlot(O, [[TypedArrayName]]).
	if typ == nil {
		panic(vm.NewTypeError("%s is not an integer shared typed array.", objectString(ta)))
	}
	obj := ta.(*goja.Object)
	buf, _, _ := ArrayBufferOf(a.iso, obj)
	// If IsTypedArrayOutOfBounds(taRecord), throw a TypeError exception.
	if buf.Export().(goja.ArrayBuffer).Detached() {
		panic(vm.NewTypeError("Cannot perform Atomics operation on a detached ArrayBuffer"))
	}
	if waitable {
		// If waitable is true: if type is neither Int32 nor BigInt64, throw a TypeError.
		if name != "Int32Array" && name != "BigInt64Array" {
			panic(vm.NewTypeError("%s is not an int32 or BigInt64 typed array.", objectString(ta)))
		}
	} else if !typ.integer {
		// Else: if IsUnclampedIntegerElementType(type) and IsBigIntElementType(type) are false, throw.
		panic(vm.NewTypeError("%s is not an integer shared typed array.", objectString(ta)))
	}
	// ValidateAtomicAccess: 2. Let accessIndex be ? ToIndex(requestIndex).
	// 3. Assert: accessIndex ≥ 0. 4. If accessIndex ≥ length, throw a RangeError exception.
	idx := a.toAtomicIndex(requestIndex)
	acc := atomicAccess{ta: obj, buffer: buf, typ: typ, index: int(idx)}
	if idx >= int64(a.length(acc)) {
		throwRangeError(vm, "Invalid atomic access index")
	}
	return acc
}

func (a *atomicsRealm) toAtomicIndex(v goja.Value) int64 {
	if goja.IsUndefined(v) {
		return 0
	}
	f := math.Trunc(v.ToFloat())
	if f != f {
		return 0
	}
	if f < 0 || f > 1<<53-1 {
		throwRangeError(a.vm, "Invalid atomic access index")
	}
	return int64(f)
}

// length is the typed array's element count (0 once its buffer is detached).
func (a *atomicsRealm) length(acc atomicAccess) int {
	if acc.buffer.Export().(goja.ArrayBuffer).Detached() {
		return 0
	}
	var b []byte
	if err := a.vm.ExportTo(acc.ta, &b); err != nil {
		return 0
	}
	return len(b) / acc.typ.size
}

// revalidate is RevalidateAtomicAccess, run after argument conversions
// (which may have detached the buffer); it returns the element's bytes.
func (a *atomicsRealm) revalidate(acc atomicAccess) []byte {
	if acc.buffer.Export().(goja.ArrayBuffer).Detached() {
		panic(a.vm.NewTypeError("Cannot perform Atomics operation on a detached ArrayBuffer"))
	}
	var b []byte
	if err := a.vm.ExportTo(acc.ta, &b); err != nil {
		panic(err)
	}
	off := acc.index * acc.typ.size
	if off+acc.typ.size > len(b) {
		throwRangeError(a.vm, "Invalid atomic access index")
	}
	return b[off : off+acc.typ.size]
}

// toRaw converts v to the element type's bits: ToBigInt64/ToBigUint64 for
// BigInt arrays, else ToIntegerOrInfinity then modulo 2^64 (the element
// write keeps the low bits, which is ToInt8, ToUint16... of the value).
func (a *atomicsRealm) toRaw(typ *elementType, v goja.Value) uint64 {
	if typ.bigint {
		r, err := a.st.intrinsics.asUintN(goja.Undefined(), a.vm.ToValue(64), v)
		if err != nil {
			panic(err)
		}
		return r.Export().(*big.Int).Uint64()
	}
	f := toIntegerOrInfinity(v)
	if math.IsInf(f, 0) {
		return 0
	}
	m := math.Mod(f, 1<<32)
	if m < 0 {
		m += 1 << 32
	}
	return uint64(m)
}

// toValue converts element bits to a JS value.
func (a *atomicsRealm) toValue(typ *elementType, raw uint64) goja.Value {
	switch {
	case typ.bigint && typ.signed:
		return a.vm.ToValue(big.NewInt(int64(raw)))
	case typ.bigint:
		return a.vm.ToValue(new(big.Int).SetUint64(raw))
	}
	switch typ.size {
	case 1:
		if typ.signed {
			return a.vm.ToValue(int8(raw))
		}
		return a.vm.ToValue(uint8(raw))
	case 2:
		if typ.signed {
			return a.vm.ToValue(int16(raw))
		}
		return a.vm.ToValue(uint16(raw))
	default:
		if typ.signed {
			return a.vm.ToValue(int32(raw))
		}
		return a.vm.ToValue(uint32(raw))
	}
}

func (a *atomicsRealm) load(call goja.FunctionCall) goja.Value {
	// 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
	acc := a.validate(call.Argument(0), call.Argument(1), false)
	// 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
	b := a.revalidate(acc)
	// 5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
	return a.toValue(acc.typ, readElement(b))
}

func (a *atomicsRealm) store(call goja.FunctionCall) goja.Value {
	acc := a.validate(call.Argument(0), call.Argument(1), false)
	// 3. If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value).
	// 4. Otherwise, let v be 𝔽(? ToIntegerOrInfinity(value)).
	var ret goja.Value
	var raw uint64
	if acc.typ.bigint {
		// toRaw throws where ToBigInt would (Numbers, undefined, symbols).
		raw = a.toRaw(acc.typ, call.Argument(2))
		ret = call.Argument(2)
		if _, isBig := ret.Export().(*big.Int); !isBig {
			r, err := a.st.intrinsics.bigInt(goja.Undefined(), ret)
			if err != nil {
				panic(err)
			}
			ret = r
		}
	} else {
		f := toIntegerOrInfinity(call.Argument(2))
		raw = a.toRaw(acc.typ, a.vm.ToValue(f))
		ret = a.vm.ToValue(f)
	}
	// 5. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
	b := a.revalidate(acc)
	// 8. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true, seq-cst).
	writeElement(b, raw)
	// 9. Return v.
	return ret
}

// readModifyWrite is AtomicReadModifyWrite(typedArray, index, value, op).
func (a *atomicsRealm) readModifyWrite(call goja.FunctionCall, op func(old, v uint64) uint64) goja.Value {
	// 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
	acc := a.validate(call.Argument(0), call.Argument(1), false)
	// 2-3. Convert value (ToBigInt or ToIntegerOrInfinity).
	v := a.toRaw(acc.typ, call.Argument(2))
	// 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
	b := a.revalidate(acc)
	// 7. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
	old := readElement(b)
	writeElement(b, op(old, v))
	return a.toValue(acc.typ, old)
}

func (a *atomicsRealm) compareExchange(call goja.FunctionCall) goja.Value {
	acc := a.validate(call.Argument(0), call.Argument(1), false)
	// 4-5. Convert expectedValue, then replacementValue.
	expected := a.toRaw(acc.typ, call.Argument(2))
	replacement := a.toRaw(acc.typ, call.Argument(3))
	// 6. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
	b := a.revalidate(acc)
	// 10-13. Compare the raw bytes of expected with the element; if equal, write replacement.
	old := readElement(b)
	mask := uint64(1)<<(8*acc.typ.size) - 1
	if acc.typ.size == 8 {
		mask = math.MaxUint64
	}
	if old&mask == expected&mask {
		writeElement(b, replacement)
	}
	return a.toValue(acc.typ, old)
}

// waiterKey identifies a waiter list: the address of the watched element,
// which every SharedArrayBuffer object over the same memory agrees on.
type waiterKey uintptr

type asyncWaiter struct {
	resolve func(any) error
	timer   TimerID
	timed   bool
}

// wait is DoWait(mode, typedArray, index, value, timeout).
func (a *atomicsRealm) wait(call goja.FunctionCall, async bool) goja.Value {
	vm := a.vm
	// 1-2. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true);
	//      let buffer be taRecord.[[Object]].[[ViewedArrayBuffer]].
	acc := a.validate(call.Argument(0), call.Argument(1), true)
	// 3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
	if !isSharedObject(acc.buffer) {
		panic(vm.NewTypeError("%s is not a shared typed array.", objectString(acc.ta)))
	}
	// 6-7. Let v be ? ToBigInt64(value) or ? ToInt32(value).
	v := a.toRaw(acc.typ, call.Argument(2))
	// 8. Let q be ? ToNumber(timeout).
	q := math.Inf(1)
	if t := call.Argument(3); !goja.IsUndefined(t) {
		q = t.ToFloat()
	}
	// 9. If q is either NaN or +∞𝔽, let t be +∞; else if q is -∞𝔽, let t be
	//    0; else let t be max(ℝ(q), 0).
	switch {
	case q != q || math.IsInf(q, 1):
		q = math.Inf(1)
	case math.IsInf(q, -1) || q < 0:
		q = 0
	}
	// 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception.
	if !async {
		panic(vm.NewTypeError("Atomics.wait cannot be called in this context"))
	}
	b := a.revalidate(acc)
	mask := uint64(1)<<(8*acc.typ.size) - 1
	if acc.typ.size == 8 {
		mask = math.MaxUint64
	}
	// 15. Let resultObject be OrdinaryObjectCreate(%Object.prototype%).
	result := vm.NewObject()
	// 18-19. Let w be GetValueFromBuffer(...); if v ≠ w: "async" false, "value" "not-equal".
	if readElement(b)&mask != v&mask {
		_ = result.Set("async", false)
		_ = result.Set("value", "not-equal")
		return result
	}
	// 20. If t is 0 and mode is async: "async" false, "value" "timed-out".
	if q == 0 {
		_ = result.Set("async", false)
		_ = result.Set("value", "timed-out")
		return result
	}
	// 21-27. Add a waiter to WL; when t is finite, enqueue a timeout job;
	//        "async" true, "value" the promise.
	p, resolve, _ := vm.NewPromise()
	key := waiterKey(uintptr(unsafe.Pointer(&b[0])))
	w := &asyncWaiter{resolve: resolve}
	if a.st.waiters == nil {
		a.st.waiters = map[waiterKey][]*asyncWaiter{}
	}
	a.st.waiters[key] = append(a.st.waiters[key], w)
	if !math.IsInf(q, 1) {
		d := time.Duration(math.Min(q, float64(math.MaxInt64/int64(time.Millisecond))) * float64(time.Millisecond))
		w.timed = true
		w.timer = a.iso.SetTimer(d, false, func() {
			if a.removeWaiter(key, w) {
				_ = w.resolve("timed-out")
			}
		})
	}
	_ = result.Set("async", true)
	_ = result.Set("value", p)
	return result
}

func (a *atomicsRealm) removeWaiter(key waiterKey, w *asyncWaiter) bool {
	list := a.st.waiters[key]
	for i, x := range list {
		if x == w {
			list = append(list[:i], list[i+1:]...)
			if len(list) == 0 {
				delete(a.st.waiters, key)
			} else {
				a.st.waiters[key] = list
			}
			return true
		}
	}
	return false
}

func (a *atomicsRealm) notify(call goja.FunctionCall) goja.Value {
	// 1-2. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true);
	//      let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
	acc := a.validate(call.Argument(0), call.Argument(1), true)
	// 3-4. If count is undefined, let c be +∞; else c = max(? ToIntegerOrInfinity(count), 0).
	c := math.Inf(1)
	if cv := call.Argument(2); !goja.IsUndefined(cv) {
		c = math.Max(toIntegerOrInfinity(cv), 0)
	}
	// 6. If IsSharedArrayBuffer(buffer) is false, return +0𝔽.
	if !isSharedObject(acc.buffer) {
		return a.vm.ToValue(0)
	}
	b := a.revalidate(acc)
	key := waiterKey(uintptr(unsafe.Pointer(&b[0])))
	// 9-12. Remove up to c waiters from WL, in order, and notify each.
	n := 0
	for float64(n) < c {
		list := a.st.waiters[key]
		if len(list) == 0 {
			break
		}
		w := list[0]
		a.removeWaiter(key, w)
		if w.timed {
			a.iso.ClearTimer(w.timer)
		}
		_ = w.resolve("ok")
		n++
	}
	// 13. Return 𝔽(n).
	return a.vm.ToValue(n)
}

// readElement reads a 1, 2, 4 or 8 byte element in native byte order (as
// typed arrays store them).
func readElement(b []byte) uint64 {
	p := unsafe.Pointer(&b[0])
	switch len(b) {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(*(*uint16)(p))
	case 4:
		if uintptr(p)%4 == 0 {
			return uint64(atomic.LoadUint32((*uint32)(p)))
		}
		return uint64(*(*uint32)(p))
	default:
		if uintptr(p)%8 == 0 {
			return atomic.LoadUint64((*uint64)(p))
		}
		return *(*uint64)(p)
	}
}

func writeElement(b []byte, v uint64) {
	p := unsafe.Pointer(&b[0])
	switch len(b) {
	case 1:
		b[0] = byte(v)
	case 2:
		*(*uint16)(p) = uint16(v)
	case 4:
		if uintptr(p)%4 == 0 {
			atomic.StoreUint32((*uint32)(p), uint32(v))
			return
		}
		*(*uint32)(p) = uint32(v)
	default:
		if uintptr(p)%8 == 0 {
			atomic.StoreUint64((*uint64)(p), v)
			return
		}
		*(*uint64)(p) = v
	}
}

// toIntegerOrInfinity is ECMAScript's ToIntegerOrInfinity (after ToNumber).
func toIntegerOrInfinity(v goja.Value) float64 {
	if v == nil || goja.IsUndefined(v) {
		return 0
	}
	f := v.ToFloat()
	if f != f {
		return 0
	}
	return math.Trunc(f) + 0 // +0 for -0
}

// objectString renders a value as V8's Atomics messages do ("[object Array]").
func objectString(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	if obj.ExportType() == arrayBufferType {
		if isSharedObject(obj) {
			return "[object SharedArrayBuffer]"
		}
		return "[object ArrayBuffer]"
	}
	return "[object " + obj.ClassName() + "]"
}
