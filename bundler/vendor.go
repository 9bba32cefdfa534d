package bundler

// Split builds (Options.SplitVendor, for `edgerun dev`). A dev edit
// rebuilds and recompiles the bundles it reaches, and with npm packages
// inside, most of that work is the packages: a route importing zod is a
// 240 KB bundle of which the route is 1 KB, and both esbuild's relink and
// goja's compile scale with the whole. So in a split build a bare import
// that resolves into node_modules stays `require("zod")`, and the packages
// go into a separate vendor bundle (BuildVendor) whose compiled program
// the server keeps across edits: an edit then costs what the edited code
// costs.
//
// Semantics are unchanged: each Vendor maps a specifier to a thunk that
// requires the package, so a package initialises on first use, once per
// isolate (Node routes share their isolate, hence one instance per
// package, as under next start; each edge isolate gets its own). Packages
// resolve from the project root, where a route's own resolution would
// usually find the same copy; nested node_modules specific to a route's
// folder are the exception. Production builds are not split.

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// vendorProbe marks the vendor plugin's own Resolve calls.
type vendorProbe struct{}

// resolveCache remembers whether a bare import resolves into node_modules,
// by importer folder, specifier, import kind and runtime. esbuild's
// plugin Resolve makes a fresh resolver per call, with an empty directory
// cache, so every call reads every folder from the root down to the
// package (pages/api with its routes, node_modules...): with a dozen
// routes importing zod, that was a third of an incremental rebuild of the
// Node bundle. The answer only changes when packages are installed (a new
// Builder: package.json changes) or import mapping changes (tsconfig or
// jsconfig paths): see Builder.ForgetResolutions.
type resolveCache struct{ m sync.Map } // key → bool (vendor package)

func (c *resolveCache) forget() { c.m.Clear() }

// vendorPlugin leaves npm packages out of a bundle: a bare import made by
// project code that resolves into node_modules stays require(spec).
func vendorPlugin(cache *resolveCache, rt Runtime) api.Plugin {
	return api.Plugin{Name: pluginName + "-vendor", Setup: func(build api.PluginBuild) {
		build.OnResolve(api.OnResolveOptions{Filter: `^[^./]`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			switch args.PluginData.(type) {
			case vendorProbe, polyfillProbe:
				return api.OnResolveResult{}, nil
			}
			if args.Namespace != "" && args.Namespace != "file" {
				return api.OnResolveResult{}, nil
			}
			if strings.Contains(filepath.ToSlash(args.Importer), "/node_modules/") || IsNodeBuiltin(args.Path) ||
				args.Path == "next" || strings.HasPrefix(args.Path, "next/") {
				return api.OnResolveResult{}, nil
			}
			key := string(rt) + "\x00" + strconv.Itoa(int(args.Kind)) + "\x00" + args.ResolveDir + "\x00" + args.Path
			vendor, known := cache.m.Load(key)
			if !known {
				r := build.Resolve(args.Path, api.ResolveOptions{
					Importer: args.Importer, ResolveDir: args.ResolveDir, Kind: args.Kind,
					Namespace: args.Namespace, PluginData: vendorProbe{},
				})
				if len(r.Errors) > 0 {
					return api.OnResolveResult{}, nil // esbuild reports the error (not cached: it may be installed next)
				}
				vendor = !r.External && strings.Contains(filepath.ToSlash(r.Path), "/node_modules/")
				cache.m.Store(key, vendor)
			}
			if !vendor.(bool) {
				return api.OnResolveResult{}, nil // project code (tsconfig paths...)
			}
			return api.OnResolveResult{Path: args.Path, External: true, PluginData: vendorProbe{}}, nil
		})
	}}
}

