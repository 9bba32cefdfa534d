package runtime

// Resizable ArrayBuffers and growable SharedArrayBuffers (ES2024).
// https://tc39.es/ecma262/#sec-arraybuffer-constructor
// https://tc39.es/ecma262/#sec-arraybuffer.prototype.resize
// https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.grow
//
// goja's buffers are fixed-length, and its typed arrays and DataViews keep
// their length in a field. A resizable buffer here is a goja ArrayBuffer
// plus a data block record on the host side: its [[ArrayBufferMaxByteLength]]
// and the views made on it. A resize replaces the buffer's data slice and
// recomputes every live view's length field (gojainternals.go), which is
// what the spec's length-tracking views and IsTypedArrayOutOfBounds come to:
// a length-tracking view follows the buffer, a fixed-length view that no
// longer fits reads as length 0 until the buffer grows back.
//
// To know which views track their buffer, the isolate hooks the
// [[Construct]] of ArrayBuffer and, once it has made its first resizable
// buffer, of the typed array constructors and DataView: a view built with
// no length on a resizable buffer is recorded as length-tracking. Before
// that first buffer, constructing a view costs nothing extra.
//
// A growable SharedArrayBuffer reserves its maximum up front, so growing
// never moves shared memory (Atomics waiters are keyed by address), and
// the SharedArrayBuffer objects structuredClone makes on the same memory
// share one block and grow together.
//
// Not modelled: an out-of-bounds view acts as an empty one where the spec
// throws a TypeError (typed array methods; a DataView's byteLength reads 0
// and its accessors throw goja's RangeError). subarray() of a
// length-tracking typed array with no end gives a fixed-length view.

