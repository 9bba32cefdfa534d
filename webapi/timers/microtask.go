package timers

// https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#microtask-queuing

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

type microtaskKey struct{}

// microtaskQueue enqueues onto goja's job queue, which has no public API:
// it calls the original Promise.prototype.then on one already-resolved
// promise, which queues a reaction job at once. Capturing `then` at first
// use keeps user patches of Promise.prototype out of the way.
type microtaskQueue struct {
	resolved goja.Value
	then     goja.Callable
}

func queueOf(iso *runtime.Isolate) *microtaskQueue {
	if q, ok := iso.Value(microtaskKey{}).(*microtaskQueue); ok {
		return q
	}
	vm := iso.VM()
	p, resolve, _ := vm.NewPromise()
	_ = resolve(goja.Undefined())
	pv := vm.ToValue(p)
	then, _ := goja.AssertFunction(pv.(*goja.Object).Get("then"))
	q := &microtaskQueue{resolved: pv, then: then}
	iso.SetValue(microtaskKey{}, q)
	return q
}

// QueueMicrotask queues fn as a microtask: it runs after the current
// script and before the next task. A JS exception fn lets escape is
// reported. Call on the isolate's goroutine.
func QueueMicrotask(iso *runtime.Isolate, fn func()) {
	q := queueOf(iso)
	job := iso.VM().ToValue(func(goja.FunctionCall) goja.Value {
		if ex := iso.VM().Try(fn); ex != nil {
			report(iso, ex)
		}
		return goja.Undefined()
	})
	if _, err := q.then(q.resolved, job); err != nil {
		panic(err)
	}
}

// QueueMicrotaskFunction is the queueMicrotask(callback) global.
func QueueMicrotaskFunction(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("Window", "queueMicrotask")
	ctx.RequireArgs(vm, call, 1)
	cb, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		ctx.TypeError(vm, "The callback provided as parameter 1 is not a function.")
	}
	// The queueMicrotask(callback) method must queue a microtask to invoke
	// callback with « » and "report".
	QueueMicrotask(iso, func() {
		if _, err := cb(goja.Undefined()); err != nil {
			panic(err)
		}
	})
	return goja.Undefined()
}
