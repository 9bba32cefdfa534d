package server

// App Router route handlers (app/**/route.ts), as Next.js 16 serves them
// (N:server/route-modules/app-route/module.ts, build/templates/app-route.ts
// and edge-app-route.ts):
//
//   - the module's named exports GET, HEAD, POST, PUT, DELETE, PATCH and
//     OPTIONS handle their methods; a method the module lacks answers 405
//     (empty body, no Allow header, as Next's
//     handleMethodNotAllowedResponse), HEAD falls back to GET, OPTIONS
//     answers 204 with Allow when not exported, and a method outside
//     that list answers 400;
//   - a handler is called as handler(request: NextRequest, { params })
//     where params is a Promise of the route's params (undefined for
//     static routes), and must return a Response: anything else is Next's
//     error "No response is returned from route handler '[project]/app/
//     .../route.ts'. Ensure you return a `Response` or a `NextResponse` in
//     all branches of your handler.";
//   - `export const runtime = 'edge'` runs the route in its own isolate
//     pool, like an edge API route (its request URL carries the params in
//     the query, as Next's edge adapter builds it, and errors render the
//     500 page); otherwise it runs in the shared Node isolate, so module
//     state is shared with the pages routes, and Next's app-route template
//     answers: the Vary header of app paths first, Node framing, the
//     compression middleware, and an empty 500 when the handler throws;
//   - next/headers' cookies() and headers() read the request through an
//     AsyncLocalStorage scope around the handler (sound across awaits and
//     concurrent requests on one isolate); cookies set there become
//     Set-Cookie headers of the response; next/navigation's redirect(),
//     permanentRedirect() and notFound() answer 307/308 (303 for form
//     posts) and 404;
//   - `export const dynamic = 'force-static'` gives the handler Next's
//     stand-in request (no headers, cookies or search params). Next also
//     prerenders such GET routes at build time and serves them from its
//     cache; edgerun runs them on every request, as next dev does.
//
// The JavaScript half is approute.js; the request/response plumbing is
// appCall (approute_call.go).

import (
	"fmt"
	"net/http"
	"path"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/runtime"
)

// appVary is the Vary header Next's base server appends for app paths
// (setVaryHeader: RSC, Next-Router-State-Tree, Next-Router-Prefetch and
// Next-Router-Segment-Prefetch, lowercase in Next 16) before a Node route
// handler runs.
const appVary = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch"

// appRouteInfo is what an App Router route adds to a route.
type appRouteInfo struct {
	file    string // relative to the project: "app/api/hello/route.ts"
	appPage string // Next's page of the file: "/api/hello/route"
	cfg     bundler.AppRouteConfig
}

// resolvedPagePath is how Next 16 (Turbopack) names the file in its
// messages: "[project]/app/api/hello/route.ts".
func (a *appRouteInfo) resolvedPagePath() string { return "[project]/" + a.file }

// loadAppRoute reads and validates the route's segment config. It runs
// from project.load, with rt.mu held.
func (p *project) loadAppRoute(rt *route) error {
	file := path.Join(p.pagesDir, rt.r.File)
	appDir := bundler.FindAppDir(p.dir)
	page := "/" + strings.TrimPrefix(strings.TrimSuffix(file, path.Ext(file)), appDir+"/")
	cfg, _, err := bundler.ReadAppRouteConfig(p.dir, file, page)
	if err != nil {
		return err
	}
	rt.path = file
	rt.app = &appRouteInfo{file: file, appPage: page, cfg: cfg}
	return nil
}

// serveAppRoute runs a matched App Router route (after project.load).
func (s *Server) serveAppRoute(c *request) {
	if c.rt.runtime == bundler.RuntimeEdge {
		s.serveAppEdge(c)
		return
	}
	s.serveAppNode(c)
}

// serveAppEdge runs an edge route handler on the route's isolate pool.
func (s *Server) serveAppEdge(c *request) {
	ac := &appCall{s: s, c: c, pipe: newPipe(), edge: true}
	iso, inv, err := s.appEdgePool(c.p, c.rt).Acquire(ac.pipe.fail)
	if err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	ac.iso, ac.inv = iso, inv
	if err := iso.Run(inv, func() { ac.run(appEdgeModule) }); err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	if _, _, failure := serve(c.r.Context(), c.w, ac.pipe, ac.clientGone); failure != nil {
		s.edgeFailed(c, failure)
	}
}

