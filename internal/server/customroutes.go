package server

// next.config's headers(), redirects() and rewrites() (spec §4, §5),
// compiled once per project generation the way Next's buildCustomRoute
// does (N:lib/load-custom-routes.ts, N:server/lib/router-utils/filesystem.ts):
// sources get the basePath and, with i18n, a locale prefix; they match
// strictly (no trailing-slash slack in path-to-regexp) but the regex is
// then modified to accept one trailing slash, and redirect sources never
// match /_next. Destinations are filled in by prepareDestination's rules
// (N:shared/lib/router/utils/prepare-destination.ts).

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/dlclark/regexp2/v2"

	"github.com/edgerun/edgerun/bundler"
)

// customRoutes are one project's compiled rules.
type customRoutes struct {
	headers                         []*headerRoute
	redirects                       []*redirectRoute
	beforeFiles, afterFiles, fallbk []*rewriteRoute
	basePath                        string
	i18n                            *bundler.I18n
}

// ruleMatch is what every rule kind shares: a compiled source and its
// has/missing conditions.
type ruleMatch struct {
	source  string // as written in next.config
	pattern *pathPattern
	locale  bool // the source carries the :nextInternalLocale prefix
	has     []hasCondition
	missing []hasCondition
}

// hasCondition is one `has`/`missing` item; value is a JS regex anchored
// as `^${value}$`, nil for "any value".
type hasCondition struct {
	typ   string
	key   string
	value *regexp2.Regexp
}

type headerRoute struct {
	ruleMatch
	headers []bundler.Header
}

type redirectRoute struct {
	ruleMatch
	destination string
	status      int
}

type rewriteRoute struct {
	ruleMatch
	destination string
}

// compileCustomRoutes compiles next.config's rules. A source that does not
// parse is an error, as it fails `next dev` at startup.
func compileCustomRoutes(cfg *bundler.NextConfig) (*customRoutes, error) {
	cr := &customRoutes{basePath: cfg.BasePath, i18n: cfg.I18n}
	if cr.i18n != nil && len(cr.i18n.Locales) == 0 {
		cr.i18n = nil
	}
	opts := ruleOptions{basePath: cfg.BasePath, i18n: cr.i18n, sensitive: cfg.CaseSensitiveRoutes}
	for _, h := range cfg.Headers {
		m, err := opts.compile("header", h.Source, h.BasePath, h.Locale, h.Has, h.Missing)
		if err != nil {
			return nil, err
		}
		cr.headers = append(cr.headers, &headerRoute{ruleMatch: *m, headers: h.Headers})
	}
	for _, r := range cfg.Redirects {
		m, err := opts.compile("redirect", r.Source, r.BasePath, r.Locale, r.Has, r.Missing)
		if err != nil {
			return nil, err
		}
		cr.redirects = append(cr.redirects, &redirectRoute{ruleMatch: *m, status: r.Status(),
			destination: opts.destination(r.Destination, r.BasePath, m.locale)})
	}
	for _, phase := range []struct {
		rules []bundler.Rewrite
		dst   *[]*rewriteRoute
	}{{cfg.Rewrites.BeforeFiles, &cr.beforeFiles}, {cfg.Rewrites.AfterFiles, &cr.afterFiles}, {cfg.Rewrites.Fallback, &cr.fallbk}} {
		for _, r := range phase.rules {
			m, err := opts.compile("rewrite", r.Source, r.BasePath, r.Locale, r.Has, r.Missing)
			if err != nil {
				return nil, err
			}
			*phase.dst = append(*phase.dst, &rewriteRoute{ruleMatch: *m,
				destination: opts.destination(r.Destination, r.BasePath, m.locale)})
		}
	}
	return cr, nil
}

// ruleOptions are the config-wide settings that shape each rule.
type ruleOptions struct {
	basePath  string
	i18n      *bundler.I18n
	sensitive bool
}

