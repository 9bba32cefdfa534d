package server

// middleware.ts / proxy.ts (spec §4). Middleware runs before routing, in
// an isolate pool of its own built exactly like an edge route's (the same
// edgeCall drives it, so NextRequest, NextFetchEvent, waitUntil and
// streamed direct responses behave the same). `runtime: 'nodejs'`
// middleware and proxy.ts get the Node global scope (process, Buffer,
// node: built-ins) in that pool instead of the edge one: Next runs them in
// the server's Node process, but with a module registry separate from the
// pages', so a separate isolate loses nothing a route could observe.

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/router"
	"github.com/edgerun/edgerun/runtime"
)

// middleware is a project's middleware or proxy file.
type middleware struct {
	file  string // relative to the project: "middleware.ts", "src/proxy.ts"
	proxy bool   // proxy.ts: Next 16's name, always Node.js
	cfg   bundler.MiddlewareConfig
	// matchers are the compiled config.matcher; nil runs on every request.
	matchers []*ruleMatch
	// rt holds the build, the compiled program and the isolate pool.
	rt *route
}

// middlewareDeprecation is what Next 16 prints for middleware.ts.
const middlewareDeprecation = `The "middleware" file convention is deprecated. Please use "proxy" instead. Learn more: https://nextjs.org/docs/messages/middleware-to-proxy`

// loadMiddleware finds and configures the middleware file (it is built on
// first use, like a route).
func loadMiddleware(dir, pagesDir string, next *bundler.NextConfig) (*middleware, error) {
	file, err := bundler.FindMiddleware(dir, pagesDir, next.PageExtensions)
	if err != nil || file == "" {
		return nil, err
	}
	cfg, err := bundler.ReadMiddlewareConfig(dir, file)
	if err != nil {
		return nil, err
	}
	stem := strings.TrimSuffix(file[strings.LastIndexByte(file, '/')+1:], "."+extOf(file))
	mw := &middleware{file: file, proxy: stem == "proxy", cfg: cfg}
	key := "../" + file[strings.LastIndexByte(file, '/')+1:]
	mw.rt = &route{r: &router.Route{Page: "/" + stem, File: key}}
	if cfg.Matchers != nil {
		mw.matchers = []*ruleMatch{}
		for _, m := range cfg.Matchers {
			rm, err := compileMatcher(m, next)
			if err != nil {
				return nil, err
			}
			mw.matchers = append(mw.matchers, rm)
		}
	}
	return mw, nil
}

func extOf(file string) string {
	if i := strings.LastIndexByte(file, '.'); i >= 0 {
		return file[i+1:]
	}
	return ""
}

// compileMatcher compiles one matcher the way getMiddlewareMatchers does:
// an optional /_next/data/<build> prefix, the locale prefix with i18n
// (unless locale: false), an optional .json suffix, then the basePath.
func compileMatcher(m bundler.MiddlewareMatcher, next *bundler.NextConfig) (*ruleMatch, error) {
	source := m.Source
	isRoot := source == "/"
	if next.I18n != nil && len(next.I18n.Locales) > 0 && m.Locale {
		rest := source
		if isRoot {
			rest = ""
		}
		source = "/:nextInternalLocale((?!_next/)[^/.]{1,})" + rest
	}
	suffix := "{(\\.json)}?"
	if isRoot {
		json := ""
		if next.I18n != nil {
			json = "|\\.json|"
		}
		suffix = "(" + json + "/?index|/?index\\.json)?"
	}
	source = "/:nextData(_next/data/[^/]{1,})?" + source + suffix
	if next.BasePath != "" {
		source = next.BasePath + source
	}
	// tryToParsePath: path-to-regexp's defaults (delimiter "/#?", not
	// strict). Next keeps only the regex source and tests it without
	// flags, so the match is case-sensitive.
	opts := patternOptions{Delimiter: "/#?"}
	tokens, err := parsePattern(source, opts.delimiter())
	if err != nil {
		return nil, fmt.Errorf("server: middleware matcher %q: %w", m.Source, err)
	}
	regex := tokensToRegexp(tokens, opts)
	re, err := compileJSRegexp(regex, false)
	if err != nil {
		return nil, fmt.Errorf("server: middleware matcher %q: %w", m.Source, err)
	}
	p := &pathPattern{source: source, tokens: tokens, regex: regex, re: re}
	rm := &ruleMatch{source: m.Source, pattern: p}
	if rm.has, err = compileHas(m.Has); err != nil {
		return nil, fmt.Errorf("server: middleware matcher %q: %w", m.Source, err)
	}
	if rm.missing, err = compileHas(m.Missing); err != nil {
		return nil, fmt.Errorf("server: middleware matcher %q: %w", m.Source, err)
	}
	return rm, nil
}

// matches reports whether the middleware runs for the request.
func (mw *middleware) matches(rt *routing) bool {
	if mw.matchers == nil {
		return true
	}
	rr := rt.ruleRequest()
	for _, m := range mw.matchers {
		if _, ok := m.match(rr); ok {
			return true
		}
	}
	return false
}

