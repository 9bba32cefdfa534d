package bundler

// next.config.{js,mjs,ts,mts,cjs} is a program, not data: it may import
// packages, compute values, export a function of the phase, or return a
// promise, and headers()/redirects()/rewrites() are async functions. So it
// is bundled with esbuild like a route (npm imports from node_modules,
// TypeScript erased) and evaluated once in a throwaway goja runtime with a
// minimal `process`, `console` and a `require` for the few Node modules
// configs use (path, url, fs reads). The resolved values are copied into
// a plain Go struct so nothing JS-side outlives the load.

import (
	"fmt"
	"os"
	"path/filepath"
)

// Phases, as exported by next/constants.
const (
	PhaseExport            = "phase-export"
	PhaseProductionBuild   = "phase-production-build"
	PhaseProductionServer  = "phase-production-server"
	PhaseDevelopmentServer = "phase-development-server"
	PhaseTest              = "phase-test"
	PhaseInfo              = "phase-info"
)

// nextConfigFiles is the lookup order (Next's CONFIG_FILES, plus .cjs and
// .mts which Node and Next's TS loader also accept).
var nextConfigFiles = []string{"next.config.js", "next.config.mjs", "next.config.ts", "next.config.mts", "next.config.cjs"}

// NextConfig holds the next.config options that affect API routes
// (spec §5). Route rules are kept as written: applying basePath and i18n
// prefixes is the router's job.
type NextConfig struct {
	// File is the config file name relative to the project ("" when the
	// project has none and defaults apply).
	File string

	BasePath                  string
	TrailingSlash             bool
	SkipTrailingSlashRedirect bool
	// SkipProxyURLNormalize is skipProxyUrlNormalize (formerly
	// skipMiddlewareUrlNormalize).
	SkipProxyURLNormalize bool
	// PageExtensions defaults to tsx, ts, jsx, js.
	PageExtensions []string
	// Env is `env`, values converted to strings (Next inlines numbers and
	// booleans as such; as process.env values they read back as strings).
	Env             map[string]string
	Compress        bool // default true
	PoweredByHeader bool // default true
	GenerateEtags   bool // default true (pages only; API res.send always sets ETag)
	I18n            *I18n

	Headers   []HeaderRule
	Redirects []Redirect
	Rewrites  Rewrites

	// ProxyClientMaxBodySize is experimental.proxyClientMaxBodySize (old
	// name middlewareClientMaxBodySize): the cap on edge/middleware request
	// bodies, default 10 MB.
	ProxyClientMaxBodySize int64
	// TrustHostHeader is experimental.trustHostHeader.
	TrustHostHeader bool
	// CaseSensitiveRoutes is experimental.caseSensitiveRoutes (custom
	// routes only).
	CaseSensitiveRoutes bool

	// Warnings are Next's "Invalid next.config.js options detected"
	// findings: Next warns and carries on, and so does LoadNextConfig.
	Warnings []Message
}

// I18n is the `i18n` option; API routes are never localised, but rules
// and middleware matchers get locale prefixes.
type I18n struct {
	Locales         []string
	DefaultLocale   string
	Domains         []I18nDomain
	LocaleDetection bool // default true
}

// I18nDomain is one entry of i18n.domains.
type I18nDomain struct {
	Domain        string
	DefaultLocale string
	Locales       []string
	HTTP          bool
}

// RouteHas is one `has`/`missing` condition.
type RouteHas struct {
	Type  string // "header", "cookie", "query" or "host"
	Key   string // empty for "host"
	Value string // empty = any value
	// HasValue distinguishes `value: ""` from no value.
	HasValue bool
}

// Header is one header of a HeaderRule.
type Header struct{ Key, Value string }

// HeaderRule is one entry returned by headers().
type HeaderRule struct {
	Source   string
	Headers  []Header
	BasePath *bool // nil or false
	Locale   *bool // nil or false
	Has      []RouteHas
	Missing  []RouteHas
}

// Redirect is one entry returned by redirects().
type Redirect struct {
	Source      string
	Destination string
	Permanent   bool
	StatusCode  int // 0 when not given
	BasePath    *bool
	Locale      *bool
	Has         []RouteHas
	Missing     []RouteHas
}

// Status is the response status: StatusCode when given, else 308 for
// permanent and 307 otherwise (N:lib/redirect-status.ts).
func (r Redirect) Status() int {
	switch {
	case r.StatusCode != 0:
		return r.StatusCode
	case r.Permanent:
		return 308
	}
	return 307
}

// Rewrite is one rewrite rule.
type Rewrite struct {
	Source      string
	Destination string
	BasePath    *bool
	Locale      *bool
	Has         []RouteHas
	Missing     []RouteHas
}

// Rewrites are the three rewrite phases; an array returned by rewrites()
// is AfterFiles.
type Rewrites struct {
	BeforeFiles, AfterFiles, Fallback []Rewrite
}

// defaultProxyClientMaxBodySize is Next's 10 MB.
const defaultProxyClientMaxBodySize = 10 * 1024 * 1024

// DefaultNextConfig is the configuration of a project without next.config.
func DefaultNextConfig() *NextConfig {
	return &NextConfig{
		PageExtensions:         []string{"tsx", "ts", "jsx", "js"},
		Env:                    map[string]string{},
		Compress:               true,
		PoweredByHeader:        true,
		GenerateEtags:          true,
		ProxyClientMaxBodySize: defaultProxyClientMaxBodySize,
	}
}

// FindNextConfig returns the project's config file name, or "" if none.
func FindNextConfig(dir string) string {
	for _, name := range nextConfigFiles {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Mode().IsRegular() {
			return name
		}
	}
	return ""
}

// LoadNextConfig finds, bundles and evaluates the project's next.config
// for phase (one of the Phase constants), with env as process.env (pass
// [Env.Vars]; NODE_ENV defaults from the phase when absent). Supported
// shapes: `module.exports = {...}`, `export default {...}`, a function
// `(phase, { defaultConfig }) => config`, and a promise of either;
// headers(), redirects() and rewrites() are called and awaited.
//
// A project without next.config gets [DefaultNextConfig] and no error.
// Failures are *Error values: esbuild errors with locations, JavaScript
// exceptions with their stack, and Next's validation messages (e.g.
// `Specified basePath has to start with a /, found "docs"`).
func LoadNextConfig(dir string, phase string, env map[string]string) (*NextConfig, error) {
	name := FindNextConfig(dir)
	if name == "" {
		return DefaultNextConfig(), nil
	}
	code, err := bundleNextConfig(dir, name)
	if err != nil {
		return nil, err
	}
	ev, err := newConfigEval(dir, name, phase, env)
	if err != nil {
		return nil, err
	}
	return ev.load(code)
}

// configError is a one-message *Error about the config file.
func configError(file, format string, args ...any) *Error {
	return &Error{Messages: []Message{{Text: fmt.Sprintf(format, args...), File: file}}}
}
