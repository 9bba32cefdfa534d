package streams

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// DefaultChunkSize is the read size NewReadableFromReader uses when given 0.
const DefaultChunkSize = 64 << 10

// NewReadableFromReader returns a readable byte stream whose chunks are read
// from rd on another goroutine, chunkSize bytes at most per chunk.
//
// Reads happen one at a time and only while the stream wants data (its
// queue holds less than one chunk, or a reader is waiting), so at most one
// chunk is queued and one read is in flight: the body is never buffered
// whole. Each chunk is a Uint8Array over the slice the read filled (no
// copy). rd is closed exactly once: at EOF, on a read error, when the
// stream is canceled, or when the isolate goes away. A read error errors the
// stream with a TypeError carrying the error's text. Call on the isolate's
// goroutine.
func NewReadableFromReader(iso *runtime.Isolate, rd io.ReadCloser, chunkSize int) *goja.Object {
	r := realmOf(iso)
	if chunkSize <= 0 {
		chunkSize = DefaultChunkSize
	}
	src := &readerSource{rd: rd}
	var c *ByteController
	start := func() goja.Value { return goja.Undefined() }
	pull := func() *goja.Object {
		p := r.newPromise()
		op := iso.StartOp()
		go func() {
			buf := make([]byte, chunkSize)
			n, err := readSome(rd, buf)
			if cerr := op.Complete(func() {
				r.enter(func() {
					src.delivered(r, c, buf[:n], err)
					p.resolve(goja.Undefined())
				})
			}); cerr != nil {
				src.close()
			}
		}()
		return p.obj
	}
	cancel := func(goja.Value) *goja.Object {
		src.canceled = true
		p := r.newPromise()
		op := iso.StartOp()
		go func() {
			src.close()
			_ = op.Complete(func() { r.enter(func() { p.resolve(goja.Undefined()) }) })
		}()
		return p.obj
	}
	s := newReadableStream(r)
	c = &ByteController{}
	r.enter(func() { setUpByteController(s, c, start, pull, cancel, float64(chunkSize), 0) })
	return s.object()
}

// readSome reads at least one byte unless the reader fails or ends.
func readSome(rd io.Reader, buf []byte) (int, error) {
	for i := 0; i < 100; i++ {
		n, err := rd.Read(buf)
		if n > 0 || err != nil {
			if errors.Is(err, io.EOF) && n > 0 {
				return n, nil // report EOF on the next read
			}
			return n, err
		}
	}
	return 0, io.ErrNoProgress
}

// readerSource is the underlying byte source of NewReadableFromReader.
type readerSource struct {
	rd       io.ReadCloser
	once     sync.Once
	canceled bool // isolate goroutine only
}

func (src *readerSource) close() { src.once.Do(func() { _ = src.rd.Close() }) }

// delivered runs on the isolate's goroutine with the result of one read.
func (src *readerSource) delivered(r *realm, c *ByteController, chunk []byte, err error) {
	if src.canceled || c.stream.state != stateReadable {
		return
	}
	if len(chunk) > 0 {
		view, _ := r.view(webidl.Uint8Array(r.vm, chunk))
		if thrown := c.enqueue(view); thrown != nil {
			c.error(thrown)
			go src.close()
			return
		}
	}
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		go src.close()
		if thrown := c.close(); thrown != nil {
			return
		}
		// A BYOB read still waiting gets its (empty) result now.
		if len(c.pendingPullIntos) > 0 {
			c.respond(0)
		}
	default:
		go src.close()
		c.error(r.newTypeError(fmt.Sprintf("streams: reading the body failed: %v", err)))
	}
}

// NewReadableFromBytes returns a readable byte stream that yields b as one
// chunk (a Uint8Array over b, no copy) and then closes. The JS side owns b
// from then on. Call on the isolate's goroutine.
func NewReadableFromBytes(iso *runtime.Isolate, b []byte) *goja.Object {
	r := realmOf(iso)
	var c *ByteController
	start := func() goja.Value {
		if len(b) > 0 {
			view, _ := r.view(webidl.Uint8Array(r.vm, b))
			c.enqueue(view)
		}
		c.close()
		return goja.Undefined()
	}
	pull := func() *goja.Object { return r.fulfilled() }
	cancel := func(goja.Value) *goja.Object { return r.fulfilled() }
	s := newReadableStream(r)
	c = &ByteController{stream: s}
	r.enter(func() { setUpByteController(s, c, start, pull, cancel, 0, 0) })
	return s.object()
}

// streamOf returns the Go stream behind v.
func streamOf(iso *runtime.Isolate, v goja.Value) (*ReadableStream, bool) {
	return jsclass.Unwrap[*ReadableStream](iso, v)
}

// IsReadableStream reports whether v is a ReadableStream.
func IsReadableStream(iso *runtime.Isolate, v goja.Value) bool {
	_, ok := streamOf(iso, v)
	return ok
}

// Locked reports whether the stream v is locked to a reader (false for
// non-streams).
func Locked(iso *runtime.Isolate, v goja.Value) bool {
	s, ok := streamOf(iso, v)
	return ok && s.locked()
}

// Disturbed reports whether the stream v has been read from or canceled
// (false for non-streams).
func Disturbed(iso *runtime.Isolate, v goja.Value) bool {
	s, ok := streamOf(iso, v)
	return ok && s.disturbed
}