// load builds and compiles the middleware once per generation.
func (p *project) loadMiddleware(mw *middleware) error {
	rt := mw.rt
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.built {
		return rt.err
	}
	rt.built = true
	rt.path = mw.file
	b, err := p.builder.Build(rt.r.File)
	if err != nil {
		rt.err = err
		return err
	}
	rt.bundle, rt.runtime, rt.config = b, b.Runtime, b.Config
	if rt.vendor, err = p.vendors.get(p.builder, b.Runtime, b.Vendor); err != nil {
		rt.err = err
		return err
	}
	prog, err := goja.Compile(b.Path, b.Code, false)
	if err != nil {
		rt.err = fmt.Errorf("server: compiling %s: %w", b.Path, err)
		return rt.err
	}
	rt.program = prog
	return nil
}

// middlewarePool returns the middleware's isolate pool.
func (s *Server) middlewarePool(p *project, mw *middleware) *runtime.Pool {
	rt := mw.rt
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.pool == nil {
		rt.pool = runtime.NewPool(runtime.PoolOptions{New: func() (*runtime.Isolate, error) {
			return s.newMiddlewareIsolate(p, mw)
		}})
	}
	return rt.pool
}

func (s *Server) newMiddlewareIsolate(p *project, mw *middleware) (*runtime.Isolate, error) {
	rt := mw.rt
	m := moduleIsolate{
		name:    rt.r.Page,
		program: rt.program,
		path:    rt.bundle.Path,
		install: func(iso *runtime.Isolate) error { return s.installEdgeGlobals(iso, p) },
		require: s.requireEdge,
		handler: mw.handler,
		vendor:  rt.vendor,
	}
	if rt.runtime != bundler.RuntimeEdge {
		m.install = func(iso *runtime.Isolate) error { return s.installNodeGlobals(iso, p) }
		m.require = s.requireNode
	}
	return s.newModuleIsolate(m)
}

// handler picks the default export or the named `middleware` (`proxy`).
func (mw *middleware) handler(exports *goja.Object) (goja.Value, error) {
	named := "middleware"
	kind := "Middleware"
	if mw.proxy {
		named, kind = "proxy", "Proxy"
	}
	for _, name := range []string{"default", named} {
		if h := exports.Get(name); h != nil {
			if _, ok := goja.AssertFunction(h); ok {
				return h, nil
			}
		}
	}
	return nil, fmt.Errorf("The %s file %q must export a function named `%s` or a default function.", kind, "/"+strings.TrimPrefix(mw.rt.r.Page, "/"), named)
}

// middlewareInternal are the response headers middleware uses to talk to
// the router; they never reach the client or the route (resolve-routes.ts).
func middlewareInternal(name string) bool {
	switch name {
	case "content-length", "x-middleware-rewrite", "x-middleware-redirect", "x-middleware-refresh",
		"x-middleware-next", "x-middleware-override-headers":
		return true
	}
	return strings.HasPrefix(name, "x-middleware-request-")
}

var redirectStatuses = map[int]bool{301: true, 302: true, 303: true, 307: true, 308: true}

// runMiddleware runs the middleware when its matcher accepts the request
// and acts on its result. It reports whether the request was answered;
// otherwise rt carries the rewritten path and the request headers the
// middleware left.
func (s *Server) runMiddleware(rt *routing, mw *middleware) bool {
	if !mw.matches(rt) {
		return false
	}
	if err := rt.p.loadMiddleware(mw); err != nil {
		s.routeFailed(rt.w, rt.r, mw.rt, err)
		return true
	}
	// The middleware reads a clone of the body (up to the clone cap); the
	// route still gets all of it.
	mwReq := rt.r
	if b := rt.r.Body; b != nil && b != http.NoBody && rt.r.Method != http.MethodGet && rt.r.Method != http.MethodHead {
		buf, err := io.ReadAll(io.LimitReader(b, edgeBodyLimit+1))
		if err != nil {
			plainError(rt.w, http.StatusBadRequest, "Bad Request")
			return true
		}
		clone := buf
		if len(clone) > edgeBodyLimit {
			clone = clone[:edgeBodyLimit]
			s.log.Warn(fmt.Sprintf("Request body exceeded 10MB for %s. Only the first 10MB will be available unless configured. See https://nextjs.org/docs/app/api-reference/config/next-config-js/middlewareClientMaxBodySize for more details.", rt.path))
		}
		routeReq := *rt.r
		routeReq.Body = readCloser{io.MultiReader(bytes.NewReader(buf), b), b}
		rt.r = &routeReq
		mr := *rt.r
		mr.Body = io.NopCloser(bytes.NewReader(clone))
		mwReq = &mr
	}
	c := &request{w: rt.w, r: mwReq, p: rt.p, rt: mw.rt, match: &router.Match{Route: mw.rt.r}, rawPath: rt.path, rawQuery: rt.rawQuery}
	ec := &edgeCall{s: s, c: c, pipe: newPipe()}
	iso, inv, err := s.middlewarePool(rt.p, mw).Acquire(ec.pipe.fail)
	if err != nil {
		s.routeFailed(rt.w, rt.r, mw.rt, err)
		return true
	}
	ec.iso, ec.inv = iso, inv
	if err := iso.Run(inv, ec.start); err != nil {
		s.routeFailed(rt.w, rt.r, mw.rt, err)
		return true
	}
	head, failure, gone := ec.pipe.waitHead(rt.r.Context().Done())
	if gone {
		ec.pipe.abort()
		ec.clientGone()
		return true
	}
	if failure != nil {
		s.edgeFailed(c, failure)
		return true
	}
	return s.middlewareResult(rt, ec, c, head)
}

