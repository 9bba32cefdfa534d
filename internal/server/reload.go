package server

// Hot reload (spec §6): a change builds a new project generation from the
// old one and swaps it in; requests in flight finish on the generation
// they started with. The generation is rebuilt as little as possible:
//
//   - unchanged routes are carried over with their compiled program and
//     their warm isolate pool;
//   - an edited edge route, or every route importing an edited lib/ file,
//     gets a fresh route (rebuilt incrementally by its esbuild context,
//     found through the inputs of its last build);
//   - the shared Node bundle is rebuilt only when one of its inputs changed
//     or the set of Node routes did. Its modules then all start afresh in
//     the same isolate, as next dev re-evaluates a project's server code
//     in the same Node process: module state resets, while globalThis and
//     the npm packages (Node's require cache, outside the bundle under
//     next dev) keep theirs. The isolate itself is replaced when what it
//     was created with changes (env, next.config: next dev restarts);
//   - Node routes are carried over like edge routes (a route's cached
//     handler knows which bundle it came from), App Router ones excepted;
//   - added or removed route files give a new route table, conflicts
//     included (every request answers 500 until they are fixed);
//   - .env* and next.config.* changes reload the settings; isolates are
//     recreated (they see env and config), and bundles only when what is
//     inlined at build time (next.config `env`) changed.
//
// Retired isolate pools drain: runtime.Pool.Close lets in-flight requests
// finish.

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/runtime"
)

// settings are what a generation reads before its routes: env files,
// next.config and the derived rules.
type settings struct {
	dir      string
	pagesDir string
	env      *bundler.Env
	vars     map[string]string
	next     *bundler.NextConfig
	custom   *customRoutes
	mw       *middleware
	public   bool
	pubAPI   bool
}

// loadSettings reads env files, next.config, the middleware and public/.
func loadSettings(cfg *Config) (*settings, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	pagesDir, _, err := bundler.FindRouteDirs(dir)
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
	phase := bundler.PhaseProductionServer
	if cfg.Mode == Development {
		phase = bundler.PhaseDevelopmentServer
	}
	next, err := bundler.LoadNextConfig(dir, phase, vars)
	if err != nil {
		return nil, err
	}
	for k, v := range next.Env {
		vars[k] = v
	}
	st := &settings{dir: dir, pagesDir: pagesDir, env: env, vars: vars, next: next}
	if st.custom, err = compileCustomRoutes(next); err != nil {
		return nil, err
	}
	if st.mw, err = loadMiddleware(dir, pagesDir, next); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(filepath.Join(dir, "public")); err == nil && fi.IsDir() {
		st.public = true
		if fi, err := os.Stat(filepath.Join(dir, "public", "api")); err == nil && fi.IsDir() {
			st.pubAPI = true
		}
	}
	return st, nil
}

// project starts a generation from the settings (no routes yet).
func (st *settings) project() *project {
	return &project{dir: st.dir, pagesDir: st.pagesDir, env: st.env, vars: st.vars, next: st.next,
		custom: st.custom, middleware: st.mw, hasPublic: st.public, hasPublicAPI: st.pubAPI,
		routes: map[string]*route{}}
}

func (st *settings) newBuilder(cfg *Config) *bundler.Builder {
	mode := bundler.Production
	if cfg.Mode == Development {
		mode = bundler.Development
	}
	// Development builds leave npm packages to vendor programs compiled
	// once, so that an edit recompiles only project code (vendor.go).
	opts := bundler.Options{Dir: st.dir, PagesDir: st.pagesDir, Mode: mode, Env: st.next.Env, SplitVendor: cfg.Mode == Development}
	if cfg.Mode == Development {
		// Vendor bundles outlive the process, as .next's caches do.
		opts.CacheDir = filepath.Join(st.dir, ".edgerun", "cache")
	}
	return bundler.NewBuilder(opts)
}

