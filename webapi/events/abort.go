package events

// https://dom.spec.whatwg.org/#interface-AbortController
// https://dom.spec.whatwg.org/#interface-AbortSignal

import (
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// AbortSignal is the Go value behind an AbortSignal instance.
type AbortSignal struct {
	EventTarget
	iso *runtime.Isolate
	obj *goja.Object

	aborted bool
	reason  goja.Value
	// algorithms are the abort algorithms, in order; removed entries are nil.
	algorithms []*func()
	// dependent, sources and dependents implement AbortSignal.any
	// (https://dom.spec.whatwg.org/#abortsignal-dependent).
	dependent  bool
	sources    []*AbortSignal
	dependents []*AbortSignal
}

// Aborted reports whether the signal is aborted.
func (s *AbortSignal) Aborted() bool { return s.aborted }

// Reason returns the abort reason (undefined while not aborted).
func (s *AbortSignal) Reason() goja.Value {
	if s.reason == nil {
		return goja.Undefined()
	}
	return s.reason
}

// Object returns the signal's JS object.
func (s *AbortSignal) Object() *goja.Object { return s.obj }

// OnAbort adds an abort algorithm: fn runs (on the isolate's goroutine)
// when the signal aborts, before the abort event is fired. It never runs if
// the signal is already aborted; check Aborted first. remove unregisters
// fn and may be called any number of times.
func (s *AbortSignal) OnAbort(fn func()) (remove func()) {
	if s.aborted {
		return func() {}
	}
	p := &fn
	s.algorithms = append(s.algorithms, p)
	return func() {
		for i, q := range s.algorithms {
			if q == p {
				s.algorithms[i] = nil
				return
			}
		}
	}
}

// Abort signals abort with reason (undefined means a new "AbortError"
// DOMException), as the host does for request.signal when the client goes
// away. Call on the isolate's goroutine.
func (s *AbortSignal) Abort(reason goja.Value) { s.signalAbort(reason) }

// SignalOf returns the Go value of an AbortSignal instance (brand check).
func SignalOf(iso *runtime.Isolate, v goja.Value) (*AbortSignal, bool) {
	return jsclass.Unwrap[*AbortSignal](iso, v)
}

// NewAbortSignal creates a signal the host controls and the function that
// aborts it (undefined reason → "AbortError" DOMException). Call both on the
// isolate's goroutine.
func NewAbortSignal(iso *runtime.Isolate) (*AbortSignal, func(reason goja.Value)) {
	s := newSignal(iso)
	return s, s.signalAbort
}

func newSignal(iso *runtime.Isolate) *AbortSignal {
	s := &AbortSignal{iso: iso}
	s.obj = jsclass.New(iso, AbortSignalClass, s)
	return s
}

// defaultAbortReason is the reason of abort() without an argument.
func defaultAbortReason(iso *runtime.Isolate) goja.Value {
	return NewDOMException(iso, "signal is aborted without reason", "AbortError")
}

// signalAbort is https://dom.spec.whatwg.org/#abortsignal-signal-abort.
func (s *AbortSignal) signalAbort(reason goja.Value) {
	// 1. If signal is aborted, then return.
	if s.aborted {
		return
	}
	// 2. Set signal's abort reason to reason if it is given; otherwise to a
	// new "AbortError" DOMException.
	if reason == nil || goja.IsUndefined(reason) {
		reason = defaultAbortReason(s.iso)
	}
	s.aborted = true
	s.reason = reason
	// 3. Let dependentSignalsToAbort be a new list.
	var toAbort []*AbortSignal
	// 4. For each dependentSignal of signal's dependent signals: if
	// dependentSignal is not aborted, set its abort reason to signal's abort
	// reason and append it to dependentSignalsToAbort.
	for _, d := range s.dependents {
		if !d.aborted {
			d.aborted = true
			d.reason = reason
			toAbort = append(toAbort, d)
		}
	}
	// 5. Run the abort steps for signal.
	s.runAbortSteps()
	// 6. For each dependentSignal of dependentSignalsToAbort, run the abort
	// steps for dependentSignal.
	for _, d := range toAbort {
		d.runAbortSteps()
	}
}

// runAbortSteps is https://dom.spec.whatwg.org/#run-the-abort-steps.
func (s *AbortSignal) runAbortSteps() {
	// 1. For each algorithm of signal's abort algorithms: run algorithm.
	algs := s.algorithms
	// 2. Empty signal's abort algorithms.
	s.algorithms = nil
	for _, a := range algs {
		if a != nil {
			(*a)()
		}
	}
	// 3. Fire an event named abort at signal.
	Fire(s.iso, s.obj, "abort")
}

// any is https://dom.spec.whatwg.org/#create-a-dependent-abort-signal.
func anySignal(iso *runtime.Isolate, signals []*AbortSignal) *AbortSignal {
	// 1. Let resultSignal be a new object implementing signalInterface.
	result := newSignal(iso)
	// 2. For each signal of signals: if signal is aborted, then set
	// resultSignal's abort reason to signal's abort reason and return resultSignal.
	for _, s := range signals {
		if s.aborted {
			result.aborted = true
			result.reason = s.reason
			return result
		}
	}
	// 3. Set resultSignal's dependent to true.
	result.dependent = true
	// 4. For each signal of signals:
	for _, s := range signals {
		if !s.dependent {
			// 4.1. If signal's dependent is false: append signal to
			// resultSignal's source signals; append resultSignal to signal's
			// dependent signals.
			result.addSource(s)
			continue
		}
		// 4.2. Otherwise, for each sourceSignal of signal's source signals:
		// append sourceSignal to resultSignal's source signals; append
		// resultSignal to sourceSignal's dependent signals.
		for _, src := range s.sources {
			result.addSource(src)
		}
	}
	// 5. Return resultSignal.
	return result
}

// addSource appends to the ordered sets (no duplicates).
func (s *AbortSignal) addSource(src *AbortSignal) {
	for _, x := range s.sources {
		if x == src {
			return
		}
	}
	s.sources = append(s.sources, src)
	src.dependents = append(src.dependents, s)
}

// AbortSignalClass is the AbortSignal interface.
var AbortSignalClass = &jsclass.Class{
	Name:    "AbortSignal",
	Extends: EventTargetClass,
	Members: []jsclass.Member{
		jsclass.Getter("aborted", func(s *AbortSignal, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(s.aborted) }),
		jsclass.Getter("reason", func(s *AbortSignal, iso *runtime.Isolate) goja.Value { return s.Reason() }),
		jsclass.Method("throwIfAborted", 0, func(s *AbortSignal, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// The throwIfAborted() method steps are to throw this's abort
			// reason, if this is aborted.
			if s.aborted {
				panic(s.reason)
			}
			return goja.Undefined()
		}),
		HandlerAttribute("onabort", "abort"),
	},
}

// The statics create signals, which refers back to the class.
func init() { AbortSignalClass.Statics = abortSignalStatics() }

func abortSignalStatics() []jsclass.Member {
	return []jsclass.Member{
		jsclass.Static("abort", 0, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// 1. Let signal be a new AbortSignal object.
			s := newSignal(iso)
			// 2. Set signal's abort reason to reason if it is given;
			// otherwise to a new "AbortError" DOMException.
			reason := call.Argument(0)
			if goja.IsUndefined(reason) {
				reason = defaultAbortReason(iso)
			}
			s.aborted = true
			s.reason = reason
			// 3. Return signal.
			return s.obj
		}),
		jsclass.Static("timeout", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			ctx := webidl.Method("AbortSignal", "timeout")
			ctx.RequireArgs(vm, call, 1)
			ms := ctx.UnsignedLongLong(vm, call.Argument(0), webidl.IntOptions{EnforceRange: true})
			// 1. Let signal be a new AbortSignal object.
			s := newSignal(iso)
			// 3. Run steps after a timeout given global, "AbortSignal-timeout",
			// milliseconds, and the following step: queue a global task on
			// the timer task source given global to signal abort given
			// signal and a new "TimeoutError" DOMException.
			d := time.Duration(ms) * time.Millisecond
			if ms > uint64(1<<62/time.Millisecond) {
				d = 1 << 62
			}
			iso.SetTimer(d, false, func() {
				s.signalAbort(NewDOMException(iso, "signal timed out", "TimeoutError"))
			})
			// 4. Return signal.
			return s.obj
		}),
		jsclass.Static("any", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			ctx := webidl.Method("AbortSignal", "any")
			ctx.RequireArgs(vm, call, 1)
			vals := ctx.Sequence(vm, call.Argument(0))
			signals := make([]*AbortSignal, len(vals))
			for i, v := range vals {
				s, ok := SignalOf(iso, v)
				if !ok {
					ctx.TypeError(vm, "Failed to convert value to 'AbortSignal'.")
				}
				signals[i] = s
			}
			return anySignal(iso, signals).obj
		}),
	}
}

// AbortController is the Go value behind an AbortController instance.
type AbortController struct {
	jsclass.Shell
	signal *AbortSignal
}

// Signal returns the controller's signal.
func (c *AbortController) Signal() *AbortSignal { return c.signal }

// AbortControllerClass is the AbortController interface.
var AbortControllerClass = &jsclass.Class{
	Name: "AbortController",
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		// 1. Let signal be a new AbortSignal object.
		// 2. Set this's signal to signal.
		return &AbortController{signal: newSignal(iso)}
	},
	Members: []jsclass.Member{
		jsclass.Getter("signal", func(c *AbortController, iso *runtime.Isolate) goja.Value { return c.signal.obj }),
		jsclass.Method("abort", 0, func(c *AbortController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// The abort(reason) method steps are to signal abort on this
			// with reason if it is given.
			c.signal.signalAbort(call.Argument(0))
			return goja.Undefined()
		}),
	},
}
