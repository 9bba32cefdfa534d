package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#ts-class

// A TransformStream is the Go side of a JS TransformStream.
type TransformStream struct {
	jsclass.Shell
	r   *realm
	obj *goja.Object

	backpressure              bool
	backpressureSet           bool // [[backpressure]] is not undefined
	backpressureChangePromise *promise
	controller                *TransformController
	readable                  *ReadableStream
	writable                  *WritableStream
}

// A TransformController is a TransformStreamDefaultController.
type TransformController struct {
	jsclass.Shell
	obj           *goja.Object
	stream        *TransformStream
	finishPromise *promise
	transformAlg  func(chunk goja.Value) *goja.Object
	flushAlg      func() *goja.Object
	cancelAlg     func(reason goja.Value) *goja.Object
}

func (c *TransformController) object() *goja.Object {
	if c.obj == nil {
		c.obj = jsclass.New(c.stream.r.iso, TransformStreamDefaultControllerClass, c)
	}
	return c.obj
}

func (ts *TransformStream) readableController() *DefaultController {
	return ts.readable.controller.(*DefaultController)
}

// initializeTransformStream is InitializeTransformStream(stream, startPromise,
// writableHighWaterMark, writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm).
func initializeTransformStream(ts *TransformStream, startPromise *goja.Object, writableHWM float64, writableSize sizeAlgorithm, readableHWM float64, readableSize sizeAlgorithm) {
	r := ts.r
	// 1. Let startAlgorithm be an algorithm that returns startPromise.
	start := func() goja.Value { return startPromise }
	// 2. Let writeAlgorithm be: return ! TransformStreamDefaultSinkWriteAlgorithm(stream, chunk).
	write := func(chunk goja.Value) *goja.Object { return ts.sinkWrite(chunk) }
	// 3. Let abortAlgorithm be: return ! TransformStreamDefaultSinkAbortAlgorithm(stream, reason).
	abort := func(reason goja.Value) *goja.Object { return ts.sinkAbort(reason) }
	// 4. Let closeAlgorithm be: return ! TransformStreamDefaultSinkCloseAlgorithm(stream).
	closeAlg := func() *goja.Object { return ts.sinkClose() }
	// 5. Set stream.[[writable]] to ! CreateWritableStream(startAlgorithm, writeAlgorithm,
	//    closeAlgorithm, abortAlgorithm, writableHighWaterMark, writableSizeAlgorithm).
	ts.writable = createWritableStream(r, start, write, closeAlg, abort, writableHWM, writableSize)
	// 6. Let pullAlgorithm be: return ! TransformStreamDefaultSourcePullAlgorithm(stream).
	pull := func() *goja.Object { return ts.sourcePull() }
	// 7. Let cancelAlgorithm be: return ! TransformStreamDefaultSourceCancelAlgorithm(stream, reason).
	cancel := func(reason goja.Value) *goja.Object { return ts.sourceCancel(reason) }
	// 8. Set stream.[[readable]] to ! CreateReadableStream(startAlgorithm, pullAlgorithm,
	//    cancelAlgorithm, readableHighWaterMark, readableSizeAlgorithm).
	ts.readable = createReadableStream(r, start, pull, cancel, readableHWM, readableSize)
	// 9. Set stream.[[backpressure]] and stream.[[backpressureChangePromise]] to undefined.
	// 10. Perform ! TransformStreamSetBackpressure(stream, true).
	ts.setBackpressure(true)
	// 11. Set stream.[[controller]] to undefined.
	ts.controller = nil
}

// error is TransformStreamError(stream, e).
func (ts *TransformStream) error(e goja.Value) {
	// 1. Perform ! ReadableStreamDefaultControllerError(stream.[[readable]].[[controller]], e).
	ts.readableController().error(e)
	// 2. Perform ! TransformStreamErrorWritableAndUnblockWrite(stream, e).
	ts.errorWritableAndUnblockWrite(e)
}

// errorWritableAndUnblockWrite is TransformStreamErrorWritableAndUnblockWrite(stream, e).
func (ts *TransformStream) errorWritableAndUnblockWrite(e goja.Value) {
	// 1. Perform ! TransformStreamDefaultControllerClearAlgorithms(stream.[[controller]]).
	ts.controller.clearAlgorithms()
	// 2. Perform ! WritableStreamDefaultControllerErrorIfNeeded(stream.[[writable]].[[controller]], e).
	ts.writable.controller.errorIfNeeded(e)
	// 3. Perform ! TransformStreamUnblockWrite(stream).
	ts.unblockWrite()
}

