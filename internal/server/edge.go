package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/nextserver"
	"github.com/edgerun/edgerun/webapi/streams"
)

var errClientGone = errors.New("server: the client closed the connection")

// edgeBodyLimit is Next's clone cap for edge and middleware request bodies
// (experimental.proxyClientMaxBodySize default): longer bodies are
// truncated with a warning, not rejected.
const edgeBodyLimit = 10 << 20

type edgeModuleKey struct{}

// edgePool returns the route's isolate pool, creating it on first use.
func (s *Server) edgePool(p *project, rt *route) *runtime.Pool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.pool == nil {
		rt.pool = runtime.NewPool(runtime.PoolOptions{New: func() (*runtime.Isolate, error) {
			return s.newEdgeIsolate(p, rt)
		}})
	}
	return rt.pool
}

func (s *Server) newEdgeIsolate(p *project, rt *route) (*runtime.Isolate, error) {
	return runtime.New(runtime.Options{
		Name:                 rt.r.Page,
		CPUDeadline:          s.cfg.CPUDeadline,
		Logger:               s.log,
		OnUnhandledRejection: events.ReportUnhandledRejection,
		OnRejectionHandled:   events.ReportRejectionHandled,
		Setup: func(iso *runtime.Isolate) error {
			if err := s.installEdgeGlobals(iso, p); err != nil {
				return err
			}
			exports, err := iso.LoadCommonJS(rt.program, rt.bundle.Path, func(id string) (goja.Value, error) {
				return s.requireEdge(iso, id)
			})
			if err != nil {
				return err
			}
			handler := exports.Get("default")
			if _, ok := goja.AssertFunction(handler); !ok {
				return fmt.Errorf("The Edge Function \"pages%s\" must export a `default` function", rt.r.Page)
			}
			iso.SetValue(edgeModuleKey{}, handler)
			return nil
		},
	})
}

// serveEdge runs an edge route: NextRequest in, Response out (spec §2.2).
func (s *Server) serveEdge(c *request) {
	pool := s.edgePool(c.p, c.rt)
	pipe := newPipe()
	iso, inv, err := pool.Acquire(func(err error) { pipe.fail(err) })
	if err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	var abort func()
	if err := iso.Run(inv, func() { abort = s.callEdge(iso, inv, c, pipe) }); err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	_, _, failure := serve(c.r.Context(), c.w, pipe, func() {
		_ = iso.Run(inv, func() {
			if abort != nil {
				abort()
			}
		})
	})
	if failure != nil {
		s.edgeFailed(c, failure)
	}
}

// edgeFailed answers an edge route that threw: Next renders the 500 error
// page in both dev and start for edge routes (spec §2.2).
func (s *Server) edgeFailed(c *request, err error) {
	s.log.Error("⨯ " + describeError(err))
	if s.cfg.Mode == Development {
		s.devErrorPage(c.w, err)
		return
	}
	s.writeErrorPage(c.w, http.StatusInternalServerError, "")
}

// edgeURL is the absolute URL an edge handler sees: the server's own
// host, the path with basePath, and the search params merged with the
// route's params (spec §2.3: {...initialSearchParams, ...params}).
func (s *Server) edgeURL(c *request) string {
	var b strings.Builder
	b.Grow(len(s.cfg.Hostname) + len(c.rawPath) + len(c.rawQuery) + 16)
	b.WriteString("http://")
	b.WriteString(s.cfg.Hostname)
	if s.cfg.Port != 80 {
		fmt.Fprintf(&b, ":%d", s.cfg.Port)
	}
	b.WriteString(c.rawPath)
	if len(c.match.Params) == 0 {
		if c.rawQuery != "" {
			b.WriteString("?")
			b.WriteString(c.rawQuery)
		}
		return b.String()
	}
	// Keep the client's query text and append the params, removing any
	// same-named search key (params win).
	var kept []string
	for _, part := range strings.Split(c.rawQuery, "&") {
		if part == "" {
			continue
		}
		key := part
		if i := strings.IndexByte(part, '='); i >= 0 {
			key = part[:i]
		}
		if k, err := url.QueryUnescape(key); err == nil {
			if _, ok := c.match.Param(k); ok {
				continue
			}
		}
		kept = append(kept, part)
	}
	for _, prm := range c.match.Params {
		for _, v := range prm.Values {
			kept = append(kept, url.QueryEscape(prm.Name)+"="+url.QueryEscape(v))
		}
	}
	if len(kept) > 0 {
		b.WriteString("?")
		b.WriteString(strings.Join(kept, "&"))
	}
	return b.String()
}