// Reload re-reads the whole project (env, next.config, route table,
// middleware) and swaps in a new generation, rebuilding only what changed
// since the last build. On error the current generation keeps serving.
func (s *Server) Reload() error { return s.reload(nil) }

// reload swaps in a new generation after changes to the given absolute
// paths; nil means anything may have changed.
func (s *Server) reload(changed []string) (err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed.Load() {
		return runtime.ErrClosed
	}
	// A failed reload's changes are not lost: the next one includes them.
	if s.unapplied != nil || s.unappliedAll {
		if changed != nil && !s.unappliedAll {
			changed = append(changed, s.unapplied...)
		} else {
			changed = nil
		}
	}
	defer func() {
		s.unapplied, s.unappliedAll = nil, false
		if err != nil {
			s.unapplied, s.unappliedAll = changed, changed == nil
		}
	}()
	start := time.Now()
	old := s.current.Load()
	full := changed == nil
	changedSet := make(map[string]bool, len(changed))
	for _, c := range changed {
		changedSet[filepath.Clean(c)] = true
	}

	// Settings: read again when an env file or next.config changed (or on
	// a full reload); otherwise carried over.
	settingsChanged := full
	configChanged := full
	for c := range changedSet {
		if filepath.Dir(c) != old.dir {
			continue
		}
		base := filepath.Base(c)
		switch {
		case base == ".env" || strings.HasPrefix(base, ".env."):
			settingsChanged = true
		case strings.HasPrefix(base, "next.config."):
			settingsChanged, configChanged = true, true
		}
	}
	mwChanged := false
	if old.middleware != nil && changedSet[filepath.Join(old.dir, filepath.FromSlash(old.middleware.file))] {
		mwChanged = true
	}
	for c := range changedSet {
		if _, isMW := middlewareFileName(old.dir, c); isMW {
			mwChanged = true
		}
	}
	var st *settings
	if settingsChanged || mwChanged || s.pagesDirChanged(old) {
		var err error
		if st, err = loadSettings(&s.cfg); err != nil {
			s.log.Error("⨯ " + describeBuildError(err))
			return err
		}
		if configChanged && !full {
			name := st.next.File
			if name == "" {
				name = old.next.File
			}
			s.log.Warn(fmt.Sprintf("Found a change in %s. Restarting the server to apply the changes...", name))
		}
		if !full && !slices.Equal(st.env.Files, old.env.Files) || !full && !maps.Equal(st.env.FromFiles, old.env.FromFiles) {
			s.log.Info("Reload env: " + strings.Join(st.env.Files, ", "))
		}
	} else {
		// Carried over; the middleware's own imports are checked below.
		st = &settings{dir: old.dir, pagesDir: old.pagesDir, env: old.env, vars: old.vars, next: old.next,
			custom: old.custom, mw: old.middleware, public: old.hasPublic, pubAPI: old.hasPublicAPI}
	}
	// Isolates see env and next.config (basePath, i18n...): when either
	// changed, no isolate survives; when what bundles inline changed, no
	// build survives either.
	envSame := maps.Equal(st.vars, old.vars) && sameRuntimeConfig(st.next, old.next)
	// package.json changes (an install) invalidate the vendor programs.
	builderSame := old.builder != nil && st.pagesDir == old.pagesDir && maps.Equal(st.next.Env, old.next.Env) &&
		!changedSet[filepath.Join(st.dir, "package.json")] && !changedSet[filepath.Join(st.dir, "package-lock.json")]

	files, err := scanRouteFiles(st.dir, st.pagesDir)
	if err != nil {
		s.log.Error("⨯ " + err.Error())
		return err
	}
	p := st.project()
	p.files = files
	if builderSame {
		p.builder, p.vendors = old.builder, old.vendors
	} else {
		p.builder, p.vendors = st.newBuilder(&s.cfg), newVendorCache()
	}
	p.pause = s.awaitIdle
	if slices.Equal(files, old.files) && slices.Equal(st.next.PageExtensions, old.next.PageExtensions) && old.table != nil {
		p.table, p.tableErr = old.table, old.tableErr
	} else {
		p.table, p.tableErr = newRouteTable(st.dir, st.pagesDir, files, st.next.PageExtensions)
	}
	if p.tableErr != nil && (old.tableErr == nil || old.tableErr.Error() != p.tableErr.Error()) {
		s.log.Error("⨯ " + p.tableErr.Error())
	}

	// Which builds the change reaches.
	affected := map[string]bool{}
	if builderSame && !full {
		for _, f := range p.builder.Affected(changed) {
			affected[f] = true
		}
	} else if builderSame {
		p.builder.ForgetResolutions()
	}
	pagesAbs := filepath.Join(st.dir, filepath.FromSlash(st.pagesDir))
	routeChanged := func(file string) bool {
		return full || !builderSame || affected[file] || changedSet[filepath.Join(pagesAbs, filepath.FromSlash(file))]
	}

	// The Node bundle and its isolate.
	nodeChanged := full || !builderSame || !envSame || old.node.failed() || p.builder.NodeServerAffected(changed)
	if !nodeChanged {
		nodeChanged = s.nodeRoutesChanged(old, p, changedSet, pagesAbs)
	}

	// Routes: carry over what the change does not reach. A Node route is
	// only its config (its code is in the Node bundle): it is carried over
	// with the bundle.
	var retire []*route
	kept := map[*route]bool{}
	if p.tableErr == nil {
		for _, r := range p.table.Routes() {
			o := old.routes[r.File]
			if o != nil && envSame && !routeChanged(r.File) && o.reusable() && !(nodeChanged && !o.isEdge() && o.r.App) {
				p.routes[r.File] = o
				kept[o] = true
				continue
			}
			p.routes[r.File] = &route{r: r}
		}
	}
	for _, o := range old.routes {
		if !kept[o] {
			retire = append(retire, o)
		}
	}
	if builderSame {
		for _, f := range old.files {
			if !slices.Contains(files, f) {
				p.builder.Remove(f)
			}
		}
	}

	// The middleware: carried over unless its file, its imports or the
	// settings changed.
	switch {
	case st.mw == nil:
	case st.mw == old.middleware && envSame && !routeChanged(old.middleware.rt.r.File) && old.middleware.rt.reusable():
		p.middleware = old.middleware
		kept[old.middleware.rt] = true
	case st.mw == old.middleware:
		fresh := *old.middleware
		fresh.rt = &route{r: old.middleware.rt.r}
		p.middleware = &fresh
	}
	if p.middleware != nil && (old.middleware == nil || p.middleware.file != old.middleware.file) {
		s.warnMiddleware(p.middleware)
	}
	if old.middleware != nil && p.middleware != old.middleware {
		retire = append(retire, old.middleware.rt)
	}

	var oldNodePool *runtime.Pool
	var oldNode *project // its Node bundle leaves the isolate p keeps
	if nodeChanged {
		p.node = &nodeServer{}
		if !full && !settingsChanged && builderSame && envSame && old.node.pool != nil {
			p.node.pool = old.node.pool
			oldNode = old
		} else {
			p.node.pool = s.newNodePool(p)
			oldNodePool = old.node.pool
		}
	} else {
		p.node = old.node
	}

	s.current.Store(p)
	old.retired.Store(true)
	// Requests that picked the old generation just before the swap may
	// still be about to use its isolates or builder: retire them a moment
	// later (their in-flight requests then drain).
	s.retireLater(func() {
		for _, rt := range retire {
			rt.retire()
		}
		if oldNodePool != nil {
			oldNodePool.Close()
		}
		if oldNode != nil {
			s.releaseNodeBundle(oldNode, p.node.pool)
		}
		if !builderSame && old.builder != nil {
			old.builder.Close()
		}
	})
	if s.cfg.Mode == Development && p.tableErr == nil {
		go s.compileChanged(p, kept, nodeChanged, start)
	}
	if s.log.Enabled(context.Background(), slog.LevelDebug) {
		what := "everything"
		if !full {
			var rels []string
			for _, c := range changed {
				if r, err := filepath.Rel(p.dir, c); err == nil {
					c = filepath.ToSlash(r)
				}
				rels = append(rels, c)
			}
			slices.Sort(rels)
			what = strings.Join(slices.Compact(rels), ", ")
		}
		s.log.Debug(fmt.Sprintf("reload (%s) in %s: %d of %d routes to rebuild, Node bundle %s", what, formatDuration(time.Since(start)),
			len(p.routes)-len(kept), len(p.routes), map[bool]string{true: "rebuilt", false: "kept"}[nodeChanged]))
	}
	return nil
}

