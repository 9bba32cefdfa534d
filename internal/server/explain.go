package server

// Explain walks a request path through Next's routing steps without
// running anything, for `edgerun routes --match` (spec §7, top want #7:
// show which route, matcher or rewrite matched and why).

import (
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/edgerun/edgerun/router"
)

// RoutingStep is one line of an explanation.
type RoutingStep struct {
	Step   string // "headers", "redirects", "middleware", "beforeFiles", "filesystem", "afterFiles", "dynamic", "fallback", "result"
	Detail string
}

func (s RoutingStep) String() string { return fmt.Sprintf("%-11s %s", s.Step, s.Detail) }

// Explain describes how a GET of target (a path with an optional query)
// is routed: headers() and redirects() that match, whether the
// middleware runs (its result is only known at run time, so routing is
// followed as if it called next()), the rewrites applied, and the route
// that answers. The last step is the final path, for router.Table.Explain.
func (s *Server) Explain(target string) ([]RoutingStep, string) {
	p := s.current.Load()
	rawPath, rawQuery, _ := strings.Cut(target, "?")
	var out []RoutingStep
	add := func(step, format string, args ...any) {
		out = append(out, RoutingStep{step, fmt.Sprintf(format, args...)})
	}
	if t, redirect := router.Canonicalize(rawPath, p.next.TrailingSlash); redirect && !p.next.SkipTrailingSlashRedirect {
		add("redirects", "308 to %s (trailing slash / repeated slashes)", t)
		return out, ""
	}
	r, _ := http.NewRequest(http.MethodGet, "http://"+s.cfg.Hostname+target, nil)
	if r == nil {
		add("result", "400: %q is not a valid request target", target)
		return out, ""
	}
	rt := &routing{s: s, p: p, r: r, path: rawPath, rawQuery: rawQuery}
	rt.detectLocale()
	rr := rt.ruleRequest()
	for _, h := range p.custom.headers {
		if _, ok := h.match(rr); ok {
			add("headers", "%s adds %d header(s)", h.source, len(h.headers))
		}
	}
	for _, rd := range p.custom.redirects {
		if params, ok := rd.match(rr); ok {
			d, err := prepareDestination(rd.destination, params, rr.query, false)
			if err != nil {
				add("redirects", "%s matches but its destination fails: %v", rd.source, err)
				return out, ""
			}
			add("redirects", "%s → %d to %s", rd.source, rd.status, d.String())
			return out, ""
		}
	}
	if mw := p.middleware; mw != nil {
		if mw.matches(rt) {
			add("middleware", "%s runs (it may answer, redirect or rewrite; continuing as if it called next())", mw.file)
		} else {
			add("middleware", "%s does not run: no matcher matches", mw.file)
		}
	}
	if rt.localisedAPI() {
		add("result", "404: API routes are not localised")
		return out, ""
	}
	// check is routing.check without serving: a public file or a route.
	check := func(dynamic bool, step string) (bool, string) {
		apiPath, ok := rt.underBasePath(rt.path)
		if !ok {
			return false, ""
		}
		if p.hasPublic && p.publicFile(apiPath) {
			add("result", "public file public%s", apiPath)
			return true, ""
		}
		if p.table == nil {
			return false, ""
		}
		m, err := p.table.Match(apiPath)
		if err != nil {
			add("result", "%s: %v", step, err)
			return true, apiPath
		}
		if m == nil || (m.Route.Dynamic() && !dynamic) {
			return false, ""
		}
		q := ""
		if rt.rawQuery != "" {
			q = " with query " + rt.rawQuery
		}
		add("result", "%s: %s (%s)%s", step, m.Route.Page, path.Join(p.pagesDir, m.Route.File), q)
		return true, apiPath
	}
	phase := func(name string, rules []*rewriteRoute) (bool, string) {
		for _, rw := range rules {
			rr := rt.ruleRequest()
			params, ok := rw.match(rr)
			if !ok {
				continue
			}
			d, err := prepareDestination(rw.destination, params, rr.query, true)
			if err != nil {
				add(name, "%s matches but its destination fails: %v", rw.source, err)
				return true, ""
			}
			if d.external {
				add(name, "%s → proxied to %s", rw.source, d.String())
				return true, ""
			}
			rt.path, rt.rawQuery = rt.stripInjectedLocale(d.path), encodeQuery(d.query)
			rt.detectLocale()
			add(name, "%s → %s", rw.source, d.String())
			if p.tableErr == nil {
				if found, final := check(true, name); found {
					return true, final
				}
			}
		}
		return false, ""
	}
	if done, final := phase("beforeFiles", p.custom.beforeFiles); done {
		return out, final
	}
	if p.tableErr != nil {
		add("result", "500: %v", p.tableErr)
		return out, ""
	}
	for _, step := range []struct {
		name    string
		rules   []*rewriteRoute
		dynamic bool
	}{{"filesystem", nil, false}, {"afterFiles", p.custom.afterFiles, false}, {"dynamic", nil, true}, {"fallback", p.custom.fallbk, false}} {
		var done bool
		var final string
		if step.rules != nil {
			done, final = phase(step.name, step.rules)
		} else {
			done, final = check(step.dynamic, step.name)
		}
		if done {
			return out, final
		}
	}
	add("result", "404: nothing serves %s", rt.path)
	apiPath, _ := rt.underBasePath(rt.path)
	return out, apiPath
}

// publicFile reports whether public/ has a file at apiPath.
func (p *project) publicFile(apiPath string) bool {
	if (strings.HasPrefix(apiPath, "/api/") || apiPath == "/api") && !p.hasPublicAPI {
		return false
	}
	clean := path.Clean("/" + apiPath)
	st, err := os.Stat(filepath.Join(p.dir, "public", filepath.FromSlash(clean)))
	return err == nil && !st.IsDir()
}
