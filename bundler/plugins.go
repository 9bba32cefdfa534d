package bundler

// One esbuild plugin, "edgerun", decides what a route may import:
//
//   - `next` (type-only in API routes) is a virtual empty module, so a
//     non-`type` import of NextApiRequest still builds;
//   - `next/server` stays `require("next/server")`: the runtime provides
//     NextRequest/NextResponse natively; so do `next/headers` (cookies(),
//     headers(), draftMode()) and `next/navigation` (redirect(),
//     notFound()...) for App Router route handlers, whose functions throw
//     Next's "called outside a request scope" error anywhere else;
//   - any other `next/...` module is a build error: edgerun runs API routes
//     without Next.js installed;
//   - Node built-ins stay `require("fs")` in Node routes (the runtime's
//     require serves them); in edge routes only Next's five (buffer,
//     events, async_hooks, assert, util, as `node:X`) are allowed, and
//     anything else fails the build with the import trace, because it would
//     fail in production. The exception is a require() or import() inside
//     node_modules: packages feature-detect with `try { require('crypto') }`
//     and work in production as long as the module is not used, so there
//     the build warns and bundles Next's stub, which throws only on use;
//   - bcryptjs (both runtimes) and the native bcrypt package (Node routes)
//     stay `require("edgerun:bcryptjs")` etc.: the runtime serves them
//     from Go (bcrypt.go says why).

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

const pluginName = "edgerun"

// Plugin namespaces for virtual modules.
const (
	nsNext        = "edgerun-next"
	nsUnsupported = "edgerun-unsupported-builtin"
)

// pluginConfig is what the plugin needs to know about the build.
type pluginConfig struct {
	runtime Runtime
	// lenientEdge: unsupported built-ins in edge routes become a warning
	// and a throwing stub instead of an error (Options.AllowEdgeNodeBuiltins).
	lenientEdge bool
	// trace: every built-in is external; used for the one-off build that
	// recovers the import chain behind an edge built-in error.
	trace bool
	// bundleBcrypt: bundle bcryptjs and bcrypt like other packages
	// instead of sending their imports to the Go implementations (set by
	// buildOptions from Options.DisableGoBcrypt; the zero value
	// accelerates, so every build made from a pluginConfig does).
	bundleBcrypt bool
}

// builtinImport is attached (as Message.Detail) to edge built-in errors so
// the builder can find who imported the module.
type builtinImport struct {
	importer string // absolute path, or "" for the entry point
	spec     string
}

// polyfillProbe marks the plugin's own build.Resolve calls so the builtin
// callback lets esbuild's resolver handle them.
type polyfillProbe struct{}

// EdgeBuiltinErrorText is the build error for an unsupported Node built-in
// in an edge route.
func EdgeBuiltinErrorText(spec string) string {
	return fmt.Sprintf("A Node.js module is loaded (%q) which is not supported in the Edge Runtime.", spec)
}

// edgeBuiltinRuntimeError is what Next's stub throws when an unsupported
// module is used at run time (N:server/web/globals.ts __import_unsupported).
func edgeBuiltinRuntimeError(name string) string {
	return fmt.Sprintf("The edge runtime does not support Node.js '%s' module.\nLearn More: https://nextjs.org/docs/messages/node-module-in-edge-runtime", name)
}

// lazyDependencyImport reports a require()/import() of a built-in made by
// an npm package. Next only warns about those and hands out a stub that
// throws when used, which is what production does too; failing the build
// would reject packages that merely probe for Node (try { require(...) }).
func lazyDependencyImport(args api.OnResolveArgs) bool {
	switch args.Kind {
	case api.ResolveJSRequireCall, api.ResolveJSDynamicImport, api.ResolveJSRequireResolve:
		return strings.Contains(filepath.ToSlash(args.Importer), "/node_modules/")
	}
	return false
}

