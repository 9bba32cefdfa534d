package server

import (
	"io"
	"sync"
)

// A pipe carries a response from the isolate goroutine to the goroutine
// serving the HTTP request. JS must never block on a slow client (one Node
// isolate serves every Node route), so the isolate side only appends to a
// queue; the HTTP side drains it, writing and flushing each chunk as it
// arrives so streamed bodies reach the client chunk by chunk.
type pipe struct {
	mu      sync.Mutex
	head    *responseHead
	chunks  [][]byte
	ended   bool
	failure error // set instead of a head: the request failed before responding
	notify  chan struct{}
	aborted bool // the client went away; further writes are dropped
	// reader, when set, is copied to the client after the queued chunks
	// (bodies that are Go readers end to end, such as proxied responses).
	reader io.ReadCloser
	// queued counts the bytes written but not yet taken by the HTTP side;
	// onDrain, when set, runs once they fall to lowWater (backpressure).
	queued  int
	onDrain func()
	// held defers the wake-ups of the HTTP side while the isolate runs
	// the synchronous part of a handler (see hold); pending records that
	// one is owed.
	held, pending bool
}

// Backpressure thresholds for the bytes a response may have queued between
// JS and the client.
const (
	highWater = 1 << 20
	lowWater  = 256 << 10
)

// full reports whether the queue is past the high-water mark; if so, drain
// runs (once, on the HTTP goroutine) when it has fallen to the low-water
// mark or the response is over.
func (p *pipe) full(drain func()) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.queued <= highWater || p.aborted {
		return false
	}
	p.onDrain = drain
	return true
}

// responseHead is the status line and header block.
type responseHead struct {
	status int
	reason string // custom status message (Node's res.statusMessage), "" for the default
	// lines keep header names as the route wrote them, in order, so the
	// response carries the casing Node would send.
	lines []headerLine
}

type headerLine struct {
	name  string
	value string
}

func newPipe() *pipe {
	return &pipe{notify: make(chan struct{}, 1)}
}

func (p *pipe) signal() {
	p.mu.Lock()
	if p.held {
		p.pending = true
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	p.wake()
}

func (p *pipe) wake() {
	select {
	case p.notify <- struct{}{}:
	default:
	}
}

// hold makes the isolate side's writes wait to wake the HTTP side until
// release. A handler that answers at once (head, body and end in one
// task) then costs the HTTP goroutine one wake-up instead of three, and
// goroutine hand-offs are a good part of a small request's cost.
func (p *pipe) hold() {
	p.mu.Lock()
	p.held = true
	p.mu.Unlock()
}

// release ends hold, waking the HTTP side if anything arrived meanwhile.
func (p *pipe) release() {
	p.mu.Lock()
	p.held = false
	pending := p.pending
	p.pending = false
	p.mu.Unlock()
	if pending {
		p.wake()
	}
}

// writeHead records the response head. Calls after the first are ignored.
func (p *pipe) writeHead(h *responseHead) {
	p.mu.Lock()
	if p.head == nil && p.failure == nil {
		p.head = h
	}
	p.mu.Unlock()
	p.signal()
}

// write queues a body chunk. The pipe takes ownership of b.
func (p *pipe) write(b []byte) {
	if len(b) == 0 {
		return
	}
	p.mu.Lock()
	if !p.aborted && !p.ended {
		p.chunks = append(p.chunks, b)
		p.queued += len(b)
	}
	p.mu.Unlock()
	p.signal()
}

// copyFrom hands the rest of the body to the HTTP goroutine as a reader;
// the pipe closes it. Call end afterwards as usual.
func (p *pipe) copyFrom(rc io.ReadCloser) {
	p.mu.Lock()
	if p.aborted {
		// The client is gone: nobody will drain it, so release the
		// upstream connection now.
		p.mu.Unlock()
		rc.Close()
		return
	}
	p.reader = rc
	p.mu.Unlock()
	p.signal()
}

// end finishes the response.
func (p *pipe) end() {
	p.mu.Lock()
	p.ended = true
	p.mu.Unlock()
	p.signal()
}

// fail aborts the request with err. If no head was written yet the HTTP side
// answers with an error page; otherwise the connection is cut, as Node does
// when a handler throws mid-stream.
func (p *pipe) fail(err error) {
	p.mu.Lock()
	if p.failure == nil && !p.ended {
		p.failure = err
	}
	p.mu.Unlock()
	p.signal()
}

// take returns what has arrived since the last call.
func (p *pipe) take() (head *responseHead, chunks [][]byte, reader io.ReadCloser, ended bool, failure error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	head = p.head
	chunks = p.chunks
	p.chunks = nil
	reader = p.reader
	p.reader = nil
	return head, chunks, reader, p.ended, p.failure
}

// written records that the HTTP side has written n taken bytes, and
// returns the drain callback to run if the queue has drained.
func (p *pipe) written(n int) (drain func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.queued -= n
	if p.onDrain != nil && (p.queued <= lowWater || p.ended || p.aborted) {
		drain, p.onDrain = p.onDrain, nil
	}
	return drain
}

func (p *pipe) abort() {
	p.mu.Lock()
	p.aborted = true
	p.chunks = nil
	p.queued = 0
	reader := p.reader
	p.reader = nil
	drain := p.onDrain
	p.onDrain = nil
	p.mu.Unlock()
	if reader != nil {
		reader.Close()
	}
	if drain != nil {
		drain() // let a paused producer run on and see that the client left
	}
}
