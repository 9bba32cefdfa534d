package fetch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// requestInit is a converted RequestInit dictionary. WebIDL converts every
// member, in lexicographic order, before the constructor steps run; has*
// record whether a member exists (is not undefined).
type requestInit struct {
	notEmpty bool

	body                  goja.Value // nil when absent
	bodyNull              bool
	cache, credentials    string
	duplex, integrity     string
	headers               [][2]string
	method, mode          string
	priority, redirect    string
	referrer, refPolicy   string
	keepalive             bool
	signal                *events.AbortSignal
	window                goja.Value
	hasCache, hasCreds    bool
	hasDuplex, hasHeader  bool
	hasIntegrity, hasKA   bool
	hasMethod, hasMode    bool
	hasPriority, hasRedir bool
	hasReferrer, hasRP    bool
	hasSignal, hasWindow  bool
}

var requestEnums = map[string][]string{
	"RequestCache":       {"default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"},
	"RequestCredentials": {"omit", "same-origin", "include"},
	"RequestDuplex":      {"half"},
	"RequestMode":        {"navigate", "same-origin", "no-cors", "cors"},
	"RequestPriority":    {"high", "low", "auto"},
	"RequestRedirect":    {"follow", "error", "manual"},
	"ReferrerPolicy": {"", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin",
		"strict-origin", "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"},
}

// convertRequestInit converts v to a RequestInit dictionary.
func convertRequestInit(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) *requestInit {
	vm := iso.VM()
	init := &requestInit{}
	dict := ctx.Dictionary(vm, v, "RequestInit")
	if dict == nil {
		return init
	}
	member := func(name string) goja.Value {
		m := webidl.Member(dict, name)
		if m != nil {
			init.notEmpty = true
		}
		return m
	}
	memberCtx := func(name string) webidl.Context {
		return webidl.Context(string(ctx) + ": Failed to read the '" + name + "' property from 'RequestInit'")
	}
	enum := func(name, typ string, val goja.Value) string {
		s := memberCtx(name).DOMString(vm, val)
		for _, e := range requestEnums[typ] {
			if s == e {
				return s
			}
		}
		memberCtx(name).TypeError(vm, "The provided value '%s' is not a valid enum value of type %s.", s, typ)
		return ""
	}
	// Members in lexicographic order.
	if m := member("body"); m != nil {
		init.body = m
		init.bodyNull = goja.IsNull(m)
	}
	if m := member("cache"); m != nil {
		init.cache, init.hasCache = enum("cache", "RequestCache", m), true
	}
	if m := member("credentials"); m != nil {
		init.credentials, init.hasCreds = enum("credentials", "RequestCredentials", m), true
	}
	if m := member("duplex"); m != nil {
		init.duplex, init.hasDuplex = enum("duplex", "RequestDuplex", m), true
	}
	if m := member("headers"); m != nil {
		init.hasHeader = true
		init.headers = [][2]string{}
		eachHeadersInit(iso, memberCtx("headers"), m, func(name, value string) {
			init.headers = append(init.headers, [2]string{name, value})
		})
	}
	if m := member("integrity"); m != nil {
		init.integrity, init.hasIntegrity = memberCtx("integrity").DOMString(vm, m), true
	}
	if m := member("keepalive"); m != nil {
		init.keepalive, init.hasKA = m.ToBoolean(), true
	}
	if m := member("method"); m != nil {
		init.method, init.hasMethod = memberCtx("method").ByteString(vm, m), true
	}
	if m := member("mode"); m != nil {
		init.mode, init.hasMode = enum("mode", "RequestMode", m), true
	}
	if m := member("priority"); m != nil {
		init.priority, init.hasPriority = enum("priority", "RequestPriority", m), true
	}
	if m := member("redirect"); m != nil {
		init.redirect, init.hasRedir = enum("redirect", "RequestRedirect", m), true
	}
	if m := member("referrer"); m != nil {
		init.referrer, init.hasReferrer = memberCtx("referrer").USVString(vm, m), true
	}
	if m := member("referrerPolicy"); m != nil {
		init.refPolicy, init.hasRP = enum("referrerPolicy", "ReferrerPolicy", m), true
	}
	if m := member("signal"); m != nil {
		init.hasSignal = true
		if !goja.IsNull(m) {
			s, ok := events.SignalOf(iso, m)
			if !ok {
				memberCtx("signal").TypeError(vm, "Failed to convert value to 'AbortSignal'.")
			}
			init.signal = s
		}
	}
	if m := member("window"); m != nil {
		init.window, init.hasWindow = m, true
	}
	return init
}