// compile builds one rule's matcher (buildCustomRoute + processRoutes).
func (o ruleOptions) compile(kind, source string, basePath, locale *bool, has, missing []bundler.RouteHas) (*ruleMatch, error) {
	src := source
	withLocale := o.i18n != nil && (locale == nil || *locale)
	if withLocale {
		// processRoutes: `/:nextInternalLocale(en|fr)${source}` (the root
		// source becomes the bare locale).
		alts := make([]string, len(o.i18n.Locales))
		for i, l := range o.i18n.Locales {
			alts[i] = regexp.QuoteMeta(l)
		}
		rest := src
		if rest == "/" {
			rest = ""
		}
		src = "/:nextInternalLocale(" + strings.Join(alts, "|") + ")" + rest
	}
	if o.basePath != "" && (basePath == nil || *basePath) {
		if src == "/" {
			src = o.basePath
		} else {
			src = o.basePath + src
		}
	}
	tokens, err := parsePattern(src, "/")
	if err != nil {
		return nil, fmt.Errorf("server: next.config: invalid %s source %q: %w", kind, source, err)
	}
	regex := tokensToRegexp(tokens, patternOptions{Strict: true})
	// modifyRouteRegex: redirects never apply to /_next, and every rule
	// tolerates one trailing slash.
	if kind == "redirect" {
		restricted := "/_next"
		if o.basePath != "" {
			restricted = o.basePath + restricted
		}
		regex = strings.Replace(regex, "^", `^(?!`+strings.ReplaceAll(restricted, "/", `\/`)+`)`, 1)
	}
	regex = strings.TrimSuffix(regex, "$") + `(?:\/)?$`
	re, err := compileJSRegexp(regex, !o.sensitive)
	if err != nil {
		return nil, fmt.Errorf("server: next.config: invalid %s source %q: %w", kind, source, err)
	}
	p := &pathPattern{source: src, tokens: tokens, regex: regex, re: re}
	for _, t := range tokens {
		if t.isParam() {
			p.params = append(p.params, t)
		}
	}
	m := &ruleMatch{source: source, pattern: p, locale: withLocale}
	if m.has, err = compileHas(has); err != nil {
		return nil, fmt.Errorf("server: next.config: %s %q: %w", kind, source, err)
	}
	if m.missing, err = compileHas(missing); err != nil {
		return nil, fmt.Errorf("server: next.config: %s %q: %w", kind, source, err)
	}
	return m, nil
}

// destination applies processRoutes to a destination: relative ones get
// the basePath (unless basePath: false) and the locale parameter.
func (o ruleOptions) destination(dest string, basePath *bool, locale bool) string {
	if !strings.HasPrefix(dest, "/") {
		return dest
	}
	if locale {
		if dest == "/" {
			dest = "/:nextInternalLocale"
		} else {
			dest = "/:nextInternalLocale" + dest
		}
	}
	if o.basePath != "" && (basePath == nil || *basePath) {
		if dest == "/" {
			dest = o.basePath
		} else {
			dest = o.basePath + dest
		}
	}
	return dest
}

func compileHas(list []bundler.RouteHas) ([]hasCondition, error) {
	var out []hasCondition
	for _, h := range list {
		c := hasCondition{typ: h.Type, key: h.Key}
		if h.Value != "" {
			re, err := compileJSRegexp("^"+h.Value+"$", false)
			if err != nil {
				return nil, fmt.Errorf("invalid %s value %q: %w", h.Type, h.Value, err)
			}
			c.value = re
		}
		out = append(out, c)
	}
	return out, nil
}

// routeRequest is what rules match against: the path being routed (basePath
// and locale included, as Next matches) and the request it came with.
type routeRequest struct {
	r      *http.Request
	header http.Header // the request headers as routing sees them
	path   string
	query  [][2]string // the current query, in order
}

