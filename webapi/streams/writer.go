package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#default-writer-class

const (
	errWriterLocked   = "Cannot create writer when WritableStream is locked"
	errWriterReleased = "This writable stream writer has been released and cannot be used to monitor the stream's state"
)

// A Writer is a WritableStreamDefaultWriter.
type Writer struct {
	jsclass.Shell
	r      *realm
	obj    *goja.Object
	stream *WritableStream
	closed *promise
	ready  *promise
}

func (w *Writer) object() *goja.Object {
	if w.obj == nil {
		w.obj = jsclass.New(w.r.iso, WritableStreamDefaultWriterClass, w)
	}
	return w.obj
}

// acquireWriter is AcquireWritableStreamDefaultWriter(stream); errMsg is
// the TypeError's message on failure.
func acquireWriter(s *WritableStream) (*Writer, string) {
	w := &Writer{r: s.r}
	if msg := w.setUp(s); msg != "" {
		return nil, msg
	}
	return w, ""
}

// setUp is SetUpWritableStreamDefaultWriter(writer, stream).
func (w *Writer) setUp(s *WritableStream) string {
	r := s.r
	// 1. If ! IsWritableStreamLocked(stream) is true, throw a TypeError exception.
	if s.locked() {
		return errWriterLocked
	}
	// 2. Set writer.[[stream]] to stream.
	w.stream = s
	// 3. Set stream.[[writer]] to writer.
	s.writer = w
	w.ready = r.newPromise()
	w.closed = r.newPromise()
	// 4. Let state be stream.[[state]].
	switch s.state {
	case wsWritable:
		// 5. If state is "writable",
		// 1. If ! WritableStreamCloseQueuedOrInFlight(stream) is false and stream.[[backpressure]] is true,
		//    set writer.[[readyPromise]] to a new promise.
		// 2. Otherwise, set writer.[[readyPromise]] to a promise resolved with undefined.
		if s.closeQueuedOrInFlight() || !s.backpressure {
			w.ready.resolve(goja.Undefined())
		}
		// 3. Set writer.[[closedPromise]] to a new promise.
	case wsErroring:
		// 6. Otherwise, if state is "erroring",
		// 1. Set writer.[[readyPromise]] to a promise rejected with stream.[[storedError]].
		w.ready.reject(s.storedError)
		// 2. Set writer.[[readyPromise]].[[PromiseIsHandled]] to true.
		r.setHandled(w.ready.obj)
		// 3. Set writer.[[closedPromise]] to a new promise.
	case wsClosed:
		// 7. Otherwise, if state is "closed",
		// 1. Set writer.[[readyPromise]] to a promise resolved with undefined.
		w.ready.resolve(goja.Undefined())
		// 2. Set writer.[[closedPromise]] to a promise resolved with undefined.
		w.closed.resolve(goja.Undefined())
	default:
		// 8. Otherwise,
		// 2. Let storedError be stream.[[storedError]].
		// 3. Set writer.[[readyPromise]] to a promise rejected with storedError.
		w.ready.reject(s.storedError)
		// 4. Set writer.[[readyPromise]].[[PromiseIsHandled]] to true.
		r.setHandled(w.ready.obj)
		// 5. Set writer.[[closedPromise]] to a promise rejected with storedError.
		w.closed.reject(s.storedError)
		// 6. Set writer.[[closedPromise]].[[PromiseIsHandled]] to true.
		r.setHandled(w.closed.obj)
	}
	return ""
}

// abort is WritableStreamDefaultWriterAbort(writer, reason).
func (w *Writer) abort(reason goja.Value) *goja.Object { return w.stream.abort(reason) }

// close is WritableStreamDefaultWriterClose(writer).
func (w *Writer) close() *goja.Object { return w.stream.close() }

// closeWithErrorPropagation is WritableStreamDefaultWriterCloseWithErrorPropagation(writer).
func (w *Writer) closeWithErrorPropagation() *goja.Object {
	r := w.r
	// 1. Let stream be writer.[[stream]].
	s := w.stream
	// 3. Let state be stream.[[state]].
	// 4. If ! WritableStreamCloseQueuedOrInFlight(stream) is true or state is "closed",
	//    return a promise resolved with undefined.
	if s.closeQueuedOrInFlight() || s.state == wsClosed {
		return r.fulfilled()
	}
	// 5. If state is "errored", return a promise rejected with stream.[[storedError]].
	if s.state == wsErrored {
		return r.rejectedWith(s.storedError)
	}
	// 7. Return ! WritableStreamDefaultWriterClose(writer).
	return w.close()
}