// callEdge runs on the isolate goroutine. It returns the function to call
// when the client goes away.
func (s *Server) callEdge(iso *runtime.Isolate, inv *runtime.Invocation, c *request, pipe *pipe) (abort func()) {
	vm := iso.VM()
	handler, _ := goja.AssertFunction(iso.Value(edgeModuleKey{}).(goja.Value))

	var body io.ReadCloser
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodHead && c.r.Body != nil && c.r.Body != http.NoBody {
		body = truncatingBody(c.r.Body, edgeBodyLimit, func() {
			s.log.Warn(fmt.Sprintf("Request body exceeded 10MB for %s. Only the first 10MB will be available unless configured. See https://nextjs.org/docs/app/api-reference/config/next-config-js/middlewareClientMaxBodySize for more details.", c.r.URL.Path))
		})
	}
	// request.signal is created only if the handler (or the abort below)
	// asks for it.
	reqObj := fetch.NewRequest(iso, c.r.Method, s.edgeURL(c), edgeRequestHeaders(c.r), body, nil)
	if err := nextserver.AdoptRequest(iso, reqObj); err != nil {
		pipe.fail(err)
		inv.End()
		return nil
	}

	// Work registered with event.waitUntil keeps the invocation alive after
	// the response: the isolate is not retired under it.
	pendingWait := 0
	responded := false
	finish := func() {
		if responded && pendingWait == 0 {
			inv.End()
		}
	}
	event := nextserver.NewFetchEvent(iso, "/pages"+c.rt.r.Page, func(p goja.Value) {
		pendingWait++
		settle := vm.ToValue(func(goja.FunctionCall) goja.Value { pendingWait--; finish(); return goja.Undefined() })
		onReject := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			s.log.Error("⨯ waitUntil: " + describeValue(call.Argument(0)))
			pendingWait--
			finish()
			return goja.Undefined()
		})
		promiseThen(vm, p, settle, onReject)
	})

	clientGone := false
	abort = func() {
		clientGone = true
		if sig, ok := events.SignalOf(iso, reqObj.Get("signal")); ok {
			sig.Abort(events.NewDOMException(iso, "This operation was aborted", "AbortError"))
		}
		responded = true
		finish()
	}
	done := func(failure error) {
		if failure != nil {
			pipe.fail(failure)
		} else {
			pipe.end()
		}
		responded = true
		finish()
	}
	onResult := func(v goja.Value) {
		if goja.IsUndefined(v) || goja.IsNull(v) {
			// No response: treated as NextResponse.next() (spec §2.2).
			pipe.writeHead(&responseHead{status: 200, lines: []headerLine{{"x-middleware-next", "1"}}})
			done(nil)
			return
		}
		resp, ok := fetch.ResponseOf(iso, v)
		if !ok {
			done(jsError(vm, vm.NewTypeError("Expected an instance of Response to be returned")))
			return
		}
		pipe.writeHead(s.edgeResponseHead(c, resp))
		if rc, ok := resp.BodyReader(); ok {
			// A body JS never touched (a proxied fetch() response): the HTTP
			// goroutine copies it straight from the upstream socket.
			pipe.copyFrom(rc)
			done(nil)
			return
		}
		stream, bytes := resp.Body()
		switch {
		case bytes != nil:
			pipe.write(bytes)
			done(nil)
		case stream != nil:
			streams.Consume(iso, stream, func(chunk []byte) error {
				if clientGone {
					return errClientGone
				}
				pipe.write(chunk)
				return nil
			}, func(err goja.Value) {
				if err != nil && !goja.IsUndefined(err) {
					s.log.Error("⨯ " + describeValue(err))
					done(fmt.Errorf("server: response stream errored: %s", describeValue(err)))
					return
				}
				done(nil)
			})
		default:
			done(nil)
		}
	}
	result, err := handler(goja.Undefined(), reqObj, event)
	if err != nil {
		done(err)
		return abort
	}
	if isThenable(result) {
		onFulfilled := vm.ToValue(func(call goja.FunctionCall) goja.Value { onResult(call.Argument(0)); return goja.Undefined() })
		onRejected := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			done(jsError(vm, call.Argument(0)))
			return goja.Undefined()
		})
		promiseThen(vm, result, onFulfilled, onRejected)
		return abort
	}
	onResult(result)
	return abort
}

