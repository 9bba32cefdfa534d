package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// https://streams.spec.whatwg.org/#readable-stream-pipe-to

// pipeOptions is the StreamPipeOptions dictionary after conversion.
type pipeOptions struct {
	preventAbort, preventCancel, preventClose bool
	signal                                    *events.AbortSignal
}

func convertPipeOptions(r *realm, ctx webidl.Context, v goja.Value) pipeOptions {
	var o pipeOptions
	dict := ctx.Dictionary(r.vm, v, "StreamPipeOptions")
	if dict == nil {
		return o
	}
	// Members in lexicographic order.
	o.preventAbort = boolMember(dict, "preventAbort")
	o.preventCancel = boolMember(dict, "preventCancel")
	o.preventClose = boolMember(dict, "preventClose")
	if sv := webidl.Member(dict, "signal"); sv != nil {
		sig, ok := events.SignalOf(r.iso, sv)
		if !ok {
			ctx.TypeError(r.vm, "Failed to read the 'signal' property from 'StreamPipeOptions': Failed to convert value to 'AbortSignal'.")
		}
		o.signal = sig
	}
	return o
}

func boolMember(dict *goja.Object, name string) bool {
	v := webidl.Member(dict, name)
	return v != nil && v.ToBoolean()
}

func (s *ReadableStream) jsPipeTo(r *realm, call goja.FunctionCall) *goja.Object {
	ctx := webidl.Method("ReadableStream", "pipeTo")
	if len(call.Arguments) < 1 {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": 1 argument required, but only 0 present."))
	}
	dest, ok := jsclass.Unwrap[*WritableStream](r.iso, call.Argument(0))
	if !ok {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": parameter 1 is not of type 'WritableStream'."))
	}
	opts := convertPipeOptions(r, ctx, call.Argument(1))
	// 1. If ! IsReadableStreamLocked(this) is true, return a promise rejected with a TypeError exception.
	if s.locked() {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": Cannot pipe a locked stream"))
	}
	// 2. If ! IsWritableStreamLocked(destination) is true, return a promise rejected with a TypeError exception.
	if dest.locked() {
		return r.rejectedWith(r.newTypeError(string(ctx) + ": Cannot pipe to a locked stream"))
	}
	// 3. Let signal be options["signal"] if it exists, or undefined otherwise.
	// 4. Return ! ReadableStreamPipeTo(this, destination, preventClose, preventAbort, preventCancel, signal).
	return pipeTo(s, dest, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal)
}

func (s *ReadableStream) jsPipeThrough(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := s.r
	ctx := webidl.Method("ReadableStream", "pipeThrough")
	ctx.RequireArgs(r.vm, call, 1)
	pair := ctx.Dictionary(r.vm, call.Argument(0), "ReadableWritablePair")
	// ReadableWritablePair: required readable, then required writable.
	rv := webidl.Member(pair, "readable")
	if rv == nil {
		ctx.TypeError(r.vm, "Failed to read the 'readable' property from 'ReadableWritablePair': Required member is undefined.")
	}
	readable, ok := jsclass.Unwrap[*ReadableStream](iso, rv)
	if !ok {
		ctx.TypeError(r.vm, "Failed to read the 'readable' property from 'ReadableWritablePair': Failed to convert value to 'ReadableStream'.")
	}
	wv := webidl.Member(pair, "writable")
	if wv == nil {
		ctx.TypeError(r.vm, "Failed to read the 'writable' property from 'ReadableWritablePair': Required member is undefined.")
	}
	writable, ok := jsclass.Unwrap[*WritableStream](iso, wv)
	if !ok {
		ctx.TypeError(r.vm, "Failed to read the 'writable' property from 'ReadableWritablePair': Failed to convert value to 'WritableStream'.")
	}
	opts := convertPipeOptions(r, ctx, call.Argument(1))
	// 1. If ! IsReadableStreamLocked(this) is true, throw a TypeError exception.
	if s.locked() {
		ctx.TypeError(r.vm, "Cannot pipe a locked stream")
	}
	// 2. If ! IsWritableStreamLocked(transform["writable"]) is true, throw a TypeError exception.
	if writable.locked() {
		ctx.TypeError(r.vm, "Cannot pipe to a locked stream")
	}
	// 4. Let promise be ! ReadableStreamPipeTo(this, transform["writable"], ...).
	p := pipeTo(s, writable, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal)
	// 5. Set promise.[[PromiseIsHandled]] to true.
	r.setHandled(p)
	// 6. Return transform["readable"].
	return readable.object()
}

