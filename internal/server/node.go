package server

import (
	"fmt"
	"io"
	"net"
	"net/http"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/nextapi"
)

// All Node-runtime routes share one isolate, as they share one Node
// process under next start: module state (in-memory stores, rate limiters)
// persists across requests and routes. The pool (of one) replaces the
// isolate if a request blows its CPU deadline, and a dev reload builds a
// new pool; the server-wide nodeState outlives both.
func (s *Server) newNodePool(p *project) *runtime.Pool {
	st := s.nodeState()
	return runtime.NewPool(runtime.PoolOptions{Max: 1, IdleTimeout: -1, New: func() (*runtime.Isolate, error) {
		return runtime.New(runtime.Options{
			Name:                 "node",
			CPUDeadline:          s.cfg.CPUDeadline,
			Logger:               s.log,
			OnUnhandledRejection: events.ReportUnhandledRejection,
			OnRejectionHandled:   events.ReportRejectionHandled,
			Setup: func(iso *runtime.Isolate) error {
				iso.SetValue(nodeStateKey{}, st)
				return s.installNodeGlobals(iso, p)
			},
		})
	}})
}

// nodeState is what every Node request of one server shares: the preview
// mode secrets (Next keeps them per build, and next dev per process, so a
// draft-mode cookie survives edits) and the hooks through which Next's own
// warnings reach the server log.
type nodeState struct {
	preview  *nextapi.PreviewKeys
	warn     func(string)
	logError func(goja.Value)
}

type nodeStateKey struct{}

// nodeStates holds each Server's nodeState without keeping the Server
// alive (the state refers to the logger only); an entry goes when its
// Server is collected.
var nodeStates sync.Map // weak.Pointer[Server] → *nodeState

func (s *Server) nodeState() *nodeState {
	key := weak.Make(s)
	if v, ok := nodeStates.Load(key); ok {
		return v.(*nodeState)
	}
	log := s.log
	st := &nodeState{
		warn:     func(msg string) { log.Warn(msg) },
		logError: func(v goja.Value) { log.Error("⨯ " + describeValue(v)) },
	}
	// A failure of the system's random source leaves preview mode off:
	// setDraftMode and setPreviewData then throw Next's invariant error.
	st.preview, _ = nextapi.NewPreviewKeys()
	if v, loaded := nodeStates.LoadOrStore(key, st); loaded {
		return v.(*nodeState)
	}
	goruntime.AddCleanup(s, func(k weak.Pointer[Server]) { nodeStates.Delete(k) }, key)
	return st
}

type nodeModuleKey struct{ rt *route }
type nodeServerKey struct{ ns *nodeServer }

// nodeModule is a route's handler as loaded from one Node bundle: a route
// carried over a dev reload that rebuilt the bundle (into the same
// isolate, reload.go) loads again from the new one.
type nodeModule struct {
	ns *nodeServer
	h  goja.Value
}

// nodeServerTable returns the shared Node bundle's table of route modules
// in iso, evaluating the bundle on first use. Its npm packages come from
// the vendor program in dev.
func (s *Server) nodeServerTable(iso *runtime.Isolate, ns *nodeServer) (*goja.Object, error) {
	if table, ok := iso.Value(nodeServerKey{ns}).(*goja.Object); ok {
		return table, nil
	}
	if ns.program == nil {
		// A generation replaced long ago (reload.go released its bundle).
		return nil, fmt.Errorf("server: the Node bundle of %s was replaced", ns.bundle.Path)
	}
	require := vendorRequire(ns.vendor, s.requireNode)
	table, err := iso.LoadCommonJS(ns.program, ns.bundle.Path, func(id string) (goja.Value, error) {
		return require(iso, id)
	})
	if err != nil {
		return nil, err
	}
	iso.SetValue(nodeServerKey{ns}, table)
	return table, nil
}

// nodeHandler returns the route's default export, loading the shared Node
// bundle into the isolate on first use and the route's module (its
// top-level code) on the route's first request, as Next does.
func (s *Server) nodeHandler(iso *runtime.Isolate, p *project, rt *route) (goja.Value, error) {
	ns := p.node
	if m, ok := iso.Value(nodeModuleKey{rt}).(nodeModule); ok && m.ns == ns {
		return m.h, nil
	}
	if ns.program == nil {
		// A generation replaced long ago (reload.go released its bundle).
		return nil, fmt.Errorf("server: the Node bundle of %s was replaced", rt.path)
	}
	table, err := s.nodeServerTable(iso, ns)
	if err != nil {
		return nil, err
	}
	thunk, ok := goja.AssertFunction(table.Get(rt.r.File))
	if !ok {
		return nil, fmt.Errorf("server: %s is not in the Node bundle", rt.path)
	}
	exv, err := thunk(goja.Undefined())
	if err != nil {
		return nil, err
	}
	exports, _ := exv.(*goja.Object)
	if exports == nil {
		return nil, fmt.Errorf("Page %s does not export a default function.", rt.r.Page)
	}
	h := exports.Get("default")
	// Next unwraps a CommonJS module.exports = fn as the default export.
	if _, ok := goja.AssertFunction(h); !ok {
		if _, ok := goja.AssertFunction(exports); ok {
			h = exports
		}
	}
	if _, ok := goja.AssertFunction(h); !ok {
		return nil, fmt.Errorf("Page %s does not export a default function.", rt.r.Page)
	}
	iso.SetValue(nodeModuleKey{rt}, nodeModule{ns, h})
	return h, nil
}

