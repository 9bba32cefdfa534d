package fetch

import (
	"errors"
	"io"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/streams"
)

// A readerStream is a readable byte stream over a Go reader (a network
// body), read on another goroutine one chunk per pull, so the body is never
// buffered whole. It is built with the public ReadableStream constructor
// rather than streams.NewReadableFromReader because fetch needs its
// controller: an aborted fetch errors the stream with the abort reason, and
// a failed read errors it with undici's TypeError("terminated").
type readerStream struct {
	iso  *runtime.Isolate
	rd   io.ReadCloser
	body *body
	ctrl *goja.Object
	done bool // closed, errored or canceled (isolate goroutine only)
	once sync.Once
}

func (rs *readerStream) close() { rs.once.Do(func() { _ = rs.rd.Close() }) }

// newStreamFromReader returns the ReadableStream for body b, whose data
// comes from rd.
func newStreamFromReader(iso *runtime.Isolate, rd io.ReadCloser, b *body) *goja.Object {
	vm := iso.VM()
	rs := &readerStream{iso: iso, rd: rd, body: b}
	b.rs = rs
	src := vm.NewObject()
	_ = src.Set("type", "bytes")
	_ = src.Set("start", func(call goja.FunctionCall) goja.Value {
		rs.ctrl, _ = call.Argument(0).(*goja.Object)
		return goja.Undefined()
	})
	_ = src.Set("pull", func(goja.FunctionCall) goja.Value { return rs.pull() })
	_ = src.Set("cancel", func(goja.FunctionCall) goja.Value {
		rs.done = true
		go rs.close()
		return goja.Undefined()
	})
	strategy := vm.NewObject()
	_ = strategy.Set("highWaterMark", readChunkSize)
	ctor := jsclass.Get(iso, streams.ReadableStreamClass).Ctor
	s, err := vm.New(ctor, src, strategy)
	if err != nil {
		panic(err)
	}
	return s
}

// pull reads one chunk on another goroutine and enqueues it.
func (rs *readerStream) pull() goja.Value {
	vm := rs.iso.VM()
	p, resolve, _ := vm.NewPromise()
	op := rs.iso.StartOp()
	go func() {
		buf := make([]byte, readChunkSize)
		n, err := readSome(rs.rd, buf)
		if cerr := op.Complete(func() {
			rs.delivered(buf[:n], err)
			_ = resolve(goja.Undefined())
		}); cerr != nil {
			rs.close()
		}
	}()
	return vm.ToValue(p)
}

func (rs *readerStream) call(method string, args ...goja.Value) {
	fn, _ := goja.AssertFunction(rs.ctrl.Get(method))
	if _, err := fn(rs.ctrl, args...); err != nil {
		panic(err)
	}
}

// delivered runs on the isolate's goroutine with the result of one read.
func (rs *readerStream) delivered(chunk []byte, err error) {
	if rs.done {
		return
	}
	vm := rs.iso.VM()
	if len(chunk) > 0 {
		rs.call("enqueue", webidl.Uint8Array(vm, chunk))
	}
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		rs.done = true
		go rs.close()
		rs.body.finish()
		rs.call("close")
		// A BYOB read still waiting gets its (empty) result now.
		if req, ok := rs.ctrl.Get("byobRequest").(*goja.Object); ok {
			respond, _ := goja.AssertFunction(req.Get("respond"))
			_, _ = respond(req, vm.ToValue(0))
		}
	default:
		rs.fail(rs.body.readError(rs.iso, err))
	}
}

// fail errors the stream with reason and releases the reader.
func (rs *readerStream) fail(reason goja.Value) {
	if rs.done {
		return
	}
	rs.done = true
	go rs.close()
	rs.body.finish()
	rs.call("error", reason)
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

// streamError errors a body's stream with reason, if the stream reads from
// the network (fetch aborted mid-body).
func streamError(b *body, reason goja.Value) {
	if b.rs != nil {
		b.rs.fail(reason)
	}
}
