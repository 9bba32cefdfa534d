package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/edgerun/edgerun/router"
	"github.com/edgerun/edgerun/webapi/console"
)

// Server answers HTTP requests for one project.
type Server struct {
	cfg     Config
	portSet bool // Config.Port was given: it wins over the listener's port (portFor)
	log     *slog.Logger

	current atomic.Pointer[project]
	mu      sync.Mutex   // serialises reloads
	console console.Sink // shared by every isolate, so lines never interleave
	closed  atomic.Bool
	watcher atomic.Pointer[watcher] // Config.Watch
	// unapplied are the changes of a reload that failed (guarded by mu).
	unapplied    []string
	unappliedAll bool

	retireMu sync.Mutex
	retiring map[*time.Timer]func() // replaced generations' isolates, closed after a grace period

	// inflight counts requests being served; firstServed is closed when
	// the first one is over (background builds wait for it: warm.go).
	inflight    atomic.Int64
	firstServed chan struct{}
	firstOnce   sync.Once
}

// New loads the project in cfg.Dir. In production mode every route is built
// before New returns and the first failure is returned; in development mode
// routes build in the background and on demand, and failures are reported
// per route (the other routes keep serving).
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Hostname == "" {
		cfg.Hostname = "localhost"
	}
	portSet := cfg.Port != 0
	if cfg.Port == 0 {
		cfg.Port = 3000
	}
	if cfg.Console == nil {
		cfg.Console = os.Stderr
	}
	s := &Server{cfg: cfg, portSet: portSet, log: cfg.Logger, console: console.WriterSink(cfg.Console, cfg.Console),
		firstServed: make(chan struct{})}
	p, err := loadProject(&s.cfg)
	if err != nil {
		return nil, err
	}
	p.pause = s.awaitIdle
	if p.tableErr != nil && cfg.Mode == Production {
		return nil, p.tableErr
	}
	if cfg.Watch && cfg.Mode != Development {
		return nil, fmt.Errorf("server: Watch needs Development mode")
	}
	s.current.Store(p)
	p.node.pool = s.newNodePool(p)
	s.warnMiddleware(p.middleware)
	if cfg.Watch {
		if err := s.Watch(); err != nil {
			p.close()
			return nil, err
		}
	}
	if cfg.Mode == Development && p.tableErr == nil {
		// Build in the background so that later requests find their routes
		// ready and compile errors show without a request (warm.go).
		go s.warmUp(p)
	}
	if cfg.Mode == Production {
		if failures := p.buildAll(); len(failures) > 0 {
			p.close()
			return nil, &BuildError{Failures: failures}
		}
	}
	return s, nil
}

// Routes returns the route table in priority order (nil while the table has
// a conflict).
func (s *Server) Routes() []*router.Route {
	p := s.current.Load()
	if p.table == nil {
		return nil
	}
	return p.table.Routes()
}

// Project facts for banners and the routes command.
func (s *Server) EnvFiles() []string   { return s.current.Load().env.Files }
func (s *Server) PagesDir() string     { return s.current.Load().pagesDir }
func (s *Server) TableError() error    { return s.current.Load().tableErr }
func (s *Server) Table() *router.Table { return s.current.Load().table }

// Middleware reports the project's middleware or proxy file (relative
// to the project) and its runtime; "" when there is none.
func (s *Server) Middleware() (file, runtime string) {
	mw := s.current.Load().middleware
	if mw == nil {
		return "", ""
	}
	return mw.file, string(mw.cfg.Runtime)
}

// BuildAll builds every route now and returns failures by route file.
func (s *Server) BuildAll() map[string]error { return s.current.Load().buildAll() }

