package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// ReadableStream's async iteration: WebIDL's default asynchronous iterator
// object (https://webidl.spec.whatwg.org/#es-default-asynchronous-iterator-object)
// driving the Streams Standard's iterator steps
// (https://streams.spec.whatwg.org/#rs-asynciterator).

// readableIterator is a default asynchronous iterator object for ReadableStream.
type readableIterator struct {
	jsclass.Shell
	reader        *DefaultReader
	preventCancel bool
	ongoing       *goja.Object // ongoing promise, nil when none
	finished      bool
}

var readableIteratorClass = &jsclass.Class{
	Name:     "ReadableStream AsyncIterator",
	NoGlobal: true,
}

func (s *ReadableStream) jsValues(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := s.r
	ctx := webidl.Method("ReadableStream", "values")
	opts := ctx.Dictionary(r.vm, call.Argument(0), "ReadableStreamIteratorOptions")
	preventCancel := false
	if v := webidl.Member(opts, "preventCancel"); v != nil {
		preventCancel = v.ToBoolean()
	}
	// Asynchronous iterator initialization steps:
	// 1. Let reader be ? AcquireReadableStreamDefaultReader(stream).
	reader, msg := acquireDefaultReader(s)
	if msg != "" {
		ctx.TypeError(r.vm, "%s", msg)
	}
	// 2. Set iterator's reader to reader.
	// 3. Let preventCancel be args[0]["preventCancel"].
	// 4. Set iterator's prevent cancel to preventCancel.
	it := &readableIterator{reader: reader, preventCancel: preventCancel}
	return jsclass.New(iso, readableIteratorClass, it)
}

// nextIterationResult is the ReadableStream "get the next iteration
// result" steps. End of iteration is signalled by fulfilling the promise
// with the realm's private endOfIteration object.
func (it *readableIterator) nextIterationResult(r *realm) *goja.Object {
	// 1. Let reader be iterator's reader.
	reader := it.reader
	// 3. Let promise be a new promise.
	p := r.newPromise()
	// 4. Let readRequest be a new read request with the following items:
	rr := &readRequest{
		// chunk steps: resolve promise with chunk.
		chunk: func(chunk goja.Value) { p.resolve(chunk) },
		// close steps: perform ! ReadableStreamDefaultReaderRelease(reader); resolve promise with end of iteration.
		close: func() {
			reader.releaseReader()
			p.resolve(r.endOfIteration)
		},
		// error steps: perform ! ReadableStreamDefaultReaderRelease(reader); reject promise with e.
		fail: func(e goja.Value) {
			reader.releaseReader()
			p.reject(e)
		},
	}
	// 5. Perform ! ReadableStreamDefaultReaderRead(this, readRequest).
	reader.read(rr)
	// 6. Return promise.
	return p.obj
}

