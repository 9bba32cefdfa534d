package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#ws-class

type writableState uint8

const (
	wsWritable writableState = iota
	wsClosed
	wsErroring
	wsErrored
)

// A WritableStream is the Go side of a JS WritableStream.
type WritableStream struct {
	jsclass.Shell
	r   *realm
	obj *goja.Object

	state                writableState
	storedError          goja.Value
	writer               *Writer
	controller           *WritableController
	inFlightWriteRequest *promise
	closeRequest         *promise
	inFlightCloseRequest *promise
	pendingAbortRequest  *pendingAbortRequest
	writeRequests        []*promise
	backpressure         bool
}

// pendingAbortRequest is the spec's pending abort request.
type pendingAbortRequest struct {
	promise            *promise
	reason             goja.Value
	wasAlreadyErroring bool
}

func (s *WritableStream) object() *goja.Object {
	if s.obj == nil {
		s.obj = jsclass.New(s.r.iso, WritableStreamClass, s)
	}
	return s.obj
}

// newWritableStream is InitializeWritableStream on a fresh stream.
func newWritableStream(r *realm) *WritableStream {
	// 1. Set stream.[[state]] to "writable".
	// 2. Set [[storedError]], [[writer]], [[controller]], [[inFlightWriteRequest]], [[closeRequest]],
	//    [[inFlightCloseRequest]], and [[pendingAbortRequest]] to undefined.
	// 3. Set stream.[[writeRequests]] to a new empty list.
	// 4. Set stream.[[backpressure]] to false.
	return &WritableStream{r: r, state: wsWritable, storedError: goja.Undefined()}
}

// createWritableStream is CreateWritableStream(startAlgorithm, writeAlgorithm,
// closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm).
func createWritableStream(r *realm, start func() goja.Value, write func(goja.Value) *goja.Object, closeAlg func() *goja.Object, abort func(goja.Value) *goja.Object, hwm float64, size sizeAlgorithm) *WritableStream {
	s := newWritableStream(r)
	c := &WritableController{}
	setUpWritableController(s, c, start, write, closeAlg, abort, hwm, size)
	return s
}

// locked is IsWritableStreamLocked.
func (s *WritableStream) locked() bool { return s.writer != nil }

// abort is WritableStreamAbort(stream, reason).
func (s *WritableStream) abort(reason goja.Value) *goja.Object {
	r := s.r
	// 1. If stream.[[state]] is "closed" or "errored", return a promise resolved with undefined.
	if s.state == wsClosed || s.state == wsErrored {
		return r.resolvedUndefined()
	}
	// 2. Signal abort on stream.[[controller]].[[abortController]] with reason.
	s.controller.signalAbort(reason)
	// 3. Let state be stream.[[state]].
	state := s.state
	// 4. If state is "closed" or "errored", return a promise resolved with undefined.
	if state == wsClosed || state == wsErrored {
		return r.resolvedUndefined()
	}
	// 5. If stream.[[pendingAbortRequest]] is not undefined, return its promise.
	if s.pendingAbortRequest != nil {
		return s.pendingAbortRequest.promise.obj
	}
	// 7. Let wasAlreadyErroring be false.
	wasAlreadyErroring := false
	// 8. If state is "erroring", set wasAlreadyErroring to true and reason to undefined.
	if state == wsErroring {
		wasAlreadyErroring = true
		reason = goja.Undefined()
	}
	// 9. Let promise be a new promise.
	p := r.newPromise()
	// 10. Set stream.[[pendingAbortRequest]] to a new pending abort request.
	s.pendingAbortRequest = &pendingAbortRequest{promise: p, reason: reason, wasAlreadyErroring: wasAlreadyErroring}
	// 11. If wasAlreadyErroring is false, perform ! WritableStreamStartErroring(stream, reason).
	if !wasAlreadyErroring {
		s.startErroring(reason)
	}
	// 12. Return promise.
	return p.obj
}

// close is WritableStreamClose(stream).
func (s *WritableStream) close() *goja.Object {
	r := s.r
	// 1. Let state be stream.[[state]].
	state := s.state
	// 2. If state is "closed" or "errored", return a promise rejected with a TypeError exception.
	if state == wsClosed || state == wsErrored {
		return r.rejectedWith(r.newTypeError("Cannot close a writable stream that is closed or errored"))
	}
	// 5. Let promise be a new promise.
	p := r.newPromise()
	// 6. Set stream.[[closeRequest]] to promise.
	s.closeRequest = p
	// 7. Let writer be stream.[[writer]].
	// 8. If writer is not undefined, and stream.[[backpressure]] is true, and state is "writable",
	//    resolve writer.[[readyPromise]] with undefined.
	if w := s.writer; w != nil && s.backpressure && state == wsWritable {
		w.ready.resolve(goja.Undefined())
	}
	// 9. Perform ! WritableStreamDefaultControllerClose(stream.[[controller]]).
	s.controller.close()
	// 10. Return promise.
	return p.obj
}

