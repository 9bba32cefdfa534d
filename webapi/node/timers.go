package node

import (
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// timersBinding schedules Node timers on the isolate's event loop. The
// Timeout/Immediate objects, their ids and ref state live in timers.js.
func timersBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	// schedule(delayMs, repeat, callback) → loop timer id.
	_ = b.Set("schedule", jsclass.Function(vm, "schedule", 3, func(call goja.FunctionCall) goja.Value {
		ms := call.Argument(0).ToFloat()
		repeat := call.Argument(1).ToBoolean()
		cb, ok := goja.AssertFunction(call.Argument(2))
		if !ok {
			throwCoded(vm, "TypeError", "ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function.`)
		}
		d := time.Duration(ms * float64(time.Millisecond))
		id := e.iso.SetTimer(d, repeat, func() {
			if _, err := cb(goja.Undefined()); err != nil {
				reportTaskError(e, err)
			}
		})
		return vm.ToValue(int64(id))
	}))
	_ = b.Set("cancel", jsclass.Function(vm, "cancel", 1, func(call goja.FunctionCall) goja.Value {
		e.iso.ClearTimer(runtime.TimerID(call.Argument(0).ToInteger()))
		return goja.Undefined()
	}))
	return b
}

// reportTaskError handles an exception thrown by a callback the event
// loop ran (a timer, an fs completion): process 'uncaughtException'
// listeners get it, as in Node; otherwise it is logged.
func reportTaskError(e *env, err error) {
	if _, ok := err.(*goja.InterruptedError); ok {
		panic(err)
	}
	if ex, ok := err.(*goja.Exception); ok {
		if EmitProcessEvent(e.iso, "uncaughtException", ex.Value(), e.vm.ToValue("uncaughtException")) {
			return
		}
	}
	e.iso.Logger().Error("node: uncaught exception in a callback", "error", err)
}

// EmitProcessEvent emits event on the isolate's process object when the
// process module is loaded and has listeners for it, and reports whether
// it did. Hosts use it for 'unhandledRejection' and 'uncaughtException',
// falling back to their own logging when it returns false. Call on the
// isolate's goroutine.
func EmitProcessEvent(iso *runtime.Isolate, event string, args ...goja.Value) bool {
	e, ok := iso.Value(envKey{}).(*env)
	if !ok {
		return false
	}
	p, ok := e.modules["process"].(*goja.Object)
	if !ok {
		return false
	}
	count, ok := goja.AssertFunction(p.Get("listenerCount"))
	if !ok {
		return false
	}
	n, err := count(p, e.vm.ToValue(event))
	if err != nil || n.ToInteger() == 0 {
		return false
	}
	emit, _ := goja.AssertFunction(p.Get("emit"))
	_, err = emit(p, append([]goja.Value{e.vm.ToValue(event)}, args...)...)
	if err != nil {
		e.iso.Logger().Error("node: process '"+event+"' listener threw", "error", err)
	}
	return true
}
