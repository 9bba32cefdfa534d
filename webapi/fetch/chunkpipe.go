package fetch

import (
	"io"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// A chunkPipe is an io.ReadCloser fed with chunks from the isolate's
// goroutine (a JS ReadableStream being consumed) and read on another
// goroutine (net/http uploading a request body, or a stream's pull). Unlike
// io.Pipe, writes never block: the isolate's goroutine must not wait on the
// network. The producer is a JS stream whose chunks are already in memory,
// so queueing them costs nothing extra.
type chunkPipe struct {
	mu      sync.Mutex
	cond    *sync.Cond
	chunks  [][]byte
	err     error // set once the writer is done (io.EOF on success)
	closed  bool  // reader closed
	onClose func()
}

func newChunkPipe() *chunkPipe {
	p := &chunkPipe{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// pipeStream starts consuming the JS ReadableStream s into a new chunkPipe,
// so another goroutine can read it as a body; a stream that errors ends the
// pipe with errStreamErrored. Call it on the isolate's goroutine.
func pipeStream(iso *runtime.Isolate, s *goja.Object) *chunkPipe {
	pipe := newChunkPipe()
	streamConsume(iso, s, pipe.write, func(err goja.Value) {
		if err != nil {
			pipe.finish(errStreamErrored)
			return
		}
		pipe.finish(nil)
	})
	return pipe
}

// write queues a chunk; it reports io.ErrClosedPipe once the reader is gone.
func (p *chunkPipe) write(b []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return io.ErrClosedPipe
	}
	if len(b) > 0 {
		p.chunks = append(p.chunks, b)
		p.cond.Signal()
	}
	return nil
}

// finish ends the stream with err (nil means a clean end).
func (p *chunkPipe) finish(err error) {
	if err == nil {
		err = io.EOF
	}
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.cond.Broadcast()
	p.mu.Unlock()
}

func (p *chunkPipe) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.chunks) == 0 && p.err == nil && !p.closed {
		p.cond.Wait()
	}
	if p.closed {
		return 0, io.ErrClosedPipe
	}
	if len(p.chunks) == 0 {
		return 0, p.err
	}
	n := copy(b, p.chunks[0])
	if n == len(p.chunks[0]) {
		p.chunks[0] = nil
		p.chunks = p.chunks[1:]
	} else {
		p.chunks[0] = p.chunks[0][n:]
	}
	return n, nil
}

// Close releases the reader side; the producer's next write fails, which
// cancels the JS stream being consumed.
func (p *chunkPipe) Close() error {
	p.mu.Lock()
	already := p.closed
	p.closed = true
	p.chunks = nil
	onClose := p.onClose
	p.cond.Broadcast()
	p.mu.Unlock()
	if !already && onClose != nil {
		onClose()
	}
	return nil
}
