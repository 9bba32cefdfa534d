package streams

import (
	"errors"
	"io"
	goruntime "runtime"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
)

// An inflater decompresses a stream that arrives chunk by chunk, as
// DecompressionStream must: each chunk yields the output it makes
// available, synchronously.
//
// Go's decompressors pull their input from an io.Reader, and a reader that
// runs dry mid-stream leaves them in an unrecoverable state. So the
// decompressor runs on its own goroutine, reading from a feeder that hands
// out the current chunk and, when the chunk is used up, reports the output
// produced so far and waits for the next chunk. push and finish block the
// isolate's goroutine only for the CPU time of decompressing one chunk.
// The goroutine ends at the end of the stream, on an error, on stop, or
// when the inflater is garbage collected.
type inflater struct {
	in   chan []byte        // chunks; closed by finish or stop
	out  chan inflateResult // one result per chunk and for finish
	done bool               // finish or stop was called, or the goroutine ended
	once sync.Once
}

type inflateResult struct {
	out []byte
	err error
}

// jsMessage is an error whose text is shown to scripts as is (in a
// TypeError), so it keeps the browser's wording.
type jsMessage string

func (m jsMessage) Error() string { return string(m) }

// Chrome's messages for the two structural errors.
const (
	errJunk      jsMessage = "Junk found after end of compressed data."
	errTruncated jsMessage = "Compressed input was truncated."
)

func newInflater(format string) *inflater {
	in := make(chan []byte)
	out := make(chan inflateResult, 1)
	go inflate(format, in, out)
	d := &inflater{in: in, out: out}
	// A stream dropped before its end must not leave the goroutine behind.
	goruntime.AddCleanup(d, func(in chan []byte) {
		defer func() { _ = recover() }() // already closed
		close(in)
	}, in)
	return d
}

// push decompresses one chunk. The chunk is only read during the call.
func (d *inflater) push(b []byte) inflateResult {
	if d.done {
		return inflateResult{err: errJunk}
	}
	d.in <- b
	res := <-d.out
	if res.err != nil {
		d.done = true
	}
	return res
}

// finish signals the end of the input and returns the remaining output;
// the error is errTruncated if the compressed stream did not end.
func (d *inflater) finish() inflateResult {
	if d.done {
		return inflateResult{}
	}
	d.done = true
	d.once.Do(func() { close(d.in) })
	return <-d.out
}

// stop abandons the stream.
func (d *inflater) stop() {
	d.done = true
	d.once.Do(func() { close(d.in) })
}

// feeder is the decompressor's input: it serves the current chunk byte by
// byte (an io.ByteReader, so the decompressors read no further than they
// need) and asks for the next one when it is used up.
type feeder struct {
	in       chan []byte
	out      chan inflateResult
	chunk    []byte
	pending  []byte // output produced since the last report
	eof      bool
	reported bool // a chunk is being served: its result is owed
}

// next reports the output so far for the chunk just used up, then waits
// for the next chunk.
func (f *feeder) next() bool {
	if f.eof {
		return false
	}
	for len(f.chunk) == 0 {
		if f.reported {
			f.out <- inflateResult{out: f.pending}
			f.pending = nil
		}
		b, ok := <-f.in
		if !ok {
			f.eof = true
			return false
		}
		f.reported = true
		f.chunk = b
	}
	return true
}

func (f *feeder) ReadByte() (byte, error) {
	if len(f.chunk) == 0 && !f.next() {
		return 0, io.EOF
	}
	c := f.chunk[0]
	f.chunk = f.chunk[1:]
	return c, nil
}

func (f *feeder) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(f.chunk) == 0 && !f.next() {
		return 0, io.EOF
	}
	n := copy(p, f.chunk)
	f.chunk = f.chunk[n:]
	return n, nil
}

// inflate is the decompressor's goroutine.
func inflate(format string, in chan []byte, out chan inflateResult) {
	f := &feeder{in: in, out: out}
	// fail reports an error for the current chunk (or the finish) and drains.
	fail := func(err error) {
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF) || (errors.Is(err, io.EOF) && f.eof):
			err = errTruncated
		case err.Error() == "brotli: excessive input":
			err = errJunk
		}
		out <- inflateResult{out: f.pending, err: err}
	}
	// Wait for the first chunk before building the reader: zlib and gzip
	// read their header in the constructor.
	if !f.next() {
		out <- inflateResult{err: errTruncated}
		return
	}
	var rd io.Reader
	var err error
	switch format {
	case "deflate":
		rd, err = zlib.NewReader(f)
	case "gzip":
		var gz *gzip.Reader
		gz, err = gzip.NewReader(f)
		if gz != nil {
			gz.Multistream(false)
			rd = gz
		}
	case "brotli":
		rd = brotli.NewReader(f)
	default:
		rd = flate.NewReader(f)
	}
	if err != nil {
		fail(err)
		return
	}
	buf := make([]byte, 32<<10)
	for {
		n, err := rd.Read(buf)
		if n > 0 {
			f.pending = append(f.pending, buf[:n]...)
		}
		if err == nil {
			continue
		}
		if err != io.EOF {
			fail(err)
			return
		}
		break
	}
	// A DEFLATE-based decompressor that saw the input run out may report a
	// bare io.EOF: the stream did not end, it was cut. (The brotli reader
	// reports its end only when asked for more, and turns a cut into
	// io.ErrUnexpectedEOF itself.)
	if f.eof && format != "brotli" {
		out <- inflateResult{out: f.pending, err: errTruncated}
		return
	}
	// The compressed stream ended. Bytes after it in this chunk, or any
	// later non-empty chunk, are junk.
	if len(f.chunk) > 0 {
		out <- inflateResult{out: f.pending, err: errJunk}
		return
	}
	if !f.eof {
		out <- inflateResult{out: f.pending}
		f.pending = nil
		for b := range in {
			if len(b) > 0 {
				out <- inflateResult{err: errJunk}
				return
			}
			out <- inflateResult{}
		}
	}
	// finish: the stream was complete.
	out <- inflateResult{out: f.pending}
}
