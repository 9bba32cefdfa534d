package server

import (
	"net/http"
)

// nodeWire is the innermost writer of a Node route's response: it puts
// the response on the wire with Node's framing and status line.
//
//   - A body without Content-Length is chunked, even when it turns out to
//     be short: Node commits the head before it knows the length whenever
//     anything but a single end(data) produced it, and Next's compression
//     middleware always does (it writes the head first). net/http would
//     instead buffer a short body and add a Content-Length, so the head is
//     flushed at once.
//   - A custom statusMessage (or a 1xx final status) goes out through a
//     hijacked connection (reason.go).
//
// The isolate sets reason before it hands the head to the pipe; the HTTP
// goroutine reads it after taking the head, so the pipe's lock orders the
// two.
type nodeWire struct {
	w      http.ResponseWriter
	r      *http.Request
	reason string
	raw    *rawResponse
	status int
}

func (n *nodeWire) Header() http.Header { return n.w.Header() }

func (n *nodeWire) WriteHeader(code int) {
	if n.status != 0 {
		return
	}
	n.status = code
	if needsRawStatusLine(code, n.reason) {
		if n.raw = hijackResponse(n.w, n.r, code, n.reason); n.raw != nil {
			noteStatus(n.w, code)
			return
		}
		if code < 200 {
			// Over HTTP/2 a 1xx cannot be a final status.
			code = http.StatusInternalServerError
		}
	}
	n.w.WriteHeader(code)
	if bodyAllowed(code) && n.r.Method != http.MethodHead && headerValue(n.w.Header(), "Content-Length") == "" {
		if f, ok := n.w.(http.Flusher); ok {
			f.Flush()
		}
	}
}

func (n *nodeWire) Write(b []byte) (int, error) {
	if n.status == 0 {
		n.WriteHeader(http.StatusOK)
	}
	if n.raw != nil {
		return n.raw.Write(b)
	}
	return n.w.Write(b)
}

func (n *nodeWire) Flush() {
	if n.raw != nil {
		n.raw.Flush()
		return
	}
	if f, ok := n.w.(http.Flusher); ok {
		f.Flush()
	}
}

func (n *nodeWire) Unwrap() http.ResponseWriter { return n.w }

// finish completes a hand-written response; net/http completes its own.
func (n *nodeWire) finish() {
	if n.raw != nil {
		n.raw.finish()
		n.raw = nil
	}
}

// abort cuts a hand-written response short.
func (n *nodeWire) abort() {
	if n.raw != nil {
		n.raw.abort()
		n.raw = nil
	}
}

// noteStatus tells the request logger (somewhere down the writer chain)
// the status of a hand-written response.
func noteStatus(w http.ResponseWriter, code int) {
	for w != nil {
		if n, ok := w.(interface{ noteStatus(int) }); ok {
			n.noteStatus(code)
			return
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		w = u.Unwrap()
	}
}
