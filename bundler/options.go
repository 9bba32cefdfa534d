package bundler

import (
	"fmt"
	"os"
	"path/filepath"
)

// Runtime is the runtime a route runs in, as declared by its `config`.
type Runtime string

const (
	// RuntimeNode is the default: NextApiRequest/NextApiResponse and the
	// Node built-ins edgerun provides.
	RuntimeNode Runtime = "nodejs"
	// RuntimeEdge is `runtime: 'edge'` (or 'experimental-edge'): Web APIs
	// only, five `node:` modules, one isolate per request pool.
	RuntimeEdge Runtime = "edge"
)

// Mode selects development or production behaviour; it becomes
// process.env.NODE_ENV in bundles.
type Mode int

const (
	Development Mode = iota // `next dev`: NODE_ENV "development"
	Production              // `next start`: NODE_ENV "production"
)

// NodeEnv returns the process.env.NODE_ENV value for the mode.
func (m Mode) NodeEnv() string {
	if m == Production {
		return "production"
	}
	return "development"
}

// String returns the NODE_ENV spelling.
func (m Mode) String() string { return m.NodeEnv() }

// Options configures a [Builder].
type Options struct {
	// Dir is the absolute project root (where package.json and
	// node_modules live). Bundle paths and source-map sources are relative
	// to it.
	Dir string

	// PagesDir is "pages" or "src/pages", relative to Dir; see [FindPagesDir].
	PagesDir string

	// Mode sets process.env.NODE_ENV.
	Mode Mode

	// Env is next.config's `env`: each key is inlined as a
	// process.env.KEY define in both runtimes, as Next does at build time.
	Env map[string]string

	// AllowEdgeNodeBuiltins reproduces Next's own lenient handling of an
	// unsupported Node built-in imported from an edge route: a warning at
	// build time, and a module that throws "The edge runtime does not
	// support Node.js 'fs' module." when any property is read. The default
	// (false) makes it a build error with the import trace, because
	// production platforms fail on it and users want to know before they
	// deploy (spec §7, top want #1) — except for require()/import() calls
	// inside node_modules, which always get the lenient treatment: packages
	// probe for Node with `try { require('crypto') } catch {}` and work in
	// production as long as they do not use the module.
	AllowEdgeNodeBuiltins bool

	// DisableGoBcrypt bundles bcryptjs from node_modules like any other
	// package instead of leaving its imports (and the native bcrypt
	// package's, in Node routes) to the runtime's Go implementation. The
	// default accelerates them: interpreted bcryptjs takes about a second
	// per hash at cost 4 and minutes at cost 10, past any CPU deadline, and
	// native bcrypt cannot load at all. Hashes are identical either way.
	DisableGoBcrypt bool

	// SplitVendor leaves npm packages out of route bundles (Bundle.Vendor,
	// NodeServer.Vendor list them) for BuildVendor to bundle apart, so
	// that dev edits rebuild and recompile only project code. See
	// vendor.go.
	SplitVendor bool

	// CacheDir, when set, keeps the vendor bundles of split builds there
	// between runs (see vendorcache.go), e.g. <project>/.edgerun/cache.
	CacheDir string
}

// FindPagesDir returns "pages" or "src/pages" for the project at dir,
// using Next's rule: `pages` wins when it exists, otherwise `src/pages`.
// The chosen folder must contain api/, otherwise the returned error wraps
// [ErrNoPagesDir].
func FindPagesDir(dir string) (string, error) {
	for _, cand := range []string{"pages", filepath.Join("src", "pages")} {
		fi, err := os.Stat(filepath.Join(dir, cand))
		if err != nil || !fi.IsDir() {
			continue
		}
		if fi, err := os.Stat(filepath.Join(dir, cand, "api")); err == nil && fi.IsDir() {
			return filepath.ToSlash(cand), nil
		}
		return "", fmt.Errorf("%w: %s has no api/ folder", ErrNoPagesDir, filepath.Join(dir, cand))
	}
	return "", fmt.Errorf("%w: neither %s nor %s exists", ErrNoPagesDir,
		filepath.Join(dir, "pages", "api"), filepath.Join(dir, "src", "pages", "api"))
}
