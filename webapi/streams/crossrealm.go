package streams

// The cross-realm transform behind transferable streams.
// https://streams.spec.whatwg.org/#transferrable-streams
// https://streams.spec.whatwg.org/#cross-realm-transform
//
// A transferred stream is piped into a MessagePort, and the receiving side
// is a stream fed from the entangled port. This file has the stream side;
// package messaging has the ports and registers the transfer steps with
// structuredclone (which this package cannot import: structuredclone
// serializes Blobs, and Blobs are made of streams).

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/events"
)

// Port is what the cross-realm transform needs of a MessagePort that only
// the host sees.
type Port interface {
	// Post runs the message port post message steps with an empty
	// transfer list; it returns what serialization threw, or nil.
	Post(iso *runtime.Isolate, message goja.Value) (thrown goja.Value)
	// Handle sets the port's message and messageerror handlers and
	// enables its port message queue.
	Handle(onMessage func(data goja.Value), onError func())
	// Disentangle disentangles the port.
	Disentangle()
}

// Locked is IsReadableStreamLocked.
func (s *ReadableStream) Locked() bool { return s.locked() }

// Locked is IsWritableStreamLocked.
func (s *WritableStream) Locked() bool { return s.locked() }

// Streams returns a TransformStream's readable and writable sides.
func (t *TransformStream) Streams() (*ReadableStream, *WritableStream) { return t.readable, t.writable }

// Object returns the stream's JS object.
func (s *ReadableStream) Object() *goja.Object { return s.object() }

// Object returns the stream's JS object.
func (s *WritableStream) Object() *goja.Object { return s.object() }

// TransformStreamOf assembles a received TransformStream: ReadableStream's
// and WritableStream's transfer-receiving steps made readable and writable.
func TransformStreamOf(iso *runtime.Isolate, readable, writable goja.Value) *goja.Object {
	rs, _ := jsclass.Unwrap[*ReadableStream](iso, readable)
	ws, _ := jsclass.Unwrap[*WritableStream](iso, writable)
	// 5. Set value.[[backpressure]], value.[[backpressureChangePromise]],
	//    and value.[[controller]] to undefined.
	t := &TransformStream{r: realmOf(iso), readable: rs, writable: ws}
	t.obj = jsclass.New(iso, TransformStreamClass, t)
	return t.obj
}

// PipeToPort is steps 5-8 of ReadableStream's transfer steps: the stream
// is piped into a writable that posts to port (port1).
func (s *ReadableStream) PipeToPort(port Port) {
	r := s.r
	// 5. Let writable be a new WritableStream in the current Realm.
	writable := newWritableStream(r)
	// 6. Perform ! SetUpCrossRealmTransformWritable(writable, port1).
	setUpCrossRealmTransformWritable(r, writable, port)
	// 7. Let promise be ! ReadableStreamPipeTo(value, writable, false, false, false).
	// 8. Set promise.[[PromiseIsHandled]] to true.
	r.setHandled(pipeTo(s, writable, false, false, false, nil))
}

// ReadableFromPort is step 3 of ReadableStream's transfer-receiving steps:
// a new ReadableStream fed from port.
func ReadableFromPort(iso *runtime.Isolate, port Port) *goja.Object {
	r := realmOf(iso)
	s := newReadableStream(r)
	// 3. Perform ! SetUpCrossRealmTransformReadable(value, port).
	setUpCrossRealmTransformReadable(r, s, port)
	return s.object()
}

// PipeFromPort is steps 5-8 of WritableStream's transfer steps: a readable
// fed from port (port1) is piped into the stream.
func (s *WritableStream) PipeFromPort(port Port) {
	r := s.r
	// 5. Let readable be a new ReadableStream in the current Realm.
	readable := newReadableStream(r)
	// 6. Perform ! SetUpCrossRealmTransformReadable(readable, port1).
	setUpCrossRealmTransformReadable(r, readable, port)
	// 7. Let promise be ! ReadableStreamPipeTo(readable, value, false, false, false).
	// 8. Set promise.[[PromiseIsHandled]] to true.
	r.setHandled(pipeTo(readable, s, false, false, false, nil))
}

// WritableToPort is step 3 of WritableStream's transfer-receiving steps:
// a new WritableStream that posts to port.
func WritableToPort(iso *runtime.Isolate, port Port) *goja.Object {
	r := realmOf(iso)
	s := newWritableStream(r)
	// 3. Perform ! SetUpCrossRealmTransformWritable(value, port).
	setUpCrossRealmTransformWritable(r, s, port)
	return s.object()
}

