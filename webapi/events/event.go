package events

// https://dom.spec.whatwg.org/#interface-event

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/performance/clock"
)

// Event phases.
const (
	PhaseNone      = 0
	PhaseCapturing = 1
	PhaseAtTarget  = 2
	PhaseBubbling  = 3
)

// Event is the Go value behind an Event instance (and, embedded, behind the
// instances of its subclasses).
type Event struct {
	jsclass.Shell
	typ           string
	target        *goja.Object
	currentTarget *goja.Object
	phase         int
	bubbles       bool
	cancelable    bool
	composed      bool
	timeStamp     float64

	// Flags (https://dom.spec.whatwg.org/#stop-propagation-flag and following).
	stopPropagation bool
	stopImmediate   bool
	canceled        bool
	inPassive       bool
	initialized     bool
	dispatching     bool
	trusted         bool
}

// Eventer is implemented by the Go values of Event and its subclasses;
// embed Event to get it.
type Eventer interface {
	DOMEvent() *Event
}

// DOMEvent returns e itself (see Eventer).
func (e *Event) DOMEvent() *Event { return e }

// Type returns the event's type.
func (e *Event) Type() string { return e.typ }

// Canceled reports whether preventDefault took effect.
func (e *Event) Canceled() bool { return e.canceled }

// SetTrusted sets the isTrusted flag (events the host fires are trusted).
func (e *Event) SetTrusted(v bool) { e.trusted = v }

// EventOf returns the Go value of an Event (or subclass) instance.
func EventOf(iso *runtime.Isolate, v goja.Value) (*Event, bool) {
	ev, ok := jsclass.Unwrap[Eventer](iso, v)
	if !ok {
		return nil, false
	}
	return ev.DOMEvent(), true
}

// initEvent runs the shared part of the Event constructor: "initialize"
// with type and the EventInit members, plus the time stamp.
func (e *Event) init(iso *runtime.Isolate, typ string, bubbles, cancelable, composed bool) {
	// https://dom.spec.whatwg.org/#concept-event-constructor
	// 3. Set event's initialized flag.
	e.initialized = true
	// 4. Initialize event's timeStamp attribute to the relative high
	// resolution coarse time given time and event's relevant global object.
	e.timeStamp = clock.Now(iso)
	e.typ = typ
	e.bubbles, e.cancelable, e.composed = bubbles, cancelable, composed
}

// eventInit reads the EventInit dictionary members (bubbles, cancelable,
// composed) in WebIDL's lexicographic order.
func eventInit(vm *goja.Runtime, dict *goja.Object) (bubbles, cancelable, composed bool) {
	if v := webidl.Member(dict, "bubbles"); v != nil {
		bubbles = v.ToBoolean()
	}
	if v := webidl.Member(dict, "cancelable"); v != nil {
		cancelable = v.ToBoolean()
	}
	if v := webidl.Member(dict, "composed"); v != nil {
		composed = v.ToBoolean()
	}
	return
}

// ConstructEvent runs the Event part of an event subclass's constructor
// (in another package): it converts the (type, eventInitDict) arguments
// with iface's error context, initializes e, installs the unforgeable
// isTrusted on the new object, and returns the init dictionary (nil when
// absent) for the subclass's own members.
func ConstructEvent(iso *runtime.Isolate, iface string, call goja.ConstructorCall, e *Event) *goja.Object {
	return constructEvent(iso, iface, call, e)
}

// Initialize is the DOM's "initialize" (for initXxxEvent methods); it does
// nothing while the event is being dispatched, as those methods require.
func (e *Event) Initialize(typ string, bubbles, cancelable bool) {
	if e.dispatching {
		return
	}
	e.initialize(typ, bubbles, cancelable)
}

// Dispatching reports the event's dispatch flag.
func (e *Event) Dispatching() bool { return e.dispatching }

