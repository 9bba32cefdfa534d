package server

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/nextserver"
	"github.com/edgerun/edgerun/webapi/node"
)

// The App Router glue is JavaScript (approute.js), like next/server: it
// calls user handlers and builds Responses, and next/headers must run on
// the same AsyncLocalStorage the handler's promises carry. It is compiled
// once per process and evaluated once per isolate, on first use.

//go:embed approute.js
var appRouteSource string

var (
	appRouteOnce    sync.Once
	appRouteProgram *goja.Program
	appRouteErr     error
)

// appRuntime is approute.js evaluated in one isolate.
type appRuntime struct {
	handle     goja.Callable
	headers    *goja.Object // next/headers
	navigation *goja.Object // next/navigation
}

type appRuntimeKey struct{}

// appRuntimeOf returns the isolate's App Router glue, evaluating it on
// first use. Call it on the isolate's goroutine.
func (s *Server) appRuntimeOf(iso *runtime.Isolate) (*appRuntime, error) {
	if rt, ok := iso.Value(appRuntimeKey{}).(*appRuntime); ok {
		return rt, nil
	}
	appRouteOnce.Do(func() {
		appRouteProgram, appRouteErr = goja.Compile("edgerun/app-route", appRouteSource, true)
	})
	if appRouteErr != nil {
		return nil, fmt.Errorf("server: app routes: %w", appRouteErr)
	}
	vm := iso.VM()
	als, err := asyncLocalStorageClass(iso)
	if err != nil {
		return nil, err
	}
	reqCookies, resCookies, err := nextserver.CookieClasses(iso)
	if err != nil {
		return nil, err
	}
	host := vm.NewObject()
	_ = host.Set("AsyncLocalStorage", als)
	_ = host.Set("RequestCookies", reqCookies)
	_ = host.Set("ResponseCookies", resCookies)
	_ = host.Set("dev", s.cfg.Mode == Development)
	_ = host.Set("logError", func(call goja.FunctionCall) goja.Value {
		s.log.Error("⨯ " + call.Argument(0).String())
		return goja.Undefined()
	})
	factoryV, err := vm.RunProgram(appRouteProgram)
	if err != nil {
		return nil, fmt.Errorf("server: app routes: %w", err)
	}
	factory, _ := goja.AssertFunction(factoryV)
	modV, err := factory(goja.Undefined(), host)
	if err != nil {
		return nil, fmt.Errorf("server: app routes: %w", err)
	}
	mod := modV.ToObject(vm)
	handle, _ := goja.AssertFunction(mod.Get("handle"))
	rt := &appRuntime{handle: handle, headers: mod.Get("headers").ToObject(vm), navigation: mod.Get("navigation").ToObject(vm)}
	iso.SetValue(appRuntimeKey{}, rt)
	return rt, nil
}

// asyncLocalStorageClass finds AsyncLocalStorage: a global in edge
// isolates (as in Next's sandbox), node:async_hooks' in the Node one.
func asyncLocalStorageClass(iso *runtime.Isolate) (goja.Value, error) {
	if v := iso.VM().Get("AsyncLocalStorage"); v != nil && !goja.IsUndefined(v) {
		return v, nil
	}
	m, err := node.Require(iso, "async_hooks")
	if err != nil {
		return nil, fmt.Errorf("server: app routes need AsyncLocalStorage: %w", err)
	}
	return m.ToObject(iso.VM()).Get("AsyncLocalStorage"), nil
}

// appModule serves require("next/headers") and require("next/navigation")
// in every isolate; ok is false for other ids.
func (s *Server) appModule(iso *runtime.Isolate, id string) (v goja.Value, ok bool, err error) {
	var pick func(*appRuntime) goja.Value
	switch id {
	case "next/headers", "next/headers.js":
		pick = func(rt *appRuntime) goja.Value { return rt.headers }
	case "next/navigation", "next/navigation.js":
		pick = func(rt *appRuntime) goja.Value { return rt.navigation }
	default:
		return nil, false, nil
	}
	rt, err := s.appRuntimeOf(iso)
	if err != nil {
		return nil, true, err
	}
	return pick(rt), true, nil
}
