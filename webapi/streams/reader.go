package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// https://streams.spec.whatwg.org/#generic-reader-mixin

const (
	errDefaultReaderLocked = "ReadableStreamDefaultReader constructor can only accept readable streams that are not yet locked to a reader"
	errBYOBReaderLocked    = "ReadableStreamBYOBReader constructor can only accept readable streams that are not yet locked to a reader"
	errBYOBNotByteStream   = "Cannot construct a ReadableStreamBYOBReader for a stream not constructed with a byte source"
	errReadReleased        = "This readable stream reader has been released and cannot be used to read from its previous owner stream"
	errCancelReleased      = "This readable stream reader has been released and cannot be used to cancel its previous owner stream"
	errReleasedClosed      = "This readable stream reader has been released and cannot be used to monitor the stream's state"
	errReleasedPendingRead = "Releasing reader"
)

// streamReader is what ReadableStream.[[reader]] can hold.
type streamReader interface {
	generic() *genericReader
}

// genericReader holds ReadableStreamGenericReader's internal slots.
type genericReader struct {
	stream *ReadableStream
	closed *lazyPromise
}

func (g *genericReader) generic() *genericReader { return g }

// initialize is ReadableStreamReaderGenericInitialize(reader, stream).
func (g *genericReader) initialize(reader streamReader, s *ReadableStream) {
	r := s.r
	// 1. Set reader.[[stream]] to stream.
	g.stream = s
	// 2. Set stream.[[reader]] to reader.
	s.reader = reader
	g.closed = r.newLazyPromise()
	switch s.state {
	case stateReadable:
		// 3. If stream.[[state]] is "readable", set reader.[[closedPromise]] to a new promise.
	case stateClosed:
		// 4. Otherwise, if "closed", set it to a promise resolved with undefined.
		g.closed.resolve(goja.Undefined())
	default:
		// 5. Otherwise, set it to a promise rejected with stream.[[storedError]], and
		//    set its [[PromiseIsHandled]] to true.
		g.closed.reject(s.storedError)
		g.closed.setHandled()
	}
}

// cancel is ReadableStreamReaderGenericCancel(reader, reason).
func (g *genericReader) cancel(reason goja.Value) *goja.Object {
	return g.stream.cancel(reason)
}

// release is ReadableStreamReaderGenericRelease(reader).
func (g *genericReader) release() {
	s := g.stream
	r := s.r
	// 4. If stream.[[state]] is "readable", reject reader.[[closedPromise]] with a TypeError exception.
	// 5. Otherwise, set reader.[[closedPromise]] to a promise rejected with a TypeError exception.
	released := func() goja.Value { return r.newTypeError(errReleasedClosed) }
	if s.state != stateReadable || !g.closed.pending() {
		g.closed = r.newLazyPromise()
	}
	g.closed.rejectWith(released)
	// 6. Set reader.[[closedPromise]].[[PromiseIsHandled]] to true.
	g.closed.setHandled()
	// 7. Perform ! stream.[[controller]].[[ReleaseSteps]]().
	s.controller.releaseSteps()
	// 8. Set stream.[[reader]] to undefined.
	s.reader = nil
	// 9. Set reader.[[stream]] to undefined.
	g.stream = nil
}

// A DefaultReader is a ReadableStreamDefaultReader.
type DefaultReader struct {
	jsclass.Shell
	genericReader
	obj          *goja.Object
	r            *realm
	readRequests []*readRequest
}

func (rd *DefaultReader) object() *goja.Object {
	if rd.obj == nil {
		rd.obj = jsclass.New(rd.r.iso, ReadableStreamDefaultReaderClass, rd)
	}
	return rd.obj
}

// acquireDefaultReader is AcquireReadableStreamDefaultReader(stream); a
// non-empty errMsg is the message of the TypeError to throw.
func acquireDefaultReader(s *ReadableStream) (rd *DefaultReader, errMsg string) {
	rd = &DefaultReader{r: s.r}
	if msg := rd.setUp(s); msg != "" {
		return nil, msg
	}
	return rd, ""
}

// setUp is SetUpReadableStreamDefaultReader(reader, stream).
func (rd *DefaultReader) setUp(s *ReadableStream) string {
	// 1. If ! IsReadableStreamLocked(stream) is true, throw a TypeError exception.
	if s.locked() {
		return errDefaultReaderLocked
	}
	// 2. Perform ! ReadableStreamReaderGenericInitialize(reader, stream).
	rd.initialize(rd, s)
	// 3. Set reader.[[readRequests]] to a new empty list.
	rd.readRequests = nil
	return ""
}