// compileChanged builds what the reload did not carry over (and the Node
// routes, when their bundle changed), as next dev recompiles on save, and
// reports it the way next dev does: "✓ Compiled in 45ms", or the compile
// errors.
func (s *Server) compileChanged(p *project, kept map[*route]bool, nodeChanged bool, start time.Time) {
	p.warm()
	if p.retired.Load() {
		return
	}
	type result struct {
		rt  *route
		err error
	}
	var fresh []result
	for _, rt := range p.routes {
		if !kept[rt] || nodeChanged && !rt.isEdge() {
			// load returns the build's result (a Node route's from the
			// generation's Node bundle).
			fresh = append(fresh, result{rt, p.load(rt)})
		}
	}
	if mw := p.middleware; mw != nil && !kept[mw.rt] {
		mw.rt.mu.Lock()
		fresh = append(fresh, result{mw.rt, mw.rt.err})
		mw.rt.mu.Unlock()
	}
	if len(fresh) == 0 {
		return
	}
	failed := false
	seen := map[string]bool{}
	for _, f := range fresh {
		rt, err := f.rt, f.err
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			failed = true
			s.logRouteError(rt, err)
		}
	}
	if !failed {
		s.log.Info("✓ Compiled in " + formatDuration(time.Since(start)))
	}
}

