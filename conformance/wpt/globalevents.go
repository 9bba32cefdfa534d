package wpt

import (
	"github.com/dop251/goja"
)

// globalEvents is the event target behind the worker global object: the
// listener list for addEventListener/removeEventListener/dispatchEvent and
// the event handler attributes (onerror...). It is the minimal version the
// runner needs until webapi/events can make the global object a real
// EventTarget; it lives behind installGlobalEvents and dispatch so that swap
// touches this file only.
//
// It implements the parts of DOM §2.9 "inner invoke" that tests of the
// global object rely on: listeners run in order, a listener added during
// dispatch does not run, a removed one does not run, once listeners are
// removed before running, handleEvent objects are called, and the global's
// onerror handler gets the five-argument form for error events (HTML
// §8.1.8.2). Capture and bubbling phases do not exist on a global.
type globalEvents struct {
	sc        *scope
	listeners map[string][]*listener
	handlers  map[string]goja.Value // event handler attributes, by event type
}

type listener struct {
	callback goja.Value // nil for the event handler attribute's listener
	handler  string     // event type, when this is an event handler's listener
	capture  bool
	once     bool
	removed  bool
}

// eventHandlerTypes are the event handler attributes of
// WorkerGlobalScope and DedicatedWorkerGlobalScope.
var eventHandlerTypes = []string{
	"error", "languagechange", "offline", "online", "rejectionhandled",
	"unhandledrejection", "message", "messageerror",
}

func newGlobalEvents(sc *scope) *globalEvents {
	return &globalEvents{sc: sc, listeners: map[string][]*listener{}, handlers: map[string]goja.Value{}}
}

// installGlobalEvents defines the EventTarget methods (on proto) and the
// event handler attributes (on the global object, where [Global]
// interfaces keep their members).
func (ge *globalEvents) install(vm *goja.Runtime, proto, global *goja.Object) {
	method := func(name string, length int, fn func(call goja.FunctionCall) goja.Value) {
		f := vm.ToValue(fn).(*goja.Object)
		_ = f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = f.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	method("addEventListener", 2, ge.jsAdd)
	method("removeEventListener", 2, ge.jsRemove)
	method("dispatchEvent", 1, ge.jsDispatch)
	for _, typ := range eventHandlerTypes {
		typ := typ
		get := vm.ToValue(func(goja.FunctionCall) goja.Value {
			if h, ok := ge.handlers[typ]; ok {
				return h
			}
			return goja.Null()
		})
		set := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			ge.setHandler(typ, call.Argument(0))
			return goja.Undefined()
		})
		_ = global.DefineAccessorProperty("on"+typ, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}

// setHandler implements setting an event handler IDL attribute: a
// non-callable value becomes null; the first non-null value adds the
// handler's listener at the end of the list (HTML §8.1.8.1).
func (ge *globalEvents) setHandler(typ string, v goja.Value) {
	if _, ok := goja.AssertFunction(v); !ok {
		delete(ge.handlers, typ)
		return
	}
	if _, had := ge.handlers[typ]; !had {
		registered := false
		for _, l := range ge.listeners[typ] {
			if l.handler == typ {
				registered = true
			}
		}
		if !registered {
			ge.listeners[typ] = append(ge.listeners[typ], &listener{handler: typ})
		}
	}
	ge.handlers[typ] = v
}

// flattenOptions reads the capture/once members of an options argument.
func flattenOptions(v goja.Value) (capture, once bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return false, false
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return v.ToBoolean(), false
	}
	if c := obj.Get("capture"); c != nil {
		capture = c.ToBoolean()
	}
	if o := obj.Get("once"); o != nil {
		once = o.ToBoolean()
	}
	return capture, once
}