func (rr *routeRequest) queryValue(key string) (string, bool) {
	v, ok := "", false
	for _, kv := range rr.query {
		if kv[0] == key {
			v, ok = kv[1], true // the last value, as Next reads arrays
		}
	}
	return v, ok
}

// match matches the rule against the request: path params (unnamed
// groups removed, as removeUnnamedParams does) plus named captures of
// `has` values.
func (m *ruleMatch) match(rr *routeRequest) (routeParams, bool) {
	params, ok := m.pattern.match(rr.path)
	if !ok {
		return nil, false
	}
	for name := range params {
		if name != "" && name[0] >= '0' && name[0] <= '9' {
			delete(params, name)
		}
	}
	if len(m.has) == 0 && len(m.missing) == 0 {
		return params, true
	}
	hasParams, ok := matchHas(rr, m.has, m.missing)
	if !ok {
		return nil, false
	}
	for k, v := range hasParams {
		params[k] = v
	}
	return params, true
}

// matchHas is Next's matchHas (N:shared/lib/router/utils/prepare-destination.ts).
func matchHas(rr *routeRequest, has, missing []hasCondition) (routeParams, bool) {
	params := routeParams{}
	check := func(c hasCondition) bool {
		var value string
		var present bool
		key := c.key
		switch c.typ {
		case "header":
			vals := rr.header.Values(key)
			value, present = strings.Join(vals, ", "), len(vals) > 0
		case "cookie":
			if ck, err := (&http.Request{Header: rr.header}).Cookie(key); err == nil {
				value, present = ck.Value, true
			}
		case "query":
			value, present = rr.queryValue(key)
		case "host":
			host := rr.r.Host
			if i := strings.IndexByte(host, ':'); i >= 0 {
				host = host[:i]
			}
			value, present = strings.ToLower(host), host != ""
		}
		if c.value == nil {
			if present && value != "" {
				params[safeParamName(key)] = paramValue{values: []string{value}}
				return true
			}
			return false
		}
		if !present || value == "" {
			return false
		}
		mt, err := c.value.FindStringMatch(value)
		if err != nil || mt == nil {
			return false
		}
		named := false
		for _, g := range mt.Groups() {
			if g.Name != "" && (g.Name[0] < '0' || g.Name[0] > '9') {
				named = true
				if len(g.Captures) > 0 {
					params[g.Name] = paramValue{values: []string{g.String()}}
				}
			}
		}
		if !named && c.typ == "host" && mt.String() != "" {
			params["host"] = paramValue{values: []string{mt.String()}}
		}
		return true
	}
	for _, c := range has {
		if !check(c) {
			return nil, false
		}
	}
	for _, c := range missing {
		if check(c) {
			return nil, false
		}
	}
	return params, true
}

