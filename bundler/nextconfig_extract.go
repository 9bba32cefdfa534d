package bundler

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

const (
	invalidNextConfigURL = "https://nextjs.org/docs/messages/invalid-next-config"
	invalidI18nNote      = "\nSee more info here: https://nextjs.org/docs/messages/invalid-i18n-config"
)

// present returns o[key] unless it is undefined or null.
func present(o *goja.Object, key string) goja.Value {
	if o == nil {
		return nil
	}
	v := o.Get(key)
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	return v
}

// prop returns o[key], or undefined for a missing property or nil object.
func prop(o *goja.Object, key string) goja.Value {
	if o == nil {
		return goja.Undefined()
	}
	if v := o.Get(key); v != nil {
		return v
	}
	return goja.Undefined()
}

func asObject(v goja.Value) *goja.Object {
	if v == nil {
		return nil
	}
	o, _ := v.(*goja.Object)
	return o
}

// warn records one of Next's "Invalid next.config.js options detected"
// findings (zod schema issues are warnings in Next; the value is used
// anyway).
func (e *configEval) warn(cfg *NextConfig, issue, path string) {
	cfg.Warnings = append(cfg.Warnings, Message{
		Text:  fmt.Sprintf("Invalid %s options detected: %s at %q", e.file, issue, path),
		File:  e.file,
		Notes: []string{"See more info here: " + invalidNextConfigURL},
	})
}

// boolOption reads a boolean option; other types warn and count by
// JavaScript truthiness, as Next's code then tests them.
func (e *configEval) boolOption(cfg *NextConfig, o *goja.Object, key, path string, dflt bool) bool {
	v := present(o, key)
	if v == nil {
		return dflt
	}
	if b, ok := v.Export().(bool); ok {
		return b
	}
	e.warn(cfg, "Expected boolean, received "+typeOf(v), path)
	return v.ToBoolean()
}

// extract copies the resolved config object into a NextConfig,
// validating it the way Next's assignDefaults does.
func (e *configEval) extract(o *goja.Object) (*NextConfig, error) {
	cfg := DefaultNextConfig()
	cfg.File = e.file
	fail := func(format string, args ...any) (*NextConfig, error) {
		return nil, configError(e.file, format, args...)
	}

	if v := present(o, "basePath"); v != nil {
		s, ok := v.Export().(string)
		if !ok {
			return fail("Specified basePath is not a string, found type %q", typeOf(v))
		}
		if s != "" {
			switch {
			case s == "/":
				return fail(`Specified basePath /. basePath has to be either an empty string or a path prefix"`)
			case !strings.HasPrefix(s, "/"):
				return fail("Specified basePath has to start with a /, found %q", s)
			case strings.HasSuffix(s, "/"):
				return fail("Specified basePath should not end with /, found %q", s)
			}
		}
		cfg.BasePath = s
	}
	cfg.TrailingSlash = e.boolOption(cfg, o, "trailingSlash", "trailingSlash", false)
	cfg.SkipTrailingSlashRedirect = e.boolOption(cfg, o, "skipTrailingSlashRedirect", "skipTrailingSlashRedirect", false)
	cfg.SkipProxyURLNormalize = e.boolOption(cfg, o, "skipProxyUrlNormalize", "skipProxyUrlNormalize", false) ||
		e.boolOption(cfg, o, "skipMiddlewareUrlNormalize", "skipMiddlewareUrlNormalize", false)
	cfg.Compress = e.boolOption(cfg, o, "compress", "compress", true)
	cfg.PoweredByHeader = e.boolOption(cfg, o, "poweredByHeader", "poweredByHeader", true)
	cfg.GenerateEtags = e.boolOption(cfg, o, "generateEtags", "generateEtags", true)

	if v := present(o, "pageExtensions"); v != nil {
		list, ok := v.Export().([]any)
		if !ok {
			return fail("Specified pageExtensions is not an array of strings, found %q. Please update this config or remove it.", v.String())
		}
		if len(list) == 0 {
			return fail("Specified pageExtensions is an empty array. Please update it with the relevant extensions or remove it.")
		}
		cfg.PageExtensions = nil
		for _, ext := range list {
			s, ok := ext.(string)
			if !ok {
				return fail("Specified pageExtensions is not an array of strings, found %q of type %q. Please update this config or remove it.", fmt.Sprint(ext), typeOf(e.vm.ToValue(ext)))
			}
			cfg.PageExtensions = append(cfg.PageExtensions, s)
		}
	}

	if env := asObject(present(o, "env")); env != nil {
		for _, k := range env.Keys() {
			if envKeyNotAllowed.MatchString(k) || k == "NEXT_RUNTIME" {
				return fail("The key %q under \"env\" in %s is not allowed. https://nextjs.org/docs/messages/env-key-not-allowed", k, e.file)
			}
			v := env.Get(k)
			if v == nil || goja.IsUndefined(v) {
				continue
			}
			if _, ok := v.Export().(string); !ok {
				e.warn(cfg, "Expected string, received "+typeOf(v), "env."+k)
			}
			cfg.Env[k] = v.String()
		}
	}

	if v := present(o, "i18n"); v != nil {
		i18n, err := e.i18n(v)
		if err != nil {
			return nil, err
		}
		cfg.I18n = i18n
	}

	exp := asObject(present(o, "experimental"))
	if exp != nil {
		for _, key := range []string{"proxyClientMaxBodySize", "middlewareClientMaxBodySize"} {
			v := present(exp, key)
			if v == nil {
				continue
			}
			n, ok := parseBytesValue(v.Export())
			if !ok || n < 0 {
				return fail("Invalid experimental.%s value %q: expected a size such as \"10mb\" or a number of bytes", key, v.String())
			}
			cfg.ProxyClientMaxBodySize = n
			break
		}
		cfg.TrustHostHeader = e.boolOption(cfg, exp, "trustHostHeader", "experimental.trustHostHeader", false)
		cfg.CaseSensitiveRoutes = e.boolOption(cfg, exp, "caseSensitiveRoutes", "experimental.caseSensitiveRoutes", false)
	}

	var err error
	if cfg.Headers, err = e.headers(cfg, o); err != nil {
		return nil, err
	}
	if cfg.Redirects, err = e.redirects(cfg, o); err != nil {
		return nil, err
	}
	if cfg.Rewrites, err = e.rewrites(cfg, o); err != nil {
		return nil, err
	}
	return cfg, nil
}

