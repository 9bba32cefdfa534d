package timers

import (
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// Options select profile-dependent behaviour.
type Options struct {
	// StringHandlers lets setTimeout/setInterval take a string of code,
	// compiled as a global script when the timer fires (browsers and the
	// WPT profile). When false (the default, and Vercel's production edge
	// runtime, where V8's code generation from strings is disabled) a
	// string handler throws EvalError "Code generation from strings
	// disallowed for this context" at the call.
	StringHandlers bool
	// ReportError defines the reportError(e) global. Next's edge runtime
	// has none; browsers and workers (the WPT profile) do.
	ReportError bool
	// Immediate defines setImmediate/clearImmediate globals backed by
	// SetImmediate/ClearImmediate (the Node profile wraps those itself).
	Immediate bool
}

// ErrCodeGeneration is the message of the EvalError a string handler
// throws when Options.StringHandlers is false (V8's wording).
const ErrCodeGeneration = "Code generation from strings disallowed for this context"

type stateKey struct{}

// state is the global's "map of setTimeout and setInterval IDs".
type state struct {
	opts   Options
	nextID int64
	active map[int64]runtime.TimerID
	// immediates maps setImmediate ids to their cancellation flag.
	immediates map[int64]*bool
}

func stateOf(iso *runtime.Isolate) *state {
	if s, ok := iso.Value(stateKey{}).(*state); ok {
		return s
	}
	s := &state{active: make(map[int64]runtime.TimerID), immediates: make(map[int64]*bool)}
	iso.SetValue(stateKey{}, s)
	return s
}

// Install defines setTimeout, setInterval, clearTimeout, clearInterval and
// queueMicrotask (and, per opts, reportError and setImmediate/clearImmediate)
// as globals. At most one Options value is used.
func Install(iso *runtime.Isolate, opts ...Options) {
	s := stateOf(iso)
	if len(opts) > 0 {
		s.opts = opts[0]
	}
	vm := iso.VM()
	def := func(name string, length int, fn func(*runtime.Isolate, goja.FunctionCall) goja.Value) {
		iso.DefineGlobal(name, jsclass.Function(vm, name, length, func(call goja.FunctionCall) goja.Value { return fn(iso, call) }))
	}
	def("setTimeout", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		return vm.ToValue(setTimer(iso, "setTimeout", call, false))
	})
	def("setInterval", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		return vm.ToValue(setTimer(iso, "setInterval", call, true))
	})
	def("clearTimeout", 0, clearTimer("clearTimeout"))
	def("clearInterval", 0, clearTimer("clearInterval"))
	def("queueMicrotask", 1, QueueMicrotaskFunction)
	if s.opts.ReportError {
		def("reportError", 1, events.ReportErrorFunction)
	}
	if s.opts.Immediate {
		def("setImmediate", 1, SetImmediate)
		def("clearImmediate", 1, ClearImmediate)
	}
}

// setTimer runs the timer initialization steps
// (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps)
// for a new timer and returns its id.
func setTimer(iso *runtime.Isolate, method string, call goja.FunctionCall, repeat bool) int64 {
	vm := iso.VM()
	s := stateOf(iso)
	ctx := webidl.Method("Window", method)
	// TimerHandler is (Function or TrustedScript or DOMString).
	handler := call.Argument(0)
	fn, isFn := goja.AssertFunction(handler)
	var code string
	if !isFn {
		code = ctx.DOMString(vm, handler)
		if !s.opts.StringHandlers {
			jsclass.Throw(vm, "EvalError", ErrCodeGeneration)
		}
	}
	// optional long timeout = 0
	timeout := int64(ctx.Long(vm, call.Argument(1), webidl.IntOptions{}))
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = append(args, call.Arguments[2:]...)
	}
	// 2. If previousId was given, let id be previousId; otherwise, let id
	// be an implementation-defined integer that is greater than zero and
	// does not already exist in global's map of setTimeout and setInterval IDs.
	s.nextID++
	id := s.nextID
	global := vm.GlobalObject()
	var task func()
	task = func() {
		// 1. If id does not exist in global's map of setTimeout and
		// setInterval IDs, then abort these steps.
		if _, ok := s.active[id]; !ok {
			return
		}
		// 4. If handler is a Function, then invoke handler given arguments
		// and "report", and with callback this value set to thisArg.
		if isFn {
			if _, err := fn(global, args...); err != nil {
				report(iso, err)
			}
		} else {
			// 5. Otherwise: ... create a classic script from handler and run it.
			if _, err := vm.RunScript("", code); err != nil {
				report(iso, err)
			}
		}
		// 6. If id does not exist in global's map of setTimeout and
		// setInterval IDs, then abort these steps.
		if _, ok := s.active[id]; !ok {
			return
		}
		// 8. If repeat is true, then perform the timer initialization steps
		// again, given global, handler, timeout, arguments, true, and id.
		if repeat {
			s.active[id] = iso.SetTimer(clamp(iso, timeout), false, task)
			return
		}
		// 9. Otherwise, remove global's map of setTimeout and setInterval IDs[id].
		delete(s.active, id)
	}
	// 11. Set global's map of setTimeout and setInterval IDs[id] to uniqueHandle.
	s.active[id] = iso.SetTimer(clamp(iso, timeout), false, task)
	// 14. Return id.
	return id
}

// clamp applies steps 3-5: a negative timeout is 0, and beyond nesting
// level 5 a timeout below 4 ms is 4 ms.
func clamp(iso *runtime.Isolate, timeout int64) time.Duration {
	// 4. If timeout is less than 0, then set timeout to 0.
	if timeout < 0 {
		timeout = 0
	}
	// 3. If the currently running task is a task that was created by this
	// algorithm, then let nesting level be the task's timer nesting level.
	// 5. If nesting level is greater than 5, and timeout is less than 4,
	// then set timeout to 4.
	if iso.TimerNesting() > 5 && timeout < 4 {
		timeout = 4
	}
	return time.Duration(timeout) * time.Millisecond
}

// report reports a JS exception; an interrupt (CPU deadline) keeps
// unwinding instead.
func report(iso *runtime.Isolate, err error) {
	if ex, ok := err.(*goja.Exception); ok {
		events.ReportException(iso, ex.Value())
		return
	}
	panic(err)
}

func clearTimer(method string) func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		// optional long id = 0
		id := int64(webidl.Method("Window", method).Long(iso.VM(), call.Argument(0), webidl.IntOptions{}))
		// The clearTimeout(id) and clearInterval(id) method steps are to
		// remove this's map of setTimeout and setInterval IDs[id].
		s := stateOf(iso)
		if tid, ok := s.active[id]; ok {
			delete(s.active, id)
			iso.ClearTimer(tid)
		}
		return goja.Undefined()
	}
}