// middlewareResult acts on the middleware's response head (the
// resolve-routes middleware branch).
func (s *Server) middlewareResult(rt *routing, ec *edgeCall, c *request, head *responseHead) bool {
	get := func(name string) (string, bool) {
		for _, l := range head.lines {
			if strings.EqualFold(l.name, name) {
				return l.value, true
			}
		}
		return "", false
	}
	rewrite, isRewrite := get("x-middleware-rewrite")
	_, isNext := get("x-middleware-next")
	location, hasLocation := get("location")
	if !isRewrite && !isNext && !(hasLocation && redirectStatuses[head.status]) {
		// A response of its own: sent as is (next.config headers() still
		// apply through rt.w).
		_, _, failure := serve(c.r.Context(), rt.w, ec.pipe, ec.clientGone)
		if failure != nil {
			s.edgeFailed(c, failure)
		}
		return true
	}
	ec.pipe.abort() // next(), rewrite and redirect bodies are not sent

	// Response headers: applied to the final response and copied into the
	// request the route sees; request overrides first.
	reqHeader := rt.r.Header.Clone()
	if reqHeader == nil {
		reqHeader = http.Header{}
	}
	if list, ok := get("x-middleware-override-headers"); ok {
		keep := map[string]bool{}
		for _, k := range strings.Split(list, ",") {
			if k = strings.TrimSpace(strings.ToLower(k)); k != "" {
				keep[k] = true
			}
		}
		for k := range reqHeader {
			if !keep[strings.ToLower(k)] {
				delete(reqHeader, k)
			}
		}
		for k := range keep {
			if v, ok := get("x-middleware-request-" + k); ok {
				reqHeader.Set(k, v)
			} else {
				reqHeader.Del(k)
			}
		}
	}
	var extra []headerLine
	for _, l := range head.lines {
		name := strings.ToLower(l.name)
		if middlewareInternal(name) || name == "location" {
			continue
		}
		if name == "x-middleware-set-cookie" {
			reqHeader.Add(name, l.value)
			continue
		}
		extra = append(extra, headerLine{l.name, l.value})
		if name == "set-cookie" {
			reqHeader.Add(name, l.value)
		} else {
			reqHeader.Set(name, l.value)
		}
	}
	if isRewrite {
		extra = append(extra, headerLine{"x-middleware-rewrite", rewrite})
	}
	routeReq := *rt.r
	routeReq.Header = reqHeader
	rt.r = &routeReq
	if len(extra) > 0 {
		rt.w = withDefaultHeaders(rt.w, extra)
	}

	if hasLocation && redirectStatuses[head.status] && !isRewrite && !isNext {
		target := relativeLocation(location, rt.r.Host, s.cfg.Hostname, s.portFor(rt.r))
		writeRedirect(rt.w, head.status, target)
		return true
	}
	if isRewrite {
		u, err := url.Parse(rewrite)
		if err != nil {
			s.edgeFailed(c, fmt.Errorf("server: middleware rewrite to an invalid URL %q: %w", rewrite, err))
			return true
		}
		if u.Host != "" && !s.ownHost(u.Host, rt.r) {
			s.proxy(rt.w, rt.r, rewrite)
			return true
		}
		// Same origin: an internal rewrite, whose query replaces the
		// request's.
		rt.path = u.EscapedPath()
		if rt.path == "" {
			rt.path = "/"
		}
		rt.rawQuery = u.RawQuery
		rt.detectLocale()
	}
	return false
}

// ownHost reports whether host names this server (as r reached it).
func (s *Server) ownHost(host string, r *http.Request) bool {
	if strings.EqualFold(host, r.Host) {
		return true
	}
	port := s.portFor(r)
	if strings.EqualFold(host, fmt.Sprintf("%s:%d", s.cfg.Hostname, port)) {
		return true
	}
	return port == 80 && strings.EqualFold(host, s.cfg.Hostname)
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }

// waitHead blocks until the pipe has a head or a failure, or done closes.
func (p *pipe) waitHead(done <-chan struct{}) (head *responseHead, failure error, gone bool) {
	for {
		p.mu.Lock()
		head, failure, ended := p.head, p.failure, p.ended
		p.mu.Unlock()
		if head != nil || failure != nil {
			return head, failure, false
		}
		if ended {
			return &responseHead{status: http.StatusOK}, nil, false
		}
		select {
		case <-p.notify:
		case <-done:
			return nil, nil, true
		}
	}
}

// warnMiddleware prints Next 16's deprecation warning for middleware.ts.
func (s *Server) warnMiddleware(mw *middleware) {
	if mw != nil && !mw.proxy {
		s.log.Warn(middlewareDeprecation)
	}
}