// Close stops every isolate.
func (s *Server) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if w := s.watcher.Load(); w != nil {
		w.close()
	}
	s.mu.Lock()
	s.current.Load().close()
	s.mu.Unlock()
	s.retireNow()
	return nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.inflight.Add(1)
	defer s.served()
	lw := &logWriter{ResponseWriter: w}
	s.serve(lw, r)
	if s.cfg.LogRequests {
		s.log.Info(fmt.Sprintf("%s %s %d in %s", r.Method, r.URL.RequestURI(), lw.status(), formatDuration(time.Since(start))))
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if wt := s.watcher.Load(); wt != nil {
		wt.awaitPending() // a save just before this request is served
	}
	p := s.current.Load()
	rawPath, rawQuery := splitRequestURI(r)
	if rawPath == "" || rawPath[0] != '/' {
		http.Error(w, "Bad Request: the request target must be an absolute path", http.StatusBadRequest)
		return
	}
	// §3.4: repeated slashes, backslashes and the trailing slash redirect (308).
	var target string
	var redirect bool
	if p.next.SkipTrailingSlashRedirect {
		target, redirect = router.NormalizeSlashes(rawPath)
	} else {
		target, redirect = router.Canonicalize(rawPath, p.next.TrailingSlash)
	}
	if redirect {
		if rawQuery != "" {
			target += "?" + rawQuery
		}
		redirect308(w, target)
		return
	}
	s.resolve(w, r, p, rawPath, rawQuery)
}

// request is one routed request.
type request struct {
	w        http.ResponseWriter
	r        *http.Request
	p        *project
	rt       *route
	match    *router.Match
	rawPath  string // as received, basePath included
	apiPath  string // basePath stripped
	rawQuery string
}

// splitRequestURI returns the raw path and query as sent by the client.
func splitRequestURI(r *http.Request) (string, string) {
	uri := r.RequestURI
	if uri == "" {
		uri = r.URL.RequestURI()
	}
	if strings.HasPrefix(uri, "http://") || strings.HasPrefix(uri, "https://") {
		uri = r.URL.RequestURI() // absolute-form request target (proxies)
	}
	if i := strings.IndexByte(uri, '#'); i >= 0 {
		uri = uri[:i]
	}
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		return uri[:i], uri[i+1:]
	}
	return uri, ""
}

// servePublic serves a file from public/ for GET and HEAD (Next checks
// public files before pages).
func (s *Server) servePublic(w http.ResponseWriter, r *http.Request, p *project, apiPath string) bool {
	if !p.hasPublic || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		return false
	}
	if (strings.HasPrefix(apiPath, "/api/") || apiPath == "/api") && !p.hasPublicAPI {
		return false
	}
	// Public files are looked up by their decoded name ("/my%20file.txt"
	// is public/my file.txt). An encoded slash, backslash or NUL never names
	// a file there.
	lower := strings.ToLower(apiPath)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return false
	}
	decoded, err := url.PathUnescape(apiPath)
	if err != nil || strings.ContainsAny(decoded, "\x00\\") {
		return false
	}
	clean := path.Clean("/" + decoded)
	file := filepath.Join(p.dir, "public", filepath.FromSlash(clean))
	st, err := os.Stat(file)
	if err != nil || st.IsDir() {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	w.Header().Set("Cache-Control", "public, max-age=0")
	http.ServeContent(w, r, st.Name(), st.ModTime(), f)
	return true
}

func redirect308(w http.ResponseWriter, target string) {
	h := w.Header()
	h["Location"] = []string{target}
	h["Refresh"] = []string{"0;url=" + target}
	h["Content-Type"] = nil
	w.WriteHeader(http.StatusPermanentRedirect)
	_, _ = w.Write([]byte(target))
}

func plainError(w http.ResponseWriter, status int, body string) {
	h := w.Header()
	h["Content-Type"] = nil
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func formatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	default:
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
}

// logWriter records the status for the request log line.
type logWriter struct {
	http.ResponseWriter
	code int
}

func (w *logWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *logWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *logWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *logWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// noteStatus records a status written past net/http (a response with
// Node's custom reason phrase, written on the hijacked connection).
func (w *logWriter) noteStatus(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *logWriter) status() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}

// RuntimeOf reports a route's runtime from its static config ("nodejs" when
// the config cannot be read; the build reports that error).
func (s *Server) RuntimeOf(r *router.Route) string {
	p := s.current.Load()
	rt := p.routes[r.File]
	if rt != nil {
		rt.mu.Lock()
		built, runtime := rt.built, rt.runtime
		rt.mu.Unlock()
		if built && runtime != "" {
			return string(runtime)
		}
	}
	if p.builder == nil {
		return "nodejs"
	}
	cfg, _, err := p.builder.Config(r.File)
	if err != nil || cfg.Runtime == "" {
		return "nodejs"
	}
	return string(cfg.Runtime)
}
