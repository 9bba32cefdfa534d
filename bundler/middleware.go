package bundler

// middleware.ts (Next 16's deprecated name) and proxy.ts sit beside the
// pages directory: at the project root for pages/, in src/ for src/pages/
// (spec §4). They build like a route — Build(file) with file relative to
// PagesDir, e.g. "../middleware.ts" — but their runtime defaults differ:
// middleware runs on the edge unless its config says `runtime: 'nodejs'`,
// and proxy always runs on Node.js. Their `config.matcher` decides which
// requests they see and is read statically, like a route's config.

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// MiddlewareNames are the file stems Next looks for, in its order.
var MiddlewareNames = []string{"middleware", "proxy"}

// MiddlewareMatcher is one entry of config.matcher.
type MiddlewareMatcher struct {
	// Source is the path-to-regexp pattern as written (before Next adds
	// basePath and locale prefixes).
	Source string
	// Locale is false for `locale: false` (no locale prefix).
	Locale  bool
	Has     []RouteHas
	Missing []RouteHas
}

// MiddlewareConfig is a middleware or proxy file's static config.
type MiddlewareConfig struct {
	Runtime Runtime
	// Matchers is config.matcher; nil means every request.
	Matchers []MiddlewareMatcher
}

// FindMiddleware returns the middleware or proxy file of a project, relative
// to dir ("middleware.ts", "src/proxy.ts"), or "" when there is none.
// pagesDir is "pages" or "src/pages"; the file must be its sibling. When
// both exist Next refuses to start; FindMiddleware returns an error.
func FindMiddleware(dir, pagesDir string, pageExtensions []string) (string, error) {
	base := path.Dir(filepath.ToSlash(pagesDir))
	var found []string
	for _, stem := range MiddlewareNames {
		for _, ext := range pageExtensions {
			rel := path.Join(base, stem+"."+ext)
			if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil && fi.Mode().IsRegular() {
				found = append(found, rel)
				break
			}
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", &Error{Messages: []Message{{Text: fmt.Sprintf(`Both middleware file "./%s" and proxy file "./%s" are detected. Please use "./%s" only. Learn more: https://nextjs.org/docs/messages/middleware-to-proxy`, found[0], found[1], found[1]), File: found[0]}}}
}

// isMiddlewareEntry reports whether entry (relative to the project) is a
// middleware or proxy file rather than a page.
func isMiddlewareEntry(entry string) (stem string, ok bool) {
	if d := path.Dir(entry); d != "." && d != "src" {
		return "", false
	}
	stem = strings.TrimSuffix(path.Base(entry), path.Ext(entry))
	for _, n := range MiddlewareNames {
		if stem == n {
			return stem, true
		}
	}
	return "", false
}

// middlewareRuntime applies the middleware/proxy runtime rules to a config
// read with the page rules: middleware defaults to the edge, proxy is
// always Node.js (and may not declare a runtime). Page-only warnings (the
// Edge Runtime deprecation) do not apply.
func middlewareRuntime(entry string, cfg RouteConfig, warnings []Message) (RouteConfig, []Message, error) {
	stem, ok := isMiddlewareEntry(entry)
	if !ok {
		return cfg, warnings, nil
	}
	var kept []Message
	for _, w := range warnings {
		if w.Text != edgeDeprecatedWarning {
			kept = append(kept, w)
		}
	}
	if stem == "proxy" {
		if cfg.DeclaredRuntime != "" {
			return cfg, kept, &Error{Messages: []Message{{File: entry, Text: fmt.Sprintf(`Route segment config is not allowed in Proxy file at "./%s". Proxy always runs on Node.js runtime. Learn more: https://nextjs.org/docs/messages/middleware-to-proxy`, entry)}}}
		}
		cfg.Runtime = RuntimeNode
		return cfg, kept, nil
	}
	if cfg.DeclaredRuntime == "" {
		cfg.Runtime = RuntimeEdge
	}
	return cfg, kept, nil
}

// ReadMiddlewareConfig reads a middleware or proxy file's config (path
// relative to dir): its runtime and config.matcher, validated like Next's
// middleware config schema.
func ReadMiddlewareConfig(dir, file string) (MiddlewareConfig, error) {
	abs := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(abs)
	if err != nil {
		return MiddlewareConfig{}, fmt.Errorf("bundler: %w", err)
	}
	rel := filepath.ToSlash(file)
	cfg, warnings, err := readConfigSource(rel, src)
	if err != nil {
		return MiddlewareConfig{}, err
	}
	if cfg, _, err = middlewareRuntime(rel, cfg, warnings); err != nil {
		return MiddlewareConfig{}, err
	}
	out := MiddlewareConfig{Runtime: cfg.Runtime}
	if !strings.Contains(string(src), "matcher") {
		return out, nil
	}
	x := &configExtractor{src: string(src), file: rel, page: "/" + strings.TrimSuffix(path.Base(rel), path.Ext(rel))}
	values, err := x.extract()
	if err != nil {
		return out, err
	}
	v, ok := values["config"]
	if !ok {
		return out, nil
	}
	obj, _ := v.value.(*orderedObject)
	m, ok := obj.get("matcher")
	if !ok {
		return out, nil
	}
	out.Matchers, err = x.matchers(m)
	return out, err
}

// matchers converts config.matcher: a string, an array of strings, or an
// array of {source, locale?, has?, missing?}.
func (x *configExtractor) matchers(v any) ([]MiddlewareMatcher, error) {
	items, isList := v.([]any)
	if !isList {
		items = []any{v}
	}
	out := []MiddlewareMatcher{}
	for i, item := range items {
		at := "config.matcher"
		if isList {
			at = fmt.Sprintf("config.matcher[%d]", i)
		}
		m := MiddlewareMatcher{Locale: true}
		switch it := item.(type) {
		case string:
			m.Source = it
		case *orderedObject:
			src, _ := it.get("source")
			s, ok := src.(string)
			if !ok {
				return nil, x.invalid(at, fmt.Sprintf("Invalid middleware matcher at %q: `source` must be a string", at))
			}
			m.Source = s
			if l, ok := it.get("locale"); ok {
				if b, isBool := l.(bool); !isBool || b {
					return nil, x.invalid(at, fmt.Sprintf("Invalid middleware matcher at %q: `locale` must be false or undefined", at))
				}
				m.Locale = false
			}
			var err error
			if m.Has, err = x.routeHas(it, "has", at); err != nil {
				return nil, err
			}
			if m.Missing, err = x.routeHas(it, "missing", at); err != nil {
				return nil, err
			}
		default:
			return nil, x.invalid(at, fmt.Sprintf("Invalid middleware matcher at %q: expected a string or { source, has?, missing?, locale? }, received %s", at, zodType(item)))
		}
		if !strings.HasPrefix(m.Source, "/") {
			return nil, x.invalid(at, fmt.Sprintf("Invalid middleware matcher at %q: source must start with / (received %q)", at, m.Source))
		}
		out = append(out, m)
	}
	return out, nil
}

func (x *configExtractor) routeHas(obj *orderedObject, key, at string) ([]RouteHas, error) {
	v, ok := obj.get(key)
	if !ok {
		return nil, nil
	}
	list, isList := v.([]any)
	if !isList {
		return nil, x.invalid(at, fmt.Sprintf("Invalid middleware matcher at %q: `%s` must be an array", at, key))
	}
	var out []RouteHas
	for _, e := range list {
		o, _ := e.(*orderedObject)
		t, _ := o.get("type")
		typ, _ := t.(string)
		if !allowedHasTypes[typ] {
			return nil, x.invalid(at, fmt.Sprintf("Invalid middleware matcher at %q: invalid `%s` type %q", at, key, fmt.Sprint(t)))
		}
		h := RouteHas{Type: typ}
		if k, ok := o.get("key"); ok {
			h.Key, _ = k.(string)
		}
		if val, ok := o.get("value"); ok {
			h.Value, _ = val.(string)
			h.HasValue = true
		}
		out = append(out, h)
	}
	return out, nil
}
