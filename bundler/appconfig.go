package bundler

// App Router route handlers (app/**/route.ts) declare their segment config
// as top-level exports (`export const runtime = 'edge'`, `export const
// dynamic = 'force-dynamic'`...), validated by Next's
// AppSegmentConfigSchema (N:build/segment-config/app/app-segment-config.ts)
// with its messages. Like a pages route's config it is read statically,
// before bundling, because the runtime decides how the route is bundled.
//
// Only `runtime` must be a literal: Next itself reads the other keys from
// the module when it runs (AppRouteRouteModule reads userland.dynamic), so
// a computed `revalidate = 60 * 60` is accepted and simply not validated
// here.

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// AppRouteConfig is an App Router route handler's segment config.
type AppRouteConfig struct {
	// Runtime is RuntimeEdge for `runtime = 'edge'`, else RuntimeNode.
	Runtime Runtime
	// Dynamic is 'auto' (the default), 'error', 'force-static' or
	// 'force-dynamic'.
	Dynamic string
	// DynamicParams is `dynamicParams` (default true).
	DynamicParams bool
	// Revalidate is `revalidate` in seconds, or RevalidateUnset, or
	// RevalidateNever for `revalidate = false`.
	Revalidate int
	// FetchCache is `fetchCache` ("" when unset).
	FetchCache string
	// PreferredRegion is `preferredRegion` (a string becomes one element).
	PreferredRegion []string
	// MaxDuration is `maxDuration` in seconds (0 = unset); Next only
	// writes it to the platform's manifest.
	MaxDuration int
}

// Revalidate values that are not a number of seconds.
const (
	RevalidateUnset = -1
	RevalidateNever = -2 // revalidate = false
)

// appSegmentConfigExports are AppSegmentConfigSchemaKeys.
var appSegmentConfigExports = []string{"revalidate", "dynamicParams", "dynamic", "fetchCache", "unstable_prefetch", "preferredRegion", "runtime", "maxDuration"}

const appSegmentConfigURL = "https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config"

// DefaultAppRouteConfig is the config of a route handler without exports.
func DefaultAppRouteConfig() AppRouteConfig {
	return AppRouteConfig{Runtime: RuntimeNode, Dynamic: "auto", DynamicParams: true, Revalidate: RevalidateUnset}
}

// ReadAppRouteConfig statically extracts a route handler's segment
// config. path is relative to dir (or absolute); page is Next's app page
// for messages ("/api/hello/route"). Invalid values give Next's error,
// e.g.
//
//	Invalid segment configuration options detected for "/api/x/route".
//	Read more at https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config:
//	Invalid enum value. Expected 'auto' | 'error' | 'force-static' | 'force-dynamic', received 'static' at "dynamic"
//
// located at the offending value. The warnings are the Edge Runtime
// deprecation notice for edge routes.
func ReadAppRouteConfig(dir, path, page string) (AppRouteConfig, []Message, error) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(dir, path)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return DefaultAppRouteConfig(), nil, fmt.Errorf("bundler: %w", err)
	}
	return readAppConfigSource(displayPath(dir, abs, ""), page, src)
}

func readAppConfigSource(rel, page string, src []byte) (AppRouteConfig, []Message, error) {
	cfg := DefaultAppRouteConfig()
	mentioned := false
	for _, name := range appSegmentConfigExports {
		if bytes.Contains(src, []byte(name)) {
			mentioned = true
			break
		}
	}
	if !mentioned {
		return cfg, nil, nil
	}
	x := &configExtractor{src: string(src), file: rel, page: page, names: appSegmentConfigExports, lenient: map[string]bool{}}
	for _, name := range appSegmentConfigExports {
		x.lenient[name] = name != "runtime"
	}
	values, err := x.extract()
	if err != nil {
		return cfg, nil, err
	}
	if err := x.applyApp(&cfg, values); err != nil {
		return cfg, nil, err
	}
	var warnings []Message
	if cfg.Runtime == RuntimeEdge {
		m := Message{Text: edgeDeprecatedWarning}
		x.locate(&m, x.pathNodes["runtime"])
		warnings = append(warnings, m)
	}
	return cfg, warnings, nil
}

