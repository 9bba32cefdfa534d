package events

// https://dom.spec.whatwg.org/#interface-eventtarget

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// EventTarget is the Go value behind an EventTarget instance: its event
// listener list. Go types backing EventTargetClass subclasses embed it (and
// so implement Targeter).
type EventTarget struct {
	jsclass.Shell
	listeners []*listener
	handlers  map[string]*handlerSlot
}

// Targeter is implemented by the Go values of EventTarget and its
// subclasses (by embedding EventTarget).
type Targeter interface {
	Target() *EventTarget
}

// Target returns t itself (see Targeter).
func (t *EventTarget) Target() *EventTarget { return t }

// HasListeners reports whether any listener for typ is registered.
func (t *EventTarget) HasListeners(typ string) bool {
	for _, l := range t.listeners {
		if l.typ == typ && !l.removed {
			return true
		}
	}
	return false
}

// https://dom.spec.whatwg.org/#concept-event-listener
type listener struct {
	typ      string
	callback *goja.Object
	capture  bool
	passive  bool
	once     bool
	removed  bool
	// unsubscribe removes the abort algorithm added for the signal option.
	unsubscribe func()
}

// TargetOf returns the listener list of an EventTarget (or subclass)
// instance, or of the global object once MakeGlobalEventTarget ran.
func TargetOf(iso *runtime.Isolate, v goja.Value) (*EventTarget, bool) {
	t, ok := jsclass.Unwrap[Targeter](iso, v)
	if !ok {
		return nil, false
	}
	return t.Target(), true
}

// thisTarget resolves the receiver of an EventTarget method. WebIDL uses
// the global object when this is undefined or null, which is what makes a
// bare addEventListener(...) call work on a global that is an EventTarget.
func thisTarget(iso *runtime.Isolate, this goja.Value) (*EventTarget, *goja.Object) {
	if webidl.IsNullish(this) {
		this = iso.VM().GlobalObject()
	}
	t, ok := TargetOf(iso, this)
	if !ok {
		jsclass.Throw(iso.VM(), "TypeError", "Illegal invocation")
	}
	return t, this.(*goja.Object)
}

// EventTargetClass is the EventTarget interface. Classes that extend it set
// Extends: events.EventTargetClass and back their instances with a Go type
// that embeds events.EventTarget.
var EventTargetClass = &jsclass.Class{
	Name:   "EventTarget",
	Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		return &EventTarget{}
	},
	Members: []jsclass.Member{
		jsclass.Static("addEventListener", 2, addEventListener),
		jsclass.Static("removeEventListener", 2, removeEventListener),
		jsclass.Static("dispatchEvent", 1, dispatchEvent),
	},
}

// callbackArg converts the EventListener? argument.
func callbackArg(ctx webidl.Context, vm *goja.Runtime, v goja.Value) *goja.Object {
	if webidl.IsNullish(v) {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		ctx.TypeError(vm, "parameter 2 is not of type 'Object'.")
	}
	return o
}

func addEventListener(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("EventTarget", "addEventListener")
	t, _ := thisTarget(iso, call.This)
	ctx.RequireArgs(vm, call, 2)
	typ := ctx.DOMString(vm, call.Argument(0))
	cb := callbackArg(ctx, vm, call.Argument(1))
	// https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener
	// 1. Let capture, passive, once, and signal be the result of flattening more options.
	l := &listener{typ: typ, callback: cb}
	var signal *AbortSignal
	switch opts := call.Argument(2).(type) {
	case *goja.Object:
		if v := webidl.Member(opts, "capture"); v != nil {
			l.capture = v.ToBoolean()
		}
		if v := webidl.Member(opts, "once"); v != nil {
			l.once = v.ToBoolean()
		}
		if v := webidl.Member(opts, "passive"); v != nil {
			l.passive = v.ToBoolean()
		}
		if v := webidl.Member(opts, "signal"); v != nil {
			s, ok := SignalOf(iso, v)
			if !ok {
				ctx.TypeError(vm, "Failed to read the 'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.")
			}
			signal = s
		}
	default:
		l.capture = opts.ToBoolean()
	}
	// 2. Add an event listener with this and an event listener whose type
	// is type, callback is callback, capture is capture, passive is passive,
	// once is once, and signal is signal.
	t.add(l, signal)
	return goja.Undefined()
}

