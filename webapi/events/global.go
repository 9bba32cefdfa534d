package events

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// MakeGlobalEventTarget turns globalThis into an EventTarget the way a
// worker's global scope is one (the WPT profile and Next's edge runtime,
// which has addEventListener/removeEventListener): it gets an event
// listener list and own addEventListener, removeEventListener and
// dispatchEvent properties (the very functions on EventTarget.prototype,
// which accept an undefined this as the global), plus the onerror,
// onunhandledrejection and onrejectionhandled handler attributes. The
// global's prototype chain is left alone, so `globalThis instanceof
// EventTarget` stays false. Exceptions reported afterwards fire "error"
// at the global, and ReportUnhandledRejection fires "unhandledrejection".
// Call on the isolate's goroutine, typically from Setup.
func MakeGlobalEventTarget(iso *runtime.Isolate) {
	vm := iso.VM()
	g := vm.GlobalObject()
	if _, ok := TargetOf(iso, g); ok {
		return
	}
	t := &EventTarget{}
	jsclass.Brand(iso, g, t)
	proto := jsclass.Get(iso, EventTargetClass).Proto
	for _, name := range []string{"addEventListener", "removeEventListener", "dispatchEvent"} {
		_ = g.DefineDataProperty(name, proto.Get(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	for _, typ := range []string{"error", "unhandledrejection", "rejectionhandled"} {
		typ := typ
		get := jsclass.Function(vm, "get on"+typ, 0, func(goja.FunctionCall) goja.Value { return t.Handler(typ) })
		set := jsclass.Function(vm, "set on"+typ, 1, func(call goja.FunctionCall) goja.Value {
			t.SetHandler(iso, typ, call.Argument(0))
			return goja.Undefined()
		})
		_ = g.DefineAccessorProperty("on"+typ, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}
