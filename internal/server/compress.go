package server

import (
	"compress/flate"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// compressThreshold is the `compression` middleware's default threshold
// ('1kb'), which Next does not change: a response whose length is known
// and smaller is sent as is.
const compressThreshold = 1024

// compressWriter applies next.config's `compress` (default true) the way
// Next does, with the `compression` npm middleware (1.7), decided when the
// head is written:
//
//  1. only compressible Content-Types (mime-db's flag, else text/* and
//     +json/+text/+xml);
//  2. not when the response says Cache-Control: no-transform;
//  3. then Vary gains Accept-Encoding, even if nothing is compressed below;
//  4. not when the length is known and under 1 KB (Content-Length, or the
//     length of a body ended in one call);
//  5. not when already encoded, not for HEAD;
//  6. gzip when the client accepts it, else deflate, else nothing.
//
// Unlike Node's zlib stream, a Flush flushes the compressor too, so
// streamed responses (server-sent events) still arrive as written.
type compressWriter struct {
	http.ResponseWriter
	acceptEncoding string
	method         string
	// bodyLength is the length of a body sent in one call, -1 if unknown
	// (set before WriteHeader).
	bodyLength int

	enc         io.WriteCloser // nil: identity
	pool        *sync.Pool
	wroteHeader bool
}

func newCompressWriter(w http.ResponseWriter, r *http.Request) *compressWriter {
	return &compressWriter{ResponseWriter: w, acceptEncoding: strings.Join(r.Header.Values("Accept-Encoding"), ","), method: r.Method, bodyLength: -1}
}

var (
	gzipPool  = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression); return w }}
	flatePool = sync.Pool{New: func() any { w, _ := flate.NewWriter(io.Discard, flate.DefaultCompression); return w }}
)

func (c *compressWriter) WriteHeader(code int) {
	if c.wroteHeader {
		c.ResponseWriter.WriteHeader(code)
		return
	}
	c.wroteHeader = true
	if code >= 200 || code == http.StatusSwitchingProtocols {
		c.negotiate(code)
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *compressWriter) negotiate(code int) {
	h := c.Header()
	if !compressible(headerValue(h, "Content-Type")) {
		return
	}
	if hasDirective(headerValue(h, "Cache-Control"), "no-transform") {
		return
	}
	addVary(h, "Accept-Encoding")
	if !bodyAllowed(code) {
		return
	}
	if cl := headerValue(h, "Content-Length"); cl != "" {
		if n, err := strconv.ParseFloat(strings.TrimSpace(cl), 64); err == nil && n < compressThreshold {
			return
		}
	} else if c.bodyLength >= 0 && c.bodyLength < compressThreshold {
		return
	}
	if ce := headerValue(h, "Content-Encoding"); ce != "" && ce != "identity" {
		return
	}
	if c.method == http.MethodHead {
		return
	}
	method := negotiateEncoding(c.acceptEncoding)
	if method == "" {
		return
	}
	deleteHeader(h, "Content-Length")
	h.Set("Content-Encoding", method)
	if method == "gzip" {
		gz := gzipPool.Get().(*gzip.Writer)
		gz.Reset(c.ResponseWriter)
		c.enc, c.pool = gz, &gzipPool
	} else {
		fw := flatePool.Get().(*flate.Writer)
		fw.Reset(c.ResponseWriter)
		c.enc, c.pool = fw, &flatePool
	}
}

func (c *compressWriter) Write(b []byte) (int, error) {
	if !c.wroteHeader {
		c.WriteHeader(http.StatusOK)
	}
	if c.enc == nil {
		return c.ResponseWriter.Write(b)
	}
	return c.enc.Write(b)
}

func (c *compressWriter) Flush() {
	if f, ok := c.enc.(interface{ Flush() error }); ok {
		_ = f.Flush()
	}
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Close ends the compressed stream; call it once the body is complete.
func (c *compressWriter) Close() error {
	if c.enc == nil {
		return nil
	}
	err := c.enc.Close()
	c.pool.Put(c.enc)
	c.enc = nil
	return err
}

// release returns the compressor without finishing the stream (the
// response was cut short).
func (c *compressWriter) release() {
	if c.enc != nil {
		c.pool.Put(c.enc)
		c.enc = nil
	}
}

func (c *compressWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

// negotiateEncoding picks the coding as compression 1.7 does through
// `negotiator`: among gzip, deflate and identity the best q (ties: the
// client's order, then ours), identity being implicitly acceptable; a
// preferred deflate gives way to gzip whenever gzip is acceptable. ""
// means identity.
func negotiateEncoding(header string) string {
	type spec struct {
		coding string
		q      float64
		order  int
	}
	var specs []spec
	minQ := 1.0
	for i, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, params, _ := strings.Cut(part, ";")
		s := spec{coding: strings.ToLower(strings.TrimSpace(name)), q: 1, order: i}
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.TrimSpace(k) == "q" {
				if q, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					s.q = q
				}
			}
		}
		if s.q > 0 && s.q < minQ {
			minQ = s.q
		}
		specs = append(specs, s)
	}
	hasIdentity := false
	for _, s := range specs {
		if s.coding == "identity" || s.coding == "*" {
			hasIdentity = true
		}
	}
	if !hasIdentity {
		specs = append(specs, spec{coding: "identity", q: minQ, order: len(specs)})
	}
	// priority of one provided coding: the most specific matching spec,
	// then the highest q, then the earliest.
	priority := func(coding string) (q float64, s, order int, ok bool) {
		for _, sp := range specs {
			si := -1
			switch sp.coding {
			case coding:
				si = 1
			case "*":
				si = 0
			}
			if si < 0 {
				continue
			}
			if !ok || si > s || (si == s && sp.q > q) || (si == s && sp.q == q && sp.order < order) {
				q, s, order, ok = sp.q, si, sp.order, true
			}
		}
		return q, s, order, ok && q > 0
	}
	best, bestQ, bestS, bestOrder := "", 0.0, 0, 0
	for _, coding := range []string{"gzip", "deflate", "identity"} {
		q, s, order, ok := priority(coding)
		if !ok {
			continue
		}
		if best == "" || q > bestQ || (q == bestQ && (s > bestS || (s == bestS && order < bestOrder))) {
			best, bestQ, bestS, bestOrder = coding, q, s, order
		}
	}
	if best == "deflate" {
		// "we really don't prefer deflate"
		if _, _, _, ok := priority("gzip"); ok {
			best = "gzip"
		}
	}
	if best == "identity" {
		return ""
	}
	return best
}