import (
	"fmt"
	goruntime "runtime"
	"slices"
	"strconv"
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// autoLength marks a length-tracking view ([[ArrayLength]] auto).
const autoLength = -1

// dataBlock is a resizable or growable buffer's host-side state. Only the
// owning isolate's goroutine touches it.
type dataBlock struct {
	maxByteLength int
	// buffers are the buffer objects over this memory: one, except for a
	// SharedArrayBuffer that structuredClone has shared.
	buffers []weak.Pointer[goja.Object]
	views   []trackedView
	// liveViews is how many views were alive at the last compaction.
	liveViews int
}

type trackedView struct {
	obj        weak.Pointer[goja.Object]
	byteOffset int
	length     int // elements (bytes for a DataView), or autoLength
	elemSize   int
}

// outOfBounds is IsTypedArrayOutOfBounds / IsViewOutOfBounds for a buffer
// of bufLen bytes.
func (v *trackedView) outOfBounds(bufLen int) bool {
	return v.byteOffset > bufLen || (v.length != autoLength && v.byteOffset+v.length*v.elemSize > bufLen)
}

// apply writes the view's goja fields for a buffer of bufLen bytes. An
// out-of-bounds view reads as length 0 at offset 0 (the spec's byteOffset
// getter answers 0 too): goja slices its data from the offset, and an
// offset past the data would panic.
func (v *trackedView) apply(f viewFields, bufLen int) {
	switch {
	case v.outOfBounds(bufLen):
		*f.length, *f.offset = 0, 0
		return
	case v.length == autoLength:
		*f.length = (bufLen - v.byteOffset) / v.elemSize
	default:
		*f.length = v.length
	}
	f.setByteOffset(v.byteOffset)
}

// dataBlocks maps buffer objects to their blocks. Entries are removed by a
// cleanup when the buffer object is collected.
var dataBlocks sync.Map // weak.Pointer[goja.Object] → *dataBlock

func blockOf(buf *goja.Object) *dataBlock {
	b, ok := dataBlocks.Load(weak.Make(buf))
	if !ok {
		return nil
	}
	return b.(*dataBlock)
}

func (b *dataBlock) addBuffer(obj *goja.Object) {
	k := weak.Make(obj)
	b.buffers = append(slices.DeleteFunc(b.buffers, collected), k)
	dataBlocks.Store(k, b)
	goruntime.AddCleanup(obj, func(k weak.Pointer[goja.Object]) { dataBlocks.Delete(k) }, k)
}

// collected reports whether w's object has been garbage collected.
func collected(w weak.Pointer[goja.Object]) bool { return w.Value() == nil }

// addView records a view made on b's buffer buf and brings its fields up
// to date: a script may have resized buf while the view was being made.
func (b *dataBlock) addView(l *gojaLayoutInfo, buf, obj *goja.Object, tracking bool) {
	f, ok := l.view(obj)
	if !ok {
		return
	}
	length := *f.length
	if tracking {
		length = autoLength
	}
	v := trackedView{obj: weak.Make(obj), byteOffset: f.byteOffset(), length: length, elemSize: f.elemSize}
	v.apply(f, len(*l.bufferData(buf)))
	if len(b.views) >= 2*b.liveViews+16 {
		b.views = slices.DeleteFunc(b.views, func(v trackedView) bool { return collected(v.obj) })
		b.liveViews = len(b.views)
	}
	b.views = append(b.views, v)
}

// resizableState is an isolate's part: the hooks and the layout they use.
type resizableState struct {
	vm        *goja.Runtime
	layout    *gojaLayoutInfo
	layoutErr error
	// viewCtors are the [[Construct]] slots of the typed array
	// constructors and DataView, found before the language shims wrap the
	// globals; hookViews wraps them when the first resizable buffer is made.
	viewCtors   []viewCtor
	viewsHooked bool
}

type viewCtor struct {
	obj      *goja.Object
	slot     *constructFunc
	elemSize int
}

type resizableStateKey struct{}

func (iso *Isolate) resizableState() *resizableState {
	return iso.values[resizableStateKey{}].(*resizableState)
}

// installResizableBuffers hooks the ArrayBuffer constructor and defines
// ArrayBuffer.prototype.resizable, maxByteLength and resize.
func installResizableBuffers(iso *Isolate) *resizableState {
	vm := iso.vm
	rs := &resizableState{vm: vm}
	rs.layout, rs.layoutErr = gojaLayout()
	iso.values[resizableStateKey{}] = rs
	ctor := vm.Get("ArrayBuffer").(*goja.Object)
	proto := ctor.Get("prototype").(*goja.Object)
	if rs.layoutErr == nil {
		rs.hookArrayBuffer(ctor)
		rs.findViewConstructors()
	}
	getter := func(name string, get func(obj *goja.Object, b *dataBlock) goja.Value) {
		_ = proto.DefineAccessorProperty(name, nativeFunction(vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
			// 1-3. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]); if
			//      IsSharedArrayBuffer(O) is true, throw a TypeError exception.
			if obj, ok := call.This.(*goja.Object); ok && obj.ExportType() == arrayBufferType && !isSharedObject(obj) {
				return get(obj, blockOf(obj))
			}
			panic(vm.NewTypeError("Method ArrayBuffer.prototype.%s called on incompatible receiver %s", name, receiverString(call.This)))
		}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	// 25.1.6.7 get ArrayBuffer.prototype.resizable:
	// 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
	getter("resizable", func(_ *goja.Object, b *dataBlock) goja.Value { return vm.ToValue(b != nil) })
	// 25.1.6.4 get ArrayBuffer.prototype.maxByteLength:
	// 4. If IsDetachedBuffer(O) is true, return +0𝔽.
	// 5. If IsFixedLengthArrayBuffer(O) is true, let length be O.[[ArrayBufferByteLength]];
	//    else let length be O.[[ArrayBufferMaxByteLength]].
	getter("maxByteLength", func(obj *goja.Object, b *dataBlock) goja.Value {
		ab := obj.Export().(goja.ArrayBuffer)
		switch {
		case ab.Detached():
			return vm.ToValue(0)
		case b != nil:
			return vm.ToValue(b.maxByteLength)
		}
		return vm.ToValue(len(ab.Bytes()))
	})
	_ = proto.DefineDataProperty("resize", nativeFunction(vm, "resize", 1, func(call goja.FunctionCall) goja.Value {
		return rs.resizeMethod(call)
	}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return rs
}

// resizeMethod is ArrayBuffer.prototype.resize ( newLength ).
func (rs *resizableState) resizeMethod(call goja.FunctionCall) goja.Value {
	vm := rs.vm
	// 1-3. Let O be the this value. Perform ? RequireInternalSlot(O,
	//      [[ArrayBufferMaxByteLength]]). If IsSharedArrayBuffer(O) is true,
	//      throw a TypeError exception.
	obj, _ := call.This.(*goja.Object)
	var b *dataBlock
	if obj != nil && obj.ExportType() == arrayBufferType && !isSharedObject(obj) {
		b = blockOf(obj)
	}
	if b == nil {
		panic(vm.NewTypeError("Method ArrayBuffer.prototype.resize called on incompatible receiver %s", receiverString(call.This)))
	}
	// 4. Let newByteLength be ? ToIndex(newLength).
	n := toIndex(vm, call.Argument(0), "ArrayBuffer.prototype.resize: Invalid length parameter")
	// 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
	if obj.Export().(goja.ArrayBuffer).Detached() {
		panic(vm.NewTypeError("Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer"))
	}
	// 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
	if n > int64(b.maxByteLength) {
		throwRangeError(vm, "ArrayBuffer.prototype.resize: Invalid length parameter")
	}
	// 7-12. HostResizeArrayBuffer: implementation-defined, done in place
	// when the memory has room; set O.[[ArrayBufferByteLength]].
	rs.resize(b, int(n))
	return goja.Undefined()
}

// growMethod is SharedArrayBuffer.prototype.grow ( newLength ).
func (rs *resizableState) growMethod(call goja.FunctionCall) goja.Value {
	vm := rs.vm
	// 1-3. Perform ? RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]);
	//      if IsSharedArrayBuffer(O) is false, throw a TypeError exception.
	obj, _ := call.This.(*goja.Object)
	var b *dataBlock
	if obj != nil && obj.ExportType() == arrayBufferType && isSharedObject(obj) {
		b = blockOf(obj)
	}
	if b == nil {
		panic(vm.NewTypeError("Method SharedArrayBuffer.prototype.grow called on incompatible receiver %s", receiverString(call.This)))
	}
	// 4. Let newByteLength be ? ToIndex(newLength).
	n := toIndex(vm, call.Argument(0), "SharedArrayBuffer.prototype.grow: Invalid length parameter")
	// 9-11. If newByteLength < currentByteLength or newByteLength >
	//       O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
	if n < int64(len(obj.Export().(goja.ArrayBuffer).Bytes())) || n > int64(b.maxByteLength) {
		throwRangeError(vm, "SharedArrayBuffer.prototype.grow: Invalid length parameter")
	}
	rs.resize(b, int(n))
	return goja.Undefined()
}

// resize sets the byte length of every buffer object over b's memory and
// recomputes the length of every live view on it.
func (rs *resizableState) resize(b *dataBlock, n int) {
	l := rs.layout
	for _, k := range b.buffers {
		obj := k.Value()
		if obj == nil {
			continue
		}
		p := l.bufferData(obj)
		d := *p
		switch {
		case n <= cap(d):
			// A shrink zeroes what it cuts off: goja code that computed
			// its bounds before a script shrank the buffer reads zeros
			// (as the spec's re-clamped reads would), not stale bytes.
			if n < len(d) {
				clear(d[n:])
			}
			*p = d[:n]
		default:
			// Only a resizable ArrayBuffer gets here (a growable
			// SharedArrayBuffer reserved its maximum): move it.
			nd := make([]byte, n, min(max(n, 2*cap(d)), b.maxByteLength))
			copy(nd, d)
			*p = nd
		}
	}
	for i := range b.views {
		v := &b.views[i]
		obj := v.obj.Value()
		if obj == nil {
			continue
		}
		if f, ok := l.view(obj); ok {
			v.apply(f, n)
		}
	}
}

// maxByteLengthOption is GetArrayBufferMaxByteLengthOption ( options ):
// ok is false for "empty".
func maxByteLengthOption(vm *goja.Runtime, options goja.Value) (n int64, ok bool) {
	// 1. If options is not an Object, return empty.
	opts, isObj := options.(*goja.Object)
	if !isObj {
		return 0, false
	}
	// 2. Let maxByteLength be ? Get(options, "maxByteLength").
	m := opts.Get("maxByteLength")
	// 3. If maxByteLength is undefined, return empty.
	if m == nil || goja.IsUndefined(m) {
		return 0, false
	}
	// 4. Return ? ToIndex(maxByteLength).
	return toIndex(vm, m, "Invalid array buffer max length"), true
}

// hookArrayBuffer wraps ArrayBuffer's [[Construct]] to read the options
// argument goja ignores.
func (rs *resizableState) hookArrayBuffer(ctor *goja.Object) {
	slot := rs.layout.construct(ctor)
	if slot == nil {
		return
	}
	orig := *slot
	vm := rs.vm
	*slot = func(args []goja.Value, newTarget *goja.Object) *goja.Object {
		if len(args) < 2 {
			return orig(args, newTarget)
		}
		// 25.1.4.1 ArrayBuffer ( length [ , options ] )
		// 2. Let byteLength be ? ToIndex(length).
		n := toIndex(vm, args[0], "Invalid array buffer length")
		// 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
		maxLen, ok := maxByteLengthOption(vm, args[1])
		// 4. If requestedMaxByteLength is empty, return ? AllocateArrayBuffer(NewTarget, byteLength).
		if !ok {
			return orig([]goja.Value{vm.ToValue(n)}, newTarget)
		}
		// 5. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength):
		//    3. If allocatingResizableBuffer is true and byteLength >
		//       maxByteLength, throw a RangeError exception.
		if n > maxLen {
			throwRangeError(vm, "Invalid array buffer max length")
		}
		if maxLen > maxBufferBytes {
			throwRangeError(vm, "Array buffer allocation failed")
		}
		obj := orig([]goja.Value{vm.ToValue(n)}, newTarget)
		rs.newBlock(obj, int(maxLen))
		return obj
	}
}

// newBlock makes obj resizable (growable, for a SharedArrayBuffer).
func (rs *resizableState) newBlock(obj *goja.Object, maxLen int) {
	(&dataBlock{maxByteLength: maxLen}).addBuffer(obj)
	rs.hookViews()
}

// findViewConstructors finds the built-in view constructors. It runs
// before any script, while the globals are still goja's own.
func (rs *resizableState) findViewConstructors() {
	for _, name := range []string{"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
		"Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DataView"} {
		ctor, ok := rs.vm.Get(name).(*goja.Object)
		if !ok {
			continue
		}
		elemSize := 1
		if bpe := ctor.Get("BYTES_PER_ELEMENT"); bpe != nil && !goja.IsUndefined(bpe) {
			elemSize = int(bpe.ToInteger())
		}
		if slot := rs.layout.construct(ctor); slot != nil {
			rs.viewCtors = append(rs.viewCtors, viewCtor{ctor, slot, elemSize})
		}
	}
}

// hookViews wraps the [[Construct]] of the view constructors, once per
// isolate.
func (rs *resizableState) hookViews() {
	if rs.viewsHooked {
		return
	}
	rs.viewsHooked = true
	for _, c := range rs.viewCtors {
		rs.hookView(c.slot, c.elemSize)
	}
	rs.guardViewMethods()
}

// guardViewMethods makes goja's typed array and DataView methods throw a
// TypeError where a script shrinks a buffer under them. goja computes an
// algorithm's bounds once, and a valueOf or comparator callback that
// resizes the buffer mid-algorithm would make it index past the data: a
// Go runtime panic, which would cost the whole isolate. The spec re-checks
// bounds after such callbacks; here the panic becomes the TypeError that
// the spec's checks (ValidateTypedArray, IsViewOutOfBounds) throw.
func (rs *resizableState) guardViewMethods() {
	guardMethodsOnce.Do(func() {
		guardMethodsProg = goja.MustCompile("edgerun:resizable-guard", guardMethodsSource, true)
	})
	fv, err := rs.vm.RunProgram(guardMethodsProg)
	if err != nil {
		return
	}
	list, _ := goja.AssertFunction(fv)
	var protos []goja.Value
	for _, c := range rs.viewCtors {
		if p, ok := c.obj.Get("prototype").(*goja.Object); ok {
			protos = append(protos, p)
			if tp := p.Prototype(); tp != nil {
				protos = append(protos, tp) // %TypedArray%.prototype
			}
		}
	}
	methods, err := list(goja.Undefined(), protos...)
	arr, ok := methods.(*goja.Object)
	if err != nil || !ok {
		return
	}
	seen := map[*nativeFunc]bool{}
	for i := range int(arr.Get("length").ToInteger()) {
		fn, ok := arr.Get(strconv.Itoa(i)).(*goja.Object)
		if !ok {
			continue
		}
		if slot := rs.layout.call(fn); slot != nil && *slot != nil && !seen[slot] {
			seen[slot] = true
			orig := *slot
			*slot = func(call goja.FunctionCall) goja.Value {
				defer rs.boundsPanicToTypeError()
				return orig(call)
			}
		}
	}
}

// boundsPanicToTypeError, deferred, turns a Go runtime error raised by goja
// code that indexed a shrunk buffer into a TypeError.
func (rs *resizableState) boundsPanicToTypeError() {
	r := recover()
	if r == nil {
		return
	}
	if _, ok := r.(goruntime.Error); ok {
		panic(rs.vm.NewTypeError("Cannot perform this operation on an out-of-bounds view: its ArrayBuffer was resized under it"))
	}
	panic(r)
}

var (
	guardMethodsOnce sync.Once
	guardMethodsProg *goja.Program
)

// guardMethodsSource lists the function-valued own properties of the
// given prototypes, without calling their getters.
const guardMethodsSource = `(function (...protos) {
  'use strict';
  const out = [];
  for (const p of protos) {
    for (const k of Reflect.ownKeys(p)) {
      const d = Reflect.getOwnPropertyDescriptor(p, k);
      if (d && typeof d.value === 'function') out.push(d.value);
    }
  }
  return out;
})`

func (rs *resizableState) hookView(slot *constructFunc, elemSize int) {
	orig := *slot
	*slot = func(args []goja.Value, newTarget *goja.Object) *goja.Object {
		defer rs.boundsPanicToTypeError()
		if len(args) > 0 {
			if buf, ok := args[0].(*goja.Object); ok && buf.ExportType() == arrayBufferType {
				if b := blockOf(buf); b != nil {
					return rs.constructView(orig, b, buf, args, newTarget, elemSize)
				}
			}
		}
		return orig(args, newTarget)
	}
}

// constructView builds a typed array or DataView on a resizable buffer and
// records it: InitializeTypedArrayFromArrayBuffer and DataView ( buffer,
// byteOffset, byteLength ), for a buffer that is not fixed-length.
func (rs *resizableState) constructView(orig constructFunc, b *dataBlock, buf *goja.Object, args []goja.Value, newTarget *goja.Object, elemSize int) *goja.Object {
	vm := rs.vm
	arg := func(i int) goja.Value {
		if i < len(args) && args[i] != nil {
			return args[i]
		}
		return goja.Undefined()
	}
	// With a length the view is fixed-length: goja checks it against the
	// current byte length, as the spec does.
	if !goja.IsUndefined(arg(2)) || buf.Export().(goja.ArrayBuffer).Detached() {
		obj := orig(args, newTarget)
		b.addView(rs.layout, buf, obj, false)
		return obj
	}
	// 2. Let offset be ? ToIndex(byteOffset).
	off := toIndex(vm, arg(1), fmt.Sprintf("Start offset %s is outside the bounds of the buffer", arg(1).String()))
	// 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
	bufLen := int64(len(*rs.layout.bufferData(buf)))
	// 8. If length is undefined and bufferIsFixedLength is false, then
	//    a. If offset > bufferByteLength, throw a RangeError exception.
	//    b. Set O.[[ByteLength]] to auto; set O.[[ArrayLength]] to auto.
	// (3, offset modulo elementSize, is goja's check in orig.)
	if off > bufLen {
		throwRangeError(vm, fmt.Sprintf("Start offset %d is outside the bounds of the buffer", off))
	}
	// goja makes the view with length 0, which no resize during its
	// prototype lookup can invalidate; addView then sets the real length.
	obj := orig([]goja.Value{buf, vm.ToValue(off), vm.ToValue(0)}, newTarget)
	b.addView(rs.layout, buf, obj, true)
	return obj
}

// MaxByteLength returns buf's [[ArrayBufferMaxByteLength]]: ok is true
// when buf is a resizable ArrayBuffer or a growable SharedArrayBuffer.
func MaxByteLength(iso *Isolate, buf *goja.Object) (n int, ok bool) {
	if !iso.resizableState().viewsHooked {
		return 0, false // the isolate has made no resizable buffer
	}
	if b := blockOf(buf); b != nil {
		return b.maxByteLength, true
	}
	return 0, false
}

// NewResizableArrayBuffer returns a resizable ArrayBuffer whose bytes are
// data (not copied; its capacity up to maxByteLength is used on growth)
// and whose [[ArrayBufferMaxByteLength]] is maxByteLength. Call it on the
// isolate's goroutine.
func NewResizableArrayBuffer(iso *Isolate, data []byte, maxByteLength int) (*goja.Object, error) {
	rs := iso.resizableState()
	if rs.layoutErr != nil {
		return nil, rs.layoutErr
	}
	if len(data) > maxByteLength {
		return nil, fmt.Errorf("runtime: resizable buffer of %d bytes over its maxByteLength %d", len(data), maxByteLength)
	}
	if cap(data) > maxByteLength {
		data = data[:len(data):maxByteLength]
	}
	obj := iso.vm.ToValue(iso.vm.NewArrayBuffer(data)).(*goja.Object)
	rs.newBlock(obj, maxByteLength)
	return obj, nil
}

// ViewTracking reports, for a typed array or DataView on a resizable or
// growable buffer, whether its length tracks the buffer's
// ([[ArrayLength]] or [[ByteLength]] auto) and whether it is out of bounds
// now. Both are false for any other view.
func ViewTracking(iso *Isolate, view *goja.Object) (lengthTracking, outOfBounds bool) {
	if !iso.resizableState().viewsHooked {
		return false, false
	}
	buf, isView, ok := ArrayBufferOf(iso, view)
	if !ok || !isView {
		return false, false
	}
	b := blockOf(buf)
	if b == nil {
		return false, false
	}
	k := weak.Make(view)
	for i := range b.views {
		if v := &b.views[i]; v.obj == k {
			return v.length == autoLength, v.outOfBounds(len(buf.Export().(goja.ArrayBuffer).Bytes()))
		}
	}
	return false, false
}
