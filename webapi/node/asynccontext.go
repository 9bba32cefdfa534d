package node

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// asyncContext is an immutable set of AsyncLocalStorage values: the
// "async context" that follows a logical flow of execution across
// promise reactions (goja's AsyncContextTracker), timers, nextTick and
// host operations. It is copied on write, so a captured context never
// changes.
type asyncContext struct {
	jsclass.Shell
	keys   []*goja.Object // AsyncLocalStorage instances
	values []goja.Value
}

func (c *asyncContext) get(key *goja.Object) goja.Value {
	if c == nil {
		return goja.Undefined()
	}
	for i, k := range c.keys {
		if k == key {
			return c.values[i]
		}
	}
	return goja.Undefined()
}

func (c *asyncContext) with(key *goja.Object, v goja.Value) *asyncContext {
	n := &asyncContext{}
	if c != nil {
		for i, k := range c.keys {
			if k != key {
				n.keys = append(n.keys, k)
				n.values = append(n.values, c.values[i])
			}
		}
	}
	if v != nil && !goja.IsUndefined(v) {
		n.keys = append(n.keys, key)
		n.values = append(n.values, v)
	}
	if len(n.keys) == 0 {
		return nil
	}
	return n
}

// asyncState is the isolate's current async context; it implements
// goja.AsyncContextTracker so promise jobs resume in the context that was
// current when they were scheduled.
type asyncState struct {
	current *asyncContext
}

func (s *asyncState) Grab() any {
	return s.current
}

func (s *asyncState) Resumed(v any) {
	s.current, _ = v.(*asyncContext)
}

func (s *asyncState) Exited() { s.current = nil }

type asyncKey struct{}

// asyncStateOf returns the isolate's async context state, registering it
// as goja's tracker on first use (so isolates that never touch
// AsyncLocalStorage pay nothing).
func asyncStateOf(iso *runtime.Isolate) *asyncState {
	if s, ok := iso.Value(asyncKey{}).(*asyncState); ok {
		return s
	}
	s := &asyncState{}
	iso.VM().SetAsyncContextTracker(s)
	iso.SetValue(asyncKey{}, s)
	return s
}

// CaptureAsyncContext returns a function that runs fn in the async context
// that is current now (AsyncLocalStorage stores), for host code that
// schedules callbacks outside promises (timers, I/O completions). Call it
// and the returned function on the isolate's goroutine.
func CaptureAsyncContext(iso *runtime.Isolate) func(fn func()) {
	s, ok := iso.Value(asyncKey{}).(*asyncState)
	if !ok {
		return func(fn func()) { fn() }
	}
	captured := s.current
	return func(fn func()) {
		prev := s.current
		s.current = captured
		defer func() { s.current = prev }()
		fn()
	}
}

// asyncBinding gives async_hooks.js and the other embedded modules the
// context operations.
func asyncBinding(e *env) *goja.Object {
	vm := e.vm
	s := asyncStateOf(e.iso)
	b := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		_ = b.Set(name, jsclass.Function(vm, name, length, f))
	}
	wrap := func(c *asyncContext) goja.Value {
		if c == nil {
			return goja.Null()
		}
		return vm.NewDynamicObject(c)
	}
	unwrap := func(v goja.Value) *asyncContext {
		if o, ok := v.(*goja.Object); ok {
			c, _ := o.Export().(*asyncContext)
			return c
		}
		return nil
	}
	// capture() → opaque snapshot of the current context.
	fn("capture", 0, func(goja.FunctionCall) goja.Value { return wrap(s.current) })
	// restore(snapshot)
	fn("restore", 1, func(call goja.FunctionCall) goja.Value {
		s.current = unwrap(call.Argument(0))
		return goja.Undefined()
	})
	// get(key) → the store of one AsyncLocalStorage.
	fn("get", 1, func(call goja.FunctionCall) goja.Value {
		key, _ := call.Argument(0).(*goja.Object)
		return s.current.get(key)
	})
	// set(key, store): enterWith.
	fn("set", 2, func(call goja.FunctionCall) goja.Value {
		key, _ := call.Argument(0).(*goja.Object)
		s.current = s.current.with(key, call.Argument(1))
		return goja.Undefined()
	})
	// runIn(snapshot, fn, thisArg, args): call fn in a captured context.
	fn("runIn", 4, func(call goja.FunctionCall) goja.Value {
		f, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			throwCoded(vm, "TypeError", "ERR_INVALID_ARG_TYPE", "The \"fn\" argument must be of type function.")
		}
		var args []goja.Value
		if a, ok := call.Argument(3).(*goja.Object); ok {
			n := int(a.Get("length").ToInteger())
			args = make([]goja.Value, n)
			for i := range args {
				args[i] = a.Get(itoa(i))
			}
		}
		prev := s.current
		s.current = unwrap(call.Argument(0))
		defer func() { s.current = prev }()
		v, err := f(call.Argument(2), args...)
		if err != nil {
			panic(err)
		}
		return v
	})
	return b
}
