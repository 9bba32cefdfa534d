package nextserver

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
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

// Options describe the project as next/server reports it.
type Options struct {
	BasePath      string
	Locales       []string
	DefaultLocale string
	// BuildID is nextUrl.buildId; empty in development (undefined, as next dev).
	BuildID string
}

type moduleKey struct{}
type optionsKey struct{}

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
	var cfg goja.Value = goja.Undefined()
	_ = hostObj.Set("nextConfig", func(goja.FunctionCall) goja.Value {
		if cfg == goja.Undefined() {
			c := vm.NewObject()
			_ = c.Set("basePath", opts.BasePath)
			if len(opts.Locales) > 0 {
				i18n := vm.NewObject()
				_ = i18n.Set("locales", opts.Locales)
				_ = i18n.Set("defaultLocale", opts.DefaultLocale)
				_ = c.Set("i18n", i18n)
			}
			cfg = c
		}
		return cfg
	})
	_ = hostObj.Set("buildId", func(goja.FunctionCall) goja.Value {
		if opts.BuildID == "" {
			return goja.Undefined()
		}
		return vm.ToValue(opts.BuildID)
	})
	_ = hostObj.Set("NextFetchEvent", jsclass.Get(iso, fetchEventClass).Ctor)
	_ = hostObj.Set("parseUserAgent", func(call goja.FunctionCall) goja.Value {
		return parseUserAgent(vm, call.Argument(0).String())
	})
	modV, err := factory(goja.Undefined(), hostObj)
	if err != nil {
		return nil, fmt.Errorf("nextserver: %w", err)
	}
	m := modV.(*goja.Object)
	iso.SetValue(moduleKey{}, m)
	return m, nil
}

// AdoptRequest turns a host-built Request into a NextRequest by giving it
// NextRequest.prototype; its nextUrl and cookies are built lazily on first
// access, so a handler that never reads them pays nothing.
func AdoptRequest(iso *runtime.Isolate, req *goja.Object) error {
	m, err := Module(iso)
	if err != nil {
		return err
	}
	ctor := m.Get("NextRequest").(*goja.Object)
	return req.SetPrototype(ctor.Get("prototype").(*goja.Object))
}