// setBackpressure is TransformStreamSetBackpressure(stream, backpressure).
func (ts *TransformStream) setBackpressure(backpressure bool) {
	// 2. If stream.[[backpressureChangePromise]] is not undefined, resolve it with undefined.
	if ts.backpressureChangePromise != nil {
		ts.backpressureChangePromise.resolve(goja.Undefined())
	}
	// 3. Set stream.[[backpressureChangePromise]] to a new promise.
	ts.backpressureChangePromise = ts.r.newPromise()
	// 4. Set stream.[[backpressure]] to backpressure.
	ts.backpressure = backpressure
	ts.backpressureSet = true
}

// unblockWrite is TransformStreamUnblockWrite(stream).
func (ts *TransformStream) unblockWrite() {
	// 1. If stream.[[backpressure]] is true, perform ! TransformStreamSetBackpressure(stream, false).
	if ts.backpressure {
		ts.setBackpressure(false)
	}
}

// setUpTransformController is SetUpTransformStreamDefaultController(stream,
// controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm).
func setUpTransformController(ts *TransformStream, c *TransformController, transform func(goja.Value) *goja.Object, flush func() *goja.Object, cancel func(goja.Value) *goja.Object) {
	// 3. Set controller.[[stream]] to stream.
	c.stream = ts
	// 4. Set stream.[[controller]] to controller.
	ts.controller = c
	// 5-7. Set the transform, flush and cancel algorithms.
	c.transformAlg, c.flushAlg, c.cancelAlg = transform, flush, cancel
}

// clearAlgorithms is TransformStreamDefaultControllerClearAlgorithms(controller).
func (c *TransformController) clearAlgorithms() {
	c.transformAlg = nil
	c.flushAlg = nil
	c.cancelAlg = nil
}

// enqueue is TransformStreamDefaultControllerEnqueue(controller, chunk); it
// returns the exception to throw.
func (c *TransformController) enqueue(chunk goja.Value) goja.Value {
	r := c.stream.r
	// 1. Let stream be controller.[[stream]].
	ts := c.stream
	// 2. Let readableController be stream.[[readable]].[[controller]].
	rc := ts.readableController()
	// 3. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(readableController) is false, throw a TypeError exception.
	if !rc.canCloseOrEnqueue() {
		return r.newTypeError("Failed to execute 'enqueue' on 'TransformStreamDefaultController': Readable side is not in a state that permits enqueue")
	}
	// 4. Let enqueueResult be ReadableStreamDefaultControllerEnqueue(readableController, chunk).
	// 5. If enqueueResult is an abrupt completion,
	if thrown := rc.enqueue(chunk); thrown != nil {
		// 1. Perform ! TransformStreamErrorWritableAndUnblockWrite(stream, enqueueResult.[[Value]]).
		ts.errorWritableAndUnblockWrite(thrown)
		// 2. Throw stream.[[readable]].[[storedError]].
		return ts.readable.storedError
	}
	// 6. Let backpressure be ! ReadableStreamDefaultControllerHasBackpressure(readableController).
	backpressure := rc.hasBackpressure()
	// 7. If backpressure is not stream.[[backpressure]], perform ! TransformStreamSetBackpressure(stream, true).
	if backpressure != ts.backpressure {
		ts.setBackpressure(true)
	}
	return nil
}

// error is TransformStreamDefaultControllerError(controller, e).
func (c *TransformController) error(e goja.Value) {
	c.stream.error(e)
}

// performTransform is TransformStreamDefaultControllerPerformTransform(controller, chunk).
func (c *TransformController) performTransform(chunk goja.Value) *goja.Object {
	r := c.stream.r
	// 1. Let transformPromise be the result of performing controller.[[transformAlgorithm]], passing chunk.
	transformPromise := c.transformAlg(chunk)
	// 2. Return the result of reacting to transformPromise with the following rejection steps given r:
	return r.react(transformPromise, nil, func(e goja.Value) goja.Value {
		// 1. Perform ! TransformStreamError(controller.[[stream]], r).
		c.stream.error(e)
		// 2. Throw r.
		throw(e)
		return nil
	})
}