// constructEvent converts the (type, eventInitDict) arguments every event
// constructor takes, and installs the unforgeable isTrusted.
func constructEvent(iso *runtime.Isolate, iface string, call goja.ConstructorCall, e *Event) *goja.Object {
	vm := iso.VM()
	ctx := webidl.Construct(iface)
	ctx.RequireConstructArgs(vm, call, 1)
	typ := ctx.DOMString(vm, call.Argument(0))
	dict := ctx.Dictionary(vm, call.Argument(1), iface+"Init")
	b, c, comp := eventInit(vm, dict)
	e.init(iso, typ, b, c, comp)
	defineIsTrusted(iso, call.This)
	return dict
}

// isTrusted is [LegacyUnforgeable]: an own, non-configurable accessor on
// every instance, sharing one getter function per isolate.
type isTrustedKey struct{}

func defineIsTrusted(iso *runtime.Isolate, obj *goja.Object) {
	getter, ok := iso.Value(isTrustedKey{}).(*goja.Object)
	if !ok {
		getter = jsclass.Function(iso.VM(), "get isTrusted", 0, func(call goja.FunctionCall) goja.Value {
			e, ok := EventOf(iso, call.This)
			if !ok {
				jsclass.Throw(iso.VM(), "TypeError", "Illegal invocation")
			}
			return iso.VM().ToValue(e.trusted)
		})
		iso.SetValue(isTrustedKey{}, getter)
	}
	_ = obj.DefineAccessorProperty("isTrusted", getter, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// setCanceled is https://dom.spec.whatwg.org/#set-the-canceled-flag.
func (e *Event) setCanceled() {
	if e.cancelable && !e.inPassive {
		e.canceled = true
	}
}

func objOrNull(o *goja.Object) goja.Value {
	if o == nil {
		return goja.Null()
	}
	return o
}

func boolGetter(name string, f func(e *Event) bool) jsclass.Member {
	return jsclass.Getter(name, func(ev Eventer, iso *runtime.Isolate) goja.Value {
		return iso.VM().ToValue(f(ev.DOMEvent()))
	})
}

// EventClass is the Event interface.
var EventClass = &jsclass.Class{
	Name:   "Event",
	Length: 1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		e := &Event{}
		constructEvent(iso, "Event", call, e)
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("type", func(ev Eventer, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(ev.DOMEvent().typ) }),
		jsclass.Getter("target", func(ev Eventer, iso *runtime.Isolate) goja.Value { return objOrNull(ev.DOMEvent().target) }),
		jsclass.Getter("srcElement", func(ev Eventer, iso *runtime.Isolate) goja.Value { return objOrNull(ev.DOMEvent().target) }),
		jsclass.Getter("currentTarget", func(ev Eventer, iso *runtime.Isolate) goja.Value {
			return objOrNull(ev.DOMEvent().currentTarget)
		}),
		jsclass.Method("composedPath", 0, func(ev Eventer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// Without a tree the path is the current target alone while
			// dispatching, and empty otherwise.
			e := ev.DOMEvent()
			if e.currentTarget == nil {
				return iso.VM().NewArray()
			}
			return iso.VM().NewArray(e.currentTarget)
		}),
		jsclass.Constant("NONE", PhaseNone),
		jsclass.Constant("CAPTURING_PHASE", PhaseCapturing),
		jsclass.Constant("AT_TARGET", PhaseAtTarget),
		jsclass.Constant("BUBBLING_PHASE", PhaseBubbling),
		jsclass.Getter("eventPhase", func(ev Eventer, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(ev.DOMEvent().phase) }),
		jsclass.Method("stopPropagation", 0, func(ev Eventer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			ev.DOMEvent().stopPropagation = true
			return goja.Undefined()
		}),
		jsclass.Accessor("cancelBubble",
			func(ev Eventer, iso *runtime.Isolate) goja.Value {
				return iso.VM().ToValue(ev.DOMEvent().stopPropagation)
			},
			func(ev Eventer, iso *runtime.Isolate, v goja.Value) {
				// The cancelBubble setter steps are to set this's stop
				// propagation flag if the given value is true; otherwise do nothing.
				if v.ToBoolean() {
					ev.DOMEvent().stopPropagation = true
				}
			}),
		jsclass.Method("stopImmediatePropagation", 0, func(ev Eventer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			e := ev.DOMEvent()
			e.stopPropagation = true
			e.stopImmediate = true
			return goja.Undefined()
		}),
		boolGetter("bubbles", func(e *Event) bool { return e.bubbles }),
		boolGetter("cancelable", func(e *Event) bool { return e.cancelable }),
		jsclass.Accessor("returnValue",
			func(ev Eventer, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(!ev.DOMEvent().canceled) },
			func(ev Eventer, iso *runtime.Isolate, v goja.Value) {
				// The returnValue setter steps are to set the canceled flag
				// with this if the given value is false; otherwise do nothing.
				if !v.ToBoolean() {
					ev.DOMEvent().setCanceled()
				}
			}),
		jsclass.Method("preventDefault", 0, func(ev Eventer, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			ev.DOMEvent().setCanceled()
			return goja.Undefined()
		}),
		boolGetter("defaultPrevented", func(e *Event) bool { return e.canceled }),
		boolGetter("composed", func(e *Event) bool { return e.composed }),
		jsclass.Getter("timeStamp", func(ev Eventer, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(ev.DOMEvent().timeStamp) }),
		jsclass.Method("initEvent", 1, func(ev Eventer, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			ctx := webidl.Method("Event", "initEvent")
			ctx.RequireArgs(vm, call, 1)
			typ := ctx.DOMString(vm, call.Argument(0))
			e := ev.DOMEvent()
			// 1. If this's dispatch flag is set, then return.
			if e.dispatching {
				return goja.Undefined()
			}
			// 2. Initialize this with type, bubbles, and cancelable.
			e.initialize(typ, call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean())
			return goja.Undefined()
		}),
	},
}

// initialize is https://dom.spec.whatwg.org/#concept-event-initialize.
func (e *Event) initialize(typ string, bubbles, cancelable bool) {
	// 1. Set event's initialized flag.
	e.initialized = true
	// 2. Unset event's stop propagation flag, stop immediate propagation
	// flag, and canceled flag.
	e.stopPropagation, e.stopImmediate, e.canceled = false, false, false
	// 3. Set event's isTrusted attribute to false.
	e.trusted = false
	// 4. Set event's target to null.
	e.target = nil
	// 5-7. Set type, bubbles and cancelable.
	e.typ, e.bubbles, e.cancelable = typ, bubbles, cancelable
}

// NewEvent creates a trusted Event of type typ, as the host fires it.
// init may hold "bubbles", "cancelable" and "composed" (bools).
func NewEvent(iso *runtime.Isolate, typ string, init map[string]any) *goja.Object {
	e := &Event{}
	b, _ := init["bubbles"].(bool)
	c, _ := init["cancelable"].(bool)
	comp, _ := init["composed"].(bool)
	e.init(iso, typ, b, c, comp)
	e.trusted = true
	return Wrap(iso, EventClass, e)
}

// Wrap makes the JS object of a host-created event of class c (Event or a
// subclass) backed by e, with its unforgeable isTrusted.
func Wrap(iso *runtime.Isolate, c *jsclass.Class, e Eventer) *goja.Object {
	obj := jsclass.New(iso, c, e)
	defineIsTrusted(iso, obj)
	return obj
}

// InitHostEvent initializes the Event part of a host-created subclass value
// (type, flags, time stamp) and marks it trusted; Wrap it afterwards.
func InitHostEvent(iso *runtime.Isolate, e *Event, typ string, bubbles, cancelable bool) {
	e.init(iso, typ, bubbles, cancelable, false)
	e.trusted = true
}
