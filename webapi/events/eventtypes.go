package events

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// CustomEvent is the Go value behind a CustomEvent instance
// (https://dom.spec.whatwg.org/#interface-customevent).
type CustomEvent struct {
	Event
	detail goja.Value
}

func orNull(v goja.Value) goja.Value {
	if v == nil {
		return goja.Null()
	}
	return v
}

func orUndefined(v goja.Value) goja.Value {
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// CustomEventClass is the CustomEvent interface.
var CustomEventClass = &jsclass.Class{
	Name:    "CustomEvent",
	Extends: EventClass,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		e := &CustomEvent{}
		dict := constructEvent(iso, "CustomEvent", call, &e.Event)
		// any detail = null;
		e.detail = webidl.Member(dict, "detail")
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("detail", func(e *CustomEvent, iso *runtime.Isolate) goja.Value { return orNull(e.detail) }),
		jsclass.Method("initCustomEvent", 1, func(e *CustomEvent, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			ctx := webidl.Method("CustomEvent", "initCustomEvent")
			ctx.RequireArgs(vm, call, 1)
			typ := ctx.DOMString(vm, call.Argument(0))
			// 1. If this's dispatch flag is set, then return.
			if e.dispatching {
				return goja.Undefined()
			}
			// 2. Initialize this with type, bubbles, and cancelable.
			e.initialize(typ, call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean())
			// 3. Set this's detail attribute to detail.
			e.detail = call.Argument(3)
			if goja.IsUndefined(e.detail) {
				e.detail = nil
			}
			return goja.Undefined()
		}),
	},
}

// ErrorEvent is the Go value behind an ErrorEvent instance
// (https://html.spec.whatwg.org/multipage/webappapis.html#errorevent).
type ErrorEvent struct {
	Event
	message  string
	filename string
	lineno   uint32
	colno    uint32
	err      goja.Value
}

func (e *ErrorEvent) errorValue() goja.Value { return orUndefined(e.err) }

// ErrorEventClass is the ErrorEvent interface.
var ErrorEventClass = &jsclass.Class{
	Name:    "ErrorEvent",
	Extends: EventClass,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct("ErrorEvent")
		e := &ErrorEvent{}
		dict := constructEvent(iso, "ErrorEvent", call, &e.Event)
		// Members in lexicographic order: colno, error, filename, lineno, message.
		if v := webidl.Member(dict, "colno"); v != nil {
			e.colno = ctx.UnsignedLong(vm, v, webidl.IntOptions{})
		}
		if dict != nil {
			if v := dict.Get("error"); v != nil {
				e.err = v
			}
		}
		if v := webidl.Member(dict, "filename"); v != nil {
			e.filename = ctx.USVString(vm, v)
		}
		if v := webidl.Member(dict, "lineno"); v != nil {
			e.lineno = ctx.UnsignedLong(vm, v, webidl.IntOptions{})
		}
		if v := webidl.Member(dict, "message"); v != nil {
			e.message = ctx.DOMString(vm, v)
		}
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("message", func(e *ErrorEvent, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.message) }),
		jsclass.Getter("filename", func(e *ErrorEvent, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.filename) }),
		jsclass.Getter("lineno", func(e *ErrorEvent, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.lineno) }),
		jsclass.Getter("colno", func(e *ErrorEvent, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.colno) }),
		jsclass.Getter("error", func(e *ErrorEvent, iso *runtime.Isolate) goja.Value { return e.errorValue() }),
	},
}

// PromiseRejectionEvent is the Go value behind a PromiseRejectionEvent
// instance (https://html.spec.whatwg.org/multipage/webappapis.html#promiserejectionevent).
type PromiseRejectionEvent struct {
	Event
	promise *goja.Object
	reason  goja.Value
}

// PromiseRejectionEventClass is the PromiseRejectionEvent interface.
var PromiseRejectionEventClass = &jsclass.Class{
	Name:    "PromiseRejectionEvent",
	Extends: EventClass,
	Length:  2,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct("PromiseRejectionEvent")
		ctx.RequireConstructArgs(vm, call, 2)
		e := &PromiseRejectionEvent{}
		dict := constructEvent(iso, "PromiseRejectionEvent", call, &e.Event)
		// required object promise;
		p := webidl.Member(dict, "promise")
		if p == nil {
			ctx.TypeError(vm, "Failed to read the 'promise' property from 'PromiseRejectionEventInit': Required member is undefined.")
		}
		po, ok := p.(*goja.Object)
		if !ok {
			ctx.TypeError(vm, "Failed to read the 'promise' property from 'PromiseRejectionEventInit': The provided value is not of type 'object'.")
		}
		e.promise = po
		if dict != nil {
			if v := dict.Get("reason"); v != nil {
				e.reason = v
			}
		}
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("promise", func(e *PromiseRejectionEvent, iso *runtime.Isolate) goja.Value { return e.promise }),
		jsclass.Getter("reason", func(e *PromiseRejectionEvent, iso *runtime.Isolate) goja.Value { return orUndefined(e.reason) }),
	},
}

// NewErrorEvent creates a trusted ErrorEvent (used to report exceptions).
func NewErrorEvent(iso *runtime.Isolate, typ, message, filename string, lineno, colno uint32, err goja.Value, cancelable bool) *goja.Object {
	e := &ErrorEvent{message: message, filename: filename, lineno: lineno, colno: colno, err: err}
	InitHostEvent(iso, &e.Event, typ, false, cancelable)
	return Wrap(iso, ErrorEventClass, e)
}

// NewPromiseRejectionEvent creates a trusted PromiseRejectionEvent.
func NewPromiseRejectionEvent(iso *runtime.Isolate, typ string, promise *goja.Object, reason goja.Value, cancelable bool) *goja.Object {
	e := &PromiseRejectionEvent{promise: promise, reason: reason}
	InitHostEvent(iso, &e.Event, typ, false, cancelable)
	return Wrap(iso, PromiseRejectionEventClass, e)
}
