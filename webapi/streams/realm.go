package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// realm holds the per-isolate intrinsics the algorithms use. They are
// captured once, before user code can patch the globals, because the spec
// calls the original built-ins (%Promise.prototype.then%, %Uint8Array%...).
type realm struct {
	iso *runtime.Isolate
	vm  *goja.Runtime

	promiseThen  goja.Callable
	promiseCtor  *goja.Object
	uint8Array   goja.Constructor
	dataView     goja.Constructor
	arrayBuffer  goja.Constructor
	typedArrays  map[string]typedArrayInfo
	taBuffer     goja.Callable // %TypedArray%.prototype.buffer getter
	taByteOffset goja.Callable
	taByteLength goja.Callable
	taLength     goja.Callable
	taTag        goja.Callable // %TypedArray%.prototype[@@toStringTag] getter
	dvBuffer     goja.Callable
	dvByteOffset goja.Callable
	dvByteLength goja.Callable
	isView       goja.Callable
	bindStep     goja.Callable // (h) => (v) => dispatchStep(h, v)
	invoke       goja.Callable // (g) => g()
	noop         goja.Value

	endOfIteration goja.Value   // private sentinel for "end of iteration"
	closeSentinel  goja.Value   // WritableStream's close sentinel
	settled        *goja.Object // a fulfilled promise, for queueing microtasks

	asyncIterator      *goja.Symbol
	asyncIteratorProto *goja.Object
}

type typedArrayInfo struct {
	ctor        goja.Constructor
	ctorObj     *goja.Object
	elementSize int
}

type realmKey struct{}

// realmOf returns the isolate's realm, capturing the intrinsics on first use.
func realmOf(iso *runtime.Isolate) *realm {
	if r, ok := iso.Value(realmKey{}).(*realm); ok {
		return r
	}
	r := newRealm(iso)
	iso.SetValue(realmKey{}, r)
	return r
}

func newRealm(iso *runtime.Isolate) *realm {
	vm := iso.VM()
	r := &realm{iso: iso, vm: vm, typedArrays: map[string]typedArrayInfo{}}
	global := vm.GlobalObject()
	promise := global.Get("Promise").(*goja.Object)
	r.promiseCtor = promise
	r.promiseThen, _ = goja.AssertFunction(promise.Get("prototype").(*goja.Object).Get("then"))
	r.uint8Array, _ = goja.AssertConstructor(global.Get("Uint8Array"))
	r.dataView, _ = goja.AssertConstructor(global.Get("DataView"))
	r.arrayBuffer, _ = goja.AssertConstructor(global.Get("ArrayBuffer"))
	r.isView, _ = goja.AssertFunction(global.Get("ArrayBuffer").(*goja.Object).Get("isView"))
	for _, t := range []struct {
		name string
		size int
	}{
		{"Int8Array", 1}, {"Uint8Array", 1}, {"Uint8ClampedArray", 1},
		{"Int16Array", 2}, {"Uint16Array", 2}, {"Int32Array", 4}, {"Uint32Array", 4},
		{"Float32Array", 4}, {"Float64Array", 8}, {"BigInt64Array", 8}, {"BigUint64Array", 8},
	} {
		obj, ok := global.Get(t.name).(*goja.Object)
		if !ok {
			continue
		}
		ctor, _ := goja.AssertConstructor(obj)
		r.typedArrays[t.name] = typedArrayInfo{ctor: ctor, ctorObj: obj, elementSize: t.size}
	}
	taProto := global.Get("Uint8Array").(*goja.Object).Get("prototype").(*goja.Object).Prototype()
	r.taBuffer = getterOf(vm, taProto, "buffer")
	r.taByteOffset = getterOf(vm, taProto, "byteOffset")
	r.taByteLength = getterOf(vm, taProto, "byteLength")
	r.taLength = getterOf(vm, taProto, "length")
	r.taTag = symbolGetterOf(vm, taProto, goja.SymToStringTag)
	dvProto := global.Get("DataView").(*goja.Object).Get("prototype").(*goja.Object)
	r.dvBuffer = getterOf(vm, dvProto, "buffer")
	r.dvByteOffset = getterOf(vm, dvProto, "byteOffset")
	r.dvByteLength = getterOf(vm, dvProto, "byteLength")
	factory := mustCompileFunc(vm, trampolineProgram)
	bind, err := factory(goja.Undefined(), vm.ToValue(dispatchStep))
	if err != nil {
		panic(err)
	}
	r.bindStep, _ = goja.AssertFunction(bind)
	r.invoke = mustCompileFunc(vm, invokeProgram)
	r.endOfIteration = vm.CreateObject(nil) // null prototype: resolving with it never looks up a "then"
	r.closeSentinel = vm.CreateObject(nil)
	r.settled = r.resolvedUndefined()
	r.noop = vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	r.asyncIterator = asyncIteratorSymbol(vm)
	r.asyncIteratorProto = newAsyncIteratorPrototype(r)
	return r
}