// safeParamName keeps the letters of a has key ("x-user" → "xuser"), as
// getSafeParamName does.
func safeParamName(key string) string {
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// headerLines returns the headers of every matching headers() rule; a
// later rule's value replaces an earlier one's, set-cookie accumulates.
func (cr *customRoutes) headerLines(rr *routeRequest) []headerLine {
	var out []headerLine
	for _, h := range cr.headers {
		params, ok := h.match(rr)
		if !ok {
			continue
		}
		for _, kv := range h.headers {
			key, value := kv.Key, kv.Value
			if len(params) > 0 {
				key, value = compileNonPath(key, params), compileNonPath(value, params)
			}
			if !strings.EqualFold(key, "set-cookie") {
				out = slicesDeleteFunc(out, func(l headerLine) bool { return strings.EqualFold(l.name, key) })
			}
			out = append(out, headerLine{key, value})
		}
	}
	return out
}

func slicesDeleteFunc(s []headerLine, del func(headerLine) bool) []headerLine {
	out := s[:0]
	for _, l := range s {
		if !del(l) {
			out = append(out, l)
		}
	}
	return out
}

// compileNonPath replaces `:name` in a header value, host or query value
// with the parameter (longest names first so `:id` does not eat `:idx`).
func compileNonPath(value string, params routeParams) string {
	if !strings.Contains(value, ":") {
		return value
	}
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	for _, k := range names {
		value = strings.ReplaceAll(value, ":"+k, params[k].String())
	}
	return value
}

// destination is a filled-in rule destination.
type destination struct {
	external bool   // an absolute http(s) URL: proxied (rewrite) or sent as is (redirect)
	path     string // the path (external: the whole URL without query)
	query    [][2]string
}

// String renders the destination with its query.
func (d destination) String() string {
	if len(d.query) == 0 {
		return d.path
	}
	return d.path + "?" + encodeQuery(d.query)
}

// prepareDestination fills dest with params and merges the request query
// (destination keys win). For rewrites, params the destination path does
// not use are appended to the query when it uses none of them.
func prepareDestination(dest string, params routeParams, query [][2]string, appendParams bool) (destination, error) {
	var d destination
	raw, rawQuery, _ := strings.Cut(dest, "?")
	if i := strings.IndexByte(rawQuery, '#'); i >= 0 {
		rawQuery = rawQuery[:i]
	}
	prefix := ""
	pathPart := raw
	if scheme, rest, ok := strings.Cut(raw, "://"); ok && (scheme == "http" || scheme == "https") {
		// The host may hold params (https://:sub.example.com), which
		// url.Parse would take for a port: fill them in first.
		d.external = true
		host, p, _ := strings.Cut(rest, "/")
		host = compileNonPath(host, params)
		if _, err := url.Parse(scheme + "://" + host); err != nil {
			return d, fmt.Errorf("server: invalid destination %q: %w", dest, err)
		}
		prefix = scheme + "://" + host
		pathPart = "/" + p
		if p == "" {
			pathPart = ""
		}
	}
	pat, err := compilePattern(pathPart, patternOptions{Strict: true})
	if err != nil {
		return d, fmt.Errorf("server: invalid destination %q: %w", dest, err)
	}
	p, err := pat.compile(params)
	if err != nil {
		return d, err
	}
	d.path = prefix + p
	var destQuery [][2]string
	for _, kv := range parseQueryPairs(rawQuery) {
		destQuery = append(destQuery, [2]string{kv[0], compileNonPath(kv[1], params)})
	}
	inDest := map[string]bool{}
	for _, kv := range destQuery {
		inDest[kv[0]] = true
	}
	if appendParams {
		usesParam := false
		for name := range params {
			if name != "nextInternalLocale" && pat.hasParam(name) {
				usesParam = true
			}
		}
		if !usesParam {
			names := make([]string, 0, len(params))
			for name := range params {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				if name == "nextInternalLocale" || inDest[name] {
					continue
				}
				for _, v := range params[name].values {
					destQuery = append(destQuery, [2]string{name, v})
				}
				inDest[name] = true
			}
		}
	}
	for _, kv := range query {
		if !inDest[kv[0]] {
			d.query = append(d.query, kv)
		}
	}
	d.query = append(d.query, destQuery...)
	return d, nil
}

// parseQueryPairs splits a raw query into decoded pairs, leniently (a bad
// escape keeps its text), in order.
func parseQueryPairs(raw string) [][2]string {
	var out [][2]string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		out = append(out, [2]string{unescapeQuery(k), unescapeQuery(v)})
	}
	return out
}

func unescapeQuery(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// encodeQuery serialises pairs as querystring.stringify does.
func encodeQuery(pairs [][2]string) string {
	var b strings.Builder
	for i, kv := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(queryEscape(kv[0]))
		b.WriteByte('=')
		b.WriteString(queryEscape(kv[1]))
	}
	return b.String()
}

// queryEscape is encodeURIComponent (Node's querystring.escape).
func queryEscape(s string) string {
	return strings.NewReplacer("+", "%20", "%21", "!", "%27", "'", "%28", "(", "%29", ")", "%2A", "*").Replace(url.QueryEscape(s))
}
