package events_test

import (
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// timersForTest defines a bare setTimeout(fn, ms) for the tests (the real
// one lives in webapi/timers, which imports this package).
func timersForTest(iso *runtime.Isolate) {
	vm := iso.VM()
	_ = vm.Set("setTimeout", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(0))
		iso.SetTimer(time.Duration(call.Argument(1).ToInteger())*time.Millisecond, false, func() { _, _ = fn(goja.Undefined()) })
		return goja.Undefined()
	})
}
