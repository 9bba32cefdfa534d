package bundler

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// Under `next start` every Node-runtime API route runs in one process with
// one webpack module registry: a lib/ module or an npm package imported by
// two routes is one module instance, so in-memory stores, caches and rate
// limiters are shared across routes. Bundling each Node route on its own
// would give each route its own copy. So Node routes are bundled together
// into one NodeServer bundle whose entry maps each route to a thunk that
// requires it: esbuild turns every route into a lazily initialised module
// (its top-level code runs on first request, as in Next), and shared
// imports appear once.
//
// Edge routes keep one bundle each: on an edge platform each function is
// its own world.

// nodeServerName is the bundle's script name, inside the pages directory
// so that source-map sources ("api/x.ts") resolve to "pages/api/x.ts".
const nodeServerName = ".edgerun-node-server.js"

// NodeServer is the combined bundle of a project's Node routes.
type NodeServer struct {
	// Path is the script name to compile Code under (relative to Dir).
	Path string
	// Code is a function expression like a Node Bundle's, whose
	// module.exports maps each route file ("api/x.ts") to a function that
	// returns that route's module exports.
	Code string
	// Routes are the route files included, sorted.
	Routes []string
	// Inputs are the absolute paths of every input file.
	Inputs   []string
	Warnings []Message
	// Vendor lists the npm packages left out of Code (Options.SplitVendor).
	Vendor []string
}

// nodeServerState is the NodeServer's esbuild context.
type nodeServerState struct {
	mu     sync.Mutex
	ctx    api.BuildContext
	routes []string
	inputs map[string]bool
}

// BuildNodeServer bundles the given Node routes (files relative to
// PagesDir) into one NodeServer. Routes that fail to build on their own are
// left out and reported in failures, so one broken route does not take the
// others down; a failure shared by every route (a broken common import)
// fails them all.
func (b *Builder) BuildNodeServer(files []string) (*NodeServer, map[string]error, error) {
	routes := make([]string, 0, len(files))
	for _, f := range files {
		routes = append(routes, b.normalize(f))
	}
	sort.Strings(routes)
	failures := map[string]error{}
	for {
		ns, errs, err := b.buildNodeServer(routes)
		if err != nil {
			return nil, failures, err
		}
		if len(errs) == 0 {
			return ns, failures, nil
		}
		// Find the culprits: build each remaining route alone.
		_, perRoute := b.BuildAll(routes)
		if len(perRoute) == 0 {
			// Only the combination fails (e.g. two routes' imports
			// conflict): report it against every route.
			e := b.buildError(path.Join(b.opts.PagesDir, nodeServerName), RuntimeNode, errs)
			for _, r := range routes {
				failures[r] = e
			}
			return nil, failures, nil
		}
		kept := routes[:0:0]
		for _, r := range routes {
			if e, bad := perRoute[r]; bad {
				failures[r] = e
				continue
			}
			kept = append(kept, r)
		}
		routes = kept
		if len(routes) == 0 {
			return nil, failures, nil
		}
	}
}

func (b *Builder) buildNodeServer(routes []string) (*NodeServer, []api.Message, error) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil, nil, fmt.Errorf("bundler: Builder is closed")
	}
	if b.node == nil {
		b.node = &nodeServerState{}
	}
	st := b.node
	b.mu.Unlock()

	st.mu.Lock()
	defer st.mu.Unlock()
	if st.ctx == nil || !equalStrings(st.routes, routes) {
		if st.ctx != nil {
			st.ctx.Dispose()
			st.ctx = nil
		}
		ctx, cerr := api.Context(b.nodeServerOptions(routes))
		if cerr != nil {
			return nil, nil, &Error{Messages: fromESBuild(cerr.Errors, b.opts.Dir)}
		}
		st.ctx, st.routes = ctx, append([]string(nil), routes...)
	}
	res := st.ctx.Rebuild()
	if len(res.Errors) > 0 {
		st.inputs = nil
		return nil, res.Errors, nil
	}
	if len(res.OutputFiles) != 1 {
		return nil, nil, fmt.Errorf("bundler: node server: esbuild returned %d output files", len(res.OutputFiles))
	}
	inputs, err := b.metafileInputs(res.Metafile)
	if err != nil {
		return nil, nil, err
	}
	st.inputs = make(map[string]bool, len(inputs))
	for _, in := range inputs {
		st.inputs[in] = true
	}
	return &NodeServer{
		Path:     path.Join(b.opts.PagesDir, nodeServerName),
		Code:     string(res.OutputFiles[0].Contents),
		Routes:   append([]string(nil), routes...),
		Inputs:   inputs,
		Warnings: fromESBuild(res.Warnings, b.opts.Dir),
		Vendor:   b.vendorOf(res.Metafile),
	}, nil, nil
}

// NodeServerAffected reports whether any changed path is an input of the
// last NodeServer build (or that build failed).
func (b *Builder) NodeServerAffected(changed []string) bool {
	b.mu.Lock()
	st := b.node
	b.mu.Unlock()
	if st == nil {
		return false
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.inputs == nil {
		return true
	}
	for _, c := range changed {
		if st.inputs[filepath.Clean(c)] {
			return true
		}
	}
	return false
}

// nodeServerOptions builds the entry in memory: one thunk per route.
func (b *Builder) nodeServerOptions(routes []string) api.BuildOptions {
	var entry strings.Builder
	entry.WriteString("module.exports = {\n")
	for _, r := range routes {
		// Resolved from the project root: the pages folder of an
		// app-only project does not exist ("../app/x/route.ts" routes).
		fmt.Fprintf(&entry, "  %s: () => require(%s),\n", strconv.Quote(r), strconv.Quote("./"+path.Join(b.opts.PagesDir, r)))
	}
	entry.WriteString("};\n")
	pagesAbs := filepath.Join(b.opts.Dir, filepath.FromSlash(b.opts.PagesDir))
	opts := b.buildOptions(path.Join(b.opts.PagesDir, nodeServerName), RuntimeNode, pluginConfig{runtime: RuntimeNode, lenientEdge: b.opts.AllowEdgeNodeBuiltins})
	opts.EntryPoints = nil
	opts.Stdin = &api.StdinOptions{
		Contents:   entry.String(),
		ResolveDir: b.opts.Dir,
		Sourcefile: nodeServerName,
		Loader:     api.LoaderJS,
	}
	opts.Outfile = filepath.Join(pagesAbs, strings.TrimSuffix(nodeServerName, ".js")+".out.js")
	return opts
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Config returns a route's static config (cached while the entry file is
// unchanged), without building it.
func (b *Builder) Config(file string) (RouteConfig, []Message, error) {
	file = b.normalize(file)
	r, err := b.route(file)
	if err != nil {
		return RouteConfig{}, nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	entry := path.Join(b.opts.PagesDir, file)
	return r.readConfig(b, entry, filepath.Join(b.opts.Dir, filepath.FromSlash(entry)))
}
