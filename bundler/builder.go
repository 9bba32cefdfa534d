package bundler

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// Bundle is one route compiled for goja.
type Bundle struct {
	// File is the route file relative to PagesDir ("api/posts/[id].ts").
	File string
	// Path is relative to Dir ("pages/api/posts/[id].ts"): pass it as the
	// script name to goja.Compile so stack traces name the source file.
	Path string
	// Page is Next's page name ("/api/posts/[id]").
	Page    string
	Runtime Runtime
	Config  RouteConfig
	// Code is a JavaScript function expression,
	// `(function (exports, require, module, __filename, __dirname) {…})`
	// for Node routes and `(function (exports, require, module) {…})` for
	// edge routes, followed by an inline source map whose sources resolve
	// against Path to project-relative names.
	Code string
	// Inputs are the absolute paths of every file the bundle was built
	// from (the route, its imports, node_modules files, tsconfig), for
	// invalidation.
	Inputs   []string
	Warnings []Message
	// Vendor lists the npm packages left out of Code (Options.SplitVendor);
	// BuildVendor bundles them.
	Vendor []string
}

// Builder bundles a project's routes, keeping one esbuild context per
// route so that a dev edit rebuilds only the routes it affects, each
// incrementally (tens of milliseconds; see BenchmarkRebuild).
//
// A Builder is safe for concurrent use; builds of different routes run in
// parallel, builds of one route are serialised.
type Builder struct {
	opts Options

	mu      sync.Mutex
	routes  map[string]*routeState
	node    *nodeServerState
	modules sync.Map // absolute path → *moduleBuild (BuildModule)
	// resolved caches the vendor plugin's package resolutions (vendor.go).
	resolved resolveCache
	// writes are the vendor cache's background writes (vendorcache.go).
	writes   sync.WaitGroup
	recentMu sync.Mutex
	configs  configCache // configcache.go
	closed   bool
}

// routeState is one route's context and what its last build read.
type routeState struct {
	mu      sync.Mutex // held for a whole build
	ctx     api.BuildContext
	runtime Runtime
	pc      pluginConfig

	// stateMu guards inputs and failed separately, so Affected does not
	// wait for builds in progress.
	stateMu sync.Mutex
	inputs  map[string]bool // absolute paths
	failed  bool

	// The entry's last contents and the config read from them: most dev
	// rebuilds are caused by edits elsewhere, and re-reading an unchanged
	// config would cost a transform and a parse.
	src      []byte
	cfg      RouteConfig
	warnings []Message
}

// NewBuilder returns a Builder for opts. Contexts are created lazily, on
// each route's first Build.
func NewBuilder(opts Options) *Builder {
	opts.PagesDir = strings.Trim(filepath.ToSlash(opts.PagesDir), "/")
	return &Builder{opts: opts, routes: map[string]*routeState{}}
}

// normalize turns a route argument into the PagesDir-relative
// slash-separated form used as map key (absolute paths are accepted).
func (b *Builder) normalize(file string) string {
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(filepath.Join(b.opts.Dir, filepath.FromSlash(b.opts.PagesDir)), file); err == nil {
			file = rel
		}
	}
	return path.Clean(filepath.ToSlash(file))
}

func (b *Builder) route(file string) (*routeState, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, errors.New("bundler: Builder is closed")
	}
	r := b.routes[file]
	if r == nil {
		r = &routeState{}
		b.routes[file] = r
	}
	return r, nil
}

