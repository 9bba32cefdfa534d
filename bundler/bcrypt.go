package bundler

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Password hashing in JavaScript is the one npm workload goja cannot
// carry: bcryptjs needs about a second per hash at cost 4 there, minutes
// at the usual cost 10, so every route that hashes or checks a password
// would hit its CPU deadline. And the native `bcrypt` package cannot load
// at all (it is a C addon). So imports of both resolve to module ids the
// runtime serves from Go (webapi/bcrypt), with each library's exact API,
// messages and hashes. Only imports that resolve to the installed
// package's entry file are redirected: when the package is not installed
// the build fails as Next's would, a project that aliases one name to the
// other gets the library it installed (the package.json name decides), and
// unusual subpaths are bundled as usual. bcryptjs is redirected in both
// runtimes (it is pure JavaScript and works on Next's edge runtime);
// native bcrypt only in Node routes, because it cannot run on the edge in
// production either. Options.DisableGoBcrypt turns this off.

// Module ids of the Go implementations (webapi/bcrypt.BcryptJSModuleID
// and friends, kept equal by its tests).
const (
	// BcryptJSModule serves bcryptjs 3.x (and any later major).
	BcryptJSModule = "edgerun:bcryptjs"
	// BcryptJS2Module serves bcryptjs 2.x, whose salts are $2a$.
	BcryptJS2Module = "edgerun:bcryptjs@2"
	// BcryptModule serves the native bcrypt package's API.
	BcryptModule = "edgerun:bcrypt"
)

const bcryptFilter = `^bcrypt(js)?(/.*)?$`

// bcryptEntries are the files an import of each package may resolve to
// and still be the library's public API (main, browser, exports targets).
var bcryptEntries = map[string]map[string]bool{
	"bcryptjs": {"index.js": true, "dist/bcrypt.js": true, "dist/bcrypt.min.js": true, "umd/index.js": true},
	"bcrypt":   {"bcrypt.js": true},
}

func bcryptOnResolve(build api.PluginBuild, pc pluginConfig) func(api.OnResolveArgs) (api.OnResolveResult, error) {
	return func(args api.OnResolveArgs) (api.OnResolveResult, error) {
		// The probe asks esbuild's own resolver where the package is; it is
		// marked as a polyfillProbe because every plugin callback already
		// leaves those to esbuild.
		if _, probing := args.PluginData.(polyfillProbe); probing {
			return api.OnResolveResult{}, nil
		}
		r := build.Resolve(args.Path, api.ResolveOptions{
			Importer: args.Importer, ResolveDir: args.ResolveDir, Kind: args.Kind,
			Namespace: args.Namespace, PluginData: polyfillProbe{},
		})
		if len(r.Errors) > 0 || r.Path == "" || r.External || r.Namespace != "file" {
			return api.OnResolveResult{}, nil // esbuild reports or resolves it as usual
		}
		if id := bcryptModuleFor(r.Path, pc.runtime); id != "" {
			return api.OnResolveResult{Path: id, External: true}, nil
		}
		return api.OnResolveResult{}, nil
	}
}

// bcryptModuleFor returns the Go module id for a resolved file, or "" if
// it is not the entry file of an installed bcryptjs or bcrypt package.
func bcryptModuleFor(file string, rt Runtime) string {
	slash := filepath.ToSlash(file)
	const nm = "/node_modules/"
	i := strings.LastIndex(slash, nm)
	if i < 0 {
		return ""
	}
	name, sub, ok := strings.Cut(slash[i+len(nm):], "/")
	if !ok {
		return ""
	}
	pkg := readPackageJSON(path.Join(slash[:i+len(nm)], name, "package.json"))
	if !bcryptEntries[pkg.Name][sub] {
		return ""
	}
	switch pkg.Name {
	case "bcryptjs":
		if major(pkg.Version) <= 2 {
			return BcryptJS2Module
		}
		return BcryptJSModule
	case "bcrypt":
		if rt == RuntimeEdge {
			return ""
		}
		return BcryptModule
	}
	return ""
}

type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func readPackageJSON(file string) packageJSON {
	var pj packageJSON
	if b, err := os.ReadFile(filepath.FromSlash(file)); err == nil {
		_ = json.Unmarshal(b, &pj)
	}
	return pj
}

// major is a semver's major number; an unreadable version counts as the
// newest.
func major(v string) int {
	m, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	n, err := strconv.Atoi(m)
	if err != nil {
		return int(^uint(0) >> 1)
	}
	return n
}
