package bundler

import (
	"fmt"
	"math"
	"strings"
)

// apply validates the extracted exports like Next's
// parsePagesSegmentConfig (a zod schema) and parseMiddlewareConfig, then
// fills cfg. api.* options are read the way api-resolver.ts reads them at
// run time (truthiness, `bytes` parsing), without validation, as in Next.
func (x *configExtractor) apply(cfg *RouteConfig, values map[string]exportedValue) error {
	get := func(name string) (any, bool) {
		v, ok := values[name]
		if !ok {
			return nil, false
		}
		if _, undef := v.value.(undefinedValue); undef {
			return nil, false
		}
		return v.value, true
	}
	var issues []string
	var issuePath string
	issue := func(msg, path string) {
		if len(issues) == 0 {
			issuePath = path
		}
		issues = append(issues, fmt.Sprintf("%s at %q", msg, path))
	}
	runtimeEnum := func(v any, path string) {
		s, isString := v.(string)
		switch {
		case !isString:
			issue(fmt.Sprintf("Expected 'edge' | 'experimental-edge' | 'nodejs', received %s", zodType(v)), path)
		case s != "edge" && s != "experimental-edge" && s != "nodejs":
			issue(fmt.Sprintf("Invalid enum value. Expected 'edge' | 'experimental-edge' | 'nodejs', received '%s'", s), path)
		}
	}
	number := func(v any, path string) {
		if t := zodType(v); t != "number" {
			issue("Expected number, received "+t, path)
		}
	}

	// PagesSegmentConfigSchema: { runtime?, maxDuration?, config?: { amp?, runtime?, maxDuration? } }
	if v, ok := get("runtime"); ok {
		runtimeEnum(v, "runtime")
	}
	if v, ok := get("maxDuration"); ok {
		number(v, "maxDuration")
	}
	var config *orderedObject
	if v, ok := get("config"); ok {
		obj, isObj := v.(*orderedObject)
		if !isObj {
			issue("Expected object, received "+zodType(v), "config")
		} else {
			config = obj
			if a, ok := obj.get("amp"); ok {
				if _, isBool := a.(bool); !isBool && a != "hybrid" {
					issue("Invalid input", "config.amp")
				}
			}
			if r, ok := obj.get("runtime"); ok {
				runtimeEnum(r, "config.runtime")
			}
			if m, ok := obj.get("maxDuration"); ok {
				number(m, "config.maxDuration")
			}
		}
	}
	if len(issues) > 0 {
		return x.invalid(issuePath, fmt.Sprintf("Invalid segment configuration options detected for %q. Read more at %s: %s",
			x.page, invalidPageConfigURL, strings.Join(issues, "; ")))
	}

	// Top-level exports win over config's keys (resolvedRuntime = config.runtime ?? config.config?.runtime).
	runtime, ok := get("runtime")
	if !ok {
		runtime, _ = config.get("runtime")
	}
	if s, _ := runtime.(string); s != "" {
		cfg.DeclaredRuntime = s
		if s == "edge" || s == "experimental-edge" {
			cfg.Runtime = RuntimeEdge
		}
	}
	maxDuration, ok := get("maxDuration")
	if !ok {
		maxDuration, _ = config.get("maxDuration")
	}
	if f, ok := toFloat(maxDuration); ok && !math.IsNaN(f) {
		cfg.MaxDuration = int(f)
	}
	if config == nil {
		return nil
	}

	// MiddlewareConfigInputSchema: regions and unstable_allowDynamic are a
	// string or an array of strings.
	for _, key := range []string{"regions", "unstable_allowDynamic"} {
		v, ok := config.get(key)
		if !ok {
			continue
		}
		list, valid := stringOrStrings(v)
		if !valid {
			t := zodType(v)
			return x.invalid("config."+key, fmt.Sprintf("%s contains invalid middleware config: Expected string, received %s, or Expected array, received %s at %q", x.page, t, t, key))
		}
		if key == "regions" {
			cfg.Regions = list
		} else {
			cfg.AllowDynamic = list
		}
	}

	apiCfg, _ := config.get("api")
	api, _ := apiCfg.(*orderedObject)
	if api == nil {
		return nil
	}
	if bp, ok := api.get("bodyParser"); ok {
		if bp == false {
			cfg.BodyParser = false
		} else if obj, isObj := bp.(*orderedObject); isObj {
			if limit, ok := obj.get("sizeLimit"); ok && truthy(limit) {
				cfg.SizeLimit = jsString(limit)
				cfg.SizeLimitBytes = -1
				if n, ok := parseBytesValue(limit); ok {
					cfg.SizeLimitBytes = n
				}
			}
		}
	}
	if rl, ok := api.get("responseLimit"); ok {
		if !truthy(rl) {
			cfg.ResponseLimit = false
		} else if _, isBool := rl.(bool); !isBool {
			n, ok := parseBytesValue(rl)
			cfg.ResponseLimitBytes = n
			cfg.ResponseLimit = ok && n != 0 // Next: `if (maxContentLength && ...)`
		}
	}
	if er, ok := api.get("externalResolver"); ok {
		cfg.ExternalResolver = truthy(er)
	}
	return nil
}

// invalid reports text at the expression the value path came from.
func (x *configExtractor) invalid(path string, text string) error {
	m := Message{Text: text}
	x.locate(&m, x.pathNodes[path])
	return &Error{Messages: []Message{m}}
}

// zodType is zod's getParsedType name for an extracted value.
func zodType(v any) string {
	switch v := v.(type) {
	case string:
		return "string"
	case int64:
		return "number"
	case float64:
		if math.IsNaN(v) {
			return "nan"
		}
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case undefinedValue:
		return "undefined"
	case []any:
		return "array"
	}
	return "object"
}

func stringOrStrings(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// truthy is JavaScript's ToBoolean for extracted values.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil, undefinedValue:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case int64:
		return v != 0
	case float64:
		return v != 0 && !math.IsNaN(v)
	}
	return true
}

// jsString is String(v) for the primitive values a size limit can be.
func jsString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int64, float64:
		return jsNumberString(v)
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return fmt.Sprint(v)
}