// Build bundles one route; file is relative to PagesDir
// ("api/hello.ts"). The route's `config` is read first (see [ReadConfig]);
// the first Build of a route creates its esbuild context, later ones
// rebuild incrementally. A route whose runtime changed gets a new context.
//
// Errors are *Error values with every message located in the source; an
// edge route importing an unsupported Node built-in gets a note with the
// import trace.
func (b *Builder) Build(file string) (*Bundle, error) {
	file = b.normalize(file)
	r, err := b.route(file)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()

	entry := path.Join(b.opts.PagesDir, file)
	absEntry := filepath.Join(b.opts.Dir, filepath.FromSlash(entry))
	cfg, warnings, err := r.readConfig(b, entry, absEntry)
	if err != nil {
		r.fail(absEntry)
		return nil, err
	}
	pc := pluginConfig{runtime: cfg.Runtime, lenientEdge: b.opts.AllowEdgeNodeBuiltins}
	if r.ctx == nil || r.pc != pc {
		if r.ctx != nil {
			r.ctx.Dispose()
			r.ctx = nil
		}
		ctx, cerr := api.Context(b.buildOptions(entry, cfg.Runtime, pc))
		if cerr != nil {
			r.fail(absEntry)
			return nil, &Error{Messages: fromESBuild(cerr.Errors, b.opts.Dir)}
		}
		r.ctx, r.pc, r.runtime = ctx, pc, cfg.Runtime
	}
	res := r.ctx.Rebuild()
	if len(res.Errors) > 0 {
		r.fail(absEntry)
		return nil, b.buildError(entry, cfg.Runtime, res.Errors)
	}
	if len(res.OutputFiles) != 1 {
		r.fail(absEntry)
		return nil, fmt.Errorf("bundler: %s: esbuild returned %d output files", entry, len(res.OutputFiles))
	}
	inputs, err := b.metafileInputs(res.Metafile)
	if err != nil {
		r.fail(absEntry)
		return nil, err
	}
	set := make(map[string]bool, len(inputs))
	for _, in := range inputs {
		set[in] = true
	}
	r.stateMu.Lock()
	r.failed, r.inputs = false, set
	r.stateMu.Unlock()
	return &Bundle{
		File:     file,
		Path:     entry,
		Page:     pageName(entry),
		Runtime:  cfg.Runtime,
		Config:   cfg,
		Code:     string(res.OutputFiles[0].Contents),
		Inputs:   inputs,
		Warnings: append(warnings, fromESBuild(res.Warnings, b.opts.Dir)...),
		Vendor:   b.vendorOf(res.Metafile),
	}, nil
}

// readConfig returns the route's config, reusing the previous result
// when the entry file is unchanged (in this run, or in an earlier one
// with Options.CacheDir).
func (r *routeState) readConfig(b *Builder, entry, absEntry string) (RouteConfig, []Message, error) {
	src, err := os.ReadFile(absEntry)
	if err != nil {
		r.src = nil
		return DefaultRouteConfig(), nil, fmt.Errorf("bundler: %w", err)
	}
	if r.src != nil && bytes.Equal(src, r.src) {
		cfg := r.cfg
		cfg.Regions, cfg.AllowDynamic = slices.Clone(cfg.Regions), slices.Clone(cfg.AllowDynamic)
		return cfg, slices.Clone(r.warnings), nil
	}
	cfg, warnings, cached := b.lookupConfig(entry, src)
	if !cached {
		cfg, warnings, err = readConfigSource(entry, src)
		if err == nil {
			cfg, warnings, err = middlewareRuntime(entry, cfg, warnings)
		}
		if err != nil {
			r.src = nil
			return cfg, nil, err
		}
		b.storeConfig(entry, src, cfg, warnings)
	}
	r.src, r.cfg, r.warnings = src, cfg, warnings
	return cfg, slices.Clone(warnings), nil
}

// fail records a failed build: until it succeeds, the route is affected by
// every change, since its real inputs are unknown.
func (r *routeState) fail(absEntry string) {
	r.stateMu.Lock()
	defer r.stateMu.Unlock()
	r.failed = true
	r.inputs = map[string]bool{absEntry: true}
}

// buildError converts esbuild errors, adding the import trace to edge
// built-in errors.
func (b *Builder) buildError(entry string, rt Runtime, errs []api.Message) error {
	msgs := fromESBuild(errs, b.opts.Dir)
	var traced []int
	for i, e := range errs {
		if _, ok := e.Detail.(builtinImport); ok {
			traced = append(traced, i)
		}
	}
	if len(traced) > 0 {
		graph := b.importGraph(entry, rt)
		for _, i := range traced {
			bi := errs[i].Detail.(builtinImport)
			importer := entry
			if bi.importer != "" {
				importer = displayPath(b.opts.Dir, bi.importer, "")
			}
			chain := graph.chain(entry, importer)
			msgs[i].Notes = append(msgs[i].Notes, "Import trace: "+strings.Join(append(chain, bi.spec), " → "))
		}
	}
	return &Error{Messages: msgs}
}

