package events

// https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// handlerSlot is one event handler: its value and the listener that was
// registered for it when it was first set (the listener keeps its place in
// the list while the value changes, as HTML requires).
type handlerSlot struct {
	value    *goja.Object
	listener *listener
}

// HandlerAttribute declares an event handler IDL attribute such as
// `onabort` for events of type eventType, on a class whose Go values
// implement Targeter.
func HandlerAttribute(name, eventType string) jsclass.Member {
	return jsclass.Accessor(name,
		func(t Targeter, iso *runtime.Isolate) goja.Value {
			return t.Target().Handler(eventType)
		},
		func(t Targeter, iso *runtime.Isolate, v goja.Value) {
			t.Target().SetHandler(iso, eventType, v)
		})
}

// Handler returns the event handler for eventType (null when unset).
func (t *EventTarget) Handler(eventType string) goja.Value {
	if h := t.handlers[eventType]; h != nil && h.value != nil {
		return h.value
	}
	return goja.Null()
}

// SetHandler sets the event handler for eventType. EventHandler is
// [LegacyTreatNonObjectAsNull]: any non-object clears it.
func (t *EventTarget) SetHandler(iso *runtime.Isolate, eventType string, v goja.Value) {
	obj, _ := v.(*goja.Object)
	h := t.handlers[eventType]
	if obj == nil {
		// Deactivate an event handler: remove its listener.
		if h != nil {
			if h.listener != nil {
				t.remove(h.listener)
			}
			delete(t.handlers, eventType)
		}
		return
	}
	if h == nil {
		if t.handlers == nil {
			t.handlers = make(map[string]*handlerSlot)
		}
		h = &handlerSlot{}
		t.handlers[eventType] = h
	}
	h.value = obj
	// Activate an event handler: register its listener once.
	if h.listener == nil {
		l := &listener{typ: eventType, callback: handlerCallback(iso, h)}
		t.listeners = append(t.listeners, l)
		h.listener = l
	}
}

// handlerCallback is the event handler processing algorithm
// (https://html.spec.whatwg.org/multipage/webappapis.html#the-event-handler-processing-algorithm).
func handlerCallback(iso *runtime.Isolate, h *handlerSlot) *goja.Object {
	vm := iso.VM()
	return jsclass.Function(vm, "", 1, func(call goja.FunctionCall) goja.Value {
		eventObj := call.Argument(0)
		// 1. Let callback be the result of getting the current value of the
		// event handler.
		// 2. If callback is null, then return.
		fn, ok := goja.AssertFunction(h.value)
		if !ok {
			return goja.Undefined()
		}
		e, _ := EventOf(iso, eventObj)
		// 3. Let special error event handling be true if event is an
		// ErrorEvent object, event's type is "error", and event's
		// currentTarget implements the WindowOrWorkerGlobalScope mixin.
		if ee, ok := jsclass.Unwrap[*ErrorEvent](iso, eventObj); ok && e.typ == "error" && e.currentTarget == vm.GlobalObject() {
			// 4. Invoke callback with five arguments: event's message,
			// filename, lineno, colno and error.
			ret, err := fn(call.This, vm.ToValue(ee.message), vm.ToValue(ee.filename), vm.ToValue(ee.lineno), vm.ToValue(ee.colno), ee.errorValue())
			if err != nil {
				panic(err)
			}
			// 5. If special error event handling is true: if return value
			// is true, then set event's canceled flag.
			if b, ok := ret.Export().(bool); ok && b {
				e.setCanceled()
			}
			return goja.Undefined()
		}
		// 4. Otherwise, invoke callback with one argument, event.
		ret, err := fn(call.This, eventObj)
		if err != nil {
			panic(err)
		}
		// 5. Process return value: if return value is false, then set
		// event's canceled flag.
		if b, ok := ret.Export().(bool); ok && !b && e != nil {
			e.setCanceled()
		}
		return goja.Undefined()
	})
}
