package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// ReadableStreamDefaultReaderClass is the JS shape of ReadableStreamDefaultReader.
var ReadableStreamDefaultReaderClass = &jsclass.Class{
	Name:   "ReadableStreamDefaultReader",
	Length: 1,
}

// ReadableStreamBYOBReaderClass is the JS shape of ReadableStreamBYOBReader.
var ReadableStreamBYOBReaderClass = &jsclass.Class{
	Name:   "ReadableStreamBYOBReader",
	Length: 1,
}

// streamArg converts an argument to ReadableStream (WebIDL interface type).
func streamArg(r *realm, ctx webidl.Context, v goja.Value) *ReadableStream {
	s, ok := jsclass.Unwrap[*ReadableStream](r.iso, v)
	if !ok {
		ctx.TypeError(r.vm, "parameter 1 is not of type 'ReadableStream'.")
	}
	return s
}

// readerCancel is the ReadableStreamGenericReader cancel(reason) method.
func readerCancel(r *realm, g *genericReader, reason goja.Value) *goja.Object {
	// 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
	if g.stream == nil {
		return r.rejectedWith(r.newTypeError(errCancelReleased))
	}
	// 2. Return ! ReadableStreamReaderGenericCancel(this, reason).
	return g.cancel(reason)
}

func (rd *DefaultReader) jsRead(r *realm, _ goja.FunctionCall) *goja.Object {
	// 1. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
	if rd.stream == nil {
		return r.rejectedWith(r.newTypeError(errReadReleased))
	}
	// 2. Let promise be a new promise.
	p := r.newPromise()
	// 3. Let readRequest be a new read request with the following items:
	rr := &readRequest{
		// chunk steps: resolve promise with «[ "value" → chunk, "done" → false ]».
		chunk: func(chunk goja.Value) { p.resolve(r.iterResult(chunk, false)) },
		// close steps: resolve promise with «[ "value" → undefined, "done" → true ]».
		close: func() { p.resolve(r.iterResult(goja.Undefined(), true)) },
		// error steps: reject promise with e.
		fail: func(e goja.Value) { p.reject(e) },
	}
	// 4. Perform ! ReadableStreamDefaultReaderRead(this, readRequest).
	rd.read(rr)
	// 5. Return promise.
	return p.obj
}

func (rd *BYOBReader) jsRead(r *realm, call goja.FunctionCall) *goja.Object {
	ctx := webidl.Method("ReadableStreamBYOBReader", "read")
	if len(call.Arguments) < 1 {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": 1 argument required, but only 0 present."))
	}
	view, ok := r.view(call.Argument(0))
	if !ok {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": parameter 1 is not of type 'ArrayBufferView'."))
	}
	min := uint64(1)
	thrown := r.try(func() {
		opts := ctx.Dictionary(r.vm, call.Argument(1), "ReadableStreamBYOBReaderReadOptions")
		if m := webidl.Member(opts, "min"); m != nil {
			min = uint64(ctx.Integer(r.vm, m, 64, false, webidl.IntOptions{EnforceRange: true}))
		}
	})
	if thrown != nil {
		return r.rejectedWith(thrown)
	}
	// 1. If view.[[ByteLength]] is 0, return a promise rejected with a TypeError exception.
	if view.byteLength == 0 {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": This readable stream reader cannot be used to read as the view has byte length equal to 0"))
	}
	// 2. If view.[[ViewedArrayBuffer]].[[ByteLength]] is 0, return a promise rejected with a TypeError exception.
	if bufferByteLength(view.buffer) == 0 {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": This readable stream reader cannot be used to read as the viewed array buffer has 0 byte length"))
	}
	// 3. If ! IsDetachedBuffer(view.[[ViewedArrayBuffer]]) is true, return a promise rejected with a TypeError exception.
	if isDetached(view.buffer) {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": This readable stream reader cannot be used to read as the viewed array buffer is detached"))
	}
	// 4. If options["min"] is 0, return a promise rejected with a TypeError exception.
	if min == 0 {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": options.min must be greater than 0"))
	}
	// 5. If view has a [[TypedArrayName]] internal slot,
	//    1. If options["min"] > view.[[ArrayLength]], return a promise rejected with a RangeError exception.
	// 6. Otherwise (i.e., it is a DataView),
	//    1. If options["min"] > view.[[ByteLength]], return a promise rejected with a RangeError exception.
	if min > uint64(view.length) {
		return r.rejectedWith(r.newRangeError(string(ctx) + ": options.min must be less than or equal to view's length"))
	}
	// 7. If this.[[stream]] is undefined, return a promise rejected with a TypeError exception.
	if rd.stream == nil {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": " + errReadReleased))
	}
	// 8. Let promise be a new promise.
	p := r.newPromise()
	// 9. Let readIntoRequest be a new read-into request with the following items:
	rr := &readIntoRequest{
		chunk: func(chunk goja.Value) { p.resolve(r.iterResult(chunk, false)) },
		close: func(chunk goja.Value) { p.resolve(r.iterResult(chunk, true)) },
		fail:  func(e goja.Value) { p.reject(e) },
	}
	// 10. Perform ! ReadableStreamBYOBReaderRead(this, view, options["min"], readIntoRequest).
	rd.read(view, min, rr)
	// 11. Return promise.
	return p.obj
}

