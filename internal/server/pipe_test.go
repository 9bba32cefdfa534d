package server

import (
	"io"
	"testing"
)

// The pipe asks a producer to pause past the high-water mark and resumes
// it once the HTTP side has written the queue down to the low-water mark.
func TestPipeBackpressure(t *testing.T) {
	p := newPipe()
	chunk := make([]byte, 64<<10)
	drained := 0
	drain := func() { drained++ }
	for i := 0; i < (highWater / len(chunk)); i++ {
		p.write(chunk)
		if p.full(drain) {
			t.Fatalf("full after %d bytes, below the high-water mark", (i+1)*len(chunk))
		}
	}
	p.write(chunk)
	if !p.full(drain) {
		t.Fatal("not full past the high-water mark")
	}
	_, chunks, _, _, _ := p.take()
	taken := 0
	for _, c := range chunks {
		taken += len(c)
	}
	if d := p.written(taken); d == nil {
		t.Fatal("no drain callback after the queue emptied")
	} else {
		d()
	}
	if drained != 1 {
		t.Fatalf("drain ran %d times", drained)
	}
	if d := p.written(0); d != nil {
		t.Fatal("drain callback returned twice")
	}
}

type closeRecorder struct{ closed bool }

func (c *closeRecorder) Read([]byte) (int, error) { return 0, io.EOF }
func (c *closeRecorder) Close() error             { c.closed = true; return nil }

// A body reader handed over after the client left is closed at once, and
// one pending when it leaves is closed by abort.
func TestPipeClosesReadersOnAbort(t *testing.T) {
	p := newPipe()
	pending := &closeRecorder{}
	p.copyFrom(pending)
	p.abort()
	if !pending.closed {
		t.Fatal("pending reader not closed on abort")
	}
	late := &closeRecorder{}
	p.copyFrom(late)
	if !late.closed {
		t.Fatal("reader handed over after abort not closed")
	}
}

// While held, a whole response wakes the HTTP side once, on release.
func TestPipeHoldWakesOnceOnRelease(t *testing.T) {
	p := newPipe()
	p.hold()
	p.writeHead(&responseHead{status: 200})
	p.write([]byte("hello"))
	p.end()
	select {
	case <-p.notify:
		t.Fatal("woken while held")
	default:
	}
	p.release()
	select {
	case <-p.notify:
	default:
		t.Fatal("not woken on release")
	}
	head, chunks, _, ended, _ := p.take()
	if head == nil || len(chunks) != 1 || !ended {
		t.Fatalf("took head %v, %d chunks, ended %v", head, len(chunks), ended)
	}
	p.release() // nothing pending: no wake-up
	select {
	case <-p.notify:
		t.Fatal("woken with nothing pending")
	default:
	}
}
