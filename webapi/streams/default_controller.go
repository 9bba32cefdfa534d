package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#rs-default-controller-class

// A DefaultController is a ReadableStreamDefaultController.
type DefaultController struct {
	jsclass.Shell
	obj    *goja.Object
	stream *ReadableStream

	queue           sizeQueue
	started         bool
	closeRequested  bool
	pullAgain       bool
	pulling         bool
	strategyHWM     float64
	strategySize    sizeAlgorithm // nil: every chunk has size 1
	pullAlgorithm   func() *goja.Object
	cancelAlgorithm func(reason goja.Value) *goja.Object
}

func (c *DefaultController) object() *goja.Object {
	if c.obj == nil {
		c.obj = jsclass.New(c.stream.r.iso, ReadableStreamDefaultControllerClass, c)
	}
	return c.obj
}

// cancelSteps is [[CancelSteps]](reason).
func (c *DefaultController) cancelSteps(reason goja.Value) *goja.Object {
	// 1. Perform ! ResetQueue(this).
	c.queue.reset()
	// 2. Let result be the result of performing this.[[cancelAlgorithm]], passing reason.
	result := c.cancelAlgorithm(reason)
	// 3. Perform ! ReadableStreamDefaultControllerClearAlgorithms(this).
	c.clearAlgorithms()
	// 4. Return result.
	return result
}

// pullSteps is [[PullSteps]](readRequest).
func (c *DefaultController) pullSteps(rr *readRequest) {
	// 1. Let stream be this.[[stream]].
	s := c.stream
	// 2. If this.[[queue]] is not empty,
	if !c.queue.empty() {
		// 1. Let chunk be ! DequeueValue(this).
		chunk := c.queue.dequeue()
		// 2. If this.[[closeRequested]] is true and this.[[queue]] is empty,
		if c.closeRequested && c.queue.empty() {
			// 1. Perform ! ReadableStreamDefaultControllerClearAlgorithms(this).
			c.clearAlgorithms()
			// 2. Perform ! ReadableStreamClose(stream).
			s.close()
		} else {
			// 3. Otherwise, perform ! ReadableStreamDefaultControllerCallPullIfNeeded(this).
			c.callPullIfNeeded()
		}
		// 4. Perform readRequest's chunk steps, given chunk.
		rr.chunk(chunk)
		return
	}
	// 3. Otherwise,
	// 1. Perform ! ReadableStreamAddReadRequest(stream, readRequest).
	s.addReadRequest(rr)
	// 2. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(this).
	c.callPullIfNeeded()
}

// releaseSteps is [[ReleaseSteps]]().
func (c *DefaultController) releaseSteps() {}

// callPullIfNeeded is ReadableStreamDefaultControllerCallPullIfNeeded(controller).
func (c *DefaultController) callPullIfNeeded() {
	// 1. Let shouldPull be ! ReadableStreamDefaultControllerShouldCallPull(controller).
	// 2. If shouldPull is false, return.
	if !c.shouldCallPull() {
		return
	}
	// 3. If controller.[[pulling]] is true,
	if c.pulling {
		// 1. Set controller.[[pullAgain]] to true.
		c.pullAgain = true
		// 2. Return.
		return
	}
	// 5. Set controller.[[pulling]] to true.
	c.pulling = true
	// 6. Let pullPromise be the result of performing controller.[[pullAlgorithm]].
	pullPromise := c.pullAlgorithm()
	c.stream.r.upon(pullPromise, func(goja.Value) {
		// 7. Upon fulfillment of pullPromise,
		// 1. Set controller.[[pulling]] to false.
		c.pulling = false
		// 2. If controller.[[pullAgain]] is true,
		if c.pullAgain {
			// 1. Set controller.[[pullAgain]] to false.
			c.pullAgain = false
			// 2. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(controller).
			c.callPullIfNeeded()
		}
	}, func(e goja.Value) {
		// 8. Upon rejection of pullPromise with reason e,
		// 1. Perform ! ReadableStreamDefaultControllerError(controller, e).
		c.error(e)
	})
}

// shouldCallPull is ReadableStreamDefaultControllerShouldCallPull(controller).
func (c *DefaultController) shouldCallPull() bool {
	s := c.stream
	// 2. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(controller) is false, return false.
	if !c.canCloseOrEnqueue() {
		return false
	}
	// 3. If controller.[[started]] is false, return false.
	if !c.started {
		return false
	}
	// 4. If ! IsReadableStreamLocked(stream) is true and ! ReadableStreamGetNumReadRequests(stream) > 0, return true.
	if s.locked() && s.numReadRequests() > 0 {
		return true
	}
	// 5. Let desiredSize be ! ReadableStreamDefaultControllerGetDesiredSize(controller).
	// 7. If desiredSize > 0, return true.
	// 8. Return false.
	ds, _ := c.desiredSize()
	return ds > 0
}

// clearAlgorithms is ReadableStreamDefaultControllerClearAlgorithms(controller).
func (c *DefaultController) clearAlgorithms() {
	c.pullAlgorithm = nil
	c.cancelAlgorithm = nil
	c.strategySize = nil
}

// close is ReadableStreamDefaultControllerClose(controller).
func (c *DefaultController) close() {
	// 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(controller) is false, return.
	if !c.canCloseOrEnqueue() {
		return
	}
	// 2. Let stream be controller.[[stream]].
	// 3. Set controller.[[closeRequested]] to true.
	c.closeRequested = true
	// 4. If controller.[[queue]] is empty,
	if c.queue.empty() {
		// 1. Perform ! ReadableStreamDefaultControllerClearAlgorithms(controller).
		c.clearAlgorithms()
		// 2. Perform ! ReadableStreamClose(stream).
		c.stream.close()
	}
}

