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
//
// Every reaction is the same native function, run: goja runs jobs in the
// order they were queued, so the n-th run takes the n-th callback from
// pending. That saves a function object per microtask. goja drops queued
// jobs only when it is interrupted, and an interrupted isolate is
// replaced, never reused, so pending cannot fall out of step.
type microtaskQueue struct {
	resolved goja.Value
	then     goja.Callable
	run      goja.Value
	pending  []func()
	head     int
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
	q.run = vm.ToValue(func(goja.FunctionCall) goja.Value {
		fn := q.pending[q.head]
		q.pending[q.head] = nil
		q.head++
		if q.head == len(q.pending) {
			q.pending, q.head = q.pending[:0], 0
		}
		if ex := vm.Try(fn); ex != nil {
			report(iso, ex)
		}
		return goja.Undefined()
	})
	iso.SetValue(microtaskKey{}, q)
	return q
}

// QueueMicrotask queues fn as a microtask: it runs after the current
// script and before the next task. A JS exception fn lets escape is
// reported. Call on the isolate's goroutine.
func QueueMicrotask(iso *runtime.Isolate, fn func()) {
	q := queueOf(iso)
	if _, err := q.then(q.resolved, q.run); err != nil {
		panic(err)
	}
	q.pending = append(q.pending, fn)
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
