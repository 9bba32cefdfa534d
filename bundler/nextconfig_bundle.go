package bundler

import (
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"
)

// nextConstantsModule is next/constants as far as configs use it.
var nextConstantsModule = fmt.Sprintf(`module.exports = {
  PHASE_EXPORT: %q,
  PHASE_PRODUCTION_BUILD: %q,
  PHASE_PRODUCTION_SERVER: %q,
  PHASE_DEVELOPMENT_SERVER: %q,
  PHASE_TEST: %q,
  PHASE_INFO: %q,
};
`, PhaseExport, PhaseProductionBuild, PhaseProductionServer, PhaseDevelopmentServer, PhaseTest, PhaseInfo)

// nextConfigPlugin serves `next` (types) and next/constants, and rejects
// other next/* modules: Next.js is not installed, and a config that
// imports its internals cannot be evaluated faithfully.
func nextConfigPlugin(file string) api.Plugin {
	return api.Plugin{Name: pluginName, Setup: func(build api.PluginBuild) {
		build.OnResolve(api.OnResolveOptions{Filter: `^next(/.*)?$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			switch args.Path {
			case "next", "next/constants", "next/constants.js", "next/dist/shared/lib/constants", "next/dist/shared/lib/constants.js":
				return api.OnResolveResult{Path: args.Path, Namespace: nsNext}, nil
			}
			return api.OnResolveResult{Errors: []api.Message{{
				Text: fmt.Sprintf("edgerun: %s: %q is not supported (Next.js itself is not loaded)", file, args.Path),
			}}}, nil
		})
		build.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsNext}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			contents := "module.exports = {};\n"
			if args.Path != "next" {
				contents = nextConstantsModule
			}
			return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS}, nil
		})
	}}
}

// bundleNextConfig bundles the config file into a CommonJS function
// expression like a Node route's.
func bundleNextConfig(dir, name string) (string, error) {
	abs := filepath.Join(dir, name)
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{name},
		AbsWorkingDir:     dir,
		Outfile:           filepath.Join(dir, name+".edgerun.js"),
		Bundle:            true,
		Write:             false,
		Format:            api.FormatCommonJS,
		Platform:          api.PlatformNode, // built-ins external, Node resolution
		Target:            jsTarget,
		Supported:         gojaSupported,
		ResolveExtensions: resolveExtensions,
		Loader:            loaders,
		Sourcemap:         api.SourceMapInline,
		SourcesContent:    api.SourcesContentExclude,
		LegalComments:     api.LegalCommentsNone,
		// ESM configs compute __dirname from import.meta.url.
		Define:   map[string]string{"import.meta.url": jsonString((&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String())},
		Banner:   map[string]string{"js": nodeBanner},
		Footer:   map[string]string{"js": footer},
		LogLevel: api.LogLevelSilent,
		Plugins:  []api.Plugin{nextConfigPlugin(name)},
	})
	if len(res.Errors) > 0 {
		return "", &Error{Messages: fromESBuild(res.Errors, dir)}
	}
	if len(res.OutputFiles) != 1 {
		return "", configError(name, "edgerun: bundling %s produced %d files", name, len(res.OutputFiles))
	}
	return string(res.OutputFiles[0].Contents), nil
}