// vendorSpecs lists the package specifiers a split build left external
// (every external import that is neither a Node built-in nor next/*),
// sorted.
func vendorSpecs(meta string) []string {
	var m metafile
	if err := json.Unmarshal([]byte(meta), &m); err != nil {
		return nil
	}
	set := map[string]bool{}
	for _, in := range m.Inputs {
		for _, imp := range in.Imports {
			// "<runtime>" is esbuild's own helper module.
			// "edgerun:..." ids are modules the runtime serves from Go
			// (bcrypt.go), not packages.
			if !imp.External || imp.Path == "" || strings.ContainsAny(imp.Path[:1], "./<") || IsNodeBuiltin(imp.Path) ||
				imp.Path == "next" || strings.HasPrefix(imp.Path, "next/") || strings.HasPrefix(imp.Path, "edgerun:") {
				continue
			}
			set[imp.Path] = true
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Vendor is the npm packages of split builds for one runtime.
type Vendor struct {
	Runtime Runtime
	// Specs are the package specifiers it serves, sorted.
	Specs []string
	// Path is the script name to compile Code under (relative to Dir).
	Path string
	// Code is a function expression like a Bundle's (the runtime's
	// wrapper), whose module.exports maps each spec to a function that
	// returns the package's exports.
	Code     string
	Inputs   []string
	Warnings []Message
}

// BuildVendor bundles the given package specifiers (as listed in
// Bundle.Vendor or NodeServer.Vendor) for a runtime, with the same
// resolution and built-in rules as the routes.
//
// With Options.CacheDir, a bundle built by an earlier run is reused while
// its inputs are unchanged (vendorcache.go).
func (b *Builder) BuildVendor(rt Runtime, specs []string) (*Vendor, error) {
	var key string
	if b.opts.CacheDir != "" {
		b.noteRecentVendorSet(rt, specs)
		if key = b.vendorCacheKey(rt, specs); key != "" {
			if v := b.cachedVendor(key, rt, specs); v != nil {
				return v, nil
			}
		}
	}
	v, err := b.buildVendor(rt, specs)
	if err == nil && key != "" {
		b.storeVendor(key, v)
	}
	return v, err
}

func (b *Builder) buildVendor(rt Runtime, specs []string) (*Vendor, error) {
	var entry strings.Builder
	entry.WriteString("module.exports = {\n")
	for _, s := range specs {
		fmt.Fprintf(&entry, "  %s: () => require(%s),\n", strconv.Quote(s), strconv.Quote(s))
	}
	entry.WriteString("};\n")
	name := ".edgerun-vendor-" + string(rt) + ".js"
	pc := pluginConfig{runtime: rt, lenientEdge: b.opts.AllowEdgeNodeBuiltins, bundleBcrypt: b.opts.DisableGoBcrypt}
	opts := b.buildOptions(name, rt, pc)
	opts.Plugins = withWasm(pc, edgerunPlugin(pc))
	opts.EntryPoints = nil
	opts.Stdin = &api.StdinOptions{Contents: entry.String(), ResolveDir: b.opts.Dir, Sourcefile: name, Loader: api.LoaderJS}
	opts.Outfile = filepath.Join(b.opts.Dir, strings.TrimSuffix(name, ".js")+".out.js")
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		msgs := fromESBuild(res.Errors, b.opts.Dir)
		for i := range msgs {
			msgs[i].Notes = append(msgs[i].Notes, "while bundling the npm packages "+strings.Join(specs, ", ")+" (edgerun dev bundles packages apart from routes)")
		}
		return nil, &Error{Messages: msgs}
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundler: vendor: esbuild returned %d output files", len(res.OutputFiles))
	}
	inputs, err := b.metafileInputs(res.Metafile)
	if err != nil {
		return nil, err
	}
	return &Vendor{
		Runtime:  rt,
		Specs:    append([]string(nil), specs...),
		Path:     name,
		Code:     string(res.OutputFiles[0].Contents),
		Inputs:   inputs,
		Warnings: fromESBuild(res.Warnings, b.opts.Dir),
	}, nil
}

// vendorOf is vendorSpecs for split builds, nil otherwise.
func (b *Builder) vendorOf(meta string) []string {
	if !b.opts.SplitVendor {
		return nil
	}
	return vendorSpecs(meta)
}
