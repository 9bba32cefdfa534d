package server

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

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
}

// route is one API route's build and its isolates.
type route struct {
	r *router.Route

	mu      sync.Mutex
	built   bool
	bundle  *bundler.Bundle
	program *goja.Program
	err     error         // build, compile or module-init failure
	pool    *runtime.Pool // edge routes only
}

// loadProject reads env files, next.config and the route table. Bundles are
// built later (on demand, or all at once by buildAll).
func loadProject(cfg *Config) (*project, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	pagesDir, err := bundler.FindPagesDir(dir)
	if err != nil {
		return nil, err
	}
	mode := "production"
	if cfg.Mode == Development {
		mode = "development"
	}
	processEnv := cfg.ProcessEnv
	if processEnv == nil {
		processEnv = environ()
	}
	env, err := bundler.LoadEnv(dir, mode, processEnv)
	if err != nil {
		return nil, err
	}
	vars := make(map[string]string, len(env.Vars)+len(cfg.Env))
	for k, v := range env.Vars {
		vars[k] = v
	}
	for k, v := range cfg.Env {
		vars[k] = v
	}
	vars["NODE_ENV"] = mode
	phase := "phase-production-server"
	if cfg.Mode == Development {
		phase = "phase-development-server"
	}
	next, err := bundler.LoadNextConfig(dir, phase, vars)
	if err != nil {
		return nil, err
	}
	for k, v := range next.Env {
		vars[k] = v
	}
	files, err := scanAPIFiles(filepath.Join(dir, pagesDir))
	if err != nil {
		return nil, err
	}
	p := &project{dir: dir, pagesDir: pagesDir, env: env, vars: vars, next: next, routes: map[string]*route{}}
	if st, err := os.Stat(filepath.Join(dir, "public")); err == nil && st.IsDir() {
		p.hasPublic = true
		if st, err := os.Stat(filepath.Join(dir, "public", "api")); err == nil && st.IsDir() {
			p.hasPublicAPI = true
		}
	}
	p.table, p.tableErr = router.New(files, router.Options{PageExtensions: next.PageExtensions})
	if p.tableErr != nil {
		return p, nil
	}
	bmode := bundler.Production
	if cfg.Mode == Development {
		bmode = bundler.Development
	}
	p.builder = bundler.NewBuilder(bundler.Options{Dir: dir, PagesDir: pagesDir, Mode: bmode, Env: next.Env})
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

// load builds and compiles the route once. Concurrent callers wait.
func (p *project) load(rt *route) error {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.built {
		return rt.err
	}
	rt.built = true
	b, err := p.builder.Build(rt.r.File)
	if err != nil {
		rt.err = err
		return err
	}
	rt.bundle = b
	prog, err := goja.Compile(b.Path, b.Code, false)
	if err != nil {
		rt.err = fmt.Errorf("server: compiling %s: %w", b.Path, err)
		return rt.err
	}
	rt.program = prog
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

// close retires the project's isolates and build contexts.
func (p *project) close() {
	for _, rt := range p.routes {
		rt.mu.Lock()
		if rt.pool != nil {
			rt.pool.Close()
		}
		rt.mu.Unlock()
	}
	if p.builder != nil {
		p.builder.Close()
	}
}