func init() {
	{
		c := ReadableStreamDefaultReaderClass
		c.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
			r := realmOf(iso)
			ctx := webidl.Construct("ReadableStreamDefaultReader")
			ctx.RequireConstructArgs(r.vm, call, 1)
			s := streamArg(r, ctx, call.Argument(0))
			rd := &DefaultReader{r: r, obj: call.This}
			// 1. Perform ? SetUpReadableStreamDefaultReader(this, stream).
			if msg := rd.setUp(s); msg != "" {
				ctx.TypeError(r.vm, "%s", msg)
			}
			return rd
		}
		c.Members = []jsclass.Member{
			promiseMethod("read", 0, (*DefaultReader).jsRead),
			jsclass.Method("releaseLock", 0, func(rd *DefaultReader, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
				// 1. If this.[[stream]] is undefined, return.
				if rd.stream == nil {
					return goja.Undefined()
				}
				// 2. Perform ! ReadableStreamDefaultReaderRelease(this).
				rd.releaseReader()
				return goja.Undefined()
			}),
			promiseMethod("cancel", 0, func(rd *DefaultReader, r *realm, call goja.FunctionCall) *goja.Object {
				return readerCancel(r, &rd.genericReader, call.Argument(0))
			}),
		}
		c.Init = func(iso *runtime.Isolate, b *jsclass.Built) {
			promiseGetter(iso, b, "closed", func(rd *DefaultReader, r *realm) *goja.Object { return rd.closed.get() })
		}
	}
	{
		c := ReadableStreamBYOBReaderClass
		c.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
			r := realmOf(iso)
			ctx := webidl.Construct("ReadableStreamBYOBReader")
			ctx.RequireConstructArgs(r.vm, call, 1)
			s := streamArg(r, ctx, call.Argument(0))
			rd := &BYOBReader{r: r, obj: call.This}
			// 1. Perform ? SetUpReadableStreamBYOBReader(this, stream).
			if msg := rd.setUp(s); msg != "" {
				ctx.TypeError(r.vm, "%s", msg)
			}
			return rd
		}
		c.Members = []jsclass.Member{
			promiseMethod("read", 1, (*BYOBReader).jsRead),
			jsclass.Method("releaseLock", 0, func(rd *BYOBReader, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
				if rd.stream == nil {
					return goja.Undefined()
				}
				rd.releaseReader()
				return goja.Undefined()
			}),
			promiseMethod("cancel", 0, func(rd *BYOBReader, r *realm, call goja.FunctionCall) *goja.Object {
				return readerCancel(r, &rd.genericReader, call.Argument(0))
			}),
		}
		c.Init = func(iso *runtime.Isolate, b *jsclass.Built) {
			promiseGetter(iso, b, "closed", func(rd *BYOBReader, r *realm) *goja.Object { return rd.closed.get() })
		}
	}
}