// serveNode runs a Node-runtime route (spec §1).
func (s *Server) serveNode(c *request) {
	cfg := c.rt.config
	params := make([]nextapi.Param, len(c.match.Params))
	for i, p := range c.match.Params {
		params[i] = nextapi.Param{Name: p.Name, Values: p.Values, Array: p.Array}
	}
	query, search := nextapi.BuildQuery(c.rawQuery, params)
	// One allocation holds the request's state on this side.
	nc := &nodeCall{s: s, c: c, port: s.portFor(c.r)}
	nc.req = nextapi.Request{
		Method:     c.r.Method,
		URL:        c.apiPath + search,
		Header:     c.r.Header,
		Query:      query,
		RemoteAddr: c.r.RemoteAddr,
		AddHeaders: nc.addHeaders,
	}
	if la, ok := c.r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		nc.req.LocalAddr = la
	}
	if cfg.BodyParser {
		// Next reads the whole body for every method before the handler runs;
		// do it here, off the shared isolate.
		var body io.Reader = c.r.Body
		if body == http.NoBody {
			body = nil
		}
		kind, text, err := nextapi.ReadBody(body, c.r.ContentLength, c.r.Header.Get("Content-Type"), cfg.SizeLimitBytes, cfg.SizeLimit)
		if be, ok := err.(*nextapi.BodyError); ok {
			nc.req.BodyError = be
			// Node discards the rest of a rejected body, so the client
			// finishes its upload and reads the 413; net/http would reset
			// the connection under a client still writing. Bounded, so a
			// huge upload cannot hold the server.
			_, _ = io.Copy(io.Discard, io.LimitReader(c.r.Body, maxDiscardedBody))
		}
		nc.req.BodyKind, nc.req.BodyText = kind, text
	} else {
		// The handler reads the body as a stream, possibly while it
		// responds (req.pipe(res)). net/http would drain and close an
		// unread HTTP/1.1 body as soon as the head is flushed.
		body := enableDuplex(c.w, c.r)
		defer body.finish(c.w)
		nc.req.Body = body
	}
	nc.cfg = nextapi.Config{
		Dev:                s.cfg.Mode == Development,
		BodyParser:         cfg.BodyParser,
		ExternalResolver:   cfg.ExternalResolver,
		ResponseLimit:      cfg.ResponseLimit,
		ResponseLimitBytes: cfg.ResponseLimitBytes,
		ResponseLimitText:  limitText(cfg.ResponseLimitBytes),
	}

	nc.wire = nodeWire{w: c.w, r: c.r}
	var out http.ResponseWriter = &nc.wire
	if c.p.next.Compress {
		nc.sink.comp = newCompressWriter(&nc.wire, c.r)
		out = nc.sink.comp
	}
	nc.sink.pipe = newPipe()
	iso, inv, err := c.p.node.pool.Acquire(nc.sink.pipe.fail)
	if err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	nc.sink.iso, nc.sink.inv, nc.sink.wire, nc.sink.head = iso, inv, &nc.wire, c.r.Method == http.MethodHead
	if err := iso.Run(inv, nc.run); err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	completed := false
	defer func() {
		// A failure after the head panics out of serve to cut the
		// response; release what the response held on the way.
		if !completed {
			if nc.sink.comp != nil {
				nc.sink.comp.release()
			}
			nc.wire.abort()
		}
	}()
	_, _, failure := serve(c.r.Context(), out, nc.sink.pipe, nc.clientGone)
	if failure != nil {
		completed = true
		s.nodeFailed(c, failure)
		return
	}
	if nc.sink.comp != nil {
		_ = nc.sink.comp.Close()
	}
	nc.wire.finish()
	completed = true
}

// nodeCall is one Node-route request on the HTTP side.
type nodeCall struct {
	s    *Server
	c    *request
	port int
	req  nextapi.Request
	cfg  nextapi.Config
	wire nodeWire
	sink nodeSink
	call *nextapi.Call // set and used on the isolate's goroutine
}