// enqueue is ReadableStreamDefaultControllerEnqueue(controller, chunk); it
// returns the exception of an abrupt completion.
func (c *DefaultController) enqueue(chunk goja.Value) goja.Value {
	// 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(controller) is false, return.
	if !c.canCloseOrEnqueue() {
		return nil
	}
	// 2. Let stream be controller.[[stream]].
	s := c.stream
	// 3. If ! IsReadableStreamLocked(stream) is true and ! ReadableStreamGetNumReadRequests(stream) > 0,
	//    perform ! ReadableStreamFulfillReadRequest(stream, chunk, false).
	if s.locked() && s.numReadRequests() > 0 {
		s.fulfillReadRequest(chunk, false)
	} else {
		// 4. Otherwise,
		// 1. Let result be the result of performing controller.[[strategySizeAlgorithm]], passing in chunk.
		size := 1.0
		if c.strategySize != nil {
			var thrown goja.Value
			size, thrown = c.strategySize(chunk)
			// 2. If result is an abrupt completion,
			if thrown != nil {
				// 1. Perform ! ReadableStreamDefaultControllerError(controller, result.[[Value]]).
				c.error(thrown)
				// 2. Return result.
				return thrown
			}
		}
		// 4. Let enqueueResult be EnqueueValueWithSize(controller, chunk, chunkSize).
		// 5. If enqueueResult is an abrupt completion,
		if thrown := c.queue.enqueue(s.r, chunk, size); thrown != nil {
			// 1. Perform ! ReadableStreamDefaultControllerError(controller, enqueueResult.[[Value]]).
			c.error(thrown)
			// 2. Return enqueueResult.
			return thrown
		}
	}
	// 5. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(controller).
	c.callPullIfNeeded()
	return nil
}

// error is ReadableStreamDefaultControllerError(controller, e).
func (c *DefaultController) error(e goja.Value) {
	// 1. Let stream be controller.[[stream]].
	s := c.stream
	// 2. If stream.[[state]] is not "readable", return.
	if s.state != stateReadable {
		return
	}
	// 3. Perform ! ResetQueue(controller).
	c.queue.reset()
	// 4. Perform ! ReadableStreamDefaultControllerClearAlgorithms(controller).
	c.clearAlgorithms()
	// 5. Perform ! ReadableStreamError(stream, e).
	s.error(e)
}

// desiredSize is ReadableStreamDefaultControllerGetDesiredSize; ok is false for null.
func (c *DefaultController) desiredSize() (float64, bool) {
	switch c.stream.state {
	case stateErrored:
		// 2. If state is "errored", return null.
		return 0, false
	case stateClosed:
		// 3. If state is "closed", return 0.
		return 0, true
	}
	// 4. Return controller.[[strategyHWM]] − controller.[[queueTotalSize]].
	return c.strategyHWM - c.queue.total, true
}

// hasBackpressure is ReadableStreamDefaultControllerHasBackpressure(controller).
func (c *DefaultController) hasBackpressure() bool {
	return !c.shouldCallPull()
}

// canCloseOrEnqueue is ReadableStreamDefaultControllerCanCloseOrEnqueue(controller).
func (c *DefaultController) canCloseOrEnqueue() bool {
	// 2. If controller.[[closeRequested]] is false and state is "readable", return true.
	// 3. Otherwise, return false.
	return !c.closeRequested && c.stream.state == stateReadable
}

// setUpDefaultController is SetUpReadableStreamDefaultController(stream,
// controller, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark,
// sizeAlgorithm). A throwing startAlgorithm panics (the "?").
func setUpDefaultController(s *ReadableStream, c *DefaultController, start func() goja.Value, pull func() *goja.Object, cancel func(goja.Value) *goja.Object, hwm float64, size sizeAlgorithm) {
	r := s.r
	// 2. Set controller.[[stream]] to stream.
	c.stream = s
	// 3. Perform ! ResetQueue(controller).
	c.queue.reset()
	// 4. Set controller.[[started]], [[closeRequested]], [[pullAgain]], and [[pulling]] to false.
	// 5. Set controller.[[strategySizeAlgorithm]] to sizeAlgorithm and [[strategyHWM]] to highWaterMark.
	c.strategySize = size
	c.strategyHWM = hwm
	// 6. Set controller.[[pullAlgorithm]] to pullAlgorithm.
	c.pullAlgorithm = pull
	// 7. Set controller.[[cancelAlgorithm]] to cancelAlgorithm.
	c.cancelAlgorithm = cancel
	// 8. Set stream.[[controller]] to controller.
	s.controller = c
	// 9. Let startResult be the result of performing startAlgorithm. (This might throw an exception.)
	startResult := start()
	// 10. Let startPromise be a promise resolved with startResult.
	startPromise := r.internalResolvedWith(startResult)
	r.upon(startPromise, func(goja.Value) {
		// 11. Upon fulfillment of startPromise,
		// 1. Set controller.[[started]] to true.
		c.started = true
		// 4. Perform ! ReadableStreamDefaultControllerCallPullIfNeeded(controller).
		c.callPullIfNeeded()
	}, func(e goja.Value) {
		// 12. Upon rejection of startPromise with reason r,
		// 1. Perform ! ReadableStreamDefaultControllerError(controller, r).
		c.error(e)
	})
}
