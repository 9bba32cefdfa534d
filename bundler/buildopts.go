package bundler

import (
	"encoding/json"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Module wrappers. A bundle's Code evaluates to one function; the runtime
// compiles it once into a shared *goja.Program, runs it to get the function,
// and calls it per isolate with fresh module objects and its own require.
// Edge routes get no __filename/__dirname: Next's edge sandbox has neither.
const (
	nodeBanner = "(function (exports, require, module, __filename, __dirname) {"
	edgeBanner = "(function (exports, require, module) {"
	// footer must be alone on the last code line: goja looks for the
	// source-map comment after a trailing "})" line.
	footer = "})"
)

// Resolution settings per runtime. Node routes resolve like Node's own
// require, which is what Next's externalised pages-router server bundles
// get at run time: "node" and "require" conditions, CommonJS main first.
// Edge routes resolve like Next's edge compiler (edge-light, workerd, then
// webpack's web defaults): browser builds and ESM preferred, which also
// keeps one copy of dual packages ("import" for every import kind).
var (
	nodeConditions = []string{"node", "require"}
	nodeMainFields = []string{"main", "module"}
	edgeConditions = []string{"edge-light", "workerd", "worker", "browser", "module", "import"}
	edgeMainFields = []string{"edge-light", "worker", "browser", "module", "main"}
)

// loaders covers every source extension a route may import. `.js` and
// `.jsx` share the JSX loader because Next (SWC) accepts JSX in .js files.
// JSX uses React's automatic runtime (what Next compiles with): API routes
// rarely contain JSX, but an `ImageResponse` route does, and it then needs
// `react/jsx-runtime` from node_modules like under Next.
var loaders = map[string]api.Loader{
	".ts": api.LoaderTS, ".mts": api.LoaderTS, ".cts": api.LoaderTS, ".tsx": api.LoaderTSX,
	".js": api.LoaderJSX, ".jsx": api.LoaderJSX, ".mjs": api.LoaderJS, ".cjs": api.LoaderJS,
	".json": api.LoaderJSON,
}

var resolveExtensions = []string{".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs", ".json"}

var identRE = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

// defines inlines process.env.NODE_ENV, process.env.NEXT_RUNTIME and every
// next.config `env` key, as Next does at build time for both runtimes.
// Keys that are not identifiers cannot be written as process.env.KEY and
// are left to the runtime's process.env.
func defines(mode Mode, rt Runtime, env map[string]string) map[string]string {
	d := make(map[string]string, len(env)+2)
	for k, v := range env {
		if identRE.MatchString(k) {
			d["process.env."+k] = jsonString(v)
		}
	}
	d["process.env.NODE_ENV"] = jsonString(mode.NodeEnv())
	d["process.env.NEXT_RUNTIME"] = jsonString(string(rt))
	return d
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// buildOptions is the esbuild configuration for one route (goja notes §4.1).
// entry is relative to Dir, slash-separated.
func (b *Builder) buildOptions(entry string, rt Runtime, pc pluginConfig) api.BuildOptions {
	pc.bundleBcrypt = b.opts.DisableGoBcrypt
	banner, conditions, mainFields := nodeBanner, nodeConditions, nodeMainFields
	if rt == RuntimeEdge {
		banner, conditions, mainFields = edgeBanner, edgeConditions, edgeMainFields
	}
	return api.BuildOptions{
		EntryPoints:   []string{entry},
		AbsWorkingDir: b.opts.Dir,
		// The output is never written; naming it next to the entry makes
		// esbuild write source-map sources relative to the route's folder
		// ("x.ts", "../../lib/a.ts"), which is how goja (and the source-map
		// spec) resolve them against the script name: a stack frame then
		// reads "pages/api/x.ts:7:10".
		Outfile:           outfileFor(b.opts.Dir, entry),
		Bundle:            true,
		Write:             false,
		Metafile:          true,
		Format:            api.FormatCommonJS,
		Platform:          api.PlatformNeutral,
		Target:            jsTarget,
		Supported:         gojaSupported,
		MainFields:        mainFields,
		Conditions:        conditions,
		ResolveExtensions: resolveExtensions,
		Loader:            loaders,
		JSX:               api.JSXAutomatic,
		Sourcemap:         api.SourceMapInline,
		SourcesContent:    api.SourcesContentExclude,
		LegalComments:     api.LegalCommentsNone,
		Define:            defines(b.opts.Mode, rt, b.opts.Env),
		Banner:            map[string]string{"js": banner},
		Footer:            map[string]string{"js": footer},
		LogLevel:          api.LogLevelSilent,
		Plugins:           b.plugins(pc),
	}
}

// plugins are the route plugins; split builds add the vendor plugin (not
// for trace builds, which need the packages' import graph).
func (b *Builder) plugins(pc pluginConfig) []api.Plugin {
	if b.opts.SplitVendor && !pc.trace {
		return withWasm(pc, edgerunPlugin(pc), vendorPlugin(&b.resolved, pc.runtime))
	}
	return withWasm(pc, edgerunPlugin(pc))
}

// withWasm adds the `.wasm?module` plugin to edge builds (wasm.go).
func withWasm(pc pluginConfig, plugins ...api.Plugin) []api.Plugin {
	if pc.runtime == RuntimeEdge {
		plugins = append([]api.Plugin{wasmModulePlugin()}, plugins...)
	}
	return plugins
}

func outfileFor(dir, entry string) string {
	base := strings.TrimSuffix(path.Base(entry), path.Ext(entry))
	return filepath.Join(dir, filepath.FromSlash(path.Dir(entry)), base+".edgerun.js")
}
