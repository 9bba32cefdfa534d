package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/events"
)

// https://streams.spec.whatwg.org/#ws-default-controller-class

// A WritableController is a WritableStreamDefaultController.
type WritableController struct {
	jsclass.Shell
	obj    *goja.Object
	stream *WritableStream

	// The [[abortController]]'s signal is created on first use of
	// controller.signal: most streams never look at it.
	signal       *events.AbortSignal
	abortSignal  func(reason goja.Value)
	aborted      bool
	abortReason  goja.Value
	queue        sizeQueue
	started      bool
	strategyHWM  float64
	strategySize sizeAlgorithm
	writeAlg     func(chunk goja.Value) *goja.Object
	closeAlg     func() *goja.Object
	abortAlg     func(reason goja.Value) *goja.Object
}

func (c *WritableController) object() *goja.Object {
	if c.obj == nil {
		c.obj = jsclass.New(c.stream.r.iso, WritableStreamDefaultControllerClass, c)
	}
	return c.obj
}

// signalObject returns [[abortController]]'s signal.
func (c *WritableController) signalObject() *goja.Object {
	if c.signal == nil {
		c.signal, c.abortSignal = events.NewAbortSignal(c.stream.r.iso)
		if c.aborted {
			c.abortSignal(c.abortReason)
		}
	}
	return c.signal.Object()
}

// signalAbort is "signal abort on controller.[[abortController]] with reason".
func (c *WritableController) signalAbort(reason goja.Value) {
	if c.aborted {
		return
	}
	c.aborted = true
	c.abortReason = reason
	if c.signal != nil {
		c.abortSignal(reason)
	}
}

// abortSteps is [[AbortSteps]](reason).
func (c *WritableController) abortSteps(reason goja.Value) *goja.Object {
	// 1. Let result be the result of performing this.[[abortAlgorithm]], passing reason.
	result := c.abortAlg(reason)
	// 2. Perform ! WritableStreamDefaultControllerClearAlgorithms(this).
	c.clearAlgorithms()
	// 3. Return result.
	return result
}

// errorSteps is [[ErrorSteps]]().
func (c *WritableController) errorSteps() {
	// 1. Perform ! ResetQueue(this).
	c.queue.reset()
}

// setUpWritableController is SetUpWritableStreamDefaultController.
func setUpWritableController(s *WritableStream, c *WritableController, start func() goja.Value, write func(goja.Value) *goja.Object, closeAlg func() *goja.Object, abort func(goja.Value) *goja.Object, hwm float64, size sizeAlgorithm) {
	r := s.r
	// 3. Set controller.[[stream]] to stream.
	c.stream = s
	// 4. Set stream.[[controller]] to controller.
	s.controller = c
	// 5. Perform ! ResetQueue(controller).
	c.queue.reset()
	// 6. Set controller.[[abortController]] to a new AbortController. (Created lazily.)
	// 7. Set controller.[[started]] to false.
	// 8. Set controller.[[strategySizeAlgorithm]] to sizeAlgorithm.
	c.strategySize = size
	// 9. Set controller.[[strategyHWM]] to highWaterMark.
	c.strategyHWM = hwm
	// 10-12. Set the write, close and abort algorithms.
	c.writeAlg, c.closeAlg, c.abortAlg = write, closeAlg, abort
	// 13. Let backpressure be ! WritableStreamDefaultControllerGetBackpressure(controller).
	// 14. Perform ! WritableStreamUpdateBackpressure(stream, backpressure).
	s.updateBackpressure(c.backpressure())
	// 15. Let startResult be the result of performing startAlgorithm. (This may throw an exception.)
	startResult := start()
	// 16. Let startPromise be a promise resolved with startResult.
	startPromise := r.internalResolvedWith(startResult)
	r.upon(startPromise, func(goja.Value) {
		// 17. Upon fulfillment of startPromise,
		// 2. Set controller.[[started]] to true.
		c.started = true
		// 3. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
		c.advanceQueueIfNeeded()
	}, func(e goja.Value) {
		// 18. Upon rejection of startPromise with reason r,
		// 2. Set controller.[[started]] to true.
		c.started = true
		// 3. Perform ! WritableStreamDealWithRejection(stream, r).
		s.dealWithRejection(e)
	})
}