// read is ReadableStreamDefaultReaderRead(reader, readRequest).
func (rd *DefaultReader) read(rr *readRequest) {
	s := rd.stream
	// 3. Set stream.[[disturbed]] to true.
	s.disturbed = true
	switch s.state {
	case stateClosed:
		// 4. If stream.[[state]] is "closed", perform readRequest's close steps.
		rr.close()
	case stateErrored:
		// 5. Otherwise, if "errored", perform readRequest's error steps given stream.[[storedError]].
		rr.fail(s.storedError)
	default:
		// 6. Otherwise, perform ! stream.[[controller]].[[PullSteps]](readRequest).
		s.controller.pullSteps(rr)
	}
}

// errorReadRequests is ReadableStreamDefaultReaderErrorReadRequests(reader, e).
func (rd *DefaultReader) errorReadRequests(e goja.Value) {
	reqs := rd.readRequests
	rd.readRequests = nil
	for _, rr := range reqs {
		rr.fail(e)
	}
}

// releaseReader is ReadableStreamDefaultReaderRelease(reader).
func (rd *DefaultReader) releaseReader() {
	r := rd.r
	// 1. Perform ! ReadableStreamReaderGenericRelease(reader).
	rd.release()
	// 2. Let e be a new TypeError exception.
	// 3. Perform ! ReadableStreamDefaultReaderErrorReadRequests(reader, e).
	if len(rd.readRequests) > 0 {
		rd.errorReadRequests(r.newTypeError(errReleasedPendingRead))
	}
}

// A BYOBReader is a ReadableStreamBYOBReader.
type BYOBReader struct {
	jsclass.Shell
	genericReader
	obj              *goja.Object
	r                *realm
	readIntoRequests []*readIntoRequest
}

func (rd *BYOBReader) object() *goja.Object {
	if rd.obj == nil {
		rd.obj = jsclass.New(rd.r.iso, ReadableStreamBYOBReaderClass, rd)
	}
	return rd.obj
}

// acquireBYOBReader is AcquireReadableStreamBYOBReader(stream).
func acquireBYOBReader(s *ReadableStream) (rd *BYOBReader, errMsg string) {
	rd = &BYOBReader{r: s.r}
	if msg := rd.setUp(s); msg != "" {
		return nil, msg
	}
	return rd, ""
}

// setUp is SetUpReadableStreamBYOBReader(reader, stream).
func (rd *BYOBReader) setUp(s *ReadableStream) string {
	// 1. If ! IsReadableStreamLocked(stream) is true, throw a TypeError exception.
	if s.locked() {
		return errBYOBReaderLocked
	}
	// 2. If stream.[[controller]] does not implement ReadableByteStreamController, throw a TypeError exception.
	if _, ok := s.controller.(*ByteController); !ok {
		return errBYOBNotByteStream
	}
	// 3. Perform ! ReadableStreamReaderGenericInitialize(reader, stream).
	rd.initialize(rd, s)
	// 4. Set reader.[[readIntoRequests]] to a new empty list.
	rd.readIntoRequests = nil
	return ""
}

// read is ReadableStreamBYOBReaderRead(reader, view, min, readIntoRequest).
func (rd *BYOBReader) read(view arrayBufferView, min uint64, rr *readIntoRequest) {
	s := rd.stream
	// 3. Set stream.[[disturbed]] to true.
	s.disturbed = true
	// 4. If stream.[[state]] is "errored", perform readIntoRequest's error steps given stream.[[storedError]].
	if s.state == stateErrored {
		rr.fail(s.storedError)
		return
	}
	// 5. Otherwise, perform ! ReadableByteStreamControllerPullInto(stream.[[controller]], view, min, readIntoRequest).
	s.controller.(*ByteController).pullInto(view, min, rr)
}

// errorReadIntoRequests is ReadableStreamBYOBReaderErrorReadIntoRequests(reader, e).
func (rd *BYOBReader) errorReadIntoRequests(e goja.Value) {
	reqs := rd.readIntoRequests
	rd.readIntoRequests = nil
	for _, rr := range reqs {
		rr.fail(e)
	}
}

// releaseReader is ReadableStreamBYOBReaderRelease(reader).
func (rd *BYOBReader) releaseReader() {
	rd.release()
	if len(rd.readIntoRequests) > 0 {
		rd.errorReadIntoRequests(rd.r.newTypeError(errReleasedPendingRead))
	}
}

// iterResult is CreateIterResultObject(value, done).
func (r *realm) iterResult(value goja.Value, done bool) *goja.Object {
	o := r.vm.NewObject()
	if value == nil {
		value = goja.Undefined()
	}
	// CreateDataProperty, so setters on Object.prototype are not invoked.
	_ = o.DefineDataProperty("value", value, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	_ = o.DefineDataProperty("done", r.vm.ToValue(done), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	return o
}
