package fetch

import (
	"net/http"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// DefaultUserAgent is the User-Agent fetch() sends when the request has none.
const DefaultUserAgent = "edgerun"

// Options configure fetch() for one isolate.
type Options struct {
	// Client performs fetch()'s HTTP requests. Nil uses a process-wide client
	// whose transport (and so connection pool) every isolate shares. Its
	// CheckRedirect is never consulted: fetch follows redirects itself.
	Client *http.Client
	// AllowHost, if set, is asked before every network request (including
	// each redirect) with the URL's host name; a false answer fails the fetch
	// with TypeError("fetch failed") whose cause names the host. Nil allows
	// every host.
	AllowHost func(host string) bool
	// UserAgent is the User-Agent header added when the request has none.
	// Empty means DefaultUserAgent.
	UserAgent string
	// BaseURL is the API base URL relative URLs resolve against in
	// new Request(), fetch() and Response.redirect() (a document's URL in a
	// browser). Empty means relative URLs fail, as in Next.js edge routes.
	BaseURL string
	// BrowserGuards applies the Headers guards' browser-only filtering:
	// forbidden request-headers (Cookie, Host, Origin, Sec-*...) are dropped
	// from Request headers and Set-Cookie from Response headers. Server
	// runtimes (undici, Deno, workerd, Next.js) do not filter, and routes rely
	// on setting those headers, so it is off by default.
	BrowserGuards bool
}

type stateKey struct{}

// state is the per-isolate fetch configuration and cached JS values.
type state struct {
	opts          Options
	client        *http.Client
	dataViewProto *goja.Object
}

func stateOf(iso *runtime.Isolate) *state {
	if s, ok := iso.Value(stateKey{}).(*state); ok {
		return s
	}
	s := &state{client: sharedClient, opts: Options{UserAgent: DefaultUserAgent}}
	s.dataViewProto = iso.VM().Get("DataView").(*goja.Object).Get("prototype").(*goja.Object)
	iso.SetValue(stateKey{}, s)
	return s
}

// Install exposes Headers, Request, Response and fetch as lazily built
// globals. Call it on the isolate's goroutine (from Setup).
func Install(iso *runtime.Isolate, opts Options) {
	s := stateOf(iso)
	s.opts = opts
	if opts.UserAgent == "" {
		s.opts.UserAgent = DefaultUserAgent
	}
	if opts.Client != nil {
		s.client = noRedirectClient(opts.Client)
	}
	jsclass.Install(iso, HeadersClass, RequestClass, ResponseClass)
	iso.DefineLazyGlobal("fetch", func() goja.Value { return fetchFunction(iso) })
}
