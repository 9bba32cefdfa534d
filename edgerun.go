// Package edgerun runs the API routes of a Next.js project
// (pages/api/**) inside a Go program, with no Node.js and no Next.js
// installed: esbuild bundles each route with its npm dependencies, and goja
// runs the bundles, edge routes in pools of isolates whose globals are Web
// APIs implemented in Go, Node-runtime routes in one shared isolate with a
// Node-compatible shim.
//
// A *Server is an http.Handler that answers like `next start` (or `next
// dev` with WithMode(Development)):
//
//	srv, err := edgerun.New("./my-next-app")
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer srv.Close()
//	log.Fatal(http.ListenAndServe(":3000", srv))
package edgerun

import (
	"io"
	"log/slog"
	"net/http"
	"path"
	"time"

	"github.com/edgerun/edgerun/internal/server"
	"github.com/edgerun/edgerun/router"
)

// Version is edgerun's version, reported in banners.
const Version = "0.1.0"

// Mode selects production (`next start`) or development (`next dev`)
// behaviour.
type Mode = server.Mode

const (
	// Production is the default: handler errors answer a plain 500, every
	// route is built when New returns, and build errors fail New.
	Production = server.Production
	// Development renders error pages with source-mapped stacks, logs
	// Next's dev warnings, and builds routes on demand so one broken route
	// does not stop the others.
	Development = server.Development
)

// EdgeProfile selects the global surface of edge routes.
type EdgeProfile = server.EdgeProfile

const (
	// ProfileNext (default) matches Next.js's edge runtime exactly,
	// including the APIs it only ships as throwing stubs.
	ProfileNext = server.ProfileNext
	// ProfileFull replaces those stubs with working implementations.
	ProfileFull = server.ProfileFull
)

// An Option configures New.
type Option func(*server.Config)

// WithMode selects Production (default) or Development.
func WithMode(m Mode) Option { return func(c *server.Config) { c.Mode = m } }

// WithEnv sets environment variables routes see in process.env, on top of
// the project's .env files and the process environment.
func WithEnv(env map[string]string) Option {
	return func(c *server.Config) {
		if c.Env == nil {
			c.Env = map[string]string{}
		}
		for k, v := range env {
			c.Env[k] = v
		}
	}
}

// WithProcessEnv replaces the process environment that .env files are
// layered under (default os.Environ()). Tests use it for isolation.
func WithProcessEnv(env map[string]string) Option {
	return func(c *server.Config) { c.ProcessEnv = env }
}

// WithCPUDeadline bounds the CPU time one request may use (default 30 s).
// A request that exceeds it gets a 500 and its isolate is replaced.
func WithCPUDeadline(d time.Duration) Option {
	return func(c *server.Config) { c.CPUDeadline = d }
}

// WithLogger sets the logger for warnings, errors and request lines.
func WithLogger(l *slog.Logger) Option { return func(c *server.Config) { c.Logger = l } }

// WithRequestLog logs one line per request ("GET /api/x 200 in 3ms").
func WithRequestLog(on bool) Option { return func(c *server.Config) { c.LogRequests = on } }

// WithConsole sends routes' console output to w (default os.Stderr).
func WithConsole(w io.Writer) Option { return func(c *server.Config) { c.Console = w } }

// WithEdgeProfile selects the edge global surface.
func WithEdgeProfile(p EdgeProfile) Option { return func(c *server.Config) { c.EdgeProfile = p } }

// WithLenientEdge allows eval and new Function in edge routes with Next's
// dev warning, as `next dev` does, instead of production's EvalError.
func WithLenientEdge(on bool) Option { return func(c *server.Config) { c.Lenient = on } }

// WithFetchAllowList restricts outbound fetch() from routes to hosts for
// which allow returns true. By default every host is allowed.
func WithFetchAllowList(allow func(host string) bool) Option {
	return func(c *server.Config) { c.AllowFetch = allow }
}

// WithHTTPClient sets the client fetch() uses (default: a shared client
// with its own connection pool).
func WithHTTPClient(client *http.Client) Option {
	return func(c *server.Config) { c.HTTPClient = client }
}