func edgerunPlugin(pc pluginConfig) api.Plugin {
	return api.Plugin{Name: pluginName, Setup: func(build api.PluginBuild) {
		build.OnResolve(api.OnResolveOptions{Filter: `^next(/.*)?$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			switch args.Path {
			case "next":
				return api.OnResolveResult{Path: "next", Namespace: nsNext}, nil
			case "next/server", "next/server.js":
				return api.OnResolveResult{Path: "next/server", External: true}, nil
			case "next/headers", "next/headers.js":
				return api.OnResolveResult{Path: "next/headers", External: true}, nil
			case "next/navigation", "next/navigation.js":
				return api.OnResolveResult{Path: "next/navigation", External: true}, nil
			}
			return api.OnResolveResult{Errors: []api.Message{{
				Text: fmt.Sprintf("edgerun: %q is not supported in API routes", args.Path),
			}}}, nil
		})
		build.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsNext}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
			// `import { NextApiRequest } from 'next'` without `type` is legal
			// TypeScript; the types have no runtime value.
			contents := "module.exports = {};\n"
			return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS}, nil
		})

		if !pc.bundleBcrypt {
			build.OnResolve(api.OnResolveOptions{Filter: bcryptFilter}, bcryptOnResolve(build, pc))
		}

		build.OnResolve(api.OnResolveOptions{Filter: builtinFilter}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			if _, probing := args.PluginData.(polyfillProbe); probing {
				return api.OnResolveResult{}, nil // let esbuild resolve it from node_modules
			}
			if pc.runtime != RuntimeEdge || pc.trace {
				return api.OnResolveResult{Path: args.Path, External: true}, nil
			}
			name := strings.TrimPrefix(args.Path, "node:")
			if edgeNodeModules[name] {
				// The edge sandbox's require() only knows the node: spelling.
				return api.OnResolveResult{Path: "node:" + name, External: true}, nil
			}
			if !strings.HasPrefix(args.Path, "node:") {
				// As in Next, an installed npm package of the same name (a
				// polyfill such as `process` or `stream-browserify` aliased
				// to `stream`) is bundled instead.
				r := build.Resolve(args.Path, api.ResolveOptions{
					Importer: args.Importer, ResolveDir: args.ResolveDir, Kind: args.Kind,
					Namespace: args.Namespace, PluginData: polyfillProbe{},
				})
				if len(r.Errors) == 0 && r.Path != "" && !r.External {
					return api.OnResolveResult{Path: r.Path, Namespace: r.Namespace, Suffix: r.Suffix}, nil
				}
			}
			if pc.lenientEdge || lazyDependencyImport(args) {
				return api.OnResolveResult{
					Path: args.Path, Namespace: nsUnsupported,
					Warnings: []api.Message{{Text: fmt.Sprintf(
						"A Node.js module is loaded ('%s') which is not supported in the Edge Runtime.\nLearn More: https://nextjs.org/docs/messages/node-module-in-edge-runtime", args.Path)}},
				}, nil
			}
			return api.OnResolveResult{Errors: []api.Message{{
				Text:   EdgeBuiltinErrorText(args.Path),
				Detail: builtinImport{importer: args.Importer, spec: args.Path},
			}}}, nil
		})
		if pc.runtime != RuntimeEdge {
			build.OnLoad(api.OnLoadOptions{Filter: `[/\\]node_modules[/\\].*\.(c?js|mjs)$`}, modulePathsOnLoad)
		}
		build.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsUnsupported}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			msg := edgeBuiltinRuntimeError(strings.TrimPrefix(args.Path, "node:"))
			contents := fmt.Sprintf(`var fail = function () { throw new Error(%q); };
module.exports = new Proxy(function () {}, {
  get: function (target, key) { return key === "__esModule" || typeof key === "symbol" ? undefined : fail(); },
  apply: fail,
  construct: fail,
});
`, msg)
			return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS}, nil
		})
	}}
}

// modulePathsOnLoad gives a bundled npm module that mentions __dirname or
// __filename its own path. Under next start, pages-router API routes load
// node_modules with Node's require, so packages find their own files that
// way (formidable loads its plugins with require(path.join(__dirname,
// ...)); others read data files next to their code). Bundled, those names
// would be the bundle's. The declaration goes on the module's first line so
// that line numbers, and the source map, stay right.
func modulePathsOnLoad(args api.OnLoadArgs) (api.OnLoadResult, error) {
	src, err := os.ReadFile(args.Path)
	if err != nil {
		return api.OnLoadResult{}, nil // let esbuild report it
	}
	if !bytes.Contains(src, []byte("__dirname")) && !bytes.Contains(src, []byte("__filename")) {
		return api.OnLoadResult{}, nil
	}
	file := filepath.ToSlash(args.Path)
	decl := fmt.Sprintf(" var __filename = %s, __dirname = %s; ", jsonString(file), jsonString(path.Dir(file)))
	// After the directive prologue ("use strict" must stay first to count)
	// and a hashbang line, on the same line as what precedes it.
	at := prologueEnd(src)
	src = append(src[:at:at], append([]byte(decl), src[at:]...)...)
	contents := string(src)
	return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS, ResolveDir: filepath.Dir(args.Path)}, nil
}

// prologueEnd returns the offset just after a leading hashbang line and the
// directive prologue ("use strict"; and other string directives, with the
// comments and whitespace between them).
func prologueEnd(src []byte) int {
	i := 0
	if bytes.HasPrefix(src, []byte("#!")) {
		nl := bytes.IndexByte(src, '\n')
		if nl < 0 {
			return len(src)
		}
		i = nl + 1
	}
	end := i
	for {
		j := skipSpaceAndComments(src, end)
		if j >= len(src) || (src[j] != '"' && src[j] != '\'') {
			return end
		}
		q := src[j]
		k := j + 1
		for k < len(src) && src[k] != q && src[k] != '\n' {
			if src[k] == '\\' {
				k++
			}
			k++
		}
		if k >= len(src) || src[k] != q {
			return end
		}
		k++
		// A directive is a whole statement: the string must be followed by
		// `;`, a line break or the end, not by an operator.
		m := k
		for m < len(src) && (src[m] == ' ' || src[m] == '\t') {
			m++
		}
		switch {
		case m < len(src) && src[m] == ';':
			end = m + 1
		case m >= len(src) || src[m] == '\n' || src[m] == '\r':
			end = k
		default:
			return end
		}
	}
}

func skipSpaceAndComments(src []byte, i int) int {
	for i < len(src) {
		switch {
		case src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r':
			i++
		case bytes.HasPrefix(src[i:], []byte("//")):
			nl := bytes.IndexByte(src[i:], '\n')
			if nl < 0 {
				return len(src)
			}
			i += nl + 1
		case bytes.HasPrefix(src[i:], []byte("/*")):
			e := bytes.Index(src[i+2:], []byte("*/"))
			if e < 0 {
				return len(src)
			}
			i += e + 4
		default:
			return i
		}
	}
	return i
}