// terminate is TransformStreamDefaultControllerTerminate(controller).
func (c *TransformController) terminate() {
	ts := c.stream
	// 3. Perform ! ReadableStreamDefaultControllerClose(readableController).
	ts.readableController().close()
	// 4. Let error be a TypeError exception indicating that the stream has been terminated.
	e := ts.r.newTypeError("The transform stream has been terminated")
	// 5. Perform ! TransformStreamErrorWritableAndUnblockWrite(stream, error).
	ts.errorWritableAndUnblockWrite(e)
}

// sinkWrite is TransformStreamDefaultSinkWriteAlgorithm(stream, chunk).
func (ts *TransformStream) sinkWrite(chunk goja.Value) *goja.Object {
	// 2. Let controller be stream.[[controller]].
	c := ts.controller
	// 3. If stream.[[backpressure]] is true,
	if ts.backpressure {
		// 1. Let backpressureChangePromise be stream.[[backpressureChangePromise]].
		// 3. Return the result of reacting to backpressureChangePromise with the following fulfillment steps:
		return ts.r.react(ts.backpressureChangePromise.obj, func(goja.Value) goja.Value {
			// 1. Let writable be stream.[[writable]].
			// 2. Let state be writable.[[state]].
			// 3. If state is "erroring", throw writable.[[storedError]].
			if ts.writable.state == wsErroring {
				throw(ts.writable.storedError)
			}
			// 5. Return ! TransformStreamDefaultControllerPerformTransform(controller, chunk).
			return c.performTransform(chunk)
		}, nil)
	}
	// 4. Return ! TransformStreamDefaultControllerPerformTransform(controller, chunk).
	return c.performTransform(chunk)
}

// sinkAbort is TransformStreamDefaultSinkAbortAlgorithm(stream, reason).
func (ts *TransformStream) sinkAbort(reason goja.Value) *goja.Object {
	r := ts.r
	// 1. Let controller be stream.[[controller]].
	c := ts.controller
	// 2. If controller.[[finishPromise]] is not undefined, return controller.[[finishPromise]].
	if c.finishPromise != nil {
		return c.finishPromise.obj
	}
	// 3. Let readable be stream.[[readable]].
	readable := ts.readable
	// 4. Let controller.[[finishPromise]] be a new promise.
	c.finishPromise = r.newPromise()
	// 5. Let cancelPromise be the result of performing controller.[[cancelAlgorithm]], passing reason.
	cancelPromise := c.cancelAlg(reason)
	// 6. Perform ! TransformStreamDefaultControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 7. React to cancelPromise:
	r.upon(cancelPromise, func(goja.Value) {
		// 1. If readable.[[state]] is "errored", reject controller.[[finishPromise]] with readable.[[storedError]].
		if readable.state == stateErrored {
			c.finishPromise.reject(readable.storedError)
			return
		}
		// 2. Otherwise: ReadableStreamDefaultControllerError(readable.[[controller]], reason); resolve finishPromise.
		readable.controller.(*DefaultController).error(reason)
		c.finishPromise.resolve(goja.Undefined())
	}, func(e goja.Value) {
		// 2. If cancelPromise was rejected with reason r: error readable with r; reject finishPromise with r.
		readable.controller.(*DefaultController).error(e)
		c.finishPromise.reject(e)
	})
	// 8. Return controller.[[finishPromise]].
	return c.finishPromise.obj
}

// sinkClose is TransformStreamDefaultSinkCloseAlgorithm(stream).
func (ts *TransformStream) sinkClose() *goja.Object {
	r := ts.r
	c := ts.controller
	// 2. If controller.[[finishPromise]] is not undefined, return controller.[[finishPromise]].
	if c.finishPromise != nil {
		return c.finishPromise.obj
	}
	// 3. Let readable be stream.[[readable]].
	readable := ts.readable
	// 4. Let controller.[[finishPromise]] be a new promise.
	c.finishPromise = r.newPromise()
	// 5. Let flushPromise be the result of performing controller.[[flushAlgorithm]].
	flushPromise := c.flushAlg()
	// 6. Perform ! TransformStreamDefaultControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 7. React to flushPromise:
	r.upon(flushPromise, func(goja.Value) {
		// 1. If readable.[[state]] is "errored", reject controller.[[finishPromise]] with readable.[[storedError]].
		if readable.state == stateErrored {
			c.finishPromise.reject(readable.storedError)
			return
		}
		// 2. Otherwise: ReadableStreamDefaultControllerClose(readable.[[controller]]); resolve finishPromise.
		readable.controller.(*DefaultController).close()
		c.finishPromise.resolve(goja.Undefined())
	}, func(e goja.Value) {
		readable.controller.(*DefaultController).error(e)
		c.finishPromise.reject(e)
	})
	// 8. Return controller.[[finishPromise]].
	return c.finishPromise.obj
}

