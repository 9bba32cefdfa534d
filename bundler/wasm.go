package bundler

// `import mod from './x.wasm?module'` in edge routes, as Next's webpack
// build supports it (@vercel/og, resvg-wasm and Prisma's edge client ship
// such imports): the default export is a WebAssembly.Module compiled by the
// host. Production edge runtimes refuse to compile wasm bytes at run time,
// but modules that came with the deployment are allowed; so the bundle
// carries the bytes and hands them to the runtime's WasmModuleID module,
// which compiles them on the host side (webapi/wasm.NewModule) whatever the
// code generation policy.

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// WasmModuleID is the module the runtime's edge require serves for wasm
// imports: its module(base64) returns a WebAssembly.Module.
const WasmModuleID = "edgerun:wasm"

const nsWasmModule = "edgerun-wasm-module"

// wasmModulePlugin resolves `*.wasm?module` imports (edge builds only).
func wasmModulePlugin() api.Plugin {
	return api.Plugin{Name: pluginName + "-wasm", Setup: func(build api.PluginBuild) {
		build.OnResolve(api.OnResolveOptions{Filter: `\.wasm\?module$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			spec := strings.TrimSuffix(args.Path, "?module")
			if filepath.IsAbs(spec) || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") {
				return api.OnResolveResult{Path: filepath.Join(args.ResolveDir, spec), Namespace: nsWasmModule}, nil
			}
			// A package path (pkg/x.wasm?module): resolve it like any import.
			r := build.Resolve(spec, api.ResolveOptions{ResolveDir: args.ResolveDir, Kind: args.Kind, Importer: args.Importer})
			if len(r.Errors) > 0 {
				return api.OnResolveResult{Errors: r.Errors}, nil
			}
			return api.OnResolveResult{Path: r.Path, Namespace: nsWasmModule}, nil
		})
		build.OnResolve(api.OnResolveOptions{Filter: `^edgerun:wasm$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: WasmModuleID, External: true}, nil
		})
		build.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsWasmModule}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			b, err := os.ReadFile(args.Path)
			if err != nil {
				return api.OnLoadResult{}, fmt.Errorf("bundler: wasm module: %w", err)
			}
			contents := fmt.Sprintf("module.exports = require(%q).module(%q);\n", WasmModuleID, base64.StdEncoding.EncodeToString(b))
			return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS, ResolveDir: filepath.Dir(args.Path), WatchFiles: []string{args.Path}}, nil
		})
	}}
}
