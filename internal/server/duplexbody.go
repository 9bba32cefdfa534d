package server

import (
	"errors"
	"io"
	"net/http"
	"sync/atomic"
	"time"
)

// duplexBody is a request body a route reads as a stream while it may
// already be answering, which needs net/http's full-duplex mode. In that
// mode a body still unread when the handler returns breaks the connection:
// net/http's drain starts a background read that the next request on the
// connection collides with ("invalid concurrent Body.Read call",
// golang/go#68560). So the handler closes the body before it returns
// (finish), and first stops a read of the route's that is still waiting
// for the client: Close would otherwise wait for it.
type duplexBody struct {
	r       io.ReadCloser
	reading atomic.Bool
	closed  atomic.Bool
}

// errBodyFinished is what a route's read gets once its response is over.
var errBodyFinished = errors.New("server: the request is over; its body can no longer be read")

// enableDuplex switches w to full duplex and returns r's body wrapped.
func enableDuplex(w http.ResponseWriter, r *http.Request) *duplexBody {
	_ = http.NewResponseController(w).EnableFullDuplex()
	return &duplexBody{r: r.Body}
}

func (b *duplexBody) Read(p []byte) (int, error) {
	b.reading.Store(true)
	defer b.reading.Store(false)
	// finish sets closed before it looks at reading: either this read
	// sees closed, or finish sees the read and interrupts it.
	if b.closed.Load() {
		return 0, errBodyFinished
	}
	return b.r.Read(p)
}

func (b *duplexBody) Close() error { return b.r.Close() }

// finish ends the body before the handler returns. A read in flight is
// interrupted (the connection is then not reused). An unread rest is read
// and dropped, up to maxDiscardedBody, as Node dumps the request a
// handler left unread: the client finishes its upload and reads the
// answer, where net/http would stop reading after 256 KiB and close the
// connection under a client still writing.
func (b *duplexBody) finish(w http.ResponseWriter) {
	b.closed.Store(true)
	if b.reading.Load() {
		_ = http.NewResponseController(w).SetReadDeadline(time.Now())
	} else {
		_, _ = io.Copy(io.Discard, io.LimitReader(b.r, maxDiscardedBody))
	}
	_ = b.r.Close()
}