func (ge *globalEvents) jsAdd(call goja.FunctionCall) goja.Value {
	vm := ge.sc.vm
	if len(call.Arguments) < 2 {
		panic(vm.NewTypeError("Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only %d present.", len(call.Arguments)))
	}
	typ := call.Argument(0).String()
	cb := call.Argument(1)
	if goja.IsNull(cb) || goja.IsUndefined(cb) {
		return goja.Undefined()
	}
	if _, ok := cb.(*goja.Object); !ok {
		panic(vm.NewTypeError("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'Object'."))
	}
	capture, once := flattenOptions(call.Argument(2))
	for _, l := range ge.listeners[typ] {
		if l.callback != nil && l.callback.StrictEquals(cb) && l.capture == capture {
			return goja.Undefined()
		}
	}
	ge.listeners[typ] = append(ge.listeners[typ], &listener{callback: cb, capture: capture, once: once})
	return goja.Undefined()
}

func (ge *globalEvents) jsRemove(call goja.FunctionCall) goja.Value {
	vm := ge.sc.vm
	if len(call.Arguments) < 2 {
		panic(vm.NewTypeError("Failed to execute 'removeEventListener' on 'EventTarget': 2 arguments required, but only %d present.", len(call.Arguments)))
	}
	typ := call.Argument(0).String()
	cb := call.Argument(1)
	capture, _ := flattenOptions(call.Argument(2))
	ge.remove(typ, func(l *listener) bool {
		return l.callback != nil && l.callback.StrictEquals(cb) && l.capture == capture
	})
	return goja.Undefined()
}

func (ge *globalEvents) remove(typ string, match func(*listener) bool) {
	ls := ge.listeners[typ]
	for i, l := range ls {
		if match(l) {
			l.removed = true
			ge.listeners[typ] = append(ls[:i:i], ls[i+1:]...)
			return
		}
	}
}

func (ge *globalEvents) jsDispatch(call goja.FunctionCall) goja.Value {
	vm := ge.sc.vm
	ev, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'."))
	}
	return vm.ToValue(ge.dispatch(ev, false))
}

// dispatch runs the listeners for ev's type with the global as this and
// returns false if the event was canceled. errorEvent selects the onerror
// five-argument form (ev is an ErrorEvent).
func (ge *globalEvents) dispatch(ev *goja.Object, errorEvent bool) bool {
	vm := ge.sc.vm
	typ := ev.Get("type").String()
	if !errorEvent && typ == "error" {
		if ctor, ok := vm.Get("ErrorEvent").(*goja.Object); ok {
			errorEvent = vm.InstanceOf(ev, ctor)
		}
	}
	global := vm.GlobalObject()
	canceled := false
	snapshot := append([]*listener(nil), ge.listeners[typ]...)
	for _, l := range snapshot {
		if l.removed {
			continue
		}
		if l.once {
			ge.remove(typ, func(x *listener) bool { return x == l })
		}
		if l.handler != "" {
			h, ok := ge.handlers[l.handler]
			if !ok {
				continue
			}
			fn, _ := goja.AssertFunction(h)
			var ret goja.Value
			var err error
			if errorEvent {
				ret, err = fn(global, ev.Get("message"), ev.Get("filename"), ev.Get("lineno"), ev.Get("colno"), ev.Get("error"))
				if err == nil && ret != nil && ret.StrictEquals(vm.ToValue(true)) {
					canceled = true
				}
			} else {
				ret, err = fn(global, ev)
				if err == nil && ret != nil && ret.StrictEquals(vm.ToValue(false)) {
					canceled = true
				}
			}
			ge.sc.reportCallbackError(err)
			continue
		}
		var err error
		if fn, ok := goja.AssertFunction(l.callback); ok {
			_, err = fn(global, ev)
		} else if obj, ok := l.callback.(*goja.Object); ok {
			he, ok := goja.AssertFunction(obj.Get("handleEvent"))
			if !ok {
				ge.sc.reportException(vm.NewTypeError("The provided callback is not a function and has no handleEvent method."), nil)
				continue
			}
			_, err = he(obj, ev)
		}
		ge.sc.reportCallbackError(err)
	}
	if dp := ev.Get("defaultPrevented"); dp != nil && dp.ToBoolean() {
		canceled = true
	}
	return !canceled
}