// addHeaders adds to req.headers what net/http keeps out of the header
// map, and Next's x-forwarded-*.
func (nc *nodeCall) addHeaders(h http.Header) {
	r := nc.c.r
	if r.Host != "" {
		h.Set("Host", r.Host)
	}
	if len(r.TransferEncoding) > 0 {
		// net/http moves it out of the header map; Node keeps it.
		h.Set("Transfer-Encoding", strings.Join(r.TransferEncoding, ", "))
	}
	addForwarded(h, r, nc.port)
}

// run starts the route on the isolate's goroutine.
func (nc *nodeCall) run() {
	s, c, iso, inv, pipe := nc.s, nc.c, nc.sink.iso, nc.sink.inv, nc.sink.pipe
	nc.sink.vm = iso.VM()
	st, _ := iso.Value(nodeStateKey{}).(*nodeState)
	if st != nil {
		nc.cfg.Preview, nc.cfg.Warn, nc.cfg.LogError = st.preview, st.warn, st.logError
	}
	h, err := s.nodeHandler(iso, c.p, c.rt)
	if err != nil {
		pipe.fail(err)
		inv.End()
		return
	}
	pipe.hold()
	iso.AfterTask(pipe.release)
	require, _ := iso.Value(nodeRequireKey{}).(nextapi.Require)
	if require == nil {
		require = func(id string) (goja.Value, error) { return s.requireNode(iso, id) }
		iso.SetValue(nodeRequireKey{}, require)
	}
	nc.call, err = nextapi.Handle(iso, require, h, &nc.req, &nc.sink, nc.cfg)
	if err != nil {
		pipe.fail(err)
		inv.End()
	}
}

type nodeRequireKey struct{}

// limitTexts caches bundler.FormatBytes of response limits ("4MB"), which
// every request passes on.
var limitTexts sync.Map // int64 → string

func limitText(n int64) string {
	if v, ok := limitTexts.Load(n); ok {
		return v.(string)
	}
	text := bundler.FormatBytes(n)
	limitTexts.Store(n, text)
	return text
}

// clientGone lets the route know the client went away (req and res emit
// 'close'), then stops counting the request.
func (nc *nodeCall) clientGone() {
	_ = nc.sink.iso.Run(nc.sink.inv, func() {
		nc.call.Abort()
		nc.sink.inv.End()
	})
}

// maxDiscardedBody bounds how much of a rejected request body is read and
// thrown away before answering.
const maxDiscardedBody = 64 << 20

// nodeFailed answers a Node route whose handler threw before responding.
// In production nextapi already sent the plain 500 itself; what arrives
// here is a dev-mode error (rendered as the dev error page), a module that
// failed to load, or a runtime failure (CPU deadline).
func (s *Server) nodeFailed(c *request, err error) {
	s.log.Error("⨯ " + describeError(err))
	if s.cfg.Mode == Development {
		s.devErrorPage(c.w, err)
		return
	}
	plainError(c.w, http.StatusInternalServerError, "Internal Server Error")
}

// nodeSink adapts the pipe to nextapi.Sink and ends the invocation with
// the response.
type nodeSink struct {
	pipe *pipe
	iso  *runtime.Isolate
	inv  *runtime.Invocation
	vm   *goja.Runtime
	wire *nodeWire
	comp *compressWriter // nil when next.config compress is off
	head bool            // a HEAD request
}

func (n *nodeSink) Head(status int, reason string, lines [][2]string, bodyLength int) {
	h := &responseHead{status: status, reason: reason, lines: make([]headerLine, len(lines), len(lines)+1)}
	hasLength := false
	for i, l := range lines {
		h.lines[i] = headerLine{l[0], l[1]}
		if !hasLength && strings.EqualFold(l[0], "Content-Length") {
			hasLength = true
		}
	}
	// Node adds Content-Length itself when one end(data) made the whole
	// response, unless the compression middleware (compress: true) wrote
	// the head first; it then decides on the length it saw.
	if n.comp != nil {
		n.comp.bodyLength = bodyLength
	} else if bodyLength >= 0 && !hasLength && !n.head && bodyAllowed(status) {
		h.lines = append(h.lines, headerLine{"Content-Length", strconv.Itoa(bodyLength)})
	}
	n.wire.reason = reason
	n.pipe.writeHead(h)
}

func (n *nodeSink) Write(b []byte) { n.pipe.write(b) }

func (n *nodeSink) Full(drain func()) bool {
	return n.pipe.full(func() { _ = n.iso.Run(n.inv, drain) })
}

func (n *nodeSink) End() {
	n.pipe.end()
	n.inv.End()
}

func (n *nodeSink) Fail(v goja.Value) {
	n.pipe.fail(jsError(n.vm, v))
	n.inv.End()
}
