package server

import (
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/nextserver"
	"github.com/edgerun/edgerun/webapi/streams"
)

// appCall is one App Router request on its isolate: it builds the
// NextRequest, runs approute.js's handle and streams the Response into
// the pipe. Edge and Node routes differ only in the request URL and body
// and in how the response head is written (see approute.go).
type appCall struct {
	s    *Server
	c    *request
	pipe *pipe
	iso  *runtime.Isolate
	inv  *runtime.Invocation
	edge bool

	// Node routes: the writers whose framing the head decides.
	wire *nodeWire
	comp *compressWriter

	// Loop-goroutine state.
	req       *goja.Object
	responded bool
	gone      bool
}

// appModuleFunc loads the route's module (its exports) in an isolate.
type appModuleFunc func(s *Server, iso *runtime.Isolate, c *request) (*goja.Object, error)

// run starts the request on the isolate's goroutine.
func (ac *appCall) run(module appModuleFunc) {
	s, c, iso := ac.s, ac.c, ac.iso
	vm := iso.VM()
	userland, err := module(s, iso, c)
	if err != nil {
		ac.done(err)
		return
	}
	glue, err := s.appRuntimeOf(iso)
	if err != nil {
		ac.done(err)
		return
	}
	if ac.req, err = ac.newRequest(); err != nil {
		ac.done(err)
		return
	}
	params := goja.Undefined()
	if c.rt.r.Dynamic() {
		params = ac.params(vm)
	}
	info := c.rt.app
	result, err := glue.handle(goja.Undefined(), userland, ac.req, params, vm.ToValue(info.resolvedPagePath()), vm.ToValue(c.rt.r.Page))
	if err != nil {
		ac.done(err)
		return
	}
	onFulfilled := vm.ToValue(func(call goja.FunctionCall) goja.Value { ac.result(call.Argument(0)); return goja.Undefined() })
	onRejected := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		ac.done(jsError(vm, call.Argument(0)))
		return goja.Undefined()
	})
	promiseThen(vm, result, onFulfilled, onRejected)
}

// newRequest builds the handler's NextRequest.
//
// Edge: what Next's edge adapter gives an edge function (the URL with the
// params in its query, flight headers stripped, the body clone capped);
// Node: NextRequestAdapter.fromNodeNextRequest (the server's origin, the
// path without basePath and the query as received, the body as it
// streams in).
func (ac *appCall) newRequest() (*goja.Object, error) {
	s, c, iso := ac.s, ac.c, ac.iso
	headers := edgeRequestHeaders(c.r, s.portFor(c.r))
	hasBody := c.r.Method != http.MethodGet && c.r.Method != http.MethodHead && c.r.Body != nil && c.r.Body != http.NoBody
	var body io.ReadCloser
	if ac.edge {
		if !c.p.next.SkipProxyURLNormalize {
			stripFlightHeaders(headers)
		}
		if hasBody {
			body = truncatingBody(c.r.Body, c.p.bodyCloneLimit(), func() {
				s.log.Warn(bodyLimitWarning(c.p.bodyCloneLimit(), c.r.RequestURI))
			})
		}
		req := fetch.NewRequest(iso, c.r.Method, s.edgeURL(c), headers, body, nil)
		return req, nextserver.AdoptRequest(iso, req, c.rt.app.appPage)
	}
	if hasBody {
		body = c.r.Body
	}
	url := s.appOrigin(c.r) + c.apiPath
	if c.rawQuery != "" {
		url += "?" + c.rawQuery
	}
	req := fetch.NewRequest(iso, c.r.Method, url, headers, body, nil)
	mod, err := nextserver.Module(iso)
	if err != nil {
		return nil, err
	}
	vm := iso.VM()
	proto := mod.Get("NextRequest").ToObject(vm).Get("prototype").ToObject(vm)
	return req, req.SetPrototype(proto)
}

// appOrigin is the origin of the URLs handlers see: the server's own
// hostname and port, not the Host header (spec §2.3).
func (s *Server) appOrigin(r *http.Request) string {
	port := s.portFor(r)
	if port == 80 {
		return "http://" + s.cfg.Hostname
	}
	return "http://" + s.cfg.Hostname + ":" + strconv.Itoa(port)
}

// params is the route's params object: decoded strings, arrays for
// catch-alls, an absent optional catch-all left out.
func (ac *appCall) params(vm *goja.Runtime) goja.Value {
	obj := vm.NewObject()
	for _, p := range ac.c.match.Params {
		if p.Array {
			vals := make([]any, len(p.Values))
			for i, v := range p.Values {
				vals[i] = v
			}
			_ = obj.Set(p.Name, vm.NewArray(vals...))
		} else if len(p.Values) > 0 {
			_ = obj.Set(p.Name, p.Values[0])
		}
	}
	return obj
}

