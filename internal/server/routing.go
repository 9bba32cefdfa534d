package server

// Next's routing order (spec §4; calculateRoutes in
// N:server/lib/router-utils/resolve-routes.ts):
//
//	1 headers()  2 redirects()  3 middleware  4 beforeFiles rewrites
//	5 filesystem (public files, static API routes)  6 afterFiles rewrites
//	7 dynamic API routes  8 fallback rewrites
//
// Every rewrite is a `check` route: when the rewritten path names a public
// file or a route, that serves the request at once; otherwise routing
// carries on with the rewritten path.

import (
	"errors"
	"net/http"
	"strings"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/router"
)

// routing is one request on its way through the steps.
type routing struct {
	s *Server
	p *project
	w http.ResponseWriter
	r *http.Request // its headers are what middleware left

	path     string // the full path being routed, basePath included
	rawQuery string
	// injected is the default locale added to path for matching rules
	// (i18n), "" when the request named its locale or there is no i18n.
	injected string
	// explicitLocale is set when the request path itself starts with a locale.
	explicitLocale bool
}

// resolve routes a request whose path is already canonical.
func (s *Server) resolve(w http.ResponseWriter, r *http.Request, p *project, rawPath, rawQuery string) {
	rt := &routing{s: s, p: p, w: w, r: r, path: rawPath, rawQuery: rawQuery}
	rt.detectLocale()
	cr := p.custom

	// 1. headers(): collected now, applied to whatever answers below except
	// a redirects() response.
	var extra []headerLine
	if len(cr.headers) > 0 {
		extra = cr.headerLines(rt.ruleRequest())
	}
	// 2. redirects().
	if len(cr.redirects) > 0 && rt.redirect() {
		return
	}
	if len(extra) > 0 {
		rt.w = withDefaultHeaders(rt.w, extra)
	}
	// 3. middleware (or proxy).
	if mw := p.middleware; mw != nil {
		if done := s.runMiddleware(rt, mw); done {
			return
		}
	}
	if rt.localisedAPI() {
		s.notFound(rt.w, rt.r)
		return
	}
	// 4. beforeFiles.
	if rt.rewrite(cr.beforeFiles) {
		return
	}
	// 5. filesystem: public files and static routes.
	if p.tableErr != nil {
		s.log.Error(p.tableErr.Error())
		plainError(rt.w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	if rt.check(false) {
		return
	}
	// 6. afterFiles.
	if rt.rewrite(cr.afterFiles) {
		return
	}
	// 7. dynamic routes.
	if rt.check(true) {
		return
	}
	// 8. fallback.
	if rt.rewrite(cr.fallbk) {
		return
	}
	s.notFound(rt.w, rt.r)
}

// detectLocale notes whether the path names a locale and, for rule
// matching, the default locale to inject when it does not.
func (rt *routing) detectLocale() {
	i18n := rt.p.custom.i18n
	if i18n == nil {
		return
	}
	rest, ok := rt.underBasePath(rt.path)
	if !ok {
		return
	}
	seg := strings.TrimPrefix(rest, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	for _, l := range i18n.Locales {
		if strings.EqualFold(seg, l) {
			rt.explicitLocale = true
			return
		}
	}
	rt.injected = i18n.DefaultLocale
}

// rulePath is the path rules match: with i18n, the default locale is
// injected after the basePath when the request named none.
func (rt *routing) rulePath() string {
	if rt.injected == "" {
		return rt.path
	}
	rest, ok := rt.underBasePath(rt.path)
	if !ok {
		return rt.path
	}
	if rest == "/" {
		rest = ""
	}
	return rt.p.next.BasePath + "/" + rt.injected + rest
}

func (rt *routing) ruleRequest() *routeRequest {
	return &routeRequest{r: rt.r, header: rt.r.Header, path: rt.rulePath(), query: parseQueryPairs(rt.rawQuery)}
}

// stripInjectedLocale removes the default locale rules put back in.
func (rt *routing) stripInjectedLocale(p string) string {
	if rt.injected == "" {
		return p
	}
	bp := rt.p.next.BasePath
	prefix := bp + "/" + rt.injected
	switch {
	case p == prefix:
		if bp == "" {
			return "/"
		}
		return bp
	case strings.HasPrefix(p, prefix+"/") || strings.HasPrefix(p, prefix+"?"):
		return bp + p[len(prefix):]
	}
	return p
}

// underBasePath strips the basePath; ok is false outside it.
func (rt *routing) underBasePath(p string) (string, bool) {
	bp := rt.p.next.BasePath
	if bp == "" {
		return p, true
	}
	if p == bp {
		return "/", true
	}
	if strings.HasPrefix(p, bp+"/") {
		return p[len(bp):], true
	}
	return "", false
}

// localisedAPI is Next's checkLocaleApi: API routes are never localised,
// so /fr/api/x is a 404 (spec §3.4).
func (rt *routing) localisedAPI() bool {
	if !rt.explicitLocale {
		return false
	}
	rest, ok := rt.underBasePath(rt.path)
	if !ok {
		return false
	}
	seg := strings.TrimPrefix(rest, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		rest = seg[i:]
	} else {
		rest = "/"
	}
	return rest == "/api" || strings.HasPrefix(rest, "/api/")
}

// redirect applies the first matching redirects() rule.
func (rt *routing) redirect() bool {
	rr := rt.ruleRequest()
	for _, rd := range rt.p.custom.redirects {
		params, ok := rd.match(rr)
		if !ok {
			continue
		}
		d, err := prepareDestination(rd.destination, params, rr.query, false)
		if err != nil {
			rt.s.log.Error("⨯ redirect " + rd.source + ": " + err.Error())
			plainError(rt.w, http.StatusInternalServerError, "Internal Server Error")
			return true
		}
		if !d.external {
			d.path = normalizeRepeated(rt.stripInjectedLocale(d.path))
		}
		writeRedirect(rt.w, rd.status, d.String())
		return true
	}
	return false
}

func normalizeRepeated(p string) string {
	if t, changed := router.NormalizeSlashes(p); changed {
		return t
	}
	return p
}

// rewrite applies the rules of one phase in order; each rewrite is checked
// against the filesystem at once (check: true). It reports whether the
// request was answered.
func (rt *routing) rewrite(rules []*rewriteRoute) bool {
	if len(rules) == 0 {
		return false
	}
	for _, rw := range rules {
		rr := rt.ruleRequest()
		params, ok := rw.match(rr)
		if !ok {
			continue
		}
		d, err := prepareDestination(rw.destination, params, rr.query, true)
		if err != nil {
			rt.s.log.Error("⨯ rewrite " + rw.source + ": " + err.Error())
			plainError(rt.w, http.StatusInternalServerError, "Internal Server Error")
			return true
		}
		if d.external {
			rt.s.proxy(rt.w, rt.r, d.String())
			return true
		}
		rt.path = rt.stripInjectedLocale(d.path)
		rt.rawQuery = encodeQuery(d.query)
		rt.detectLocale()
		if rt.localisedAPI() {
			rt.s.notFound(rt.w, rt.r)
			return true
		}
		if rt.p.tableErr == nil && rt.check(true) {
			return true
		}
	}
	return false
}

// check serves the current path from the filesystem: a public file or a
// static route, and dynamic routes too when dynamic is set. It reports
// whether it answered.
func (rt *routing) check(dynamic bool) bool {
	s, p := rt.s, rt.p
	apiPath, ok := rt.underBasePath(rt.path)
	if !ok {
		return false
	}
	if s.servePublic(rt.w, rt.r, p, apiPath) {
		return true
	}
	m, err := p.table.Match(apiPath)
	if err != nil {
		if errors.Is(err, router.ErrBadEscape) {
			s.errorPage(rt.w, http.StatusBadRequest, "Bad Request")
			return true
		}
		s.errorPage(rt.w, http.StatusInternalServerError, "Internal Server Error")
		return true
	}
	if m == nil || (m.Route.Dynamic() && !dynamic) {
		return false
	}
	s.dispatch(rt.w, rt.r, p, m, rt.path, apiPath, rt.rawQuery)
	return true
}

// writeRedirect answers a redirect the way Next's router does: Location
// as given, the destination as the body, and Refresh for 308.
func writeRedirect(w http.ResponseWriter, status int, target string) {
	h := w.Header()
	h["Location"] = []string{target}
	if status == http.StatusPermanentRedirect {
		h["Refresh"] = []string{"0;url=" + target}
	}
	h["Content-Type"] = nil
	w.WriteHeader(status)
	_, _ = w.Write([]byte(target))
}

// dispatch runs the matched route: its build, then the edge or Node path.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, p *project, m *router.Match, rawPath, apiPath, rawQuery string) {
	rt := p.routes[m.Route.File]
	if err := p.load(rt); err != nil {
		s.routeFailed(w, r, rt, err)
		return
	}
	call := &request{w: w, r: r, p: p, rt: rt, match: m, rawPath: rawPath, apiPath: apiPath, rawQuery: rawQuery}
	if rt.r.App {
		s.serveAppRoute(call)
		return
	}
	if rt.runtime == bundler.RuntimeEdge {
		s.serveEdge(call)
		return
	}
	s.serveNode(call)
}