// metafile is the part of esbuild's metafile the builder reads.
type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			External bool   `json:"external"`
		} `json:"imports"`
	} `json:"inputs"`
}

// metafileInputs returns the absolute paths of the build's input files,
// plus the project's tsconfig/jsconfig (they change how imports resolve).
func (b *Builder) metafileInputs(meta string) ([]string, error) {
	var m metafile
	if err := json.Unmarshal([]byte(meta), &m); err != nil {
		return nil, fmt.Errorf("bundler: reading esbuild metafile: %w", err)
	}
	out := make([]string, 0, len(m.Inputs)+1)
	for in := range m.Inputs {
		if strings.HasPrefix(in, nsNext+":") || strings.HasPrefix(in, nsUnsupported+":") {
			continue // a virtual module of the plugin
		}
		p := filepath.FromSlash(in)
		if !filepath.IsAbs(p) {
			p = filepath.Join(b.opts.Dir, p)
		}
		out = append(out, filepath.Clean(p))
	}
	for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
		p := filepath.Join(b.opts.Dir, name)
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

// BuildAll builds several routes in parallel (at most GOMAXPROCS at once;
// esbuild parallelises each build internally as well). Every file appears
// in exactly one of the two maps, keyed by the normalised file name.
func (b *Builder) BuildAll(files []string) (map[string]*Bundle, map[string]error) {
	bundles := make(map[string]*Bundle, len(files))
	errs := map[string]error{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func(f string) {
			defer wg.Done()
			defer func() { <-sem }()
			bundle, err := b.Build(f)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs[b.normalize(f)] = err
			} else {
				bundles[bundle.File] = bundle
			}
		}(f)
	}
	wg.Wait()
	return bundles, errs
}

// Affected returns the built routes (sorted, PagesDir-relative) whose last build
// read any of the changed absolute paths, plus every route whose last
// build failed (a change anywhere may fix it, e.g. creating a missing
// import).
func (b *Builder) Affected(changed []string) []string {
	set := make(map[string]bool, len(changed))
	for _, c := range changed {
		set[filepath.Clean(c)] = true
		if resolutionInput(c) {
			b.resolved.forget()
		}
	}
	b.mu.Lock()
	routes := make(map[string]*routeState, len(b.routes))
	for f, r := range b.routes {
		routes[f] = r
	}
	b.mu.Unlock()
	var out []string
	for f, r := range routes {
		r.stateMu.Lock()
		hit := r.failed
		for in := range r.inputs {
			if hit {
				break
			}
			hit = set[in]
		}
		r.stateMu.Unlock()
		if hit {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// ForgetResolutions drops the cached answers to "is this import an npm
// package?" (split builds), for when anything may have changed. Affected
// drops them itself when a tsconfig.json, jsconfig.json or package.json
// is among the changes.
func (b *Builder) ForgetResolutions() { b.resolved.forget() }

// resolutionInput reports whether a changed file can change how a bare
// import resolves.
func resolutionInput(path string) bool {
	switch filepath.Base(path) {
	case "tsconfig.json", "jsconfig.json", "package.json":
		return true
	}
	return false
}

// Remove forgets a route and disposes of its esbuild context (call it when
// the route file is deleted).
func (b *Builder) Remove(file string) {
	file = b.normalize(file)
	b.mu.Lock()
	r := b.routes[file]
	delete(b.routes, file)
	b.mu.Unlock()
	if r != nil {
		r.dispose()
	}
}

func (r *routeState) dispose() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ctx != nil {
		r.ctx.Dispose()
		r.ctx = nil
	}
}

// Close disposes of every context and waits for cache writes. Builds
// after Close fail.
func (b *Builder) Close() {
	b.mu.Lock()
	routes := b.routes
	b.routes = map[string]*routeState{}
	node := b.node
	b.node = nil
	b.closed = true
	b.mu.Unlock()
	for _, r := range routes {
		r.dispose()
	}
	if node != nil {
		node.mu.Lock()
		if node.ctx != nil {
			node.ctx.Dispose()
		}
		node.mu.Unlock()
	}
	b.writes.Wait()
	b.flushConfigs()
}
