package messaging

// https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// MessageEvent is the Go value behind a MessageEvent instance.
type MessageEvent struct {
	events.Event
	data        goja.Value
	origin      string
	lastEventID string
	source      *goja.Object
	ports       *goja.Object // the frozen array, the same object on every get
}

// Data returns the event's data.
func (e *MessageEvent) Data() goja.Value { return e.data }

func frozenArray(vm *goja.Runtime, items []goja.Value) *goja.Object {
	arr := vm.NewArray()
	for i, v := range items {
		_ = arr.Set(itoa(i), v)
	}
	freeze, _ := goja.AssertFunction(vm.Get("Object").(*goja.Object).Get("freeze"))
	if _, err := freeze(goja.Undefined(), arr); err != nil {
		panic(err)
	}
	return arr
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// sourceArg converts a MessageEventSource? (only MessagePort exists here).
func sourceArg(iso *runtime.Isolate, ctx webidl.Context, v goja.Value, where string) *goja.Object {
	if webidl.IsNullish(v) {
		return nil
	}
	if _, ok := jsclass.Unwrap[*MessagePort](iso, v); !ok {
		ctx.TypeError(iso.VM(), "%sThe provided value is not of type '(MessagePort or ServiceWorker or Window)'.", where)
	}
	return v.(*goja.Object)
}

// portsArg converts a sequence<MessagePort>.
func portsArg(iso *runtime.Isolate, ctx webidl.Context, v goja.Value, where string) []goja.Value {
	vm := iso.VM()
	items := webidl.Context(string(ctx)+": "+where).Sequence(vm, v)
	for _, p := range items {
		if _, ok := jsclass.Unwrap[*MessagePort](iso, p); !ok {
			ctx.TypeError(vm, "%sFailed to convert value to 'MessagePort'.", where)
		}
	}
	return items
}

// MessageEventClass is the MessageEvent interface.
var MessageEventClass = &jsclass.Class{
	Name:    "MessageEvent",
	Extends: events.EventClass,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct("MessageEvent")
		e := &MessageEvent{}
		dict := events.ConstructEvent(iso, "MessageEvent", call, &e.Event)
		// Members in lexicographic order: data, lastEventId, origin, ports, source.
		e.data = goja.Null()
		if dict != nil {
			if v := dict.Get("data"); v != nil && !goja.IsUndefined(v) {
				e.data = v
			}
		}
		if v := webidl.Member(dict, "lastEventId"); v != nil {
			e.lastEventID = ctx.DOMString(vm, v)
		}
		if v := webidl.Member(dict, "origin"); v != nil {
			e.origin = ctx.USVString(vm, v)
		}
		var ports []goja.Value
		if v := webidl.Member(dict, "ports"); v != nil {
			ports = portsArg(iso, ctx, v, "Failed to read the 'ports' property from 'MessageEventInit': ")
		}
		e.ports = frozenArray(vm, ports)
		if v := webidl.Member(dict, "source"); v != nil {
			e.source = sourceArg(iso, ctx, v, "Failed to read the 'source' property from 'MessageEventInit': ")
		}
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("data", func(e *MessageEvent, iso *runtime.Isolate) goja.Value { return e.data }),
		jsclass.Getter("origin", func(e *MessageEvent, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.origin) }),
		jsclass.Getter("lastEventId", func(e *MessageEvent, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(e.lastEventID) }),
		jsclass.Getter("source", func(e *MessageEvent, iso *runtime.Isolate) goja.Value {
			if e.source == nil {
				return goja.Null()
			}
			return e.source
		}),
		jsclass.Getter("ports", func(e *MessageEvent, iso *runtime.Isolate) goja.Value { return e.ports }),
		jsclass.Method("initMessageEvent", 1, func(e *MessageEvent, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			ctx := webidl.Method("MessageEvent", "initMessageEvent")
			ctx.RequireArgs(vm, call, 1)
			typ := ctx.DOMString(vm, call.Argument(0))
			// initMessageEvent(type, bubbles = false, cancelable = false, data = null,
			// origin = "", lastEventId = "", source = null, ports = []).
			bubbles, cancelable := call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean()
			data := call.Argument(3)
			if goja.IsUndefined(data) {
				data = goja.Null()
			}
			origin, lastEventID := "", ""
			if v := call.Argument(4); !goja.IsUndefined(v) {
				origin = ctx.USVString(vm, v)
			}
			if v := call.Argument(5); !goja.IsUndefined(v) {
				lastEventID = ctx.DOMString(vm, v)
			}
			source := sourceArg(iso, ctx, call.Argument(6), "parameter 7 is not of type '(MessagePort or ServiceWorker or Window)': ")
			var ports []goja.Value
			if v := call.Argument(7); !goja.IsUndefined(v) {
				ports = portsArg(iso, ctx, v, "")
			}
			// 1. If this's dispatch flag is set, then return.
			if e.Dispatching() {
				return goja.Undefined()
			}
			// 2. Initialize this with type, bubbles, and cancelable.
			e.Initialize(typ, bubbles, cancelable)
			// 3. Set the remaining attributes.
			e.data, e.origin, e.lastEventID, e.source = data, origin, lastEventID, source
			e.ports = frozenArray(vm, ports)
			return goja.Undefined()
		}),
	},
}

// NewMessageEvent creates a trusted MessageEvent of type typ ("message" or
// "messageerror") carrying data and ports.
func NewMessageEvent(iso *runtime.Isolate, typ string, data goja.Value, ports []goja.Value) *goja.Object {
	e := &MessageEvent{data: data, ports: frozenArray(iso.VM(), ports)}
	events.InitHostEvent(iso, &e.Event, typ, false, false)
	return events.Wrap(iso, MessageEventClass, e)
}