// add is https://dom.spec.whatwg.org/#add-an-event-listener.
func (t *EventTarget) add(l *listener, signal *AbortSignal) {
	// 2. If listener's signal is not null and is aborted, then return.
	if signal != nil && signal.aborted {
		return
	}
	// 3. If listener's callback is null, then return.
	if l.callback == nil {
		return
	}
	// 4. If eventTarget's event listener list does not contain an event
	// listener whose type is listener's type, callback is listener's
	// callback, and capture is listener's capture, then append listener to
	// eventTarget's event listener list.
	if t.find(l.typ, l.callback, l.capture) != nil {
		return
	}
	t.listeners = append(t.listeners, l)
	// 5. If listener's signal is not null, then add the following abort
	// steps to it: remove an event listener with eventTarget and listener.
	if signal != nil {
		l.unsubscribe = signal.OnAbort(func() { t.remove(l) })
	}
}

func (t *EventTarget) find(typ string, cb *goja.Object, capture bool) *listener {
	for _, l := range t.listeners {
		if l.typ == typ && l.capture == capture && l.callback.SameAs(cb) {
			return l
		}
	}
	return nil
}

// remove is https://dom.spec.whatwg.org/#remove-an-event-listener.
func (t *EventTarget) remove(l *listener) {
	// 2. Set listener's removed to true and remove listener from
	// eventTarget's event listener list.
	l.removed = true
	if l.unsubscribe != nil {
		l.unsubscribe()
		l.unsubscribe = nil
	}
	for i, x := range t.listeners {
		if x == l {
			t.listeners = append(t.listeners[:i:i], t.listeners[i+1:]...)
			return
		}
	}
}

func removeEventListener(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("EventTarget", "removeEventListener")
	t, _ := thisTarget(iso, call.This)
	ctx.RequireArgs(vm, call, 2)
	typ := ctx.DOMString(vm, call.Argument(0))
	cb := callbackArg(ctx, vm, call.Argument(1))
	// 1. Let capture be the result of flattening options.
	capture := false
	switch opts := call.Argument(2).(type) {
	case *goja.Object:
		if v := webidl.Member(opts, "capture"); v != nil {
			capture = v.ToBoolean()
		}
	default:
		capture = opts.ToBoolean()
	}
	// 2. If this's event listener list contains an event listener whose
	// type is type, callback is callback, and capture is capture, then
	// remove an event listener with this and that event listener.
	if cb == nil {
		return goja.Undefined()
	}
	if l := t.find(typ, cb, capture); l != nil {
		t.remove(l)
	}
	return goja.Undefined()
}

func dispatchEvent(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("EventTarget", "dispatchEvent")
	_, target := thisTarget(iso, call.This)
	ctx.RequireArgs(vm, call, 1)
	e, ok := EventOf(iso, call.Argument(0))
	if !ok {
		ctx.TypeError(vm, "parameter 1 is not of type 'Event'.")
	}
	// 1. If event's dispatch flag is set, or if its initialized flag is not
	// set, then throw an "InvalidStateError" DOMException.
	if e.dispatching {
		ThrowDOMException(iso, string(ctx)+": The event is already being dispatched.", "InvalidStateError")
	}
	if !e.initialized {
		ThrowDOMException(iso, string(ctx)+": The event provided is uninitialized.", "InvalidStateError")
	}
	// 2. Initialize event's isTrusted attribute to false.
	e.trusted = false
	// 3. Return the result of dispatching event to this.
	return vm.ToValue(dispatch(iso, target, call.Argument(0).(*goja.Object), e))
}