// advanceQueueIfNeeded is WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
func (c *WritableController) advanceQueueIfNeeded() {
	s := c.stream
	// 2. If controller.[[started]] is false, return.
	if !c.started {
		return
	}
	// 3. If stream.[[inFlightWriteRequest]] is not undefined, return.
	if s.inFlightWriteRequest != nil {
		return
	}
	// 4. Let state be stream.[[state]].
	// 6. If state is "erroring", perform ! WritableStreamFinishErroring(stream) and return.
	if s.state == wsErroring {
		s.finishErroring()
		return
	}
	// 7. If controller.[[queue]] is empty, return.
	if c.queue.empty() {
		return
	}
	// 8. Let value be ! PeekQueueValue(controller).
	value := c.queue.peek()
	// 9. If value is the close sentinel, perform ! WritableStreamDefaultControllerProcessClose(controller).
	if value == s.r.closeSentinel {
		c.processClose()
		return
	}
	// 10. Otherwise, perform ! WritableStreamDefaultControllerProcessWrite(controller, value).
	c.processWrite(value)
}

// clearAlgorithms is WritableStreamDefaultControllerClearAlgorithms(controller).
func (c *WritableController) clearAlgorithms() {
	c.writeAlg = nil
	c.closeAlg = nil
	c.abortAlg = nil
	c.strategySize = nil
}

// close is WritableStreamDefaultControllerClose(controller).
func (c *WritableController) close() {
	// 1. Perform ! EnqueueValueWithSize(controller, close sentinel, 0).
	c.queue.enqueue(c.stream.r, c.stream.r.closeSentinel, 0)
	// 2. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
	c.advanceQueueIfNeeded()
}

// error is WritableStreamDefaultControllerError(controller, error).
func (c *WritableController) error(e goja.Value) {
	// 3. Perform ! WritableStreamDefaultControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 4. Perform ! WritableStreamStartErroring(stream, error).
	c.stream.startErroring(e)
}

// errorIfNeeded is WritableStreamDefaultControllerErrorIfNeeded(controller, error).
func (c *WritableController) errorIfNeeded(e goja.Value) {
	if c.stream.state == wsWritable {
		c.error(e)
	}
}

// backpressure is WritableStreamDefaultControllerGetBackpressure(controller).
func (c *WritableController) backpressure() bool {
	return c.desiredSize() <= 0
}

// chunkSize is WritableStreamDefaultControllerGetChunkSize(controller, chunk).
func (c *WritableController) chunkSize(chunk goja.Value) float64 {
	// 1. If controller.[[strategySizeAlgorithm]] is undefined, return 1.
	if c.strategySize == nil {
		return 1
	}
	// 2. Let returnValue be the result of performing controller.[[strategySizeAlgorithm]], passing in chunk.
	size, thrown := c.strategySize(chunk)
	// 3. If returnValue is an abrupt completion,
	if thrown != nil {
		// 1. Perform ! WritableStreamDefaultControllerErrorIfNeeded(controller, returnValue.[[Value]]).
		c.errorIfNeeded(thrown)
		// 2. Return 1.
		return 1
	}
	// 4. Return returnValue.[[Value]].
	return size
}

// desiredSize is WritableStreamDefaultControllerGetDesiredSize(controller).
func (c *WritableController) desiredSize() float64 {
	return c.strategyHWM - c.queue.total
}