// iteratorNext is %ReadableStreamAsyncIteratorPrototype%.next().
func iteratorNext(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := realmOf(iso)
	// 7. If object is not a default asynchronous iterator object for interface, reject with a TypeError.
	it, ok := jsclass.Unwrap[*readableIterator](iso, call.This)
	if !ok {
		return r.rejectedWith(r.newTypeError("Illegal invocation"))
	}
	// 8. Let nextSteps be the following steps:
	nextSteps := func() *goja.Object {
		// 2. If object's is finished is true, return a promise resolved with CreateIterResultObject(undefined, true).
		if it.finished {
			p := r.newPromise()
			p.resolve(r.iterResult(goja.Undefined(), true))
			return p.obj
		}
		// 4. Let nextPromise be the result of getting the next iteration result with object's target and object.
		nextPromise := it.nextIterationResult(r)
		// 5. Let fulfillSteps be the following steps, given next:
		fulfill := func(next goja.Value) goja.Value {
			// 1. Set object's ongoing promise to null.
			it.ongoing = nil
			// 2. If next is end of iteration, then set object's is finished to true and
			//    return CreateIterResultObject(undefined, true).
			if next == r.endOfIteration {
				it.finished = true
				return r.iterResult(goja.Undefined(), true)
			}
			// 4. Otherwise, return CreateIterResultObject(next, false).
			return r.iterResult(next, false)
		}
		// 7. Let rejectSteps be the following steps, given reason:
		reject := func(reason goja.Value) goja.Value {
			// 1. Set object's ongoing promise to null.
			it.ongoing = nil
			// 2. Set object's is finished to true.
			it.finished = true
			// 3. Throw reason.
			throw(reason)
			return nil
		}
		// 9. Perform PerformPromiseThen(nextPromise, onFulfilled, onRejected, nextPromiseCapability).
		// 10. Return nextPromiseCapability.[[Promise]].
		return r.react(nextPromise, fulfill, reject)
	}
	// 9. Let ongoingPromise be object's ongoing promise.
	// 10. If ongoingPromise is not null, chain nextSteps after it.
	if it.ongoing != nil {
		step := func(goja.Value) goja.Value { return nextSteps() }
		it.ongoing = r.react(it.ongoing, step, step)
	} else {
		// 11. Otherwise, set object's ongoing promise to the result of running nextSteps.
		it.ongoing = nextSteps()
	}
	// 12. Return object's ongoing promise.
	return it.ongoing
}

// iteratorReturn is %ReadableStreamAsyncIteratorPrototype%.return(value).
func iteratorReturn(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := realmOf(iso)
	value := call.Argument(0)
	it, ok := jsclass.Unwrap[*readableIterator](iso, call.This)
	if !ok {
		return r.rejectedWith(r.newTypeError("Illegal invocation"))
	}
	// 8. Let returnSteps be the following steps:
	returnSteps := func() *goja.Object {
		// 2. If object's is finished is true, resolve with CreateIterResultObject(value, true).
		if it.finished {
			p := r.newPromise()
			p.resolve(r.iterResult(value, true))
			return p.obj
		}
		// 3. Set object's is finished to true.
		it.finished = true
		// 4. Return the result of running the asynchronous iterator return algorithm.
		return it.asyncIteratorReturn(r, value)
	}
	// 9-11. Chain after the ongoing promise, or run now.
	if it.ongoing != nil {
		step := func(goja.Value) goja.Value { return returnSteps() }
		it.ongoing = r.react(it.ongoing, step, step)
	} else {
		it.ongoing = returnSteps()
	}
	// 12-15. Fulfill with CreateIterResultObject(value, true) once the ongoing promise fulfills.
	return r.react(it.ongoing, func(goja.Value) goja.Value { return r.iterResult(value, true) }, nil)
}

// asyncIteratorReturn is the ReadableStream asynchronous iterator return steps.
func (it *readableIterator) asyncIteratorReturn(r *realm, arg goja.Value) *goja.Object {
	// 1. Let reader be iterator's reader.
	reader := it.reader
	if reader.stream == nil {
		// The reader was already released by the close or error steps.
		return r.fulfilled()
	}
	// 4. If iterator's prevent cancel is false:
	if !it.preventCancel {
		// 1. Let result be ! ReadableStreamReaderGenericCancel(reader, arg).
		result := reader.cancel(arg)
		// 2. Perform ! ReadableStreamDefaultReaderRelease(reader).
		reader.releaseReader()
		// 3. Return result.
		return result
	}
	// 5. Perform ! ReadableStreamDefaultReaderRelease(reader).
	reader.releaseReader()
	// 6. Return a promise resolved with undefined.
	return r.fulfilled()
}

func init() {
	{
		c := readableIteratorClass
		c.Members = []jsclass.Member{
			jsclass.Static("next", 0, iteratorNext),
			jsclass.Static("return", 1, iteratorReturn),
		}
		c.Init = func(iso *runtime.Isolate, b *jsclass.Built) {
			_ = b.Proto.SetPrototype(realmOf(iso).asyncIteratorProto)
			_ = b.Proto.Delete("constructor")
		}
	}
}