// setUpCrossRealmTransformReadable is SetUpCrossRealmTransformReadable(stream, port).
func setUpCrossRealmTransformReadable(r *realm, s *ReadableStream, port Port) {
	// 1. Perform ! InitializeReadableStream(stream): s is new.
	// 2. Let controller be a new ReadableStreamDefaultController.
	c := &DefaultController{}
	// 3. Add a handler for port's message event with the following steps:
	onMessage := func(data goja.Value) {
		// 1-5. Let data be the data of the message; let type be ! Get(data,
		//      "type") and value be ! Get(data, "value").
		typ, value := unpackMessage(data)
		switch typ {
		case "chunk":
			// 6. If type is "chunk", Perform ! ReadableStreamDefaultControllerEnqueue(controller, value).
			c.enqueue(value)
		case "close":
			// 7. Otherwise, if type is "close", Perform !
			//    ReadableStreamDefaultControllerClose(controller); disentangle port.
			c.close()
			port.Disentangle()
		case "error":
			// 8. Otherwise, if type is "error", Perform !
			//    ReadableStreamDefaultControllerError(controller, value); disentangle port.
			c.error(value)
			port.Disentangle()
		}
	}
	// 4. Add a handler for port's messageerror event with the following steps:
	onError := func() {
		// 1. Let error be a new "DataCloneError" DOMException.
		e := events.NewDOMException(r.iso, "A message to a transferred stream could not be deserialized.", "DataCloneError")
		// 2. Perform ! CrossRealmTransformSendError(port, error).
		crossRealmTransformSendError(r, port, e)
		// 3. Perform ! ReadableStreamDefaultControllerError(controller, error).
		c.error(e)
		// 4. Disentangle port.
		port.Disentangle()
	}
	// 5. Enable port's port message queue.
	port.Handle(onMessage, onError)
	// 6. Let startAlgorithm be an algorithm that returns undefined.
	start := func() goja.Value { return goja.Undefined() }
	// 7. Let pullAlgorithm be: Perform ! PackAndPostMessage(port, "pull",
	//    undefined); return a promise resolved with undefined.
	pull := func() *goja.Object {
		packAndPostMessage(r, port, "pull", goja.Undefined())
		return r.fulfilled()
	}
	// 8. Let cancelAlgorithm be, taking a reason argument:
	cancel := func(reason goja.Value) *goja.Object {
		// 1. Let result be PackAndPostMessageHandlingError(port, "error", reason).
		thrown := packAndPostMessageHandlingError(r, port, "error", reason)
		// 2. Disentangle port.
		port.Disentangle()
		// 3. If result is an abrupt completion, return a promise rejected with result.[[Value]].
		if thrown != nil {
			return r.rejectedWith(thrown)
		}
		// 4. Otherwise, return a promise resolved with undefined.
		return r.fulfilled()
	}
	// 9-10. SetUpReadableStreamDefaultController(stream, controller,
	//       startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, a size algorithm returning 1).
	setUpDefaultController(s, c, start, pull, cancel, 0, sizeOne)
}