func getterOf(vm *goja.Runtime, obj *goja.Object, name string) goja.Callable {
	v, err := vm.RunString("(o, n) => Object.getOwnPropertyDescriptor(o, n).get")
	if err != nil {
		panic(err)
	}
	f, _ := goja.AssertFunction(v)
	g, err := f(goja.Undefined(), obj, vm.ToValue(name))
	if err != nil {
		panic(err)
	}
	c, _ := goja.AssertFunction(g)
	return c
}

func symbolGetterOf(vm *goja.Runtime, obj *goja.Object, sym *goja.Symbol) goja.Callable {
	v, err := vm.RunString("(o, s) => Object.getOwnPropertyDescriptor(o, s).get")
	if err != nil {
		panic(err)
	}
	f, _ := goja.AssertFunction(v)
	g, err := f(goja.Undefined(), obj, sym)
	if err != nil {
		panic(err)
	}
	c, _ := goja.AssertFunction(g)
	return c
}

// asyncIteratorSymbol returns Symbol.asyncIterator, defining it when goja
// lacks it. esbuild's lowering of for-await falls back to
// Symbol.for("Symbol.asyncIterator"), so that is the symbol to install.
func asyncIteratorSymbol(vm *goja.Runtime) *goja.Symbol {
	symCtor := vm.GlobalObject().Get("Symbol").(*goja.Object)
	if s, ok := symCtor.Get("asyncIterator").(*goja.Symbol); ok {
		return s
	}
	forFn, _ := goja.AssertFunction(symCtor.Get("for"))
	v, err := forFn(symCtor, vm.ToValue("Symbol.asyncIterator"))
	if err != nil {
		panic(err)
	}
	s := v.(*goja.Symbol)
	_ = symCtor.DefineDataProperty("asyncIterator", s, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return s
}

// newAsyncIteratorPrototype returns an object playing %AsyncIteratorPrototype%
// (goja has no async generators, hence no such intrinsic): its
// [Symbol.asyncIterator]() returns this.
func newAsyncIteratorPrototype(r *realm) *goja.Object {
	if p, ok := r.iso.Value(asyncIterProtoKey{}).(*goja.Object); ok {
		return p
	}
	proto := r.vm.NewObject()
	fn := r.vm.ToValue(func(call goja.FunctionCall) goja.Value { return call.This }).(*goja.Object)
	_ = fn.DefineDataProperty("name", r.vm.ToValue("[Symbol.asyncIterator]"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineDataPropertySymbol(r.asyncIterator, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	r.iso.SetValue(asyncIterProtoKey{}, proto)
	return proto
}

type asyncIterProtoKey struct{}

var (
	trampolineProgram = goja.MustCompile("streams:trampoline", "(function (d) { return function (h) { return function (v) { return d(h, v); }; }; })", true)
	invokeProgram     = goja.MustCompile("streams:invoke", "(function (g) { g(); })", true)
)

func mustCompileFunc(vm *goja.Runtime, p *goja.Program) goja.Callable {
	v, err := vm.RunProgram(p)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(v)
	return fn
}
