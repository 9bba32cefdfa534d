package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#rs-class

type streamState uint8

const (
	stateReadable streamState = iota
	stateClosed
	stateErrored
)

// A ReadableStream is the Go side of a JS ReadableStream.
type ReadableStream struct {
	jsclass.Shell
	r   *realm
	obj *goja.Object

	state       streamState
	reader      streamReader // *DefaultReader, *BYOBReader or nil
	storedError goja.Value
	disturbed   bool
	controller  readableController
}

// readableController is the [[CancelSteps]], [[PullSteps]] and
// [[ReleaseSteps]] contract both controllers implement.
type readableController interface {
	cancelSteps(reason goja.Value) *goja.Object
	pullSteps(rr *readRequest)
	releaseSteps()
}

// A readRequest is the spec's read request: what to do when a chunk, the
// end of the stream or an error reaches a pending read.
type readRequest struct {
	chunk func(goja.Value)
	close func()
	fail  func(goja.Value)
}

// A readIntoRequest is the spec's read-into request (BYOB reads).
type readIntoRequest struct {
	chunk func(goja.Value)
	close func(goja.Value)
	fail  func(goja.Value)
}

// object returns the stream's JS object, creating it for host-made streams.
func (s *ReadableStream) object() *goja.Object {
	if s.obj == nil {
		s.obj = jsclass.New(s.r.iso, ReadableStreamClass, s)
	}
	return s.obj
}

// newReadableStream is InitializeReadableStream on a fresh stream.
func newReadableStream(r *realm) *ReadableStream {
	// 1. Set stream.[[state]] to "readable".
	// 2. Set stream.[[reader]] and stream.[[storedError]] to undefined.
	// 3. Set stream.[[disturbed]] to false.
	return &ReadableStream{r: r, state: stateReadable}
}

// locked is IsReadableStreamLocked.
func (s *ReadableStream) locked() bool { return s.reader != nil }

// createReadableStream is CreateReadableStream(startAlgorithm, pullAlgorithm,
// cancelAlgorithm, highWaterMark, sizeAlgorithm).
func createReadableStream(r *realm, start func() goja.Value, pull func() *goja.Object, cancel func(goja.Value) *goja.Object, hwm float64, size sizeAlgorithm) *ReadableStream {
	// 4. Let stream be a new ReadableStream.
	// 5. Perform ! InitializeReadableStream(stream).
	s := newReadableStream(r)
	// 6. Let controller be a new ReadableStreamDefaultController.
	c := &DefaultController{}
	// 7. Perform ? SetUpReadableStreamDefaultController(stream, controller, startAlgorithm,
	//    pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm).
	setUpDefaultController(s, c, start, pull, cancel, hwm, size)
	return s
}

// createReadableByteStream is CreateReadableByteStream(startAlgorithm,
// pullAlgorithm, cancelAlgorithm).
func createReadableByteStream(r *realm, start func() goja.Value, pull func() *goja.Object, cancel func(goja.Value) *goja.Object) *ReadableStream {
	s := newReadableStream(r)
	c := &ByteController{}
	setUpByteController(s, c, start, pull, cancel, 0, 0)
	return s
}

// cancel is ReadableStreamCancel(stream, reason).
func (s *ReadableStream) cancel(reason goja.Value) *goja.Object {
	r := s.r
	// 1. Set stream.[[disturbed]] to true.
	s.disturbed = true
	// 2. If stream.[[state]] is "closed", return a promise resolved with undefined.
	if s.state == stateClosed {
		return r.resolvedUndefined()
	}
	// 3. If stream.[[state]] is "errored", return a promise rejected with stream.[[storedError]].
	if s.state == stateErrored {
		return r.rejectedWith(s.storedError)
	}
	// 4. Perform ! ReadableStreamClose(stream).
	s.close()
	// 5. Let reader be stream.[[reader]].
	// 6. If reader is not undefined and reader implements ReadableStreamBYOBReader,
	if br, ok := s.reader.(*BYOBReader); ok {
		// 1. Let readIntoRequests be reader.[[readIntoRequests]].
		// 2. Set reader.[[readIntoRequests]] to an empty list.
		reqs := br.readIntoRequests
		br.readIntoRequests = nil
		// 3. For each readIntoRequest of readIntoRequests, perform its close steps, given undefined.
		for _, req := range reqs {
			req.close(goja.Undefined())
		}
	}
	// 7. Let sourceCancelPromise be ! stream.[[controller]].[[CancelSteps]](reason).
	sourceCancel := s.controller.cancelSteps(reason)
	// 8. Return the result of reacting to sourceCancelPromise with a fulfillment step that returns undefined.
	return r.transformUndefined(sourceCancel)
}

