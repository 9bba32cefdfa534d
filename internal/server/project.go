package server

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/router"
	"github.com/edgerun/edgerun/runtime"
)

// project is one loaded generation of a Next.js project: env, config, the
// route table and each route's bundle. A dev reload builds a new project
// and swaps it in; requests in flight keep the one they started with.
type project struct {
	dir      string
	pagesDir string // relative to dir: "pages" or "src/pages"
	env      *bundler.Env
	vars     map[string]string // what process.env shows routes
	next     *bundler.NextConfig
	table    *router.Table
	tableErr error // a route conflict: every request answers 500 until fixed (next dev)
	builder  *bundler.Builder
	routes   map[string]*route // by router.Route.File
	// public/ as found at load time: most requests are API requests, and
	// a stat per request to rule out a public file is measurable.
	hasPublic    bool
	hasPublicAPI bool
	node         *nodeServer
	custom       *customRoutes // next.config headers/redirects/rewrites
	middleware   *middleware   // nil without middleware.ts/proxy.ts
	files        []string      // the scanned API files, for reloads
	retired      atomic.Bool   // a reload replaced this generation
	vendors      *vendorCache  // npm packages of split (dev) builds, shared with the builder
	// pause, between two builds of warm, waits for requests in flight to
	// finish: background building yields to the builds requests wait for.
	pause func()
}

// route is one API route's build and its isolates.
type route struct {
	r *router.Route

	mu      sync.Mutex
	built   bool
	path    string // the entry relative to the project ("pages/api/x.ts")
	runtime bundler.Runtime
	config  bundler.RouteConfig
	bundle  *bundler.Bundle // edge routes: their own bundle
	program *goja.Program   // edge routes: the bundle compiled
	err     error           // config, build or compile failure
	pool    *runtime.Pool   // edge routes only
	app     *appRouteInfo   // App Router route handlers only (approute.go)
	vendor  *vendorProgram  // edge routes of split builds: their npm packages
	// logged is set once the route's failure was printed (a request or a
	// background build report), so that the startup report does not
	// repeat it.
	logged atomic.Bool
}

// nodeServer is the shared bundle of every Node route (see
// bundler.NodeServer for why they are bundled together).
type nodeServer struct {
	once     sync.Once
	bundle   *bundler.NodeServer
	program  *goja.Program
	failures map[string]error // routes left out, by route file
	err      error            // the whole build failed
	// pool runs the bundle: one isolate, shared by generations until a
	// reload changes the bundle (next dev resets module state then).
	pool   *runtime.Pool
	done   atomic.Bool    // the build above has run
	ok     bool           // bundle and program are set (by the build; they may be released later: reload.go)
	vendor *vendorProgram // split builds: the npm packages
}

// loadProject reads env files, next.config and the route table. Bundles are
// built later (on demand, or all at once by buildAll).
func loadProject(cfg *Config) (*project, error) {
	st, err := loadSettings(cfg)
	if err != nil {
		return nil, err
	}
	files, err := scanRouteFiles(st.dir, st.pagesDir)
	if err != nil {
		return nil, err
	}
	p := st.project()
	p.files = files
	p.node = &nodeServer{}
	p.table, p.tableErr = newRouteTable(st.dir, st.pagesDir, files, p.next.PageExtensions)
	if p.tableErr != nil {
		return p, nil
	}
	p.builder = st.newBuilder(cfg)
	p.vendors = newVendorCache()
	for _, r := range p.table.Routes() {
		p.routes[r.File] = &route{r: r}
	}
	return p, nil
}

// scanAPIFiles lists files under pagesDir/api (and pagesDir/api.*),
// relative to pagesDir with forward slashes.
func scanAPIFiles(pagesDir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(pagesDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(pagesDir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && rel != "api" && !strings.HasPrefix(rel, "api/") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(rel, "api/") || strings.HasPrefix(rel, "api.") {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("server: scanning %s: %w", pagesDir, err)
	}
	sort.Strings(files)
	return files, nil
}

func environ() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if i := strings.IndexByte(kv, '='); i > 0 {
			env[kv[:i]] = kv[i+1:]
		}
	}
	return env
}

