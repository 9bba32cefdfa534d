package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// ReadableStreamClass is the JS shape of ReadableStream.
var ReadableStreamClass = &jsclass.Class{
	Name:   "ReadableStream",
	Length: 0,
}

// underlyingSource is the UnderlyingSource dictionary after conversion.
type underlyingSource struct {
	obj                   *goja.Object
	autoAllocateChunkSize *uint64
	cancel, pull, start   goja.Callable
	bytes                 bool
}

func convertUnderlyingSource(r *realm, ctx webidl.Context, v goja.Value) underlyingSource {
	var us underlyingSource
	dict := ctx.Dictionary(r.vm, v, "UnderlyingSource")
	if dict == nil {
		return us
	}
	us.obj = dict
	// Members in lexicographic order, as WebIDL converts dictionaries.
	if a := webidl.Member(dict, "autoAllocateChunkSize"); a != nil {
		n := uint64(ctx.Integer(r.vm, a, 64, false, webidl.IntOptions{EnforceRange: true}))
		us.autoAllocateChunkSize = &n
	}
	us.cancel = callbackMember(r, ctx, dict, "cancel", "UnderlyingSource")
	us.pull = callbackMember(r, ctx, dict, "pull", "UnderlyingSource")
	us.start = callbackMember(r, ctx, dict, "start", "UnderlyingSource")
	if t := webidl.Member(dict, "type"); t != nil {
		s := ctx.DOMString(r.vm, t)
		if s != "bytes" {
			ctx.TypeError(r.vm, "Failed to read the 'type' property from 'UnderlyingSource': The provided value '%s' is not a valid enum value of type ReadableStreamType.", s)
		}
		us.bytes = true
	}
	return us
}

// callbackMember reads a callback-function dictionary member (nil if absent).
func callbackMember(r *realm, ctx webidl.Context, dict *goja.Object, name, dictName string) goja.Callable {
	v := webidl.Member(dict, name)
	if v == nil {
		return nil
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		ctx.TypeError(r.vm, "Failed to read the '%s' property from '%s': The provided value is not a function.", name, dictName)
	}
	return fn
}

func constructReadableStream(iso *runtime.Isolate, call goja.ConstructorCall) any {
	r := realmOf(iso)
	vm := r.vm
	ctx := webidl.Construct("ReadableStream")
	// The arguments are converted in order: underlyingSource (object), then strategy.
	source := call.Argument(0)
	if !goja.IsUndefined(source) {
		if _, ok := source.(*goja.Object); !ok {
			ctx.TypeError(vm, "parameter 1 is not of type 'object'.")
		}
	}
	strategy := convertQueuingStrategy(r, ctx, call.Argument(1))
	// 1. If underlyingSource is missing, set it to null.
	// 2. Let underlyingSourceDict be underlyingSource, converted to an IDL value of type UnderlyingSource.
	us := convertUnderlyingSource(r, ctx, source)
	// 3. Perform ! InitializeReadableStream(this).
	s := newReadableStream(r)
	s.obj = call.This
	// 4. If underlyingSourceDict["type"] is "bytes":
	if us.bytes {
		// 1. If strategy["size"] exists, throw a RangeError exception.
		if strategy.hasSize {
			throw(r.newRangeError(string(ctx) + ": The strategy for a byte stream cannot have a size function"))
		}
		// 2. Let highWaterMark be ? ExtractHighWaterMark(strategy, 0).
		hwm := extractHighWaterMark(r, ctx, strategy, 0)
		// 3. Perform ? SetUpReadableByteStreamControllerFromUnderlyingSource(this, underlyingSource, underlyingSourceDict, highWaterMark).
		setUpByteControllerFromUnderlyingSource(r, ctx, s, us, hwm)
		return s
	}
	// 5. Otherwise,
	// 2. Let sizeAlgorithm be ! ExtractSizeAlgorithm(strategy).
	size := extractSizeAlgorithm(r, strategy)
	// 3. Let highWaterMark be ? ExtractHighWaterMark(strategy, 1).
	hwm := extractHighWaterMark(r, ctx, strategy, 1)
	// 4. Perform ? SetUpReadableStreamDefaultControllerFromUnderlyingSource(this, underlyingSource, underlyingSourceDict, highWaterMark, sizeAlgorithm).
	setUpDefaultControllerFromUnderlyingSource(r, s, us, hwm, size)
	return s
}