// edgeResponseHead copies the Response's status and headers (spec §2.2):
// Set-Cookie values one per line, x-middleware-set-cookie stripped, and a
// same-host Location made relative.
func (s *Server) edgeResponseHead(c *request, resp *fetch.Response) *responseHead {
	head := &responseHead{status: resp.Status()}
	for _, kv := range resp.HeaderList() {
		name, value := kv[0], kv[1]
		switch name {
		case "x-middleware-set-cookie":
			continue
		case "location":
			value = relativeLocation(value, c.r.Host, s.cfg.Hostname, s.cfg.Port)
		}
		head.lines = append(head.lines, headerLine{name, value})
	}
	return head
}

func relativeLocation(loc, reqHost, hostname string, port int) string {
	u, err := url.Parse(loc)
	if err != nil || u.Host == "" {
		return loc
	}
	own := fmt.Sprintf("%s:%d", hostname, port)
	if u.Host == reqHost || u.Host == own || (port == 80 && u.Host == hostname) {
		rel := u.EscapedPath()
		if rel == "" {
			rel = "/"
		}
		if u.RawQuery != "" {
			rel += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			rel += "#" + u.EscapedFragment()
		}
		return rel
	}
	return loc
}

// edgeRequestHeaders are the client's headers plus the x-forwarded-* set
// Next adds. The copy shares the client's value slices (nothing mutates
// them) and adds at most five one-value entries from one backing array.
func edgeRequestHeaders(r *http.Request) http.Header {
	h := make(http.Header, len(r.Header)+5)
	for k, v := range r.Header {
		h[k] = v
	}
	extra := make([]string, 0, 5)
	add := func(name, value string) {
		if _, ok := h[name]; ok && name != "Host" {
			return
		}
		extra = append(extra, value)
		h[name] = extra[len(extra)-1 : len(extra) : len(extra)]
	}
	if r.Host != "" {
		add("Host", r.Host)
	}
	host, port, proto, forFor := forwardedValues(r)
	add("X-Forwarded-Host", host)
	add("X-Forwarded-Port", port)
	add("X-Forwarded-Proto", proto)
	add("X-Forwarded-For", forFor)
	return h
}

// promiseThen calls p.then(onFulfilled, onRejected) for any thenable.
func promiseThen(vm *goja.Runtime, p goja.Value, onFulfilled, onRejected goja.Value) {
	obj, ok := p.(*goja.Object)
	if !ok {
		if fn, ok := goja.AssertFunction(onFulfilled); ok {
			_, _ = fn(goja.Undefined(), p)
		}
		return
	}
	then, ok := goja.AssertFunction(obj.Get("then"))
	if !ok {
		if fn, ok := goja.AssertFunction(onFulfilled); ok {
			_, _ = fn(goja.Undefined(), p)
		}
		return
	}
	if _, err := then(obj, onFulfilled, onRejected); err != nil {
		if fn, ok := goja.AssertFunction(onRejected); ok {
			_, _ = fn(goja.Undefined(), vm.ToValue(err.Error()))
		}
	}
}
