package server

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
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
		NextServer: nextserver.Options{BasePath: p.next.BasePath, BuildID: s.buildID()},
		AllowEval:  s.cfg.Lenient,
	}
	if p.next.I18n != nil {
		opts.NextServer.Locales = p.next.I18n.Locales
		opts.NextServer.DefaultLocale = p.next.I18n.DefaultLocale
	}
	if s.cfg.EdgeProfile == ProfileFull {
		opts.Profile = edge.ProfileFull
	}
	if s.cfg.Lenient {
		opts.OnDynamicCode = s.warnDynamicCode
	}
	return opts
}

func (s *Server) buildID() string {
	if s.cfg.Mode == Development {
		return ""
	}
	if s.cfg.BuildID != "" {
		return s.cfg.BuildID
	}
	return "edgerun"
}

var dynamicCodeWarned sync.Map

// warnDynamicCode prints next dev's DynamicCodeEvaluationWarning, once per kind.
func (s *Server) warnDynamicCode(kind string) {
	if _, seen := dynamicCodeWarned.LoadOrStore(kind, true); seen {
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
	node.Install(iso, node.Options{Dir: p.dir, Env: p.vars, FSRoots: s.cfg.FSRoots, Stdout: s.cfg.Console, Stderr: s.cfg.Console})
	return nil
}

func (s *Server) requireEdge(iso *runtime.Isolate, id string) (goja.Value, error) {
	return edge.Require(iso, id)
}

func (s *Server) requireNode(iso *runtime.Isolate, id string) (goja.Value, error) {
	switch id {
	case "next/server", "next/server.js":
		return nextserver.Module(iso)
	}
	if node.IsBuiltin(id) {
		return node.Require(iso, id)
	}
	return nil, fmt.Errorf("Cannot find module '%s'", id)
}
