package server

import (
	"context"
	"io"
	"net/http"
)

// wellKnownHeaders are the names net/http itself inspects; they are stored
// under their canonical key so net/http does not add a second copy (e.g. a
// chunked Transfer-Encoding next to the route's content-length).
var wellKnownHeaders = map[string]string{
	"content-length":    "Content-Length",
	"content-type":      "Content-Type",
	"transfer-encoding": "Transfer-Encoding",
	"connection":        "Connection",
	"date":              "Date",
	"trailer":           "Trailer",
}

// applyHead writes the head's header lines into w, keeping the route's
// casing except for the names net/http must recognise.
func applyHead(w http.ResponseWriter, h *responseHead) {
	hdr := w.Header()
	hasType := false
	for _, l := range h.lines {
		name := l.name
		if canon, ok := wellKnownHeader(name); ok {
			name = canon
		}
		if name == "Content-Type" {
			hasType = true
		}
		hdr[name] = append(hdr[name], l.value)
	}
	if !hasType {
		// Next sends no Content-Type for string bodies; stop net/http sniffing one.
		hdr["Content-Type"] = nil
	}
}

// wellKnownHeader looks name up in wellKnownHeaders case-insensitively,
// lower-casing into a stack buffer (a map index by string(bytes) does not
// allocate).
func wellKnownHeader(name string) (string, bool) {
	var buf [40]byte
	if len(name) > len(buf) {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	canon, ok := wellKnownHeaders[string(buf[:len(name)])]
	return canon, ok
}

// serve drains p into w until the response ends, fails, or the client goes
// away (then onAbort runs once). It returns the status written (0 if none)
// and any failure reported before a head was written.
func serve(ctx context.Context, w http.ResponseWriter, p *pipe, onAbort func()) (status int, bytes int64, failure error) {
	flusher, _ := w.(http.Flusher)
	wroteHead := false
	for {
		head, chunks, reader, ended, fail := p.take()
		if !wroteHead && head != nil {
			applyHead(w, head)
			w.WriteHeader(head.status)
			status = head.status
			wroteHead = true
		}
		if wroteHead {
			taken := 0
			for _, c := range chunks {
				taken += len(c)
				n, err := w.Write(c)
				bytes += int64(n)
				if err != nil {
					p.abort()
					if onAbort != nil {
						onAbort()
					}
					return status, bytes, nil
				}
			}
			if len(chunks) > 0 && !ended && flusher != nil {
				flusher.Flush()
			}
			if drain := p.written(taken); drain != nil {
				drain()
			}
			if reader != nil {
				// Close the reader if the client leaves while it is idle:
				// Read would otherwise block until the upstream sends more.
				stop := context.AfterFunc(ctx, func() { reader.Close() })
				n, err := copyFlushing(ctx, w, flusher, reader)
				stop()
				bytes += n
				reader.Close()
				if err != nil {
					p.abort()
					if onAbort != nil {
						onAbort()
					}
					return status, bytes, nil
				}
			}
		} else if reader != nil {
			reader.Close()
		}
		if fail != nil && !wroteHead {
			return 0, 0, fail
		}
		if fail != nil {
			// A failure after the head: cut the response short, as Node does.
			panic(http.ErrAbortHandler)
		}
		if ended {
			if !wroteHead {
				w.WriteHeader(http.StatusOK)
				status = http.StatusOK
			}
			return status, bytes, nil
		}
		select {
		case <-p.notify:
		case <-ctx.Done():
			p.abort()
			if onAbort != nil {
				onAbort()
			}
			return status, bytes, nil
		}
	}
}

// copyFlushing copies r to w, flushing after every read so a streamed
// upstream body reaches the client as it arrives.
func copyFlushing(ctx context.Context, w http.ResponseWriter, f http.Flusher, r io.Reader) (int64, error) {
	buf := make([]byte, 32<<10)
	var total int64
	for {
		if ctx.Err() != nil {
			return total, ctx.Err()
		}
		n, err := r.Read(buf)
		if n > 0 {
			m, werr := w.Write(buf[:n])
			total += int64(m)
			if werr != nil {
				return total, werr
			}
			if f != nil {
				f.Flush()
			}
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