// result sends the Response handle resolved with.
func (ac *appCall) result(v goja.Value) {
	iso, vm := ac.iso, ac.iso.VM()
	resp, ok := fetch.ResponseOf(iso, v)
	if !ok {
		ac.done(jsError(vm, vm.NewTypeError("Expected an instance of Response to be returned")))
		return
	}
	// A body JS never touched (a proxied fetch() response) is copied by
	// the HTTP goroutine straight from the upstream socket.
	rc, hasReader := resp.BodyReader()
	var stream *goja.Object
	var bytes []byte
	if !hasReader {
		stream, bytes = resp.Body()
	}
	ac.pipe.writeHead(ac.head(resp, !hasReader && stream == nil && bytes == nil))
	switch {
	case ac.c.r.Method == http.MethodHead:
		// "A response body must not be sent for HEAD requests": Next does
		// not read it either.
		if rc != nil {
			rc.Close()
		}
		ac.done(nil)
	case rc != nil:
		ac.pipe.copyFrom(rc)
		ac.done(nil)
	case bytes != nil:
		ac.pipe.write(bytes)
		ac.done(nil)
	case stream != nil:
		streams.ConsumePaced(iso, stream, ac.chunk, ac.pause, ac.streamEnded)
	default:
		ac.done(nil)
	}
}

// head is the response head: an edge route's as the edge adapter copies
// it; a Node route's as Next's sendResponse writes it onto the Node
// response that already carries the app-path Vary.
func (ac *appCall) head(resp *fetch.Response, nullBody bool) *responseHead {
	if ac.edge {
		return ac.s.edgeResponseHead(ac.c, resp)
	}
	h := &responseHead{status: resp.Status(), reason: resp.StatusText(), lines: []headerLine{{"Vary", appVary}}}
	hasLength := false
	for _, kv := range resp.HeaderList() {
		name, value := kv[0], kv[1]
		switch name {
		case "x-middleware-set-cookie":
			continue
		case "set-cookie":
			if parts := splitSetCookie(value); parts != nil {
				for _, p := range parts {
					h.lines = append(h.lines, headerLine{name, p})
				}
				continue
			}
		case "vary":
			// Appended to the Vary already there (one header, as the
			// compression middleware's vary() then joins them).
			name = "Vary"
		case "content-length":
			hasLength = true
		}
		h.lines = append(h.lines, headerLine{name, value})
	}
	// sendResponse pipes a body, so its length is unknown to Node and to
	// the compression middleware. A null body is res.end(): Node sends
	// Content-Length: 0, unless the compression middleware wrote the head
	// first (it always does; the response is then chunked).
	bodyLength := -1
	if nullBody {
		bodyLength = 0
		if !hasLength && bodyAllowed(h.status) && ac.c.r.Method != http.MethodHead && ac.comp == nil {
			h.lines = append(h.lines, headerLine{"Content-Length", "0"})
		}
	}
	if ac.comp != nil {
		ac.comp.bodyLength = bodyLength
	}
	ac.wire.reason = h.reason
	return h
}

func (ac *appCall) chunk(b []byte) error {
	if ac.gone {
		return errClientGone
	}
	ac.pipe.write(b)
	return nil
}

// pause parks the body stream while the client is behind (see pipe.full).
func (ac *appCall) pause(resume func()) bool {
	return ac.pipe.full(func() { _ = ac.iso.Run(ac.inv, resume) })
}

func (ac *appCall) streamEnded(err goja.Value) {
	if err != nil && !goja.IsUndefined(err) {
		msg := describeValue(err)
		ac.s.log.Error("⨯ " + msg)
		ac.done(fmt.Errorf("server: response stream errored: %s", msg))
		return
	}
	ac.done(nil)
}

// done ends the response (or fails it) and the invocation.
func (ac *appCall) done(failure error) {
	if ac.responded {
		return
	}
	ac.responded = true
	if failure != nil {
		ac.pipe.fail(failure)
	} else {
		ac.pipe.end()
	}
	ac.inv.End()
}

// clientGone runs on the HTTP goroutine when the client disconnects: it
// aborts request.signal and ends the invocation.
func (ac *appCall) clientGone() {
	_ = ac.iso.Run(ac.inv, ac.abort)
}

func (ac *appCall) abort() {
	ac.gone = true
	if ac.req != nil {
		if sig, ok := events.SignalOf(ac.iso, ac.req.Get("signal")); ok {
			sig.Abort(nextserver.ResponseAborted(ac.iso))
		}
	}
	if !ac.responded {
		ac.responded = true
		ac.inv.End()
	}
}