// ReadAll reads every chunk of stream and calls done once, on the isolate's
// goroutine, with the concatenated bytes or the error (a JS value: the
// stream's error, or a TypeError when the stream is locked or yields a
// chunk that is not a Uint8Array, as fetch's "fully read" requires).
func ReadAll(iso *runtime.Isolate, stream *goja.Object, done func(b []byte, err goja.Value)) {
	var chunks [][]byte
	total := 0
	Consume(iso, stream, func(b []byte) error {
		chunks = append(chunks, b)
		total += len(b)
		return nil
	}, func(err goja.Value) {
		if err != nil {
			done(nil, err)
			return
		}
		switch len(chunks) {
		case 0:
			done([]byte{}, nil)
		case 1:
			done(chunks[0], nil)
		default:
			out := make([]byte, 0, total)
			for _, c := range chunks {
				out = append(out, c...)
			}
			done(out, nil)
		}
	})
}

// Consume reads stream chunk by chunk and hands each to onChunk on the
// isolate's goroutine, then calls done with nil at the end or with the
// error (a JS value). The slice passed to onChunk belongs to the callee: it
// is the chunk's own memory for byte streams (whose buffers were
// transferred and no JS code can reach) and a copy otherwise. If onChunk
// returns an error the stream is canceled with a TypeError carrying its
// text and done receives that TypeError. A chunk that is not a Uint8Array
// errors the read with a TypeError.
func Consume(iso *runtime.Isolate, stream *goja.Object, onChunk func(b []byte) error, done func(err goja.Value)) {
	r := realmOf(iso)
	r.enter(func() { consume(r, stream, onChunk, nil, done) })
}

// ConsumePaced is Consume with backpressure from the consumer: after each
// chunk, pause is asked whether to stop reading; if it returns true it must
// later call resume (once, on the isolate's goroutine) to read on. While
// paused the stream's queue fills and its source sees backpressure, so a
// slow client does not make the host buffer a fast producer's output.
func ConsumePaced(iso *runtime.Isolate, stream *goja.Object, onChunk func(b []byte) error, pause func(resume func()) bool, done func(err goja.Value)) {
	r := realmOf(iso)
	r.enter(func() { consume(r, stream, onChunk, pause, done) })
}

func consume(r *realm, stream *goja.Object, onChunk func(b []byte) error, pause func(resume func()) bool, done func(err goja.Value)) {
	iso := r.iso
	s, ok := streamOf(iso, stream)
	if !ok {
		done(r.newTypeError("streams: the body is not a ReadableStream"))
		return
	}
	reader, msg := acquireDefaultReader(s)
	if msg != "" {
		done(r.newTypeError(msg))
		return
	}
	_, owned := s.controller.(*ByteController)
	finished := false
	finish := func(err goja.Value) {
		if finished {
			return
		}
		finished = true
		done(err)
	}
	var loop func()
	loop = func() {
		readLoop(reader, func(chunk goja.Value) bool {
			view, ok := r.view(chunk)
			if !ok || view.typedName != "Uint8Array" {
				e := r.newTypeError("Received non-Uint8Array chunk")
				r.setHandled(reader.cancel(e))
				reader.releaseReader()
				finish(e)
				return false
			}
			b := view.bytes()
			if !owned {
				b = append([]byte(nil), b...)
			}
			if err := onChunk(b); err != nil {
				e := r.newTypeError(err.Error())
				r.setHandled(reader.cancel(e))
				reader.releaseReader()
				finish(e)
				return false
			}
			// Paused: stop reading (the stream's own queue then fills and
			// its source sees backpressure) until resume restarts the loop.
			if pause != nil && pause(func() { r.enter(loop) }) {
				return false
			}
			return true
		}, func() {
			reader.releaseReader()
			finish(nil)
		}, func(e goja.Value) {
			reader.releaseReader()
			finish(e)
		})
	}
	loop()
}

// readLoop reads from reader until the end, an error, or onChunk returning
// false. Chunks that are already queued are delivered in a loop rather than
// by recursion, so a long queue cannot overflow the stack.
func readLoop(reader *DefaultReader, onChunk func(goja.Value) bool, onClose func(), onError func(goja.Value)) {
	running, again := false, false
	var step func()
	rr := &readRequest{
		chunk: func(chunk goja.Value) {
			if onChunk(chunk) {
				step()
			}
		},
		close: onClose,
		fail:  onError,
	}
	step = func() {
		if running {
			again = true
			return
		}
		running = true
		for {
			again = false
			reader.read(rr)
			if !again {
				break
			}
		}
		running = false
	}
	step()
}

// Tee splits stream into two branches (the spec's "tee a ReadableStream",
// which clones chunks for the second branch). It panics with a TypeError
// (thrown into JS when called from a native) if the stream is locked.
func Tee(iso *runtime.Isolate, stream *goja.Object) (a, b *goja.Object) {
	r := realmOf(iso)
	s, ok := streamOf(iso, stream)
	if !ok {
		throw(r.newTypeError("streams: Tee needs a ReadableStream"))
	}
	var b1, b2 *ReadableStream
	var thrown goja.Value
	r.enter(func() { b1, b2, thrown = s.tee(true) })
	if thrown != nil {
		throw(thrown)
	}
	return b1.object(), b2.object()
}
