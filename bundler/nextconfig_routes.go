package bundler

// headers(), redirects() and rewrites() are validated with the checks of
// Next's checkCustomRoutes (N:lib/load-custom-routes.ts) and its
// messages. The path-to-regexp checks (`source` parse failed, unnamed or
// unknown params in `destination`) belong to the router, which owns the
// matcher.

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

var allowedHasTypes = map[string]bool{"header": true, "cookie": true, "query": true, "host": true}

// allowedStatusCodes are the redirect statuses Next accepts
// (N:lib/redirect-status.ts).
var allowedStatusCodes = map[int]bool{301: true, 302: true, 303: true, 307: true, 308: true}

// callRoutes calls config[name]() and awaits it. ok is false when the
// config has no such function.
func (e *configEval) callRoutes(cfg *NextConfig, o *goja.Object, name string) (goja.Value, bool, error) {
	v := present(o, name)
	if v == nil {
		return nil, false, nil
	}
	fn, isFn := goja.AssertFunction(v)
	if !isFn {
		e.warn(cfg, "Expected function, received "+typeOf(v), name)
		return nil, false, nil
	}
	res, err := e.run(name+"()", func() (goja.Value, error) { return fn(o) })
	return res, true, err
}

func (e *configEval) headers(cfg *NextConfig, o *goja.Object) ([]HeaderRule, error) {
	v, ok, err := e.callRoutes(cfg, o, "headers")
	if !ok || err != nil {
		return nil, err
	}
	routes, err := e.checkCustomRoutes(v, "header")
	if err != nil {
		return nil, err
	}
	out := make([]HeaderRule, 0, len(routes))
	for _, r := range routes {
		h := HeaderRule{Source: prop(r, "source").String(), BasePath: falsePtr(r, "basePath"), Locale: falsePtr(r, "locale"),
			Has: routeHas(r, "has"), Missing: routeHas(r, "missing")}
		list := asObject(prop(r, "headers"))
		for _, k := range list.Keys() {
			item := asObject(prop(list, k))
			h.Headers = append(h.Headers, Header{Key: prop(item, "key").String(), Value: prop(item, "value").String()})
		}
		out = append(out, h)
	}
	return out, nil
}

func (e *configEval) redirects(cfg *NextConfig, o *goja.Object) ([]Redirect, error) {
	v, ok, err := e.callRoutes(cfg, o, "redirects")
	if !ok || err != nil {
		return nil, err
	}
	routes, err := e.checkCustomRoutes(v, "redirect")
	if err != nil {
		return nil, err
	}
	out := make([]Redirect, 0, len(routes))
	for _, r := range routes {
		rd := Redirect{Source: prop(r, "source").String(), Destination: prop(r, "destination").String(),
			BasePath: falsePtr(r, "basePath"), Locale: falsePtr(r, "locale"),
			Has: routeHas(r, "has"), Missing: routeHas(r, "missing")}
		if p := present(r, "permanent"); p != nil {
			rd.Permanent = p.ToBoolean()
		}
		if sc := present(r, "statusCode"); sc != nil {
			rd.StatusCode, _ = intValue(sc)
		}
		out = append(out, rd)
	}
	return out, nil
}

func (e *configEval) rewrites(cfg *NextConfig, o *goja.Object) (Rewrites, error) {
	var out Rewrites
	v, ok, err := e.callRoutes(cfg, o, "rewrites")
	if !ok || err != nil {
		return out, err
	}
	// An array is afterFiles; otherwise the three phases (Next's loadRewrites).
	phases := map[string]*[]Rewrite{"afterFiles": &out.AfterFiles}
	values := map[string]goja.Value{"afterFiles": v}
	if obj := asObject(v); obj != nil && !isArray(v) {
		phases = map[string]*[]Rewrite{"beforeFiles": &out.BeforeFiles, "afterFiles": &out.AfterFiles, "fallback": &out.Fallback}
		values = map[string]goja.Value{}
		for name := range phases {
			pv := present(obj, name)
			if pv == nil {
				pv = e.vm.NewArray()
			}
			values[name] = pv
		}
	}
	for _, name := range []string{"beforeFiles", "afterFiles", "fallback"} {
		dst, ok := phases[name]
		if !ok {
			continue
		}
		routes, err := e.checkCustomRoutes(values[name], "rewrite")
		if err != nil {
			return out, err
		}
		for _, r := range routes {
			*dst = append(*dst, Rewrite{Source: prop(r, "source").String(), Destination: prop(r, "destination").String(),
				BasePath: falsePtr(r, "basePath"), Locale: falsePtr(r, "locale"),
				Has: routeHas(r, "has"), Missing: routeHas(r, "missing")})
		}
	}
	return out, nil
}