// retireGrace is how long a replaced generation's isolates stay available
// to requests that started on it.
const retireGrace = 2 * time.Second

// retireLater runs fn after retireGrace, or at Close.
func (s *Server) retireLater(fn func()) {
	s.retireMu.Lock()
	defer s.retireMu.Unlock()
	if s.retiring == nil {
		s.retiring = map[*time.Timer]func(){}
	}
	var t *time.Timer
	t = time.AfterFunc(retireGrace, func() {
		s.retireMu.Lock()
		_, pending := s.retiring[t]
		delete(s.retiring, t)
		s.retireMu.Unlock()
		if pending {
			fn()
		}
	})
	s.retiring[t] = fn
}

// retireNow runs every pending retirement (Close).
func (s *Server) retireNow() {
	s.retireMu.Lock()
	pending := s.retiring
	s.retiring = nil
	s.retireMu.Unlock()
	// A timer that fires now finds its entry gone and does nothing.
	for t, fn := range pending {
		t.Stop()
		fn()
	}
}

// pagesDirChanged reports whether the pages folder moved (pages/ created
// or deleted next to src/pages/).
func (s *Server) pagesDirChanged(old *project) bool {
	pd, _, err := bundler.FindRouteDirs(old.dir)
	return err != nil || pd != old.pagesDir
}

// nodeRoutesChanged reports whether the set of Node-runtime routes
// differs: a route file was added or removed, or an edited route was or
// became a Node route (its code is in the Node bundle, or must be).
func (s *Server) nodeRoutesChanged(old, p *project, changed map[string]bool, pagesAbs string) bool {
	if !slices.Equal(old.files, p.files) {
		// Only Node routes matter, but reading every config to tell is not
		// worth it for a change this rare: rebuild.
		return true
	}
	if p.table == nil {
		return false
	}
	for _, r := range p.table.Routes() {
		if !changed[filepath.Join(pagesAbs, filepath.FromSlash(r.File))] {
			continue
		}
		if o := old.routes[r.File]; o == nil || !o.isEdge() {
			return true
		}
		if cfg, _, err := p.builder.Config(r.File); err != nil || cfg.Runtime != bundler.RuntimeEdge {
			return true
		}
	}
	return false
}