// sourceAlgorithms turns an underlying source's methods into the start,
// pull and cancel algorithms; controller is the JS controller passed to
// start and pull.
func sourceAlgorithms(r *realm, us underlyingSource, controller func() *goja.Object) (start func() goja.Value, pull func() *goja.Object, cancel func(goja.Value) *goja.Object) {
	// 2. Let startAlgorithm be an algorithm that returns undefined.
	start = func() goja.Value { return goja.Undefined() }
	// 3. Let pullAlgorithm be an algorithm that returns a promise resolved with undefined.
	pull = func() *goja.Object { return r.fulfilled() }
	// 4. Let cancelAlgorithm be an algorithm that returns a promise resolved with undefined.
	cancel = func(goja.Value) *goja.Object { return r.fulfilled() }
	this := goja.Value(us.obj)
	// 5. If underlyingSourceDict["start"] exists, then set startAlgorithm to an algorithm which
	//    returns the result of invoking it with « controller » and callback this value underlyingSource.
	if fn := us.start; fn != nil {
		start = func() goja.Value {
			v, thrown := r.call(fn, this, controller())
			if thrown != nil {
				throw(thrown)
			}
			return v
		}
	}
	// 6. If underlyingSourceDict["pull"] exists, ...
	if fn := us.pull; fn != nil {
		pull = func() *goja.Object { return r.promiseCall(fn, this, controller()) }
	}
	// 7. If underlyingSourceDict["cancel"] exists, ... passing reason.
	if fn := us.cancel; fn != nil {
		cancel = func(reason goja.Value) *goja.Object { return r.promiseCall(fn, this, reason) }
	}
	return start, pull, cancel
}

// setUpDefaultControllerFromUnderlyingSource is SetUpReadableStreamDefaultControllerFromUnderlyingSource.
func setUpDefaultControllerFromUnderlyingSource(r *realm, s *ReadableStream, us underlyingSource, hwm float64, size sizeAlgorithm) {
	// 1. Let controller be a new ReadableStreamDefaultController.
	c := &DefaultController{stream: s}
	start, pull, cancel := sourceAlgorithms(r, us, c.object)
	// 8. Perform ? SetUpReadableStreamDefaultController(stream, controller, startAlgorithm,
	//    pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm).
	setUpDefaultController(s, c, start, pull, cancel, hwm, size)
}

// setUpByteControllerFromUnderlyingSource is SetUpReadableByteStreamControllerFromUnderlyingSource.
func setUpByteControllerFromUnderlyingSource(r *realm, ctx webidl.Context, s *ReadableStream, us underlyingSource, hwm float64) {
	// 1. Let controller be a new ReadableByteStreamController.
	c := &ByteController{stream: s}
	start, pull, cancel := sourceAlgorithms(r, us, c.object)
	// 8. Let autoAllocateChunkSize be underlyingSourceDict["autoAllocateChunkSize"], if it exists, or undefined otherwise.
	auto := 0
	if us.autoAllocateChunkSize != nil {
		// 9. If autoAllocateChunkSize is 0, then throw a TypeError exception.
		if *us.autoAllocateChunkSize == 0 {
			ctx.TypeError(r.vm, "autoAllocateChunkSize must be greater than 0")
		}
		auto = int(*us.autoAllocateChunkSize)
	}
	// 10. Perform ? SetUpReadableByteStreamController(stream, controller, startAlgorithm,
	//     pullAlgorithm, cancelAlgorithm, highWaterMark, autoAllocateChunkSize).
	setUpByteController(s, c, start, pull, cancel, hwm, auto)
}

