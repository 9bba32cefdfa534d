package fetch

import (
	"io"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/streams"
)

// A body is the Fetch Standard's body (https://fetch.spec.whatwg.org/#concept-body)
// with its stream created on demand. Until something asks for the stream,
// the data stays where it came from:
//
//   - bytes: the body was extracted from a string, BufferSource, Blob,
//     URLSearchParams or FormData (hasBytes; the standard's non-null source,
//     which redirects replay);
//   - reader: the body arrives from the network (the server's request, a
//     fetch() response) and is drained on another goroutine when read;
//   - stream: a JS ReadableStream, given by the script or made from the two
//     above by jsStream. Once it exists, it is the body.
//
// A body read without a stream is marked used, which is what a disturbed
// stream would report.
type body struct {
	bytes    []byte
	hasBytes bool
	reader   io.ReadCloser
	stream   *goja.Object
	length   int64 // -1: unknown (the standard's null length)

	used   bool // read or handed over without a stream
	shared bool // bytes are aliased (a clone, a Blob, JS): copy before exposing them

	// abortReason is set by fetch() when the fetch that produced this body
	// is aborted: reads then fail with it rather than with a network error.
	abortReason goja.Value
	// rs is the stream made from reader, if any.
	rs *readerStream
	// finished, if set, runs (on the isolate's goroutine) once a network
	// body has been read to its end or failed; fetch uses it to drop its
	// abort algorithm from a long-lived signal.
	finished func()
}

func (b *body) finish() {
	if f := b.finished; f != nil {
		b.finished = nil
		f()
	}
}

func newBytesBody(b []byte, shared bool) *body {
	return &body{bytes: b, hasBytes: true, length: int64(len(b)), shared: shared}
}

func newReaderBody(r io.ReadCloser, length int64) *body {
	return &body{reader: r, length: length}
}

func newStreamBody(s *goja.Object) *body {
	return &body{stream: s, length: -1}
}

// replayable reports whether the body's source is non-null, i.e. it can be
// extracted again (for a redirect that resends the body).
func (b *body) replayable() bool { return b.hasBytes }

// disturbed reports whether the body's stream is disturbed (bodyUsed).
func (b *body) disturbed(iso *runtime.Isolate) bool {
	if b.stream != nil {
		return streamDisturbed(iso, b.stream)
	}
	return b.used
}

// unusable reports whether the body's stream is disturbed or locked
// (https://fetch.spec.whatwg.org/#body-unusable).
func (b *body) unusable(iso *runtime.Isolate) bool {
	if b.stream != nil {
		return streamDisturbed(iso, b.stream) || streamLocked(iso, b.stream)
	}
	return b.used
}

// jsStream returns the body's ReadableStream, creating it from the bytes or
// reader the first time.
func (b *body) jsStream(iso *runtime.Isolate) *goja.Object {
	if b.stream != nil {
		return b.stream
	}
	switch {
	case b.used:
		// Read without a stream: the stream the standard would have is
		// closed, disturbed and locked by the reader that read it.
		s := newStreamFromBytes(iso, nil)
		holdReader(iso, s, true)
		b.stream = s
	case b.reader != nil:
		b.stream = newStreamFromReader(iso, b.reader, b)
		b.reader = nil
	default:
		b.stream = newStreamFromBytes(iso, b.ownedBytes())
	}
	return b.stream
}

// ownedBytes returns bytes JS may keep and modify: the body's own slice the
// first time, a copy once it is shared.
func (b *body) ownedBytes() []byte {
	if b.shared {
		return append([]byte(nil), b.bytes...)
	}
	b.shared = true
	return b.bytes
}

// readAll fully reads the body and calls done on the isolate's goroutine
// with the bytes (which the caller may hand to JS) or an error value. The
// caller has checked that the body is usable.
func (b *body) readAll(iso *runtime.Isolate, done func(data []byte, err goja.Value)) {
	switch {
	case b.stream != nil:
		s := b.stream
		streamReadAll(iso, s, func(data []byte, err goja.Value) {
			// "Fully read" never releases its reader: the stream stays locked.
			holdReader(iso, s, false)
			done(data, err)
		})
	case b.reader != nil:
		b.used = true
		r := b.reader
		b.reader = nil
		op := iso.StartOp()
		go func() {
			data, err := io.ReadAll(r)
			_ = r.Close()
			_ = op.Complete(func() {
				b.finish()
				if err != nil {
					done(nil, b.readError(iso, err))
					return
				}
				done(data, nil)
			})
		}()
	default:
		b.used = true
		done(b.ownedBytes(), nil)
	}
}

// peekBytes returns the bytes of an unread byte body without consuming it
// (for text() and json(), which never expose the bytes to JS).
func (b *body) peekBytes() ([]byte, bool) {
	if b.stream == nil && b.reader == nil && !b.used {
		return b.bytes, true
	}
	return nil, false
}

// readError is the error a read of a network body fails with.
func (b *body) readError(iso *runtime.Isolate, err error) goja.Value {
	if b.abortReason != nil {
		return b.abortReason
	}
	return newTypeError(iso, "terminated", causeFromError(iso, err))
}

// clone implements https://fetch.spec.whatwg.org/#concept-body-clone. Byte
// bodies are shared (both sides copy before exposing them); anything else is
// teed.
func (b *body) clone(iso *runtime.Isolate) *body {
	if b.stream == nil && b.reader == nil {
		b.shared = true
		return &body{bytes: b.bytes, hasBytes: b.hasBytes, length: b.length, shared: true}
	}
	s := b.jsStream(iso)
	out1, out2 := streamTee(iso, s)
	b.stream = out1
	return &body{stream: out2, bytes: b.bytes, hasBytes: b.hasBytes, length: b.length, shared: true}
}

// proxy hands the body's data to a new body (new Request(request)),
// leaving this one disturbed, as "creating a proxy" does: the new body's
// stream reads from the old one.
func (b *body) proxy(iso *runtime.Isolate) *body {
	if b.stream == nil {
		nb := &body{bytes: b.bytes, hasBytes: b.hasBytes, reader: b.reader, length: b.length}
		if b.hasBytes {
			b.shared, nb.shared = true, true
		}
		b.reader = nil
		b.used = true
		return nb
	}
	nb := newReaderBody(pipeStream(iso, b.stream), b.length)
	nb.bytes, nb.hasBytes, nb.shared = b.bytes, b.hasBytes, true
	return nb
}

// holdReader locks stream with a reader nobody will release, as the
// standard's "fully read" leaves a body's stream; with disturb, it also
// reads once so that the stream reports disturbed.
func holdReader(iso *runtime.Isolate, stream *goja.Object, disturb bool) {
	getReader, _ := goja.AssertFunction(jsclass.Get(iso, streams.ReadableStreamClass).Proto.Get("getReader"))
	r, err := getReader(stream)
	if err != nil {
		return // already locked
	}
	if disturb {
		reader := r.(*goja.Object)
		if read, ok := goja.AssertFunction(reader.Get("read")); ok {
			_, _ = read(reader)
		}
	}
}