// sourceCancel is TransformStreamDefaultSourceCancelAlgorithm(stream, reason).
func (ts *TransformStream) sourceCancel(reason goja.Value) *goja.Object {
	r := ts.r
	c := ts.controller
	// 2. If controller.[[finishPromise]] is not undefined, return controller.[[finishPromise]].
	if c.finishPromise != nil {
		return c.finishPromise.obj
	}
	// 3. Let writable be stream.[[writable]].
	writable := ts.writable
	// 4. Let controller.[[finishPromise]] be a new promise.
	c.finishPromise = r.newPromise()
	// 5. Let cancelPromise be the result of performing controller.[[cancelAlgorithm]], passing reason.
	cancelPromise := c.cancelAlg(reason)
	// 6. Perform ! TransformStreamDefaultControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 7. React to cancelPromise:
	r.upon(cancelPromise, func(goja.Value) {
		// 1. If writable.[[state]] is "errored", reject controller.[[finishPromise]] with writable.[[storedError]].
		if writable.state == wsErrored {
			c.finishPromise.reject(writable.storedError)
			return
		}
		// 2. Otherwise: WritableStreamDefaultControllerErrorIfNeeded(writable.[[controller]], reason);
		//    TransformStreamUnblockWrite(stream); resolve finishPromise.
		writable.controller.errorIfNeeded(reason)
		ts.unblockWrite()
		c.finishPromise.resolve(goja.Undefined())
	}, func(e goja.Value) {
		writable.controller.errorIfNeeded(e)
		ts.unblockWrite()
		c.finishPromise.reject(e)
	})
	// 8. Return controller.[[finishPromise]].
	return c.finishPromise.obj
}

// sourcePull is TransformStreamDefaultSourcePullAlgorithm(stream).
func (ts *TransformStream) sourcePull() *goja.Object {
	// 3. Perform ! TransformStreamSetBackpressure(stream, false).
	ts.setBackpressure(false)
	// 4. Return stream.[[backpressureChangePromise]].
	return ts.backpressureChangePromise.obj
}

// newGoTransformStream is the spec's "set up a TransformStream" for
// host-defined transforms: transform and flush run synchronously in Go and
// return the exception to reject with, if any; enqueue output with
// c.enqueue. Writable high water mark 1, readable 0.
func newGoTransformStream(r *realm, transform func(c *TransformController, chunk goja.Value) goja.Value, flush func(c *TransformController) goja.Value, cancel func(reason goja.Value) goja.Value) *TransformStream {
	ts := &TransformStream{r: r}
	c := &TransformController{}
	wrap := func(thrown goja.Value) *goja.Object {
		if thrown != nil {
			return r.rejectedWith(thrown)
		}
		return r.fulfilled()
	}
	// 2. Let transformAlgorithmWrapper be an algorithm that runs these steps given a value chunk: ...
	transformAlg := func(chunk goja.Value) *goja.Object { return wrap(transform(c, chunk)) }
	// 3. Let flushAlgorithmWrapper be ...
	flushAlg := func() *goja.Object {
		if flush == nil {
			return r.fulfilled()
		}
		return wrap(flush(c))
	}
	// 4. Let cancelAlgorithmWrapper be ...
	cancelAlg := func(reason goja.Value) *goja.Object {
		if cancel == nil {
			return r.fulfilled()
		}
		return wrap(cancel(reason))
	}
	// 5. Let startPromise be a promise resolved with undefined.
	startPromise := r.fulfilled()
	// 6. Perform ! InitializeTransformStream(stream, startPromise, writableHighWaterMark,
	//    writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm).
	initializeTransformStream(ts, startPromise, 1, nil, 0, nil)
	// 8. Perform ! SetUpTransformStreamDefaultController(stream, controller, ...).
	setUpTransformController(ts, c, transformAlg, flushAlg, cancelAlg)
	return ts
}
