package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// WritableStreamClass is the JS shape of WritableStream.
var WritableStreamClass = &jsclass.Class{Name: "WritableStream", Length: 0}

// WritableStreamDefaultWriterClass is the JS shape of WritableStreamDefaultWriter.
var WritableStreamDefaultWriterClass = &jsclass.Class{Name: "WritableStreamDefaultWriter", Length: 1}

// WritableStreamDefaultControllerClass is the JS shape of WritableStreamDefaultController.
var WritableStreamDefaultControllerClass = &jsclass.Class{Name: "WritableStreamDefaultController"}

func init() {
	WritableStreamClass.Construct = constructWritableStream
	WritableStreamClass.Members = []jsclass.Member{
		jsclass.Getter("locked", func(s *WritableStream, iso *runtime.Isolate) goja.Value {
			// 1. Return ! IsWritableStreamLocked(this).
			return iso.VM().ToValue(s.locked())
		}),
		promiseMethod("abort", 0, func(s *WritableStream, r *realm, call goja.FunctionCall) *goja.Object {
			// 1. If ! IsWritableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
			if s.locked() {
				return r.rejectedWith(r.newTypeError("Failed to execute 'abort' on 'WritableStream': Cannot abort a locked stream"))
			}
			// 2. Return ! WritableStreamAbort(this, reason).
			return s.abort(call.Argument(0))
		}),
		promiseMethod("close", 0, func(s *WritableStream, r *realm, call goja.FunctionCall) *goja.Object {
			// 1. If ! IsWritableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
			if s.locked() {
				return r.rejectedWith(r.newTypeError("Failed to execute 'close' on 'WritableStream': Cannot close a locked stream"))
			}
			// 2. If ! WritableStreamCloseQueuedOrInFlight(this) is true, return a promise rejected with a TypeError exception.
			if s.closeQueuedOrInFlight() {
				return r.rejectedWith(r.newTypeError("Failed to execute 'close' on 'WritableStream': Cannot close a writable stream that has already been requested to be closed"))
			}
			// 3. Return ! WritableStreamClose(this).
			return s.close()
		}),
		jsclass.Method("getWriter", 0, func(s *WritableStream, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// 1. Return ? AcquireWritableStreamDefaultWriter(this).
			w, msg := acquireWriter(s)
			if msg != "" {
				webidl.Method("WritableStream", "getWriter").TypeError(iso.VM(), "%s", msg)
			}
			return w.object()
		}),
	}

	WritableStreamDefaultWriterClass.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		r := realmOf(iso)
		ctx := webidl.Construct("WritableStreamDefaultWriter")
		ctx.RequireConstructArgs(r.vm, call, 1)
		s, ok := jsclass.Unwrap[*WritableStream](iso, call.Argument(0))
		if !ok {
			ctx.TypeError(r.vm, "parameter 1 is not of type 'WritableStream'.")
		}
		w := &Writer{r: r, obj: call.This}
		// 1. Perform ? SetUpWritableStreamDefaultWriter(this, stream).
		if msg := w.setUp(s); msg != "" {
			ctx.TypeError(r.vm, "%s", msg)
		}
		return w
	}
	WritableStreamDefaultWriterClass.Members = []jsclass.Member{
		jsclass.Getter("desiredSize", func(w *Writer, iso *runtime.Isolate) goja.Value {
			// 1. If this.[[stream]] is undefined, throw a TypeError exception.
			if w.stream == nil {
				throw(w.r.newTypeError("This writable stream writer has been released and cannot be used to get the desired size"))
			}
			// 2. Return ! WritableStreamDefaultWriterGetDesiredSize(this).
			ds, ok := w.desiredSize()
			return nullableDouble(iso.VM(), ds, ok)
		}),
		promiseMethod("abort", 0, func(w *Writer, r *realm, call goja.FunctionCall) *goja.Object {
			// 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
			if w.stream == nil {
				return r.rejectedWith(r.newTypeError("This writable stream writer has been released and cannot be used to abort"))
			}
			// 2. Return ! WritableStreamDefaultWriterAbort(this, reason).
			return w.abort(call.Argument(0))
		}),
		promiseMethod("close", 0, func(w *Writer, r *realm, _ goja.FunctionCall) *goja.Object {
			// 1. Let stream be this.[[stream]].
			s := w.stream
			// 2. If stream is undefined, return a promise rejected with a TypeError exception.
			if s == nil {
				return r.rejectedWith(r.newTypeError("This writable stream writer has been released and cannot be used to close"))
			}
			// 3. If ! WritableStreamCloseQueuedOrInFlight(stream) is true, return a promise rejected with a TypeError exception.
			if s.closeQueuedOrInFlight() {
				return r.rejectedWith(r.newTypeError("Cannot close a writable stream that has already been requested to be closed"))
			}
			// 4. Return ! WritableStreamDefaultWriterClose(this).
			return w.close()
		}),
		jsclass.Method("releaseLock", 0, func(w *Writer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// 1. Let stream be this.[[stream]].
			// 2. If stream is undefined, return.
			if w.stream == nil {
				return goja.Undefined()
			}
			// 4. Perform ! WritableStreamDefaultWriterRelease(this).
			w.release()
			return goja.Undefined()
		}),
		promiseMethod("write", 0, func(w *Writer, r *realm, call goja.FunctionCall) *goja.Object {
			// 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
			if w.stream == nil {
				return r.rejectedWith(r.newTypeError("This writable stream writer has been released and cannot be used to write"))
			}
			// 2. Return ! WritableStreamDefaultWriterWrite(this, chunk).
			return w.write(call.Argument(0))
		}),
	}
	WritableStreamDefaultWriterClass.Init = func(iso *runtime.Isolate, b *jsclass.Built) {
		promiseGetter(iso, b, "closed", func(w *Writer, r *realm) *goja.Object { return w.closed.obj })
		promiseGetter(iso, b, "ready", func(w *Writer, r *realm) *goja.Object { return w.ready.obj })
	}

	WritableStreamDefaultControllerClass.Members = []jsclass.Member{
		jsclass.Getter("signal", func(c *WritableController, iso *runtime.Isolate) goja.Value {
			// 1. Return this.[[abortController]]'s signal.
			return c.signalObject()
		}),
		jsclass.Method("error", 0, func(c *WritableController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// 1. Let state be this.[[stream]].[[state]].
			// 2. If state is not "writable", return.
			if c.stream.state != wsWritable {
				return goja.Undefined()
			}
			// 3. Perform ! WritableStreamDefaultControllerError(this, e).
			c.error(call.Argument(0))
			return goja.Undefined()
		}),
	}
}

