package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/nextserver"
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
	return s.newModuleIsolate(moduleIsolate{
		name:    rt.r.Page,
		install: func(iso *runtime.Isolate) error { return s.installEdgeGlobals(iso, p) },
		program: rt.program,
		path:    rt.bundle.Path,
		require: s.requireEdge,
		vendor:  rt.vendor,
		handler: func(exports *goja.Object) (goja.Value, error) {
			handler := exports.Get("default")
			if _, ok := goja.AssertFunction(handler); !ok {
				return nil, fmt.Errorf("The Edge Function \"pages%s\" must export a `default` function", rt.r.Page)
			}
			return handler, nil
		},
	})
}

// serveEdge runs an edge route: NextRequest in, Response out (spec §2.2).
func (s *Server) serveEdge(c *request) {
	pool := s.edgePool(c.p, c.rt)
	ec := &edgeCall{s: s, c: c, pipe: newPipe()}
	iso, inv, err := pool.Acquire(ec.pipe.fail)
	if err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	ec.iso, ec.inv = iso, inv
	if err := iso.Run(inv, ec.start); err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	_, _, failure := serve(c.r.Context(), c.w, ec.pipe, ec.clientGone)
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
// host, the path with basePath, and the query rebuilt as Next does
// (spec §2.3: {...initialSearchParams, ...query, ...params}, re-encoded;
// see nextserver.EdgeSearch).
func (s *Server) edgeURL(c *request) string {
	var b strings.Builder
	b.Grow(len(s.cfg.Hostname) + len(c.rawPath) + len(c.rawQuery) + 16)
	b.WriteString("http://")
	b.WriteString(s.cfg.Hostname)
	if port := s.portFor(c.r); port != 80 {
		fmt.Fprintf(&b, ":%d", port)
	}
	b.WriteString(c.rawPath)
	if len(c.match.Params) == 0 && c.rawQuery == "" {
		return b.String()
	}
	params := make([]nextserver.Param, len(c.match.Params))
	for i, p := range c.match.Params {
		params[i] = nextserver.Param{Name: p.Name, Values: p.Values}
	}
	if q := nextserver.EdgeSearch(c.rawQuery, params); q != "" {
		b.WriteString("?")
		b.WriteString(q)
	}
	return b.String()
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
			value = relativeLocation(value, c.r.Host, s.cfg.Hostname, s.portFor(c.r))
		case "set-cookie":
			if parts := splitSetCookie(value); parts != nil {
				for _, p := range parts {
					head.lines = append(head.lines, headerLine{name, p})
				}
				continue
			}
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
func edgeRequestHeaders(r *http.Request, serverPort int) http.Header {
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
	host, port, proto, forFor := forwardedValues(r, serverPort)
	add("X-Forwarded-Host", host)
	add("X-Forwarded-Port", port)
	add("X-Forwarded-Proto", proto)
	add("X-Forwarded-For", forFor)
	return h
}

// promiseThen calls p.then(onFulfilled, onRejected) for any thenable.
func promiseThen(vm *goja.Runtime, p goja.Value, onFulfilled, onRejected goja.Value) {
	defer func() {
		// A throwing then getter: reject with what it threw.
		if r := recover(); r != nil {
			if fn, ok := goja.AssertFunction(onRejected); ok {
				reason := vm.ToValue(fmt.Sprint(r))
				if ex, ok := r.(*goja.Exception); ok {
					reason = ex.Value()
				}
				_, _ = fn(goja.Undefined(), reason)
			}
		}
	}()
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