// ensureClosedPromiseRejected is WritableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error).
func (w *Writer) ensureClosedPromiseRejected(e goja.Value) {
	// 1. If writer.[[closedPromise]].[[PromiseState]] is "pending", reject it with error.
	// 2. Otherwise, set writer.[[closedPromise]] to a promise rejected with error.
	if !w.closed.pending() {
		w.closed = w.r.newPromise()
	}
	w.closed.reject(e)
	// 3. Set writer.[[closedPromise]].[[PromiseIsHandled]] to true.
	w.r.setHandled(w.closed.obj)
}

// ensureReadyPromiseRejected is WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error).
func (w *Writer) ensureReadyPromiseRejected(e goja.Value) {
	if !w.ready.pending() {
		w.ready = w.r.newPromise()
	}
	w.ready.reject(e)
	w.r.setHandled(w.ready.obj)
}

// desiredSize is WritableStreamDefaultWriterGetDesiredSize(writer); ok is false for null.
func (w *Writer) desiredSize() (float64, bool) {
	s := w.stream
	switch s.state {
	case wsErrored, wsErroring:
		// 3. If state is "errored" or "erroring", return null.
		return 0, false
	case wsClosed:
		// 4. If state is "closed", return 0.
		return 0, true
	}
	// 5. Return ! WritableStreamDefaultControllerGetDesiredSize(stream.[[controller]]).
	return s.controller.desiredSize(), true
}

// release is WritableStreamDefaultWriterRelease(writer).
func (w *Writer) release() {
	r := w.r
	s := w.stream
	// 4. Let releasedError be a new TypeError.
	releasedError := r.newTypeError(errWriterReleased)
	// 5. Perform ! WritableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError).
	w.ensureReadyPromiseRejected(releasedError)
	// 6. Perform ! WritableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError).
	w.ensureClosedPromiseRejected(releasedError)
	// 7. Set stream.[[writer]] to undefined.
	s.writer = nil
	// 8. Set writer.[[stream]] to undefined.
	w.stream = nil
}

// write is WritableStreamDefaultWriterWrite(writer, chunk).
func (w *Writer) write(chunk goja.Value) *goja.Object {
	r := w.r
	// 1. Let stream be writer.[[stream]].
	s := w.stream
	// 3. Let controller be stream.[[controller]].
	c := s.controller
	// 4. Let chunkSize be ! WritableStreamDefaultControllerGetChunkSize(controller, chunk).
	chunkSize := c.chunkSize(chunk)
	// 5. If stream is not equal to writer.[[stream]], return a promise rejected with a TypeError exception.
	if s != w.stream {
		return r.rejectedWith(r.newTypeError("This writable stream writer has been released and cannot be used to write"))
	}
	// 6. Let state be stream.[[state]].
	state := s.state
	// 7. If state is "errored", return a promise rejected with stream.[[storedError]].
	if state == wsErrored {
		return r.rejectedWith(s.storedError)
	}
	// 8. If ! WritableStreamCloseQueuedOrInFlight(stream) is true or state is "closed", return a promise
	//    rejected with a TypeError exception indicating that the stream is closing or closed.
	if s.closeQueuedOrInFlight() {
		return r.rejectedWith(r.newTypeError("Cannot write to a closing writable stream"))
	}
	if state == wsClosed {
		return r.rejectedWith(r.newTypeError("Cannot write to a closed writable stream"))
	}
	// 9. If state is "erroring", return a promise rejected with stream.[[storedError]].
	if state == wsErroring {
		return r.rejectedWith(s.storedError)
	}
	// 11. Let promise be ! WritableStreamAddWriteRequest(stream).
	p := s.addWriteRequest()
	// 12. Perform ! WritableStreamDefaultControllerWrite(controller, chunk, chunkSize).
	c.write(chunk, chunkSize)
	// 13. Return promise.
	return p.obj
}