func (s *ReadableStream) jsCancel(r *realm, call goja.FunctionCall) *goja.Object {
	// 1. If ! IsReadableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
	if s.locked() {
		return r.rejectedWith(r.newTypeError("Failed to execute 'cancel' on 'ReadableStream': Cannot cancel a locked stream"))
	}
	// 2. Return ! ReadableStreamCancel(this, reason).
	return s.cancel(call.Argument(0))
}

func (s *ReadableStream) jsGetReader(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := s.r
	ctx := webidl.Method("ReadableStream", "getReader")
	opts := ctx.Dictionary(r.vm, call.Argument(0), "ReadableStreamGetReaderOptions")
	byob := false
	if m := webidl.Member(opts, "mode"); m != nil {
		mode := ctx.DOMString(r.vm, m)
		if mode != "byob" {
			ctx.TypeError(r.vm, "Failed to read the 'mode' property from 'ReadableStreamGetReaderOptions': The provided value '%s' is not a valid enum value of type ReadableStreamReaderMode.", mode)
		}
		byob = true
	}
	// 1. If options["mode"] does not exist, return ? AcquireReadableStreamDefaultReader(this).
	if !byob {
		rd, msg := acquireDefaultReader(s)
		if msg != "" {
			ctx.TypeError(r.vm, "%s", msg)
		}
		return rd.object()
	}
	// 3. Return ? AcquireReadableStreamBYOBReader(this).
	rd, msg := acquireBYOBReader(s)
	if msg != "" {
		ctx.TypeError(r.vm, "%s", msg)
	}
	return rd.object()
}

func (s *ReadableStream) jsTee(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	// 1. Return ? ReadableStreamTee(this, false).
	a, b, thrown := s.tee(false)
	if thrown != nil {
		throw(thrown)
	}
	return s.r.vm.NewArray(a.object(), b.object())
}

// tee is ReadableStreamTee(stream, cloneForBranch2).
func (s *ReadableStream) tee(cloneForBranch2 bool) (*ReadableStream, *ReadableStream, goja.Value) {
	// 3. If stream.[[controller]] implements ReadableByteStreamController, return ? ReadableByteStreamTee(stream).
	if _, ok := s.controller.(*ByteController); ok {
		return byteStreamTee(s)
	}
	// 4. Return ? ReadableStreamDefaultTee(stream, cloneForBranch2).
	return defaultTee(s, cloneForBranch2)
}

func init() {
	{
		c := ReadableStreamClass
		c.Construct = constructReadableStream
		c.Members = []jsclass.Member{
			jsclass.Getter("locked", func(s *ReadableStream, iso *runtime.Isolate) goja.Value {
				// 1. Return ! IsReadableStreamLocked(this).
				return iso.VM().ToValue(s.locked())
			}),
			promiseMethod("cancel", 0, (*ReadableStream).jsCancel),
			jsclass.Method("getReader", 0, (*ReadableStream).jsGetReader),
			jsclass.Method("pipeThrough", 1, (*ReadableStream).jsPipeThrough),
			promiseMethod("pipeTo", 1, (*ReadableStream).jsPipeTo),
			jsclass.Method("tee", 0, (*ReadableStream).jsTee),
			jsclass.Method("values", 0, (*ReadableStream).jsValues),
		}
		c.Statics = []jsclass.Member{
			jsclass.Static("from", 1, readableStreamFrom),
		}
		c.Init = func(iso *runtime.Isolate, b *jsclass.Built) {
			// ReadableStream.prototype[@@asyncIterator] is the same function as values.
			r := realmOf(iso)
			_ = b.Proto.DefineDataPropertySymbol(r.asyncIterator, b.Proto.Get("values"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
}