// underlyingSink is the UnderlyingSink dictionary after conversion.
type underlyingSink struct {
	obj                        *goja.Object
	abort, close, start, write goja.Callable
	hasType                    bool
}

func convertUnderlyingSink(r *realm, ctx webidl.Context, v goja.Value) underlyingSink {
	var us underlyingSink
	dict := ctx.Dictionary(r.vm, v, "UnderlyingSink")
	if dict == nil {
		return us
	}
	us.obj = dict
	// Members in lexicographic order.
	us.abort = callbackMember(r, ctx, dict, "abort", "UnderlyingSink")
	us.close = callbackMember(r, ctx, dict, "close", "UnderlyingSink")
	us.start = callbackMember(r, ctx, dict, "start", "UnderlyingSink")
	us.hasType = webidl.Member(dict, "type") != nil
	us.write = callbackMember(r, ctx, dict, "write", "UnderlyingSink")
	return us
}

func constructWritableStream(iso *runtime.Isolate, call goja.ConstructorCall) any {
	r := realmOf(iso)
	ctx := webidl.Construct("WritableStream")
	sink := call.Argument(0)
	if !goja.IsUndefined(sink) {
		if _, ok := sink.(*goja.Object); !ok {
			ctx.TypeError(r.vm, "parameter 1 is not of type 'object'.")
		}
	}
	strategy := convertQueuingStrategy(r, ctx, call.Argument(1))
	// 1. If underlyingSink is missing, set it to null.
	// 2. Let underlyingSinkDict be underlyingSink, converted to an IDL value of type UnderlyingSink.
	us := convertUnderlyingSink(r, ctx, sink)
	// 3. If underlyingSinkDict["type"] exists, throw a RangeError exception.
	if us.hasType {
		throw(r.newRangeError(string(ctx) + ": Invalid type is specified"))
	}
	// 4. Perform ! InitializeWritableStream(this).
	s := newWritableStream(r)
	s.obj = call.This
	// 5. Let sizeAlgorithm be ! ExtractSizeAlgorithm(strategy).
	size := extractSizeAlgorithm(r, strategy)
	// 6. Let highWaterMark be ? ExtractHighWaterMark(strategy, 1).
	hwm := extractHighWaterMark(r, ctx, strategy, 1)
	// 7. Perform ? SetUpWritableStreamDefaultControllerFromUnderlyingSink(this, underlyingSink,
	//    underlyingSinkDict, highWaterMark, sizeAlgorithm).
	setUpWritableControllerFromUnderlyingSink(r, s, us, hwm, size)
	return s
}

// setUpWritableControllerFromUnderlyingSink is SetUpWritableStreamDefaultControllerFromUnderlyingSink.
func setUpWritableControllerFromUnderlyingSink(r *realm, s *WritableStream, us underlyingSink, hwm float64, size sizeAlgorithm) {
	// 1. Let controller be a new WritableStreamDefaultController.
	c := &WritableController{stream: s}
	this := goja.Value(us.obj)
	// 2-5. Default algorithms.
	start := func() goja.Value { return goja.Undefined() }
	write := func(goja.Value) *goja.Object { return r.fulfilled() }
	closeAlg := func() *goja.Object { return r.fulfilled() }
	abort := func(goja.Value) *goja.Object { return r.fulfilled() }
	// 6. start, with exception behavior "rethrow".
	if fn := us.start; fn != nil {
		start = func() goja.Value {
			v, thrown := r.call(fn, this, c.object())
			if thrown != nil {
				throw(thrown)
			}
			return v
		}
	}
	// 7. write(chunk, controller).
	if fn := us.write; fn != nil {
		write = func(chunk goja.Value) *goja.Object { return r.promiseCall(fn, this, chunk, c.object()) }
	}
	// 8. close().
	if fn := us.close; fn != nil {
		closeAlg = func() *goja.Object { return r.promiseCall(fn, this) }
	}
	// 9. abort(reason).
	if fn := us.abort; fn != nil {
		abort = func(reason goja.Value) *goja.Object { return r.promiseCall(fn, this, reason) }
	}
	// 10. Perform ? SetUpWritableStreamDefaultController(stream, controller, startAlgorithm,
	//     writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm).
	setUpWritableController(s, c, start, write, closeAlg, abort, hwm, size)
}
