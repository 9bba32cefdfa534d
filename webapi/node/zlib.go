package node

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"hash/crc32"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// zlib modes, numbered as Node's zlib.constants (DEFLATE 1 ... BROTLI_ENCODE 9).
const (
	zDeflate       = 1
	zInflate       = 2
	zGzip          = 3
	zGunzip        = 4
	zDeflateRaw    = 5
	zInflateRaw    = 6
	zUnzip         = 7
	zBrotliDecode  = 8
	zBrotliEncode  = 9
	zSyncFlush     = 2
	zFullFlush     = 3
	zFinish        = 4
	zDefaultLevel  = -1
	brotliQuality  = 1 // BROTLI_PARAM_QUALITY
	brotliLGWin    = 2 // BROTLI_PARAM_LGWIN
	brotliDefaultQ = 11
)

// zlibError carries zlib's message, code and errno.
type zlibError struct {
	msg, code string
	errno     int
}

func (e *zlibError) Error() string { return e.msg }

var (
	errZHeader    = &zlibError{"incorrect header check", "Z_DATA_ERROR", -3}
	errZChecksum  = &zlibError{"incorrect data check", "Z_DATA_ERROR", -3}
	errZEOF       = &zlibError{"unexpected end of file", "Z_BUF_ERROR", -5}
	errZCorrupt   = &zlibError{"invalid block type", "Z_DATA_ERROR", -3}
	errBrotliData = &zlibError{"Decompression failed", "ERR_BROTLI_DECOMPRESSION_FAILED", -6}
)

// zlibErrorOf maps Go decompressor errors to zlib's.
func zlibErrorOf(err error, mode int) error {
	var ze *zlibError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ze):
		return err
	case mode == zBrotliDecode:
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return errZEOF
		}
		return errBrotliData
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		return errZHeader
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		return errZChecksum
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errZEOF
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return errZCorrupt
	}
	return &zlibError{err.Error(), "Z_DATA_ERROR", -3}
}

type zOptions struct {
	mode    int
	level   int
	quality int
	lgwin   int
}

type flusher interface {
	io.WriteCloser
	Flush() error
}

func newCompressor(o zOptions, w io.Writer) (flusher, error) {
	switch o.mode {
	case zGzip:
		return gzip.NewWriterLevel(w, o.level)
	case zDeflate:
		return zlib.NewWriterLevel(w, o.level)
	case zDeflateRaw:
		return flate.NewWriter(w, o.level)
	case zBrotliEncode:
		return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: o.quality, LGWin: o.lgwin}), nil
	}
	return nil, errors.New("node: not a compression mode")
}

// newDecompressor returns a reader for the mode; unzip sniffs the gzip
// magic number and falls back to zlib.
func newDecompressor(mode int, r io.Reader) (io.Reader, error) {
	switch mode {
	case zGunzip:
		// zlib rejects a wrong magic number before reading the rest of
		// the header; Go's reader would report a short read instead.
		pr := &peekReader{r: r}
		if head, _ := pr.peek(2); len(head) == 2 && (head[0] != 0x1f || head[1] != 0x8b) {
			return nil, errZHeader
		}
		zr, err := gzip.NewReader(pr)
		if err != nil {
			return nil, err
		}
		return zr, nil
	case zInflate:
		return zlib.NewReader(r)
	case zInflateRaw:
		return flate.NewReader(r), nil
	case zBrotliDecode:
		return brotli.NewReader(r), nil
	case zUnzip:
		br := &peekReader{r: r}
		head, err := br.peek(2)
		if err != nil {
			return nil, err
		}
		if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
			return newDecompressor(zGunzip, br)
		}
		return newDecompressor(zInflate, br)
	}
	return nil, errors.New("node: not a decompression mode")
}

// peekReader lets unzip look at the first bytes of a stream.
type peekReader struct {
	r   io.Reader
	buf []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	for len(p.buf) < n {
		tmp := make([]byte, n-len(p.buf))
		k, err := p.r.Read(tmp)
		p.buf = append(p.buf, tmp[:k]...)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return p.buf, errZEOF
			}
			return p.buf, err
		}
	}
	return p.buf, nil
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// zlibOneShot compresses or decompresses a whole buffer.
func zlibOneShot(o zOptions, in []byte) ([]byte, error) {
	switch o.mode {
	case zGzip, zDeflate, zDeflateRaw, zBrotliEncode:
		var out bytes.Buffer
		w, err := newCompressor(o, &out)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(in); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		return out.Bytes(), nil
	}
	r, err := newDecompressor(o.mode, bytes.NewReader(in))
	if err != nil {
		return nil, zlibErrorOf(err, o.mode)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, zlibErrorOf(err, o.mode)
	}
	return out, nil
}