// falsePtr returns a pointer to false when r[key] === false (the only
// value Next allows besides undefined).
func falsePtr(r *goja.Object, key string) *bool {
	if v := present(r, key); v != nil {
		b := v.ToBoolean()
		return &b
	}
	return nil
}

func routeHas(r *goja.Object, key string) []RouteHas {
	list := asObject(present(r, key))
	if list == nil {
		return nil
	}
	var out []RouteHas
	for _, k := range list.Keys() {
		item := asObject(prop(list, k))
		h := RouteHas{Type: prop(item, "type").String()}
		if v := present(item, "key"); v != nil {
			h.Key = v.String()
		}
		if v := present(item, "value"); v != nil {
			h.Value, h.HasValue = v.String(), true
		}
		out = append(out, h)
	}
	return out
}

// checkCustomRoutes validates routes of one type and returns them as
// objects, or an error "Invalid redirects found" whose notes are Next's
// per-route lines ("`destination` is missing for route {...}").
func (e *configEval) checkCustomRoutes(v goja.Value, kind string) ([]*goja.Object, error) {
	if !isArray(v) {
		return nil, configError(e.file, "%ss must return an array, received %s.\nSee here for more info: https://nextjs.org/docs/messages/routes-must-be-array", kind, typeOf(v))
	}
	allowed := map[string]bool{"source": true, "locale": true, "has": true, "missing": true}
	switch kind {
	case "rewrite":
		allowed["basePath"], allowed["destination"] = true, true
	case "redirect":
		allowed["basePath"], allowed["statusCode"], allowed["permanent"], allowed["destination"] = true, true, true, true
	case "header":
		allowed["basePath"], allowed["headers"] = true, true
	}
	arr := asObject(v)
	var routes []*goja.Object
	var notes []string
	hadInvalidStatus := false
	for _, idx := range arr.Keys() {
		rv := prop(arr, idx)
		r := asObject(rv)
		if r == nil || isArray(rv) {
			what := "destination"
			if kind == "header" {
				what = "headers"
			}
			notes = append(notes, fmt.Sprintf("The route %s is not a valid object with `source` and `%s`", e.stringify(rv), what))
			continue
		}
		if kind == "rewrite" && present(r, "basePath") != nil && !prop(r, "basePath").ToBoolean() {
			dest := prop(r, "destination").String()
			if !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "https://") {
				notes = append(notes, fmt.Sprintf("The route %s rewrites urls outside of the basePath. Please use a destination that starts with `http://` or `https://` https://nextjs.org/docs/messages/invalid-external-rewrite", prop(r, "source").String()))
				continue
			}
		}
		var invalidKeys []string
		for _, k := range r.Keys() {
			if !allowed[k] {
				invalidKeys = append(invalidKeys, k)
			}
		}
		var parts []string
		if bp := prop(r, "basePath"); bp != nil && !goja.IsUndefined(bp) && !(isBool(bp) && !bp.ToBoolean()) {
			parts = append(parts, "`basePath` must be undefined or false")
		}
		if l := prop(r, "locale"); l != nil && !goja.IsUndefined(l) && !(isBool(l) && !l.ToBoolean()) {
			parts = append(parts, "`locale` must be undefined or false")
		}
		parts = append(parts, e.checkHasMissing(r, "has")...)
		parts = append(parts, e.checkHasMissing(r, "missing")...)

		source := prop(r, "source")
		switch src, isStr := source.Export().(string); {
		case source == nil || !source.ToBoolean():
			parts = append(parts, "`source` is missing")
		case !isStr:
			parts = append(parts, "`source` is not a string")
		case !strings.HasPrefix(src, "/"):
			parts = append(parts, "`source` does not start with /")
		}

		if kind == "header" {
			parts = append(parts, checkHeaderList(r)...)
		} else {
			dest := prop(r, "destination")
			switch d, isStr := dest.Export().(string); {
			case dest == nil || !dest.ToBoolean():
				parts = append(parts, "`destination` is missing")
			case !isStr:
				parts = append(parts, "`destination` is not a string")
			case kind == "rewrite" && !strings.HasPrefix(d, "/") && !strings.HasPrefix(d, "https://") && !strings.HasPrefix(d, "http://"):
				parts = append(parts, "`destination` does not start with `/`, `http://`, or `https://`")
			}
		}
		if kind == "redirect" {
			sc := prop(r, "statusCode")
			hasStatus := sc != nil && sc.ToBoolean()
			if hasStatus {
				if n, ok := intValue(sc); !ok || !allowedStatusCodes[n] {
					hadInvalidStatus = true
					parts = append(parts, "`statusCode` is not undefined or valid statusCode")
				}
			}
			if !isBool(prop(r, "permanent")) && !hasStatus {
				parts = append(parts, "`permanent` is not set to `true` or `false`")
			}
		}

		if len(parts) > 0 || len(invalidKeys) > 0 {
			line := strings.Join(parts, ", ")
			if len(invalidKeys) > 0 {
				if len(parts) > 0 {
					line += ","
				}
				s := "s"
				if len(invalidKeys) == 1 {
					s = ""
				}
				line += fmt.Sprintf(" invalid field%s: %s", s, strings.Join(invalidKeys, ","))
			}
			notes = append(notes, line+" for route "+e.stringify(r))
			continue
		}
		routes = append(routes, r)
	}
	if len(notes) > 0 {
		if hadInvalidStatus {
			notes = append(notes, "Valid redirect statusCode values are 301, 302, 303, 307, 308")
		}
		s := "s"
		if len(notes) == 1 || len(notes) == 2 && hadInvalidStatus {
			s = ""
		}
		return nil, &Error{Messages: []Message{{Text: fmt.Sprintf("Invalid %s%s found", kind, s), File: e.file, Notes: notes}}}
	}
	return routes, nil
}

