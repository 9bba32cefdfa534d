package server

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/bcrypt"
	"github.com/edgerun/edgerun/webapi/edge"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/nextserver"
	"github.com/edgerun/edgerun/webapi/node"
)

// edgeOptions derives the edge globals' options from the config.
func (s *Server) edgeOptions(p *project) edge.Options {
	env := make(map[string]string, len(p.vars))
	for k, v := range p.vars {
		env[k] = v
	}
	opts := edge.Options{
		Env:     env,
		Console: s.console,
		Fetch: fetch.Options{
			Client:    s.cfg.HTTPClient,
			AllowHost: s.cfg.AllowFetch,
			UserAgent: "Next.js Middleware",
		},
		NextServer: nextserver.Options{BasePath: p.next.BasePath, TrailingSlash: p.next.TrailingSlash, SkipURLNormalize: p.next.SkipProxyURLNormalize},
		AllowEval:  s.cfg.Lenient,
	}
	if p.next.I18n != nil {
		opts.NextServer.Locales = p.next.I18n.Locales
		opts.NextServer.DefaultLocale = p.next.I18n.DefaultLocale
		for _, d := range p.next.I18n.Domains {
			opts.NextServer.Domains = append(opts.NextServer.Domains, nextserver.Domain{Domain: d.Domain, DefaultLocale: d.DefaultLocale, Locales: d.Locales, HTTP: d.HTTP})
		}
	}
	if s.cfg.EdgeProfile == ProfileFull {
		opts.Profile = edge.ProfileFull
	}
	if s.cfg.Lenient {
		opts.OnDynamicCode = s.warnDynamicCode
	}
	return opts
}

// dynamicCodeWarned remembers, per server, the kinds already warned about.
var dynamicCodeWarned sync.Map

type dynamicCodeKey struct {
	s    *Server
	kind string
}

// warnDynamicCode prints next dev's DynamicCodeEvaluationWarning, once per
// kind and server.
func (s *Server) warnDynamicCode(kind string) {
	if _, seen := dynamicCodeWarned.LoadOrStore(dynamicCodeKey{s, kind}, true); seen {
		return
	}
	if kind == "WebAssembly.compile" {
		s.log.Warn("DynamicWasmCodeGenerationWarning: Dynamic WASM code generation (e. g. 'WebAssembly.compile') not allowed in Edge Runtime.\nLearn More: https://nextjs.org/docs/messages/edge-dynamic-code-evaluation")
		return
	}
	s.log.Warn("DynamicCodeEvaluationWarning: Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime\nLearn More: https://nextjs.org/docs/messages/edge-dynamic-code-evaluation")
}

func (s *Server) installEdgeGlobals(iso *runtime.Isolate, p *project) error {
	return edge.Install(iso, s.edgeOptions(p))
}

// installNodeGlobals gives the shared Node isolate Node's Web globals
// (fetch, Request, URL, streams... as Node 20 has them) and the Node shim.
func (s *Server) installNodeGlobals(iso *runtime.Isolate, p *project) error {
	opts := s.edgeOptions(p)
	opts.Profile = edge.ProfileFull
	opts.AllowEval = true
	opts.Fetch.UserAgent = "node"
	edge.InstallWebPlatform(iso, opts, false)
	env := make(map[string]string, len(p.vars)+1)
	for k, v := range p.vars {
		env[k] = v
	}
	env["NEXT_RUNTIME"] = "nodejs" // as next sets it for Node routes
	var roots []string             // nil: the node package's default, the project and the temp dir
	if len(s.cfg.FSRoots) > 0 {
		// WithFSRoots widens the default sandbox; it does not replace it.
		roots = append([]string{p.dir, os.TempDir()}, s.cfg.FSRoots...)
	}
	node.Install(iso, node.Options{Dir: p.dir, Env: env, FSRoots: roots, Stdout: s.cfg.Console, Stderr: s.cfg.Console})
	return nil
}

func (s *Server) requireEdge(iso *runtime.Isolate, id string) (goja.Value, error) {
	if v, ok, err := s.appModule(iso, id); ok {
		return v, err
	}
	return edge.Require(iso, id)
}

func (s *Server) requireNode(iso *runtime.Isolate, id string) (goja.Value, error) {
	switch id {
	case "next/server", "next/server.js":
		return nextserver.Module(iso)
	}
	if v, ok, err := s.appModule(iso, id); ok {
		return v, err
	}
	if bcrypt.IsModule(id) {
		return bcrypt.Require(iso, id)
	}
	if node.IsBuiltin(id) {
		return node.Require(iso, id)
	}
	if filepath.IsAbs(id) {
		return s.requireFile(iso, id)
	}
	return nil, fmt.Errorf("Cannot find module '%s'", id)
}

type fileModuleKey struct{ path string }

// requireFile serves require() of an absolute path that the bundler could
// not see at build time (see bundler.BuildModule, which caches the build).
// The module is instantiated once per isolate, like Node's module cache.
func (s *Server) requireFile(iso *runtime.Isolate, abs string) (goja.Value, error) {
	if v, ok := iso.Value(fileModuleKey{abs}).(goja.Value); ok {
		return v, nil
	}
	b, err := s.current.Load().builder.BuildModule(abs)
	if err != nil {
		return nil, err
	}
	prog, err := goja.Compile(b.Path, b.Code, false)
	if err != nil {
		return nil, err
	}
	exports, err := iso.LoadCommonJS(prog, b.Path, func(id string) (goja.Value, error) { return s.requireNode(iso, id) })
	if err != nil {
		return nil, err
	}
	var v goja.Value = exports
	iso.SetValue(fileModuleKey{abs}, v)
	return v, nil
}