// WithFSRoots widens the Node fs sandbox (the project directory and the OS
// temp directory by default).
func WithFSRoots(dirs ...string) Option {
	return func(c *server.Config) { c.FSRoots = append(c.FSRoots, dirs...) }
}

// WithAddress sets the host and port edge routes see in request.url
// (default localhost:3000), as next start's own address.
func WithAddress(hostname string, port int) Option {
	return func(c *server.Config) { c.Hostname, c.Port = hostname, port }
}

// WithWatch reloads the project whenever its files change, as `next dev`
// does (Development mode only; `edgerun dev` turns it on): edited routes
// and the routes importing an edited file are rebuilt, added and removed
// routes update the route table, and .env*, next.config.* and middleware
// changes apply without a restart. Requests in flight finish on the code
// they started with.
func WithWatch(on bool) Option { return func(c *server.Config) { c.Watch = on } }

// Server serves a project's API routes. It is safe for concurrent use.
type Server struct {
	s *server.Server
}

var _ http.Handler = (*Server)(nil)

// New loads the Next.js project in dir (the folder holding pages/ or
// src/pages/). In Production mode every route is bundled and compiled
// before New returns, and the first failure is returned.
func New(dir string, opts ...Option) (*Server, error) {
	cfg := server.Config{Dir: dir}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := server.New(cfg)
	if err != nil {
		return nil, err
	}
	return &Server{s: s}, nil
}

// ServeHTTP answers a request as `next start` would.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.s.ServeHTTP(w, r) }

// Route describes one API route: a pages API route or an App Router
// route handler.
type Route struct {
	Page    string // "/api/posts/[id]"
	File    string // "pages/api/posts/[id].ts", "app/api/posts/[id]/route.ts"
	Runtime string // "nodejs" or "edge"
}

// Routes returns the API routes in match priority order.
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.s.Routes() {
		out = append(out, Route{Page: r.Page, File: path.Join(s.s.PagesDir(), r.File), Runtime: s.s.RuntimeOf(r)})
	}
	return out
}

// RouteError reports a route conflict that stops the route table from
// loading (in Development mode New succeeds and every request answers 500
// until the files are fixed, as next dev does).
func (s *Server) RouteError() error { return s.s.TableError() }

// EnvFiles lists the .env files loaded, highest priority first.
func (s *Server) EnvFiles() []string { return s.s.EnvFiles() }

// Match explains which route serves path and why the others do not
// (`edgerun routes --match`).
func (s *Server) Match(path string) []router.Explanation {
	t := s.s.Table()
	if t == nil {
		return nil
	}
	return t.Explain(path)
}

// Reload re-reads the project now (env files, next.config, middleware,
// the route table and every route's build inputs) and swaps in the new
// version, rebuilding incrementally only what changed; requests in flight
// finish on the old one. On error the current version keeps serving.
// WithWatch calls it automatically on file changes.
func (s *Server) Reload() error { return s.s.Reload() }

// Middleware reports the project's middleware.ts or proxy.ts (relative
// to the project, "" when there is none) and the runtime it runs on.
func (s *Server) Middleware() (file, runtime string) { return s.s.Middleware() }

// RoutingStep is one step of Explain: which next.config rule, middleware
// matcher or rewrite applies, or what answers.
type RoutingStep = server.RoutingStep

// Explain walks path (with an optional query) through Next's routing
// order — headers(), redirects(), middleware, beforeFiles, filesystem,
// afterFiles, dynamic routes, fallback — without running any code. The
// middleware is assumed to call next(). final is the path the route table
// was asked for ("" when a redirect, proxy or conflict answered first);
// Match(final) explains the route choice in detail.
func (s *Server) Explain(path string) (steps []RoutingStep, final string) {
	return s.s.Explain(path)
}

// Close stops every isolate. Requests in flight fail.
func (s *Server) Close() error { return s.s.Close() }

// BuildOutput describes what Build wrote.
type BuildOutput = server.BuildOutput

// Build bundles every route of the project in dir (as New does in
// Production mode) and writes the bundles, with inline source maps, and a
// manifest to dir/.edgerun.
func Build(dir string, opts ...Option) (*BuildOutput, error) {
	srv, err := New(dir, opts...)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	return srv.s.WriteBuild()
}