// appEdgePool returns the route's isolate pool: edge globals, the
// route's bundle, and its exports kept for appEdgeModule.
func (s *Server) appEdgePool(p *project, rt *route) *runtime.Pool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.pool == nil {
		rt.pool = runtime.NewPool(runtime.PoolOptions{New: func() (*runtime.Isolate, error) {
			return s.newModuleIsolate(moduleIsolate{
				name:    rt.r.Page,
				install: func(iso *runtime.Isolate) error { return s.installEdgeGlobals(iso, p) },
				program: rt.program,
				path:    rt.bundle.Path,
				require: s.requireEdge,
				handler: func(exports *goja.Object) (goja.Value, error) { return exports, nil },
			})
		}})
	}
	return rt.pool
}

// appEdgeModule returns an edge isolate's route module (its exports).
func appEdgeModule(s *Server, iso *runtime.Isolate, _ *request) (*goja.Object, error) {
	v, _ := iso.Value(edgeModuleKey{}).(goja.Value)
	if v == nil {
		return nil, fmt.Errorf("server: the route module is not loaded")
	}
	return v.ToObject(iso.VM()), nil
}

// serveAppNode runs a Node route handler on the shared Node isolate and
// sends its response the way Next's app-route template does.
func (s *Server) serveAppNode(c *request) {
	wire := &nodeWire{w: c.w, r: c.r}
	var out http.ResponseWriter = wire
	var comp *compressWriter
	if c.p.next.Compress {
		comp = newCompressWriter(wire, c.r)
		out = comp
	}
	if c.r.Body != nil && c.r.Body != http.NoBody {
		// The handler may read the body while it streams its response.
		body := enableDuplex(c.w, c.r)
		c.r.Body = body
		defer body.finish(c.w)
	}
	ac := &appCall{s: s, c: c, pipe: newPipe(), wire: wire, comp: comp}
	iso, inv, err := c.p.node.pool.Acquire(ac.pipe.fail)
	if err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	ac.iso, ac.inv = iso, inv
	if err := iso.Run(inv, func() { ac.run(appNodeModule) }); err != nil {
		s.routeFailed(c.w, c.r, c.rt, err)
		return
	}
	completed := false
	defer func() {
		// A failure after the head panics out of serve to cut the
		// response; release what the response held on the way.
		if !completed {
			if comp != nil {
				comp.release()
			}
			wire.abort()
		}
	}()
	_, _, failure := serve(c.r.Context(), out, ac.pipe, ac.clientGone)
	if failure != nil {
		// The template's catch: log, then `new Response(null, {status:
		// 500})`, which Node frames like any empty response (see head).
		s.log.Error("⨯ " + describeError(failure))
		h := out.Header()
		h["Vary"] = []string{appVary}
		if comp == nil {
			h["Content-Length"] = []string{"0"}
		}
		out.WriteHeader(http.StatusInternalServerError)
	}
	if comp != nil {
		_ = comp.Close()
	}
	wire.finish()
	completed = true
}

type appModuleKey struct{ rt *route }

// appModule is a route's module exports and the Node bundle they came
// from (a reload that rebuilds the bundle makes them stale).
type appModule struct {
	ns      *nodeServer
	exports *goja.Object
}

// appNodeModule returns the route's module from the shared Node bundle,
// running its top-level code on the route's first request, as Next does.
func appNodeModule(s *Server, iso *runtime.Isolate, c *request) (*goja.Object, error) {
	ns := c.p.node
	if m, ok := iso.Value(appModuleKey{c.rt}).(appModule); ok && m.ns == ns {
		return m.exports, nil
	}
	table, err := s.nodeServerTable(iso, ns)
	if err != nil {
		return nil, err
	}
	thunk, ok := goja.AssertFunction(table.Get(c.rt.r.File))
	if !ok {
		return nil, fmt.Errorf("server: %s is not in the Node bundle", c.rt.path)
	}
	exv, err := thunk(goja.Undefined())
	if err != nil {
		return nil, err
	}
	exports, _ := exv.(*goja.Object)
	if exports == nil {
		return nil, fmt.Errorf("server: %s has no module exports", c.rt.path)
	}
	iso.SetValue(appModuleKey{c.rt}, appModule{ns, exports})
	return exports, nil
}