// compressibleTypes are mime-db's compressible entries that the fallback
// pattern (text/*, +json, +text, +xml) does not already cover.
var compressibleTypes = map[string]bool{
	"application/javascript": true, "application/json": true, "application/x-javascript": true,
	"application/ecmascript": true, "application/xml": true, "application/x-www-form-urlencoded": true,
	"application/wasm": true, "application/vnd.ms-fontobject": true, "application/x-font-ttf": true,
	"font/otf": true, "font/ttf": true, "image/bmp": true, "image/x-icon": true, "image/vnd.microsoft.icon": true,
}

// compressible is the `compressible` package's test on a Content-Type.
func compressible(contentType string) bool {
	if contentType == "" {
		return false
	}
	t, _, _ := strings.Cut(contentType, ";")
	t = strings.ToLower(strings.TrimSpace(t))
	if compressibleTypes[t] {
		return true
	}
	if strings.HasPrefix(t, "text/") {
		return true
	}
	return strings.HasSuffix(t, "+json") || strings.HasSuffix(t, "+text") || strings.HasSuffix(t, "+xml")
}

// headerValue reads a header whatever the casing the route stored it
// under (route headers keep their casing in the map).
func headerValue(h http.Header, name string) string {
	if v := h[name]; len(v) > 0 {
		return strings.Join(v, ", ")
	}
	for k, v := range h {
		if len(v) > 0 && strings.EqualFold(k, name) {
			return strings.Join(v, ", ")
		}
	}
	return ""
}

func deleteHeader(h http.Header, name string) {
	for k := range h {
		if strings.EqualFold(k, name) {
			delete(h, k)
		}
	}
}

func hasDirective(list, directive string) bool {
	for list != "" {
		var d string
		d, list, _ = strings.Cut(list, ",")
		if strings.TrimSpace(d) == directive {
			return true
		}
	}
	return false
}

// addVary appends field to Vary as the `vary` package does: not when
// Vary is "*" or already names it.
func addVary(h http.Header, field string) {
	key := "Vary"
	for k := range h {
		if strings.EqualFold(k, "vary") {
			key = k
			break
		}
	}
	cur := strings.Join(h[key], ", ")
	if cur == "" {
		h[key] = []string{field}
		return
	}
	for _, f := range strings.Split(cur, ",") {
		f = strings.TrimSpace(f)
		if f == "*" || strings.EqualFold(f, field) {
			return
		}
	}
	h[key] = []string{cur + ", " + field}
}

// bodyAllowed reports whether a status may carry a body.
func bodyAllowed(code int) bool {
	return !(code >= 100 && code < 200) && code != http.StatusNoContent && code != http.StatusNotModified
}
