package fetch

import (
	"io"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Response is the Go value behind a JS Response
// (https://fetch.spec.whatwg.org/#response-class). Use it on the isolate's
// goroutine only.
type Response struct {
	jsclass.Shell
	iso        *runtime.Isolate
	typ        string // basic, cors, default, error, opaque, opaqueredirect
	status     int
	statusText string // byte string
	url        string // serialized without fragment; "" for none
	redirected bool
	headers    *Headers
	body       *body
	headersVal Headers // saves an allocation; headers points here unless cloned
}

func (r *Response) bodyOf() *body           { return r.body }
func (r *Response) headerList() *headerList { return r.headers.header() }

// ResponseOf returns the Response behind a JS value (brand check); it also
// accepts instances of subclasses (NextResponse).
func ResponseOf(iso *runtime.Isolate, v goja.Value) (*Response, bool) {
	return jsclass.Unwrap[*Response](iso, v)
}

// Status returns the response's status.
func (r *Response) Status() int { return r.status }

// StatusText returns the status message (a byte string).
func (r *Response) StatusText() string { return r.statusText }

// Type returns the response type ("default", "basic", "error"...).
func (r *Response) Type() string { return r.typ }

// Headers returns the response's Headers.
func (r *Response) Headers() *Headers { return r.headers }

// HeaderList returns the headers as scripts see them; see [Headers.List].
func (r *Response) HeaderList() [][2]string { return r.headers.List() }

// Body returns the body for the server to send: a ReadableStream, or the
// bytes of a body built from a string, BufferSource, Blob, URLSearchParams
// or FormData that no script turned into a stream. Call it on the isolate's
// goroutine. Exactly one is non-nil
// when there is a body; both are nil for a null body. The body counts as
// read afterwards. The bytes must not be modified.
func (r *Response) Body() (stream *goja.Object, bytes []byte) {
	b := r.body
	if b == nil {
		return nil, nil
	}
	if b.stream == nil && b.reader == nil && !b.used {
		b.used = true
		if b.bytes == nil {
			return nil, []byte{}
		}
		return nil, b.bytes
	}
	return b.jsStream(r.iso), nil
}

// BodyReader hands over a body that is still the Go reader it arrived as
// (a fetch() response no script read from, being passed through), so the
// server can copy it without a JS stream. ok is false otherwise; use Body.
func (r *Response) BodyReader() (rc io.ReadCloser, ok bool) {
	b := r.body
	if b == nil || b.reader == nil || b.stream != nil || b.used {
		return nil, false
	}
	rc = b.reader
	b.reader = nil
	b.used = true
	return rc, true
}

// isNullBodyStatus reports whether status is a null body status.
func isNullBodyStatus(status int) bool {
	switch status {
	case 101, 103, 204, 205, 304:
		return true
	}
	return false
}

// isRedirectStatus reports whether status is a redirect status.
func isRedirectStatus(status int) bool {
	switch status {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// clone implements "clone a response".
func (r *Response) clone(iso *runtime.Isolate) *Response {
	c := &Response{iso: r.iso, typ: r.typ, status: r.status, statusText: r.statusText, url: r.url, redirected: r.redirected}
	c.headersVal = Headers{guard: r.headers.guard, strict: r.headers.strict}
	c.headers = &c.headersVal
	c.headers.replaceList(r.headers.header().clone())
	if r.body != nil {
		c.body = r.body.clone(iso)
	}
	return c
}