// load prepares the route once: its config, then for an edge route its
// own bundle, for a Node route the shared Node bundle. Concurrent callers
// wait.
func (p *project) load(rt *route) error {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.built {
		if rt.err == nil && rt.runtime != bundler.RuntimeEdge && !rt.r.App {
			// A Node route's code is in its generation's Node bundle: a route
			// carried over a reload that rebuilt the bundle needs the new one.
			return p.loadNodeServer(rt.r.File)
		}
		return rt.err
	}
	rt.built = true
	rt.path = p.pagesDir + "/" + rt.r.File
	if rt.r.App {
		if err := p.loadAppRoute(rt); err != nil {
			rt.err = err
			return err
		}
	}
	cfg, _, err := p.builder.Config(rt.r.File)
	if err != nil {
		rt.err = err
		return err
	}
	rt.config, rt.runtime = cfg, cfg.Runtime
	p.vendors.prepare(p.builder, cfg.Runtime)
	if cfg.Runtime != bundler.RuntimeEdge {
		rt.err = p.loadNodeServer(rt.r.File)
		return rt.err
	}
	b, err := p.builder.Build(rt.r.File)
	if err != nil {
		rt.err = err
		return err
	}
	rt.bundle = b
	if rt.vendor, err = p.vendors.get(p.builder, bundler.RuntimeEdge, b.Vendor); err != nil {
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

// loadNodeServer builds the shared Node bundle (once per project) and
// reports whether file made it in.
func (p *project) loadNodeServer(file string) error {
	ns := p.node
	ns.once.Do(func() {
		defer ns.done.Store(true)
		// Which routes are Node routes takes every route's config, and a
		// config that mentions `runtime` takes a transform and a parse to
		// read (when not cached): bundle the likely set meanwhile, and
		// again in the rare case the configs say otherwise.
		likely := p.likelyNodeRoutes()
		exact := make(chan []string, 1)
		go func() { exact <- p.nodeRouteFiles() }()
		bundle, failures, err := p.builder.BuildNodeServer(likely)
		if nodeFiles := <-exact; !slices.Equal(nodeFiles, likely) {
			bundle, failures, err = p.builder.BuildNodeServer(nodeFiles)
		}
		ns.failures = failures
		if err != nil {
			ns.err = err
			return
		}
		if bundle == nil {
			return
		}
		// The npm packages' program usually takes longest (prepare started
		// it): compile the bundle and create the Node isolate meanwhile
		// (its globals cost milliseconds; requests wait on this build, so
		// the first one after an edit finds it ready, and never races
		// another to create a second).
		var prog *goja.Program
		var compileErr error
		compiled := make(chan struct{})
		go func() {
			defer close(compiled)
			prog, compileErr = goja.Compile(bundle.Path, bundle.Code, false)
			if compileErr == nil && ns.pool != nil {
				if _, inv, err := ns.pool.Acquire(func(error) {}); err == nil {
					inv.End()
				}
			}
		}()
		ns.vendor, err = p.vendors.get(p.builder, bundler.RuntimeNode, bundle.Vendor)
		<-compiled
		if err != nil {
			ns.err = err
			return
		}
		if compileErr != nil {
			ns.err = fmt.Errorf("server: compiling the Node routes: %w", compileErr)
			return
		}
		ns.bundle, ns.program, ns.ok = bundle, prog, true
	})
	if ns.err != nil {
		return ns.err
	}
	if err := ns.failures[file]; err != nil {
		return err
	}
	if !ns.ok {
		return fmt.Errorf("server: the Node routes failed to build")
	}
	return nil
}

// buildAll builds every route in parallel (esbuild parallelises inside) and
// returns the failures by route file.
func (p *project) buildAll() map[string]error {
	failures := map[string]error{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, rt := range p.routes {
		rt := rt
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := p.load(rt); err != nil {
				mu.Lock()
				failures[rt.r.File] = err
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return failures
}

// warm builds routes ahead of requests in development: the shared Node
// bundle first (most routes need it), then the edge routes one at a time,
// so that it never competes with a request's own build for long.
func (p *project) warm() {
	if p.middleware != nil {
		// Middleware runs before every route: build it first.
		p.yield()
		_ = p.loadMiddleware(p.middleware)
	}
	for _, rt := range p.routes {
		rt.mu.Lock()
		built := rt.built
		rt.mu.Unlock()
		if built {
			continue
		}
		if cfg, _, err := p.builder.Config(rt.r.File); err == nil && cfg.Runtime != bundler.RuntimeEdge {
			p.yield()
			_ = p.load(rt)
			break
		}
	}
	for _, rt := range p.routes {
		if p.retired.Load() {
			return
		}
		p.yield()
		_ = p.load(rt)
	}
}

func (p *project) yield() {
	if p.pause != nil {
		p.pause()
	}
}

// close retires the project's isolates and build contexts.
func (p *project) close() {
	for _, rt := range p.routes {
		rt.mu.Lock()
		if rt.pool != nil {
			rt.pool.Close()
		}
		rt.mu.Unlock()
	}
	if p.middleware != nil {
		p.middleware.rt.retire()
	}
	if p.node != nil && p.node.pool != nil {
		p.node.pool.Close()
	}
	if p.builder != nil {
		p.builder.Close()
	}
}

// likelyNodeRoutes lists the routes whose file does not look like an edge
// route's: an edge route's config mentions both `runtime` and `edge`
// (routes whose config fails to read count as Node routes, as in
// nodeRouteFiles). Reading the files is all it costs.
func (p *project) likelyNodeRoutes() []string {
	pagesAbs := filepath.Join(p.dir, filepath.FromSlash(p.pagesDir))
	var node []string
	for f := range p.routes {
		src, err := os.ReadFile(filepath.Join(pagesAbs, filepath.FromSlash(f)))
		if err != nil || !bytes.Contains(src, []byte("runtime")) || !bytes.Contains(src, []byte("edge")) {
			node = append(node, f)
		}
	}
	sort.Strings(node)
	return node
}

// nodeRouteFiles lists the Node-runtime routes, reading every route's
// config in parallel (a config read is a transform and a parse when the
// file mentions one).
func (p *project) nodeRouteFiles() []string {
	files := make([]string, 0, len(p.routes))
	for f := range p.routes {
		files = append(files, f)
	}
	isEdge := make([]bool, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, goruntime.GOMAXPROCS(0))
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			cfg, _, err := p.builder.Config(f)
			isEdge[i] = err == nil && cfg.Runtime == bundler.RuntimeEdge
		}()
	}
	wg.Wait()
	var node []string
	for i, f := range files {
		if !isEdge[i] {
			node = append(node, f)
		}
	}
	sort.Strings(node)
	return node
}