// reusable reports whether a route's build can serve the next generation
// (built without error).
func (rt *route) reusable() bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.built && rt.err == nil
}

func (rt *route) isEdge() bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.runtime == bundler.RuntimeEdge
}

// retire closes the route's isolate pool once its requests are over.
func (rt *route) retire() {
	rt.mu.Lock()
	pool := rt.pool
	rt.mu.Unlock()
	if pool != nil {
		pool.Close()
	}
}

// failed reports whether the Node build is not done (replacing it loses
// no state), or left routes out or failed (any change may fix it).
func (ns *nodeServer) failed() bool {
	return !ns.done.Load() || ns.err != nil || len(ns.failures) > 0
}

// sameRuntimeConfig compares the next.config parts isolates see.
func sameRuntimeConfig(a, b *bundler.NextConfig) bool {
	return a.BasePath == b.BasePath && a.TrailingSlash == b.TrailingSlash &&
		a.SkipProxyURLNormalize == b.SkipProxyURLNormalize && reflect.DeepEqual(a.I18n, b.I18n)
}

// middlewareFileName reports whether path is a candidate middleware or
// proxy file of the project (created, edited or removed).
func middlewareFileName(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	d := filepath.ToSlash(filepath.Dir(rel))
	if d != "." && d != "src" {
		return "", false
	}
	base := filepath.Base(rel)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	for _, n := range bundler.MiddlewareNames {
		if stem == n {
			return rel, true
		}
	}
	return "", false
}

// describeBuildError renders a load error with its code frame.
func describeBuildError(err error) string {
	if be, ok := err.(*bundler.Error); ok {
		return strings.TrimRight(be.Format(false), "\n")
	}
	return err.Error()
}

// releaseNodeBundle drops a replaced generation's Node bundle from the
// isolate that the next generation kept: the module tables and handlers
// it left there, and the bundle itself (the isolate's per-isolate values
// cannot be deleted, only emptied, so the generation must not stay
// reachable through their keys). Called once the generation is retired;
// a build of it still running is waited for, and given the grace period
// too. At Close there is nothing to do: the isolate goes.
func (s *Server) releaseNodeBundle(old *project, pool *runtime.Pool) {
	if s.closed.Load() {
		return
	}
	if !old.node.done.Load() {
		go func() {
			old.node.once.Do(func() {}) // a build in progress ends; none starts
			time.AfterFunc(retireGrace, func() { s.emptyNodeBundle(old, pool) })
		}()
		return
	}
	s.emptyNodeBundle(old, pool)
}

func (s *Server) emptyNodeBundle(old *project, pool *runtime.Pool) {
	ns := old.node
	if s.closed.Load() || pool.Size() == 0 {
		return // no isolate: nothing was loaded (the pool holds the only one)
	}
	iso, inv, err := pool.Acquire(func(error) {})
	if err != nil {
		return
	}
	_ = iso.Run(inv, func() {
		defer inv.End()
		iso.SetValue(nodeServerKey{ns}, nil)
		for _, rt := range old.routes {
			if m, ok := iso.Value(nodeModuleKey{rt}).(nodeModule); ok && m.ns == ns {
				iso.SetValue(nodeModuleKey{rt}, nil)
			}
			if iso.Value(appModuleKey{rt}) != nil {
				iso.SetValue(appModuleKey{rt}, nil)
			}
		}
		// Only the isolate's goroutine reads these once a generation is
		// loaded (nodeHandler, appNodeModule): the bundle can go.
		ns.bundle, ns.program = nil, nil
	})
}