// addWriteRequest is WritableStreamAddWriteRequest(stream).
func (s *WritableStream) addWriteRequest() *promise {
	// 3. Let promise be a new promise.
	p := s.r.newPromise()
	// 4. Append promise to stream.[[writeRequests]].
	s.writeRequests = append(s.writeRequests, p)
	// 5. Return promise.
	return p
}

// closeQueuedOrInFlight is WritableStreamCloseQueuedOrInFlight(stream).
func (s *WritableStream) closeQueuedOrInFlight() bool {
	return s.closeRequest != nil || s.inFlightCloseRequest != nil
}

// dealWithRejection is WritableStreamDealWithRejection(stream, error).
func (s *WritableStream) dealWithRejection(e goja.Value) {
	// 2. If state is "writable", perform ! WritableStreamStartErroring(stream, error) and return.
	if s.state == wsWritable {
		s.startErroring(e)
		return
	}
	// 4. Perform ! WritableStreamFinishErroring(stream).
	s.finishErroring()
}

// finishErroring is WritableStreamFinishErroring(stream).
func (s *WritableStream) finishErroring() {
	r := s.r
	// 3. Set stream.[[state]] to "errored".
	s.state = wsErrored
	// 4. Perform ! stream.[[controller]].[[ErrorSteps]]().
	s.controller.errorSteps()
	// 5. Let storedError be stream.[[storedError]].
	storedError := s.storedError
	// 6. For each writeRequest of stream.[[writeRequests]]: reject writeRequest with storedError.
	reqs := s.writeRequests
	// 7. Set stream.[[writeRequests]] to an empty list.
	s.writeRequests = nil
	for _, wr := range reqs {
		wr.reject(storedError)
	}
	// 8. If stream.[[pendingAbortRequest]] is undefined,
	if s.pendingAbortRequest == nil {
		// 1. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
		s.rejectCloseAndClosedPromiseIfNeeded()
		// 2. Return.
		return
	}
	// 9. Let abortRequest be stream.[[pendingAbortRequest]].
	abortRequest := s.pendingAbortRequest
	// 10. Set stream.[[pendingAbortRequest]] to undefined.
	s.pendingAbortRequest = nil
	// 11. If abortRequest's was already erroring is true,
	if abortRequest.wasAlreadyErroring {
		// 1. Reject abortRequest's promise with storedError.
		abortRequest.promise.reject(storedError)
		// 2. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
		s.rejectCloseAndClosedPromiseIfNeeded()
		// 3. Return.
		return
	}
	// 12. Let promise be ! stream.[[controller]].[[AbortSteps]](abortRequest's reason).
	p := s.controller.abortSteps(abortRequest.reason)
	r.upon(p, func(goja.Value) {
		// 13. Upon fulfillment of promise,
		// 1. Resolve abortRequest's promise with undefined.
		abortRequest.promise.resolve(goja.Undefined())
		// 2. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
		s.rejectCloseAndClosedPromiseIfNeeded()
	}, func(reason goja.Value) {
		// 14. Upon rejection of promise with reason reason,
		// 1. Reject abortRequest's promise with reason.
		abortRequest.promise.reject(reason)
		// 2. Perform ! WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
		s.rejectCloseAndClosedPromiseIfNeeded()
	})
}

// finishInFlightClose is WritableStreamFinishInFlightClose(stream).
func (s *WritableStream) finishInFlightClose() {
	// 2. Resolve stream.[[inFlightCloseRequest]] with undefined.
	s.inFlightCloseRequest.resolve(goja.Undefined())
	// 3. Set stream.[[inFlightCloseRequest]] to undefined.
	s.inFlightCloseRequest = nil
	// 6. If state is "erroring",
	if s.state == wsErroring {
		// 1. Set stream.[[storedError]] to undefined.
		s.storedError = goja.Undefined()
		// 2. If stream.[[pendingAbortRequest]] is not undefined,
		if s.pendingAbortRequest != nil {
			// 1. Resolve stream.[[pendingAbortRequest]]'s promise with undefined.
			s.pendingAbortRequest.promise.resolve(goja.Undefined())
			// 2. Set stream.[[pendingAbortRequest]] to undefined.
			s.pendingAbortRequest = nil
		}
	}
	// 7. Set stream.[[state]] to "closed".
	s.state = wsClosed
	// 8. Let writer be stream.[[writer]].
	// 9. If writer is not undefined, resolve writer.[[closedPromise]] with undefined.
	if w := s.writer; w != nil {
		w.closed.resolve(goja.Undefined())
	}
}

// finishInFlightCloseWithError is WritableStreamFinishInFlightCloseWithError(stream, error).
func (s *WritableStream) finishInFlightCloseWithError(e goja.Value) {
	// 2. Reject stream.[[inFlightCloseRequest]] with error.
	s.inFlightCloseRequest.reject(e)
	// 3. Set stream.[[inFlightCloseRequest]] to undefined.
	s.inFlightCloseRequest = nil
	// 5. If stream.[[pendingAbortRequest]] is not undefined,
	if s.pendingAbortRequest != nil {
		// 1. Reject stream.[[pendingAbortRequest]]'s promise with error.
		s.pendingAbortRequest.promise.reject(e)
		// 2. Set stream.[[pendingAbortRequest]] to undefined.
		s.pendingAbortRequest = nil
	}
	// 6. Perform ! WritableStreamDealWithRejection(stream, error).
	s.dealWithRejection(e)
}