// feeder hands input to a decompressor goroutine. Write returns once
// the decompressor has consumed everything and is waiting for more (or
// has stopped), so the output decoded from the input written so far is
// complete when Write returns.
type feeder struct {
	mu      sync.Mutex
	cond    *sync.Cond
	buf     []byte
	closed  bool // no more input (EOF)
	stopped bool // the decompressor has exited
	err     error
	waiting bool
}

func newFeeder() *feeder {
	f := &feeder{}
	f.cond = sync.NewCond(&f.mu)
	return f
}

func (f *feeder) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.buf) == 0 && !f.closed {
		f.waiting = true
		f.cond.Broadcast()
		f.cond.Wait()
	}
	f.waiting = false
	if len(f.buf) == 0 {
		if f.err != nil {
			return 0, f.err
		}
		return 0, io.EOF
	}
	n := copy(p, f.buf)
	f.buf = f.buf[n:]
	return n, nil
}

func (f *feeder) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return 0, io.ErrClosedPipe
	}
	f.buf = append(f.buf, p...)
	f.cond.Broadcast()
	for !f.stopped && !(f.waiting && len(f.buf) == 0) {
		f.cond.Wait()
	}
	return len(p), nil
}

// closeWithError ends the input; err (if any) is what further reads return.
func (f *feeder) closeWithError(err error) {
	f.mu.Lock()
	f.closed = true
	if f.err == nil {
		f.err = err
	}
	f.cond.Broadcast()
	f.mu.Unlock()
}

func (f *feeder) stop() {
	f.mu.Lock()
	f.stopped = true
	f.cond.Broadcast()
	f.mu.Unlock()
}

// zStream is a streaming (de)compressor. Compression runs on the
// isolate's goroutine (a writer into a buffer); decompression, which Go
// only offers as a pull-based reader, runs on its own goroutine fed
// through a pipe, and write() hands over input from another goroutine.
type zStream struct {
	jsclass.Shell
	opts zOptions

	// compression
	out bytes.Buffer
	w   flusher

	// decompression
	in      *feeder
	mu      sync.Mutex
	decoded bytes.Buffer
	err     error
	done    chan struct{}
}

func newZStream(o zOptions) (*zStream, error) {
	z := &zStream{opts: o}
	switch o.mode {
	case zGzip, zDeflate, zDeflateRaw, zBrotliEncode:
		w, err := newCompressor(o, &z.out)
		if err != nil {
			return nil, err
		}
		z.w = w
		return z, nil
	}
	z.in = newFeeder()
	z.done = make(chan struct{})
	go func() {
		defer close(z.done)
		defer z.in.stop()
		r, err := newDecompressor(o.mode, z.in)
		if err == nil {
			buf := make([]byte, 32*1024)
			for {
				n, rerr := r.Read(buf)
				if n > 0 {
					z.mu.Lock()
					z.decoded.Write(buf[:n])
					z.mu.Unlock()
				}
				if rerr != nil {
					if !errors.Is(rerr, io.EOF) {
						err = rerr
					}
					break
				}
			}
		}
		if err != nil {
			err = zlibErrorOf(err, o.mode)
			z.mu.Lock()
			z.err = err
			z.mu.Unlock()
			return
		}
		// Trailing bytes after the end of the stream are ignored.
	}()
	return z, nil
}

func (z *zStream) compressing() bool { return z.w != nil }

// takeDecoded returns the output produced so far.
func (z *zStream) takeDecoded() ([]byte, error) {
	z.mu.Lock()
	defer z.mu.Unlock()
	out := append([]byte(nil), z.decoded.Bytes()...)
	z.decoded.Reset()
	return out, z.err
}

func zlibBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		_ = b.Set(name, jsclass.Function(vm, name, length, f))
	}
	errValue := func(err error) goja.Value {
		var ze *zlibError
		if errors.As(err, &ze) {
			obj := newCodedError(vm, "Error", ze.code, ze.msg)
			_ = obj.Set("errno", ze.errno)
			return obj
		}
		return newCodedError(vm, "Error", "", err.Error())
	}
	bufOut := func(res any) goja.Value { return e.newBuffer(res.([]byte)) }
	optsArg := func(call goja.FunctionCall, i int) zOptions {
		o := zOptions{mode: int(call.Argument(i).ToInteger()), level: zDefaultLevel, quality: brotliDefaultQ, lgwin: 22}
		if v := call.Argument(i + 1); !goja.IsUndefined(v) && !goja.IsNull(v) {
			o.level = int(v.ToInteger())
		}
		if v := call.Argument(i + 2); !goja.IsUndefined(v) && !goja.IsNull(v) {
			o.quality = int(v.ToInteger())
		}
		if v := call.Argument(i + 3); !goja.IsUndefined(v) && !goja.IsNull(v) {
			o.lgwin = int(v.ToInteger())
		}
		return o
	}
	// oneShot(data, mode, level, quality, lgwin, cb)
	fn("oneShot", 6, func(call goja.FunctionCall) goja.Value {
		data, ok := bytesArg(vm, call.Argument(0))
		if !ok {
			throwCoded(vm, "TypeError", "ERR_INVALID_ARG_TYPE", `The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer.`)
		}
		o := optsArg(call, 1)
		cb := call.Argument(5)
		if _, async := goja.AssertFunction(cb); async {
			data = append([]byte(nil), data...)
		}
		return e.maybeAsync(cb, func() (any, error) { return zlibOneShot(o, data) }, bufOut, errValue)
	})
	// streamNew(mode, level, quality, lgwin) → handle
	fn("streamNew", 4, func(call goja.FunctionCall) goja.Value {
		z, err := newZStream(optsArg(call, 0))
		if err != nil {
			panic(errValue(err))
		}
		return e.handle(z)
	})
	// streamWrite(handle, chunk, flush, cb): compression answers
	// synchronously; decompression feeds the pipe from a goroutine and
	// calls back with the output decoded so far (all of it on Z_FINISH).
	fn("streamWrite", 4, func(call goja.FunctionCall) goja.Value {
		z := unwrapHandle[*zStream](e, call.Argument(0))
		chunk, _ := bytesArg(vm, call.Argument(1))
		flush := int(call.Argument(2).ToInteger())
		cb := call.Argument(3)
		if z.compressing() {
			run := func() (any, error) {
				if len(chunk) > 0 {
					if _, err := z.w.Write(chunk); err != nil {
						return nil, err
					}
				}
				switch flush {
				case zSyncFlush, zFullFlush:
					if err := z.w.Flush(); err != nil {
						return nil, err
					}
				case zFinish:
					if err := z.w.Close(); err != nil {
						return nil, err
					}
				}
				out := append([]byte(nil), z.out.Bytes()...)
				z.out.Reset()
				return out, nil
			}
			res, err := run()
			fnCb, _ := goja.AssertFunction(cb)
			var callErr error
			if err != nil {
				_, callErr = fnCb(goja.Undefined(), errValue(err))
			} else {
				_, callErr = fnCb(goja.Undefined(), goja.Null(), bufOut(res))
			}
			if callErr != nil {
				panic(callErr)
			}
			return goja.Undefined()
		}
		data := append([]byte(nil), chunk...)
		return e.maybeAsync(cb, func() (any, error) {
			if len(data) > 0 {
				if _, err := z.in.Write(data); err != nil {
					_, derr := z.takeDecoded()
					if derr != nil {
						return nil, derr
					}
					return nil, zlibErrorOf(err, z.opts.mode)
				}
			}
			if flush == zFinish {
				z.in.closeWithError(nil)
				<-z.done
			}
			return z.takeDecoded()
		}, bufOut, errValue)
	})
	fn("crc32", 2, func(call goja.FunctionCall) goja.Value {
		data, ok := dataArg(vm, call.Argument(0), goja.Undefined())
		if !ok {
			throwCoded(vm, "TypeError", "ERR_INVALID_ARG_TYPE", `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.`)
		}
		return vm.ToValue(crc32.Update(uint32(call.Argument(1).ToInteger()), crc32.IEEETable, data))
	})
	fn("streamClose", 1, func(call goja.FunctionCall) goja.Value {
		z := unwrapHandle[*zStream](e, call.Argument(0))
		if z.in != nil {
			z.in.closeWithError(errors.New("zlib stream closed"))
		}
		return goja.Undefined()
	})
	return b
}
