package nextserver

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/fetch"
)

//go:embed next-server.js
var source string

var (
	compileOnce sync.Once
	program     *goja.Program
	compileErr  error
)

func compiled() (*goja.Program, error) {
	compileOnce.Do(func() {
		program, compileErr = goja.Compile("next/server", source, true)
	})
	return program, compileErr
}

// Options describe the project as next/server sees it: the subset of
// next.config Next passes to the edge adapter (request.nextConfig).
type Options struct {
	BasePath      string
	TrailingSlash bool
	Locales       []string
	DefaultLocale string
	Domains       []Domain
	// SkipURLNormalize is skipProxyUrlNormalize: request.url is then the
	// URL as received instead of nextUrl's normalised form.
	SkipURLNormalize bool
}

// Domain is one i18n.domains entry (nextUrl.domainLocale).
type Domain struct {
	Domain        string
	DefaultLocale string
	Locales       []string
	HTTP          bool
}

type moduleKey struct{}
type optionsKey struct{}
type hintKey struct{ page string }
type hintFnKey struct{}
type cookieClassesKey struct{}

// Install records the options for this isolate; the module itself is built
// on the first Module call.
func Install(iso *runtime.Isolate, opts Options) {
	iso.SetValue(optionsKey{}, opts)
}

// Module returns the next/server exports for iso.
func Module(iso *runtime.Isolate) (*goja.Object, error) {
	if m, ok := iso.Value(moduleKey{}).(*goja.Object); ok {
		return m, nil
	}
	prg, err := compiled()
	if err != nil {
		return nil, fmt.Errorf("nextserver: %w", err)
	}
	vm := iso.VM()
	factoryV, err := vm.RunProgram(prg)
	if err != nil {
		return nil, fmt.Errorf("nextserver: %w", err)
	}
	factory, _ := goja.AssertFunction(factoryV)
	opts, _ := iso.Value(optionsKey{}).(Options)
	hostObj := vm.NewObject()
	_ = hostObj.Set("nextConfig", nextConfig(vm, opts))
	_ = hostObj.Set("skipURLNormalize", opts.SkipURLNormalize)
	_ = hostObj.Set("takeBody", func(call goja.FunctionCall) goja.Value {
		resp, ok := fetch.ResponseOf(iso, call.Argument(0))
		if !ok {
			return goja.Null()
		}
		stream, bytes := resp.Body()
		if stream != nil {
			return stream
		}
		if bytes == nil {
			return goja.Null()
		}
		return vm.ToValue(vm.NewArrayBuffer(bytes))
	})
	_ = hostObj.Set("parseUserAgent", func(call goja.FunctionCall) goja.Value {
		if goja.IsUndefined(call.Argument(0)) {
			return parseUserAgent(vm, "")
		}
		return parseUserAgent(vm, call.Argument(0).String())
	})
	modV, err := factory(goja.Undefined(), hostObj)
	if err != nil {
		return nil, fmt.Errorf("nextserver: %w", err)
	}
	m := modV.(*goja.Object)
	// The module leaves its private hooks on the host object, out of the
	// exports users can see.
	hint, _ := goja.AssertFunction(hostObj.Get("hintPrototype"))
	iso.SetValue(hintFnKey{}, hint)
	iso.SetValue(cookieClassesKey{}, [2]*goja.Object{hostObj.Get("RequestCookies").ToObject(vm), hostObj.Get("ResponseCookies").ToObject(vm)})
	iso.SetValue(moduleKey{}, m)
	return m, nil
}

// nextConfig builds request.nextConfig as Next's adapter receives it
// ({basePath, i18n, trailingSlash}).
func nextConfig(vm *goja.Runtime, opts Options) *goja.Object {
	c := vm.NewObject()
	_ = c.Set("basePath", opts.BasePath)
	_ = c.Set("trailingSlash", opts.TrailingSlash)
	if len(opts.Locales) > 0 {
		i18n := vm.NewObject()
		_ = i18n.Set("locales", opts.Locales)
		_ = i18n.Set("defaultLocale", opts.DefaultLocale)
		if len(opts.Domains) > 0 {
			domains := make([]any, len(opts.Domains))
			for i, d := range opts.Domains {
				o := vm.NewObject()
				_ = o.Set("domain", d.Domain)
				_ = o.Set("defaultLocale", d.DefaultLocale)
				if d.Locales != nil {
					_ = o.Set("locales", d.Locales)
				}
				if d.HTTP {
					_ = o.Set("http", true)
				}
				domains[i] = o
			}
			_ = i18n.Set("domains", domains)
		}
		_ = c.Set("i18n", i18n)
	} else {
		_ = c.Set("i18n", goja.Null())
	}
	return c
}

// AdoptRequest turns a host-built Request into the NextRequest an edge
// handler receives (Next's NextRequestHint for page): it gets the hint's
// prototype, so nextUrl, cookies and the normalised url are built lazily
// on first access and a handler that never reads them pays nothing; the
// prototype is made once per page and isolate.
func AdoptRequest(iso *runtime.Isolate, req *goja.Object, page string) error {
	if proto, ok := iso.Value(hintKey{page}).(*goja.Object); ok {
		return req.SetPrototype(proto)
	}
	if _, err := Module(iso); err != nil {
		return err
	}
	hint, _ := iso.Value(hintFnKey{}).(goja.Callable)
	protoV, err := hint(goja.Undefined(), iso.VM().ToValue(page))
	if err != nil {
		return fmt.Errorf("nextserver: %w", err)
	}
	proto := protoV.(*goja.Object)
	iso.SetValue(hintKey{page}, proto)
	return req.SetPrototype(proto)
}

// CookieClasses returns next/server's RequestCookies and ResponseCookies
// classes (@edge-runtime/cookies as Next bundles them), which next/headers
// builds cookies() on. They are not next/server exports.
func CookieClasses(iso *runtime.Isolate) (request, response *goja.Object, err error) {
	if _, err := Module(iso); err != nil {
		return nil, nil, err
	}
	c, _ := iso.Value(cookieClassesKey{}).([2]*goja.Object)
	return c[0], c[1], nil
}