// finishInFlightWrite is WritableStreamFinishInFlightWrite(stream).
func (s *WritableStream) finishInFlightWrite() {
	// 2. Resolve stream.[[inFlightWriteRequest]] with undefined.
	s.inFlightWriteRequest.resolve(goja.Undefined())
	// 3. Set stream.[[inFlightWriteRequest]] to undefined.
	s.inFlightWriteRequest = nil
}

// finishInFlightWriteWithError is WritableStreamFinishInFlightWriteWithError(stream, error).
func (s *WritableStream) finishInFlightWriteWithError(e goja.Value) {
	// 2. Reject stream.[[inFlightWriteRequest]] with error.
	s.inFlightWriteRequest.reject(e)
	// 3. Set stream.[[inFlightWriteRequest]] to undefined.
	s.inFlightWriteRequest = nil
	// 5. Perform ! WritableStreamDealWithRejection(stream, error).
	s.dealWithRejection(e)
}

// hasOperationMarkedInFlight is WritableStreamHasOperationMarkedInFlight(stream).
func (s *WritableStream) hasOperationMarkedInFlight() bool {
	return s.inFlightWriteRequest != nil || s.inFlightCloseRequest != nil
}

// markCloseRequestInFlight is WritableStreamMarkCloseRequestInFlight(stream).
func (s *WritableStream) markCloseRequestInFlight() {
	// 3. Set stream.[[inFlightCloseRequest]] to stream.[[closeRequest]].
	s.inFlightCloseRequest = s.closeRequest
	// 4. Set stream.[[closeRequest]] to undefined.
	s.closeRequest = nil
}

// markFirstWriteRequestInFlight is WritableStreamMarkFirstWriteRequestInFlight(stream).
func (s *WritableStream) markFirstWriteRequestInFlight() {
	// 3. Let writeRequest be stream.[[writeRequests]][0].
	// 4. Remove writeRequest from stream.[[writeRequests]].
	wr := s.writeRequests[0]
	s.writeRequests[0] = nil
	s.writeRequests = s.writeRequests[1:]
	// 5. Set stream.[[inFlightWriteRequest]] to writeRequest.
	s.inFlightWriteRequest = wr
}

// rejectCloseAndClosedPromiseIfNeeded is WritableStreamRejectCloseAndClosedPromiseIfNeeded(stream).
func (s *WritableStream) rejectCloseAndClosedPromiseIfNeeded() {
	r := s.r
	// 2. If stream.[[closeRequest]] is not undefined,
	if s.closeRequest != nil {
		// 2. Reject stream.[[closeRequest]] with stream.[[storedError]].
		s.closeRequest.reject(s.storedError)
		// 3. Set stream.[[closeRequest]] to undefined.
		s.closeRequest = nil
	}
	// 3. Let writer be stream.[[writer]].
	// 4. If writer is not undefined,
	if w := s.writer; w != nil {
		// 1. Reject writer.[[closedPromise]] with stream.[[storedError]].
		w.closed.reject(s.storedError)
		// 2. Set writer.[[closedPromise]].[[PromiseIsHandled]] to true.
		r.setHandled(w.closed.obj)
	}
}

// startErroring is WritableStreamStartErroring(stream, reason).
func (s *WritableStream) startErroring(reason goja.Value) {
	// 3. Let controller be stream.[[controller]].
	c := s.controller
	// 5. Set stream.[[state]] to "erroring".
	s.state = wsErroring
	// 6. Set stream.[[storedError]] to reason.
	s.storedError = reason
	// 7. Let writer be stream.[[writer]].
	// 8. If writer is not undefined, perform ! WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason).
	if w := s.writer; w != nil {
		w.ensureReadyPromiseRejected(reason)
	}
	// 9. If ! WritableStreamHasOperationMarkedInFlight(stream) is false and controller.[[started]] is true,
	//    perform ! WritableStreamFinishErroring(stream).
	if !s.hasOperationMarkedInFlight() && c.started {
		s.finishErroring()
	}
}

// updateBackpressure is WritableStreamUpdateBackpressure(stream, backpressure).
func (s *WritableStream) updateBackpressure(backpressure bool) {
	// 3. Let writer be stream.[[writer]].
	// 4. If writer is not undefined and backpressure is not stream.[[backpressure]],
	if w := s.writer; w != nil && backpressure != s.backpressure {
		if backpressure {
			// 1. If backpressure is true, set writer.[[readyPromise]] to a new promise.
			w.ready = s.r.newPromise()
		} else {
			// 2. Otherwise, resolve writer.[[readyPromise]] with undefined.
			w.ready.resolve(goja.Undefined())
		}
	}
	// 5. Set stream.[[backpressure]] to backpressure.
	s.backpressure = backpressure
}
