package events

// https://dom.spec.whatwg.org/#concept-event-dispatch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Dispatch dispatches event (an Event instance) to target (an EventTarget
// instance or an event-target global) and returns false if a listener
// canceled it. The event's isTrusted flag is left as it is: NewEvent makes
// trusted events. Exceptions thrown by listeners are reported (see
// ReportException), never propagated. Call on the isolate's goroutine.
func Dispatch(iso *runtime.Isolate, target *goja.Object, event *goja.Object) bool {
	e, ok := EventOf(iso, event)
	if !ok {
		panic("events: Dispatch of a value that is not an Event")
	}
	if _, ok := TargetOf(iso, target); !ok {
		panic("events: Dispatch to a value that is not an EventTarget")
	}
	return dispatch(iso, target, event, e)
}

// Fire creates a trusted event of type typ and dispatches it at target
// ("fire an event"). It returns false if a listener canceled the event.
func Fire(iso *runtime.Isolate, target *goja.Object, typ string) bool {
	return Dispatch(iso, target, NewEvent(iso, typ, nil))
}

// dispatch is the dispatch algorithm for a path that holds only the
// target: the capture pass and the bubble pass both run at the target.
func dispatch(iso *runtime.Isolate, target *goja.Object, eventObj *goja.Object, e *Event) bool {
	t, _ := TargetOf(iso, target)
	// 1. Set event's dispatch flag.
	e.dispatching = true
	// 5.4 / 5.5: append to an event path the target; there is no parent.
	// 5.13. For each struct in event's path, in reverse order: if struct's
	// shadow-adjusted target is non-null, set event's eventPhase attribute
	// to AT_TARGET; invoke with struct, event, "capturing".
	e.target = target
	e.phase = PhaseAtTarget
	invoke(iso, t, target, eventObj, e, PhaseCapturing)
	// 5.14. For each struct in event's path: ... set event's eventPhase
	// attribute to AT_TARGET; invoke with struct, event, "bubbling".
	e.phase = PhaseAtTarget
	invoke(iso, t, target, eventObj, e, PhaseBubbling)
	// 6. Set event's eventPhase attribute to NONE.
	e.phase = PhaseNone
	// 7. Set event's currentTarget attribute to null.
	e.currentTarget = nil
	// 9. Unset event's dispatch flag, stop propagation flag, and stop
	// immediate propagation flag.
	e.dispatching = false
	e.stopPropagation = false
	e.stopImmediate = false
	// 12. Return false if event's canceled flag is set; otherwise true.
	return !e.canceled
}

// invoke is https://dom.spec.whatwg.org/#concept-event-listener-invoke.
func invoke(iso *runtime.Isolate, t *EventTarget, target, eventObj *goja.Object, e *Event, phase int) {
	// 3. If event's stop propagation flag is set, then return.
	if e.stopPropagation {
		return
	}
	// 4. Initialize event's currentTarget attribute to struct's invocation target.
	e.currentTarget = target
	// 5. Let listeners be a clone of event's currentTarget attribute value's
	// event listener list.
	listeners := append([]*listener(nil), t.listeners...)
	// 6. Let found be the result of running inner invoke.
	innerInvoke(iso, t, eventObj, e, listeners, phase)
}

// innerInvoke is https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke.
func innerInvoke(iso *runtime.Isolate, t *EventTarget, eventObj *goja.Object, e *Event, listeners []*listener, phase int) bool {
	vm := iso.VM()
	// 1. Let found be false.
	found := false
	// 2. For each listener of listeners, whose removed is false:
	for _, l := range listeners {
		if l.removed {
			continue
		}
		// 2.1. If event's type attribute value is not listener's type, then continue.
		if e.typ != l.typ {
			continue
		}
		// 2.2. Set found to true.
		found = true
		// 2.3. If phase is "capturing" and listener's capture is false, then continue.
		if phase == PhaseCapturing && !l.capture {
			continue
		}
		// 2.4. If phase is "bubbling" and listener's capture is true, then continue.
		if phase == PhaseBubbling && l.capture {
			continue
		}
		// 2.5. If listener's once is true, then remove an event listener
		// given event's currentTarget attribute value and listener.
		if l.once {
			t.remove(l)
		}
		// 2.9. If listener's passive is true, then set event's in passive
		// listener flag.
		if l.passive {
			e.inPassive = true
		}
		// 2.11. Call a user object's operation with listener's callback,
		// "handleEvent", « event », and event's currentTarget attribute
		// value. If this throws an exception exception: report exception.
		callListener(iso, vm, l.callback, e.currentTarget, eventObj)
		// 2.12. Unset event's in passive listener flag.
		e.inPassive = false
		// 2.14. If event's stop immediate propagation flag is set, then break.
		if e.stopImmediate {
			break
		}
	}
	// 3. Return found.
	return found
}

// callListener calls a callback interface value: a function is called with
// this = currentTarget, otherwise its handleEvent method is looked up (at
// call time) and called with this = the object.
func callListener(iso *runtime.Isolate, vm *goja.Runtime, cb *goja.Object, currentTarget *goja.Object, eventObj *goja.Object) {
	ex := vm.Try(func() {
		if fn, ok := goja.AssertFunction(cb); ok {
			if _, err := fn(currentTarget, eventObj); err != nil {
				panic(err)
			}
			return
		}
		fn, ok := goja.AssertFunction(cb.Get("handleEvent"))
		if !ok {
			jsclass.Throw(vm, "TypeError", "The 'handleEvent' property of the event listener is not callable.")
		}
		if _, err := fn(cb, eventObj); err != nil {
			panic(err)
		}
	})
	if ex != nil {
		ReportException(iso, ex.Value())
	}
}
