package fetch

import (
	"io"
	"net/http"
	"strconv"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/events"
)

// Request is the Go value behind a JS Request: the Fetch Standard's request
// (the parts scripts can observe) plus its Headers and signal
// (https://fetch.spec.whatwg.org/#request-class). Use it on the isolate's
// goroutine only.
type Request struct {
	jsclass.Shell
	method         string
	url            string // serialized URL
	headers        *Headers
	body           *body
	referrer       string // "client", "no-referrer" or a serialized URL
	referrerPolicy string
	mode           string
	credentials    string
	cache          string
	redirect       string
	integrity      string
	priority       string
	keepalive      bool
	reloadNav      bool
	historyNav     bool

	// signal is the Request's AbortSignal, created when first needed;
	// follows is the signal it depends on (nil: none), so that a Request
	// built with init.signal only allocates its own signal if a script asks.
	signal  *events.AbortSignal
	follows *events.AbortSignal
}

func (r *Request) bodyOf() *body           { return r.body }
func (r *Request) headerList() *headerList { return r.headers.header() }
func (r *Request) Headers() *Headers       { return r.headers }
func (r *Request) Method() string          { return r.method }
func (r *Request) URL() string             { return r.url }
func (r *Request) Mode() string            { return r.mode }
func (r *Request) Redirect() string        { return r.redirect }

// newDefaultRequest returns a request with the standard's defaults.
func newDefaultRequest(iso *runtime.Isolate, method, url string) *Request {
	return &Request{
		method:         method,
		url:            url,
		headers:        newHeadersValue(iso, GuardRequest),
		referrer:       "client",
		mode:           "no-cors",
		credentials:    "same-origin",
		cache:          "default",
		redirect:       "follow",
		priority:       "auto",
		referrerPolicy: "",
	}
}

// NewRequest creates the JS Request the server hands to a route: its body
// (nil for none) is read from the client as the script consumes it, and its
// signal (nil: one that never aborts) is the request's AbortSignal.
func NewRequest(iso *runtime.Isolate, method, url string, h http.Header, body io.ReadCloser, signal *events.AbortSignal) *goja.Object {
	r := newDefaultRequest(iso, method, url)
	r.mode = "cors"
	r.headers.lazy = h
	if body != nil {
		length := int64(-1)
		if cl := h.Get("Content-Length"); cl != "" {
			if n, err := strconv.ParseInt(cl, 10, 64); err == nil && n >= 0 {
				length = n
			}
		}
		r.body = newReaderBody(body, length)
	}
	r.signal = signal
	return jsclass.New(iso, RequestClass, r)
}

// RequestOf returns the Request behind a JS value (brand check).
func RequestOf(iso *runtime.Isolate, v goja.Value) (*Request, bool) {
	return jsclass.Unwrap[*Request](iso, v)
}

// Signal returns the request's AbortSignal, creating it if needed.
func (r *Request) Signal(iso *runtime.Isolate) *events.AbortSignal {
	if r.signal == nil {
		if r.follows != nil {
			r.signal = dependentSignal(iso, r.follows)
		} else {
			r.signal, _ = events.NewAbortSignal(iso)
		}
	}
	return r.signal
}

// abortSource returns the signal whose abort aborts this request, or nil.
func (r *Request) abortSource() *events.AbortSignal {
	if r.signal != nil {
		return r.signal
	}
	return r.follows
}

type anyKey struct{}

// dependentSignal implements "create a dependent abort signal" from one
// signal, with the initial AbortSignal.any (events keeps the dependency
// bookkeeping private).
func dependentSignal(iso *runtime.Isolate, src *events.AbortSignal) *events.AbortSignal {
	vm := iso.VM()
	anyFn, ok := iso.Value(anyKey{}).(goja.Callable)
	if !ok {
		ctor := jsclass.Get(iso, events.AbortSignalClass).Ctor
		anyFn, _ = goja.AssertFunction(ctor.Get("any"))
		iso.SetValue(anyKey{}, anyFn)
	}
	v, err := anyFn(goja.Undefined(), vm.NewArray(src.Object()))
	if err != nil {
		panic(err)
	}
	s, _ := events.SignalOf(iso, v)
	return s
}

// clone implements "clone a request": a copy with a cloned body.
func (r *Request) clone(iso *runtime.Isolate) *Request {
	c := *r
	c.headers = newHeadersValue(iso, r.headers.guard)
	c.headers.replaceList(r.headers.header().clone())
	if r.body != nil {
		c.body = r.body.clone(iso)
	}
	c.signal = nil
	c.follows = r.abortSource()
	return &c
}
