package timers

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// SetImmediate is a setImmediate(callback, ...args) native: it queues the
// callback as a macrotask that runs after the tasks already queued (before
// due timers are looked at) and returns a positive numeric id for
// ClearImmediate. It is not part of any web standard; the Node profile
// wraps it (Node returns an Immediate object).
func SetImmediate(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(vm.NewTypeError(`The "callback" argument must be of type function. Received ` + describeArg(call.Argument(0))))
	}
	args := append([]goja.Value(nil), call.Arguments[min(1, len(call.Arguments)):]...)
	s := stateOf(iso)
	s.nextID++
	id := s.nextID
	canceled := new(bool)
	s.immediates[id] = canceled
	global := vm.GlobalObject()
	err := iso.Run(iso.Current(), func() {
		delete(s.immediates, id)
		if *canceled {
			return
		}
		if _, err := fn(global, args...); err != nil {
			report(iso, err)
		}
	})
	if err != nil {
		delete(s.immediates, id)
	}
	return vm.ToValue(id)
}

// ClearImmediate cancels an immediate made by SetImmediate.
func ClearImmediate(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	s := stateOf(iso)
	id := call.Argument(0).ToInteger()
	if c, ok := s.immediates[id]; ok {
		*c = true
		delete(s.immediates, id)
	}
	return goja.Undefined()
}

func describeArg(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if _, ok := v.(*goja.Object); ok {
		return "an instance of Object"
	}
	return "type " + v.ExportType().Kind().String() + " (" + v.String() + ")"
}