// setUpCrossRealmTransformWritable is SetUpCrossRealmTransformWritable(stream, port).
func setUpCrossRealmTransformWritable(r *realm, s *WritableStream, port Port) {
	// 1. Perform ! InitializeWritableStream(stream): s is new.
	// 2. Let controller be a new WritableStreamDefaultController.
	c := &WritableController{}
	// 3. Let backpressurePromise be a new promise.
	backpressure := r.newPromise()
	// relieve resolves backpressurePromise and sets it to undefined. It
	// clears the variable first: resolving from Go can run the write
	// algorithm's reaction at once, and that sets a new promise.
	relieve := func() {
		if p := backpressure; p != nil {
			backpressure = nil
			p.resolve(goja.Undefined())
		}
	}
	// 4. Add a handler for port's message event with the following steps:
	onMessage := func(data goja.Value) {
		typ, value := unpackMessage(data)
		switch typ {
		case "pull":
			// 6. If type is "pull": if backpressurePromise is not undefined,
			//    resolve it with undefined and set it to undefined.
			relieve()
		case "error":
			// 7. Otherwise, if type is "error": Perform !
			//    WritableStreamDefaultControllerErrorIfNeeded(controller, value);
			//    resolve and clear backpressurePromise as above.
			c.errorIfNeeded(value)
			relieve()
		}
	}
	// 5. Add a handler for port's messageerror event with the following steps:
	onError := func() {
		e := events.NewDOMException(r.iso, "A message to a transferred stream could not be deserialized.", "DataCloneError")
		crossRealmTransformSendError(r, port, e)
		c.errorIfNeeded(e)
		port.Disentangle()
	}
	// 6. Enable port's port message queue.
	port.Handle(onMessage, onError)
	start := func() goja.Value { return goja.Undefined() }
	// 8. Let writeAlgorithm be the following steps, taking a chunk argument:
	write := func(chunk goja.Value) *goja.Object {
		// 1. If backpressurePromise is undefined, set backpressurePromise to
		//    a promise resolved with undefined.
		if backpressure == nil {
			backpressure = r.newPromise()
			backpressure.resolve(goja.Undefined())
		}
		// 2. Return the result of reacting to backpressurePromise with the
		//    following fulfillment steps:
		return r.react(backpressure.obj, func(goja.Value) goja.Value {
			// 1. Set backpressurePromise to a new promise.
			backpressure = r.newPromise()
			// 2. Let result be PackAndPostMessageHandlingError(port, "chunk", chunk).
			// 3. If result is an abrupt completion: disentangle port; return a
			//    promise rejected with result.[[Value]].
			if thrown := packAndPostMessageHandlingError(r, port, "chunk", chunk); thrown != nil {
				port.Disentangle()
				return r.rejectedWith(thrown)
			}
			// 4. Otherwise, return a promise resolved with undefined.
			return goja.Undefined()
		}, nil)
	}
	// 9. Let closeAlgorithm be: PackAndPostMessage(port, "close", undefined);
	//    disentangle port; return a promise resolved with undefined.
	closeAlg := func() *goja.Object {
		packAndPostMessage(r, port, "close", goja.Undefined())
		port.Disentangle()
		return r.fulfilled()
	}
	// 10. Let abortAlgorithm be the following steps, taking a reason argument:
	abort := func(reason goja.Value) *goja.Object {
		thrown := packAndPostMessageHandlingError(r, port, "error", reason)
		port.Disentangle()
		if thrown != nil {
			return r.rejectedWith(thrown)
		}
		return r.fulfilled()
	}
	// 11-12. SetUpWritableStreamDefaultController(stream, controller, ..., 1,
	//        a size algorithm returning 1).
	setUpWritableController(s, c, start, write, closeAlg, abort, 1, sizeOne)
}

func sizeOne(goja.Value) (float64, goja.Value) { return 1, nil }

// packAndPostMessage is PackAndPostMessage(port, type, value): it returns
// the exception of an abrupt completion (serialization failed).
func packAndPostMessage(r *realm, port Port, typ string, value goja.Value) goja.Value {
	// 1. Let message be OrdinaryObjectCreate(null).
	message := r.vm.NewObject()
	_ = message.SetPrototype(nil)
	// 2-3. Perform ! CreateDataProperty(message, "type", type) and (message, "value", value).
	_ = message.Set("type", typ)
	_ = message.Set("value", value)
	// 4-6. Run the message port post message steps providing targetPort,
	//      message, and an empty transfer list.
	return port.Post(r.iso, message)
}

// packAndPostMessageHandlingError is PackAndPostMessageHandlingError(port, type, value).
func packAndPostMessageHandlingError(r *realm, port Port, typ string, value goja.Value) goja.Value {
	// 1. Let result be PackAndPostMessage(port, type, value).
	thrown := packAndPostMessage(r, port, typ, value)
	// 2. If result is an abrupt completion, Perform ! CrossRealmTransformSendError(port, result.[[Value]]).
	if thrown != nil {
		crossRealmTransformSendError(r, port, thrown)
	}
	// 3. Return result as a completion record.
	return thrown
}

// crossRealmTransformSendError is CrossRealmTransformSendError(port, error).
func crossRealmTransformSendError(r *realm, port Port, e goja.Value) {
	// 1. Perform PackAndPostMessage(port, "error", error), discarding the result.
	packAndPostMessage(r, port, "error", e)
}

// unpackMessage reads a cross-realm transform message's type and value.
func unpackMessage(data goja.Value) (string, goja.Value) {
	obj, ok := data.(*goja.Object)
	if !ok {
		return "", goja.Undefined()
	}
	return obj.Get("type").String(), obj.Get("value")
}