// processClose is WritableStreamDefaultControllerProcessClose(controller).
func (c *WritableController) processClose() {
	s := c.stream
	// 2. Perform ! WritableStreamMarkCloseRequestInFlight(stream).
	s.markCloseRequestInFlight()
	// 3. Perform ! DequeueValue(controller).
	c.queue.dequeue()
	// 5. Let sinkClosePromise be the result of performing controller.[[closeAlgorithm]].
	sinkClosePromise := c.closeAlg()
	// 6. Perform ! WritableStreamDefaultControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	s.r.upon(sinkClosePromise, func(goja.Value) {
		// 7. Upon fulfillment of sinkClosePromise, perform ! WritableStreamFinishInFlightClose(stream).
		s.finishInFlightClose()
	}, func(reason goja.Value) {
		// 8. Upon rejection of sinkClosePromise with reason reason,
		//    perform ! WritableStreamFinishInFlightCloseWithError(stream, reason).
		s.finishInFlightCloseWithError(reason)
	})
}

// processWrite is WritableStreamDefaultControllerProcessWrite(controller, chunk).
func (c *WritableController) processWrite(chunk goja.Value) {
	s := c.stream
	// 2. Perform ! WritableStreamMarkFirstWriteRequestInFlight(stream).
	s.markFirstWriteRequestInFlight()
	// 3. Let sinkWritePromise be the result of performing controller.[[writeAlgorithm]], passing in chunk.
	sinkWritePromise := c.writeAlg(chunk)
	s.r.upon(sinkWritePromise, func(goja.Value) {
		// 4. Upon fulfillment of sinkWritePromise,
		// 1. Perform ! WritableStreamFinishInFlightWrite(stream).
		s.finishInFlightWrite()
		// 2. Let state be stream.[[state]].
		state := s.state
		// 4. Perform ! DequeueValue(controller).
		c.queue.dequeue()
		// 5. If ! WritableStreamCloseQueuedOrInFlight(stream) is false and state is "writable",
		if !s.closeQueuedOrInFlight() && state == wsWritable {
			// 1. Let backpressure be ! WritableStreamDefaultControllerGetBackpressure(controller).
			// 2. Perform ! WritableStreamUpdateBackpressure(stream, backpressure).
			s.updateBackpressure(c.backpressure())
		}
		// 6. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
		c.advanceQueueIfNeeded()
	}, func(reason goja.Value) {
		// 5. Upon rejection of sinkWritePromise with reason,
		// 1. If stream.[[state]] is "writable", perform ! WritableStreamDefaultControllerClearAlgorithms(controller).
		if s.state == wsWritable {
			c.clearAlgorithms()
		}
		// 2. Perform ! WritableStreamFinishInFlightWriteWithError(stream, reason).
		s.finishInFlightWriteWithError(reason)
	})
}

// write is WritableStreamDefaultControllerWrite(controller, chunk, chunkSize).
func (c *WritableController) write(chunk goja.Value, chunkSize float64) {
	s := c.stream
	// 1. Let enqueueResult be EnqueueValueWithSize(controller, chunk, chunkSize).
	// 2. If enqueueResult is an abrupt completion,
	if thrown := c.queue.enqueue(s.r, chunk, chunkSize); thrown != nil {
		// 1. Perform ! WritableStreamDefaultControllerErrorIfNeeded(controller, enqueueResult.[[Value]]).
		c.errorIfNeeded(thrown)
		// 2. Return.
		return
	}
	// 4. If ! WritableStreamCloseQueuedOrInFlight(stream) is false and stream.[[state]] is "writable",
	if !s.closeQueuedOrInFlight() && s.state == wsWritable {
		// 1. Let backpressure be ! WritableStreamDefaultControllerGetBackpressure(controller).
		// 2. Perform ! WritableStreamUpdateBackpressure(stream, backpressure).
		s.updateBackpressure(c.backpressure())
	}
	// 5. Perform ! WritableStreamDefaultControllerAdvanceQueueIfNeeded(controller).
	c.advanceQueueIfNeeded()
}