// envKeyNotAllowed is Next's /^(?:NODE_.+)|^(?:__.+)$/i.
var envKeyNotAllowed = regexp.MustCompile(`(?i)^(?:NODE_.+)|^(?:__.+)$`)

// i18n validates the i18n option with Next's messages (config.ts).
func (e *configEval) i18n(v goja.Value) (*I18n, error) {
	fail := func(format string, args ...any) (*I18n, error) {
		return nil, configError(e.file, format, args...)
	}
	o := asObject(v)
	if o == nil || isArray(v) {
		return fail("Specified i18n should be an object received %s."+invalidI18nNote, typeOf(v))
	}
	locales := prop(o, "locales")
	if !isArray(locales) {
		return fail("Specified i18n.locales should be an Array received %s."+invalidI18nNote, typeOf(locales))
	}
	dl, ok := prop(o, "defaultLocale").Export().(string)
	if !ok || dl == "" {
		return fail("Specified i18n.defaultLocale should be a string." + invalidI18nNote)
	}
	out := &I18n{DefaultLocale: dl, LocaleDetection: true}
	var invalid []string
	for _, l := range locales.Export().([]any) {
		s, ok := l.(string)
		if !ok {
			invalid = append(invalid, fmt.Sprint(l))
			continue
		}
		out.Locales = append(out.Locales, s)
	}
	if len(invalid) > 0 {
		return fail("Specified i18n.locales contains invalid values (%s), locales must be valid locale tags provided as strings e.g. \"en-US\".\nSee here for list of valid language sub-tags: http://www.iana.org/assignments/language-subtag-registry/language-subtag-registry", strings.Join(invalid, ", "))
	}
	if !containsString(out.Locales, dl) {
		return fail("Specified i18n.defaultLocale should be included in i18n.locales." + invalidI18nNote)
	}
	if d := present(o, "domains"); d != nil {
		if !isArray(d) {
			return fail("Specified i18n.domains must be an array of domain objects e.g. [ { domain: 'example.fr', defaultLocale: 'fr', locales: ['fr'] } ] received %s."+invalidI18nNote, typeOf(d))
		}
		var bad []string
		arr := asObject(d)
		for _, idx := range arr.Keys() {
			item := prop(arr, idx)
			io := asObject(item)
			var domain, def string
			if io != nil {
				domain, _ = prop(io, "domain").Export().(string)
				def, _ = prop(io, "defaultLocale").Export().(string)
			}
			if domain == "" || def == "" {
				bad = append(bad, e.stringify(item))
				continue
			}
			dom := I18nDomain{Domain: domain, DefaultLocale: def}
			if h := present(io, "http"); h != nil {
				dom.HTTP = h.ToBoolean()
			}
			if ls := present(io, "locales"); ls != nil {
				list, _ := ls.Export().([]any)
				for _, l := range list {
					if s, ok := l.(string); ok {
						dom.Locales = append(dom.Locales, s)
					}
				}
			}
			out.Domains = append(out.Domains, dom)
		}
		if len(bad) > 0 {
			return fail("Invalid i18n.domains values:\n%s\n\ndomains value must follow format { domain: 'example.fr', defaultLocale: 'fr', locales: ['fr'] }."+invalidI18nNote, strings.Join(bad, "\n"))
		}
	}
	if ld := present(o, "localeDetection"); ld != nil {
		b, ok := ld.Export().(bool)
		if !ok {
			return fail("Specified i18n.localeDetection should be undefined or a boolean received %s."+invalidI18nNote, typeOf(ld))
		}
		out.LocaleDetection = b
	}
	return out, nil
}

func isArray(v goja.Value) bool {
	o := asObject(v)
	return o != nil && o.ClassName() == "Array"
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stringify is JSON.stringify in the config's runtime (Next prints
// offending routes that way).
func (e *configEval) stringify(v goja.Value) string {
	json := e.vm.Get("JSON").ToObject(e.vm)
	fn, _ := goja.AssertFunction(json.Get("stringify"))
	out, err := fn(json, v)
	if err != nil || out == nil || goja.IsUndefined(out) {
		return fmt.Sprint(v)
	}
	return out.String()
}

// number reads a finite integer-valued number.
func intValue(v goja.Value) (int, bool) {
	switch n := v.Export().(type) {
	case int64:
		return int(n), true
	case float64:
		if n == math.Trunc(n) && !math.IsInf(n, 0) {
			return int(n), true
		}
	}
	return 0, false
}