// close is ReadableStreamClose(stream).
func (s *ReadableStream) close() {
	// 2. Set stream.[[state]] to "closed".
	s.state = stateClosed
	// 3. Let reader be stream.[[reader]].
	// 4. If reader is undefined, return.
	if s.reader == nil {
		return
	}
	// 5. Resolve reader.[[closedPromise]] with undefined.
	s.reader.generic().closed.resolve(goja.Undefined())
	// 6. If reader implements ReadableStreamDefaultReader,
	if dr, ok := s.reader.(*DefaultReader); ok {
		// 1. Let readRequests be reader.[[readRequests]].
		// 2. Set reader.[[readRequests]] to an empty list.
		reqs := dr.readRequests
		dr.readRequests = nil
		// 3. For each readRequest of readRequests, perform readRequest's close steps.
		for _, req := range reqs {
			req.close()
		}
	}
}

// error is ReadableStreamError(stream, e).
func (s *ReadableStream) error(e goja.Value) {
	// 2. Set stream.[[state]] to "errored".
	s.state = stateErrored
	// 3. Set stream.[[storedError]] to e.
	s.storedError = e
	// 4. Let reader be stream.[[reader]].
	// 5. If reader is undefined, return.
	if s.reader == nil {
		return
	}
	// 6. Reject reader.[[closedPromise]] with e.
	g := s.reader.generic()
	g.closed.reject(e)
	// 7. Set reader.[[closedPromise]].[[PromiseIsHandled]] to true.
	g.closed.setHandled()
	switch rd := s.reader.(type) {
	case *DefaultReader:
		// 8. Perform ! ReadableStreamDefaultReaderErrorReadRequests(reader, e).
		rd.errorReadRequests(e)
	case *BYOBReader:
		// 9. Perform ! ReadableStreamBYOBReaderErrorReadIntoRequests(reader, e).
		rd.errorReadIntoRequests(e)
	}
}

// addReadRequest is ReadableStreamAddReadRequest.
func (s *ReadableStream) addReadRequest(rr *readRequest) {
	dr := s.reader.(*DefaultReader)
	dr.readRequests = append(dr.readRequests, rr)
}

// addReadIntoRequest is ReadableStreamAddReadIntoRequest.
func (s *ReadableStream) addReadIntoRequest(rr *readIntoRequest) {
	br := s.reader.(*BYOBReader)
	br.readIntoRequests = append(br.readIntoRequests, rr)
}

// fulfillReadRequest is ReadableStreamFulfillReadRequest(stream, chunk, done).
func (s *ReadableStream) fulfillReadRequest(chunk goja.Value, done bool) {
	// 2. Let reader be stream.[[reader]].
	dr := s.reader.(*DefaultReader)
	// 4. Let readRequest be reader.[[readRequests]][0].
	// 5. Remove readRequest from reader.[[readRequests]].
	rr := dr.readRequests[0]
	dr.readRequests[0] = nil
	dr.readRequests = dr.readRequests[1:]
	// 6. If done is true, perform readRequest's close steps.
	if done {
		rr.close()
		return
	}
	// 7. Otherwise, perform readRequest's chunk steps, given chunk.
	rr.chunk(chunk)
}

// fulfillReadIntoRequest is ReadableStreamFulfillReadIntoRequest(stream, chunk, done).
func (s *ReadableStream) fulfillReadIntoRequest(chunk goja.Value, done bool) {
	br := s.reader.(*BYOBReader)
	rr := br.readIntoRequests[0]
	br.readIntoRequests[0] = nil
	br.readIntoRequests = br.readIntoRequests[1:]
	if done {
		rr.close(chunk)
		return
	}
	rr.chunk(chunk)
}

// numReadRequests is ReadableStreamGetNumReadRequests.
func (s *ReadableStream) numReadRequests() int {
	if dr, ok := s.reader.(*DefaultReader); ok {
		return len(dr.readRequests)
	}
	return 0
}

// numReadIntoRequests is ReadableStreamGetNumReadIntoRequests.
func (s *ReadableStream) numReadIntoRequests() int {
	if br, ok := s.reader.(*BYOBReader); ok {
		return len(br.readIntoRequests)
	}
	return 0
}

// hasDefaultReader is ReadableStreamHasDefaultReader.
func (s *ReadableStream) hasDefaultReader() bool {
	_, ok := s.reader.(*DefaultReader)
	return ok
}

// hasBYOBReader is ReadableStreamHasBYOBReader.
func (s *ReadableStream) hasBYOBReader() bool {
	_, ok := s.reader.(*BYOBReader)
	return ok
}