// applyApp validates the values like parseAppSegmentConfig and fills cfg.
func (x *configExtractor) applyApp(cfg *AppRouteConfig, values map[string]exportedValue) error {
	var issues []string
	var issuePath string
	issue := func(msg, path string) {
		if len(issues) == 0 {
			issuePath = path
		}
		issues = append(issues, fmt.Sprintf("%s at %q", msg, path))
	}
	enum := func(name string, allowed []string) (string, bool) {
		v, ok := values[name]
		if !ok {
			return "", false
		}
		if _, undef := v.value.(undefinedValue); undef {
			return "", false
		}
		quoted := make([]string, len(allowed))
		for i, a := range allowed {
			quoted[i] = "'" + a + "'"
		}
		s, isString := v.value.(string)
		switch {
		case !isString:
			issue(fmt.Sprintf("Expected %s, received %s", strings.Join(quoted, " | "), zodType(v.value)), name)
		case !containsString(allowed, s):
			issue(fmt.Sprintf("Invalid enum value. Expected %s, received '%s'", strings.Join(quoted, " | "), s), name)
		default:
			return s, true
		}
		return "", false
	}
	present := func(name string) (any, bool) {
		v, ok := values[name]
		if !ok {
			return nil, false
		}
		if _, undef := v.value.(undefinedValue); undef {
			return nil, false
		}
		return v.value, true
	}
	nonNegativeInt := func(v any) (int, string) {
		f, ok := toFloat(v)
		switch {
		case !ok:
			return 0, "Expected number, received " + zodType(v)
		case math.IsNaN(f):
			return 0, "Expected number, received nan"
		case f != math.Trunc(f) || math.IsInf(f, 0):
			return 0, "Expected integer, received float"
		case f < 0:
			return 0, "Number must be greater than or equal to 0"
		}
		return int(f), ""
	}

	// The schema's key order.
	if v, ok := present("revalidate"); ok {
		if b, isBool := v.(bool); isBool && !b {
			cfg.Revalidate = RevalidateNever
		} else if n, bad := nonNegativeInt(v); bad == "" && !isBool {
			cfg.Revalidate = n
		} else {
			issue(fmt.Sprintf("Invalid revalidate value %s on %q, must be a non-negative number or false", jsonValue(v), x.page), "revalidate")
		}
	}
	if v, ok := present("dynamicParams"); ok {
		if b, isBool := v.(bool); isBool {
			cfg.DynamicParams = b
		} else {
			issue("Expected boolean, received "+zodType(v), "dynamicParams")
		}
	}
	if s, ok := enum("dynamic", []string{"auto", "error", "force-static", "force-dynamic"}); ok {
		cfg.Dynamic = s
	}
	if s, ok := enum("fetchCache", []string{"auto", "default-cache", "only-cache", "force-cache", "force-no-store", "default-no-store", "only-no-store"}); ok {
		cfg.FetchCache = s
	}
	if v, ok := present("unstable_prefetch"); ok {
		if _, isObj := v.(*orderedObject); !isObj {
			issue(fmt.Sprintf("Invalid unstable_prefetch value %s on %q, must be an object with a mode of \"static\" or \"runtime\". Read more at https://nextjs.org/docs/messages/invalid-prefetch-configuration", jsonValue(v), x.page), "unstable_prefetch")
		}
	}
	if v, ok := present("preferredRegion"); ok {
		if list, valid := stringOrStrings(v); valid {
			cfg.PreferredRegion = list
		} else {
			t := zodType(v)
			issue(fmt.Sprintf("Expected string, received %s, or Expected array, received %s", t, t), "preferredRegion")
		}
	}
	if s, ok := enum("runtime", []string{"edge", "nodejs"}); ok && s == "edge" {
		cfg.Runtime = RuntimeEdge
	}
	if v, ok := present("maxDuration"); ok {
		if n, bad := nonNegativeInt(v); bad == "" {
			cfg.MaxDuration = n
		} else {
			issue(bad, "maxDuration")
		}
	}
	if len(issues) > 0 {
		return x.invalid(issuePath, fmt.Sprintf("Invalid segment configuration options detected for %q. Read more at %s: %s",
			x.page, appSegmentConfigURL, strings.Join(issues, "; ")))
	}
	return nil
}

// jsonValue is JSON.stringify for an extracted primitive (what zod's
// error map prints as ctx.data).
func jsonValue(v any) string {
	switch v := v.(type) {
	case string:
		return jsonString(v)
	case nil:
		return "null"
	case bool:
		if v {
			return "true"
		}
		return "false"
	case int64, float64:
		f, _ := toFloat(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return "null"
		}
		return jsNumberString(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = jsonValue(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case *orderedObject:
		var parts []string
		for _, k := range v.keys {
			val, _ := v.get(k)
			if _, undef := val.(undefinedValue); undef {
				continue
			}
			parts = append(parts, jsonString(k)+":"+jsonValue(val))
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return "undefined"
}