// pipeTo is ReadableStreamPipeTo(source, dest, preventClose, preventAbort,
// preventCancel, signal). The "in parallel" part follows the reference
// implementation's loop: wait for the writer to be ready, read one chunk,
// write it without waiting, repeat.
func pipeTo(source *ReadableStream, dest *WritableStream, preventClose, preventAbort, preventCancel bool, signal *events.AbortSignal) *goja.Object {
	r := source.r
	// 8-9. Let reader be ! AcquireReadableStreamDefaultReader(source).
	reader, _ := acquireDefaultReader(source)
	// 10. Let writer be ! AcquireWritableStreamDefaultWriter(dest).
	writer, _ := acquireWriter(dest)
	// 11. Set source.[[disturbed]] to true.
	source.disturbed = true
	// 12. Let shuttingDown be false.
	shuttingDown := false
	// 13. Let promise be a new promise.
	p := r.newPromise()
	currentWrite := r.fulfilled()
	var removeAbort func()

	// Finalize: release both locks, then settle promise.
	finalize := func(isError bool, err goja.Value) {
		// 1. Perform ! WritableStreamDefaultWriterRelease(writer).
		writer.release()
		// 3. Otherwise, perform ! ReadableStreamDefaultReaderRelease(reader).
		reader.releaseReader()
		// 4. If signal is not undefined, remove abortAlgorithm from signal.
		if removeAbort != nil {
			removeAbort()
		}
		// 5. If error was given, reject promise with error.
		if isError {
			p.reject(err)
			return
		}
		// 6. Otherwise, resolve promise with undefined.
		p.resolve(goja.Undefined())
	}
	// waitForWritesToFinish waits until every chunk read has been written.
	var waitForWritesToFinish func() *goja.Object
	waitForWritesToFinish = func() *goja.Object {
		old := currentWrite
		return r.react(currentWrite, func(goja.Value) goja.Value {
			if old != currentWrite {
				return waitForWritesToFinish()
			}
			return goja.Undefined()
		}, nil)
	}
	// Shutdown with an action.
	shutdownWithAction := func(action func() *goja.Object, isError bool, originalError goja.Value) {
		// 1. If shuttingDown is true, abort these substeps.
		if shuttingDown {
			return
		}
		// 2. Set shuttingDown to true.
		shuttingDown = true
		doTheRest := func() {
			// 4. Let p be the result of performing action.
			// 5. Upon fulfillment of p, finalize, passing along originalError if it was given.
			// 6. Upon rejection of p with reason newError, finalize with newError.
			r.upon(action(), func(goja.Value) { finalize(isError, originalError) },
				func(newError goja.Value) { finalize(true, newError) })
		}
		// 3. If dest.[[state]] is "writable" and ! WritableStreamCloseQueuedOrInFlight(dest) is false,
		//    wait until every chunk that has been read has been written.
		if dest.state == wsWritable && !dest.closeQueuedOrInFlight() {
			r.upon(waitForWritesToFinish(), func(goja.Value) { doTheRest() }, nil)
			return
		}
		doTheRest()
	}
	// Shutdown.
	shutdown := func(isError bool, err goja.Value) {
		if shuttingDown {
			return
		}
		shuttingDown = true
		if dest.state == wsWritable && !dest.closeQueuedOrInFlight() {
			r.upon(waitForWritesToFinish(), func(goja.Value) { finalize(isError, err) }, nil)
			return
		}
		finalize(isError, err)
	}

	// 14. If signal is not undefined,
	if signal != nil {
		// 1. Let abortAlgorithm be the following steps:
		abortAlgorithm := func() {
			// 1. Let error be signal's abort reason.
			e := signal.Reason()
			// 2. Let actions be an empty ordered set.
			var actions []func() *goja.Object
			// 3. If preventAbort is false, append: if dest.[[state]] is "writable", return
			//    ! WritableStreamAbort(dest, error); otherwise a promise resolved with undefined.
			if !preventAbort {
				actions = append(actions, func() *goja.Object {
					if dest.state == wsWritable {
						return dest.abort(e)
					}
					return r.fulfilled()
				})
			}
			// 4. If preventCancel is false, append: if source.[[state]] is "readable", return
			//    ! ReadableStreamCancel(source, error); otherwise a promise resolved with undefined.
			if !preventCancel {
				actions = append(actions, func() *goja.Object {
					if source.state == stateReadable {
						return source.cancel(e)
					}
					return r.fulfilled()
				})
			}
			// 5. Shutdown with an action consisting of getting a promise to wait for all of the
			//    actions in actions, and with error.
			shutdownWithAction(func() *goja.Object {
				ps := make([]*goja.Object, len(actions))
				for i, a := range actions {
					ps[i] = a()
				}
				return r.waitForAll(ps)
			}, true, e)
		}
		// 2. If signal is aborted, perform abortAlgorithm and return promise.
		if signal.Aborted() {
			abortAlgorithm()
			return p.obj
		}
		// 3. Add abortAlgorithm to signal.
		removeAbort = signal.OnAbort(abortAlgorithm)
	}

	// 15. In parallel, read all chunks from source and write them to dest.
	// pipeStep waits for the writer to be ready, then reads one chunk and
	// writes it; it fulfills with true once the source is done.
	pipeStep := func() *goja.Object {
		if shuttingDown {
			return r.resolvedWith(r.vm.ToValue(true))
		}
		return r.react(writer.ready.obj, func(goja.Value) goja.Value {
			// Shutdown must stop activity: no read once shuttingDown is true.
			if shuttingDown {
				return r.vm.ToValue(true)
			}
			read := r.newPromise()
			reader.read(&readRequest{
				chunk: func(chunk goja.Value) {
					// The write happens in a microtask: a chunk enqueued while the pipe
					// waits must not run the sink's write algorithm synchronously inside
					// enqueue() (WPT piping/general-addition).
					r.queueMicrotask(func() {
						currentWrite = r.react(writer.write(chunk), nil, func(goja.Value) goja.Value { return goja.Undefined() })
						read.resolve(r.vm.ToValue(false))
					})
				},
				close: func() { read.resolve(r.vm.ToValue(true)) },
				fail:  func(e goja.Value) { read.reject(e) },
			})
			return read.obj
		}, nil)
	}
	// Errors must be propagated forward.
	isOrBecomesErrored := func(errored func() bool, storedError func() goja.Value, closed *goja.Object, action func(goja.Value)) {
		if errored() {
			action(storedError())
			return
		}
		r.upon(closed, nil, action)
	}
	isOrBecomesErrored(func() bool { return source.state == stateErrored }, func() goja.Value { return source.storedError }, reader.closed.get(), func(storedError goja.Value) {
		// 1. If preventAbort is false, shutdown with an action of ! WritableStreamAbort(dest,
		//    source.[[storedError]]) and with source.[[storedError]].
		if !preventAbort {
			shutdownWithAction(func() *goja.Object { return dest.abort(storedError) }, true, storedError)
			return
		}
		// 2. Otherwise, shutdown with source.[[storedError]].
		shutdown(true, storedError)
	})
	// Errors must be propagated backward.
	isOrBecomesErrored(func() bool { return dest.state == wsErrored }, func() goja.Value { return dest.storedError }, writer.closed.obj, func(storedError goja.Value) {
		// 1. If preventCancel is false, shutdown with an action of ! ReadableStreamCancel(source,
		//    dest.[[storedError]]) and with dest.[[storedError]].
		if !preventCancel {
			shutdownWithAction(func() *goja.Object { return source.cancel(storedError) }, true, storedError)
			return
		}
		// 2. Otherwise, shutdown with dest.[[storedError]].
		shutdown(true, storedError)
	})
	// Closing must be propagated forward.
	closedForward := func(goja.Value) {
		// 1. If preventClose is false, shutdown with an action of
		//    ! WritableStreamDefaultWriterCloseWithErrorPropagation(writer).
		if !preventClose {
			shutdownWithAction(writer.closeWithErrorPropagation, false, nil)
			return
		}
		// 2. Otherwise, shutdown.
		shutdown(false, nil)
	}
	if source.state == stateClosed {
		closedForward(nil)
	} else {
		r.upon(reader.closed.get(), closedForward, nil)
	}
	// Closing must be propagated backward.
	if dest.closeQueuedOrInFlight() || dest.state == wsClosed {
		// 2. Let destClosed be a new TypeError.
		destClosed := r.newTypeError("the destination writable stream closed before all data could be piped to it")
		// 3. If preventCancel is false, shutdown with an action of ! ReadableStreamCancel(source,
		//    destClosed) and with destClosed.
		if !preventCancel {
			shutdownWithAction(func() *goja.Object { return source.cancel(destClosed) }, true, destClosed)
		} else {
			// 4. Otherwise, shutdown with destClosed.
			shutdown(true, destClosed)
		}
	}
	// The loop itself: run pipeStep until it reports the source is done.
	loop := r.newPromise()
	var next func(done goja.Value)
	next = func(done goja.Value) {
		if done != nil && done.ToBoolean() {
			loop.resolve(goja.Undefined())
			return
		}
		r.upon(pipeStep(), next, func(e goja.Value) { loop.reject(e) })
	}
	next(nil)
	r.setHandled(loop.obj)
	// 16. Return promise.
	return p.obj
}
