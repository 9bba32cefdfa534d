package server

import (
	"bufio"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Node sends res.statusMessage as the reason phrase of the status line,
// and Next relies on it: a body-parse failure answers "HTTP/1.1 400
// Invalid JSON". net/http always writes its own text for the code, so a
// response with a custom reason is written by hand on the hijacked
// HTTP/1.x connection, which is then closed (the server cannot take the
// connection back after a hijack).
//
// HTTP/2 has no reason phrase at all, and h2 connections cannot be
// hijacked: there the standard text is sent, as Node's http2 does.

// needsRawStatusLine reports whether net/http would get the status line
// wrong: a custom reason, or a 1xx code that net/http would treat as an
// interim response while Node sends it as the final one.
func needsRawStatusLine(code int, reason string) bool {
	if code >= 100 && code < 200 && code != http.StatusSwitchingProtocols {
		return true
	}
	return reason != "" && reason != http.StatusText(code)
}

// rawResponse is a response written directly on a hijacked connection.
type rawResponse struct {
	conn    net.Conn
	bw      *bufio.Writer
	chunked bool
	noBody  bool
	err     error
}

// hijackResponse takes over the connection of w and writes the status line
// and w's headers, framing the body with Content-Length when the headers
// have one, else chunked (close-delimited for HTTP/1.0 clients). It
// returns nil when the connection cannot be hijacked (HTTP/2).
func hijackResponse(w http.ResponseWriter, r *http.Request, code int, reason string) *rawResponse {
	if r.ProtoMajor != 1 {
		return nil
	}
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return nil
	}
	if reason == "" {
		reason = http.StatusText(code)
		if reason == "" {
			reason = "unknown" // Node's text for a code it does not know
		}
	}
	rr := &rawResponse{conn: conn, bw: brw.Writer}
	rr.noBody = r.Method == http.MethodHead || !bodyAllowed(code)
	h := w.Header()
	keys := make([]string, 0, len(h))
	hasLength := false
	for k, v := range h {
		if len(v) == 0 {
			continue
		}
		switch strings.ToLower(k) {
		case "connection", "transfer-encoding", "keep-alive":
			continue
		case "content-length":
			hasLength = true
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := rr.bw
	b.WriteString("HTTP/1.1 ")
	b.WriteString(strconv.Itoa(code))
	b.WriteByte(' ')
	b.WriteString(reason)
	b.WriteString("\r\n")
	for _, k := range keys {
		for _, v := range h[k] {
			b.WriteString(k)
			b.WriteString(": ")
			b.WriteString(strings.NewReplacer("\r", " ", "\n", " ").Replace(v))
			b.WriteString("\r\n")
		}
	}
	if _, ok := h["Date"]; !ok {
		b.WriteString("Date: " + time.Now().UTC().Format(http.TimeFormat) + "\r\n")
	}
	b.WriteString("Connection: close\r\n")
	if !rr.noBody && !hasLength && r.ProtoMinor >= 1 {
		rr.chunked = true
		b.WriteString("Transfer-Encoding: chunked\r\n")
	}
	b.WriteString("\r\n")
	return rr
}

func (rr *rawResponse) Write(p []byte) (int, error) {
	if rr.err != nil {
		return 0, rr.err
	}
	if rr.noBody || len(p) == 0 {
		return len(p), nil
	}
	if rr.chunked {
		rr.bw.WriteString(strconv.FormatInt(int64(len(p)), 16))
		rr.bw.WriteString("\r\n")
	}
	rr.bw.Write(p)
	if rr.chunked {
		_, rr.err = rr.bw.WriteString("\r\n")
	}
	return len(p), rr.err
}

func (rr *rawResponse) Flush() {
	if rr.err == nil {
		rr.err = rr.bw.Flush()
	}
}

// finish ends the body and closes the connection.
func (rr *rawResponse) finish() {
	if rr.chunked && rr.err == nil {
		rr.bw.WriteString("0\r\n\r\n")
	}
	rr.Flush()
	rr.conn.Close()
}

// abort closes the connection without ending the body, so the client sees
// a truncated response.
func (rr *rawResponse) abort() {
	rr.Flush()
	rr.conn.Close()
}