func isBool(v goja.Value) bool {
	if v == nil {
		return false
	}
	_, ok := v.Export().(bool)
	return ok
}

// checkHasMissing is the `has`/`missing` part of checkCustomRoutes.
func (e *configEval) checkHasMissing(r *goja.Object, field string) []string {
	v := prop(r, field)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	if !isArray(v) {
		return []string{fmt.Sprintf("`%s` must be undefined or valid has object", field)}
	}
	var invalidItems []string
	list := asObject(v)
	for _, k := range list.Keys() {
		iv := prop(list, k)
		item := asObject(iv)
		var parts []string
		typ, key, value := goja.Undefined(), goja.Undefined(), goja.Undefined()
		if item != nil {
			typ, key, value = prop(item, "type"), prop(item, "key"), prop(item, "value")
		}
		ts, _ := typ.Export().(string)
		if !allowedHasTypes[ts] {
			parts = append(parts, fmt.Sprintf("invalid type %q", typ.String()))
		}
		if _, ok := key.Export().(string); !ok && ts != "host" {
			parts = append(parts, fmt.Sprintf("invalid key %q", key.String()))
		}
		if _, ok := value.Export().(string); !ok && !goja.IsUndefined(value) {
			parts = append(parts, fmt.Sprintf("invalid value %q", value.String()))
		}
		if goja.IsUndefined(value) && ts == "host" {
			parts = append(parts, `value is required for "host" type`)
		}
		if len(parts) > 0 {
			invalidItems = append(invalidItems, strings.Join(parts, ", ")+" for "+e.stringify(iv))
		}
	}
	if len(invalidItems) == 0 {
		return nil
	}
	s := "s"
	if len(invalidItems) == 1 {
		s = ""
	}
	return []string{fmt.Sprintf("invalid `%s` item%s found", field, s)}
}

// checkHeaderList is Next's checkHeader.
func checkHeaderList(r *goja.Object) []string {
	v := prop(r, "headers")
	if !isArray(v) {
		return []string{"`headers` field must be an array"}
	}
	list := asObject(v)
	keys := list.Keys()
	if len(keys) == 0 {
		return []string{"`headers` field cannot be empty"}
	}
	for _, k := range keys {
		item := asObject(prop(list, k))
		if item == nil {
			return []string{"`headers` items must be object with { key: '', value: '' }"}
		}
		if _, ok := prop(item, "key").Export().(string); !ok {
			return []string{"`key` in header item must be string"}
		}
		if _, ok := prop(item, "value").Export().(string); !ok {
			return []string{"`value` in header item must be string"}
		}
	}
	return nil
}
