package bcrypt

import (
	"errors"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/node"
)

// Both libraries complete their asynchronous forms from the event loop:
// bcryptjs through setImmediate/nextTick between 100 ms slices of
// interpreted work, the native addon from a libuv worker thread. Here the
// key schedule, the only expensive part, runs on its own goroutine while
// the isolate keeps serving other requests; the result comes back through
// runtime.Op, so callbacks run and promises settle on the isolate's
// goroutine, in the async context (AsyncLocalStorage) of the call.

// later runs fn on the isolate's goroutine in a later task, the
// equivalent of the libraries' nextTick/setImmediate for results that are
// ready at once (argument errors, genSalt).
func later(iso *runtime.Isolate, fn func()) {
	inCtx := node.CaptureAsyncContext(iso)
	_ = iso.StartOp().Complete(func() { inCtx(fn) })
}

// offload runs work on a new goroutine and then done(result) on the
// isolate's goroutine. work must not touch goja values.
func offload[T any](iso *runtime.Isolate, work func() T, done func(T)) {
	inCtx := node.CaptureAsyncContext(iso)
	op := iso.StartOp()
	go func() {
		res := work()
		_ = op.Complete(func() { inCtx(func() { done(res) }) })
	}()
}

// invoke calls a user callback from the event loop. An exception it throws
// is uncaught, as it is for a callback run by setImmediate or by N-API:
// Node routes get process 'uncaughtException' (if anyone listens), other
// isolates the HTML "report an exception" path. It reports whether fn
// returned normally.
func invoke(iso *runtime.Isolate, fn goja.Value, args ...goja.Value) bool {
	call, ok := goja.AssertFunction(fn)
	if !ok {
		// Only the native genSalt calls a callback it did not check
		// (its parameter is named cb).
		reportUncaught(iso, iso.VM().NewTypeError("cb is not a function"))
		return false
	}
	if _, err := call(goja.Undefined(), args...); err != nil {
		reportError(iso, err)
		return false
	}
	return true
}

// reportError reports a JS exception as uncaught; an interrupt (the CPU
// deadline) keeps unwinding so the isolate handles it.
func reportError(iso *runtime.Isolate, err error) {
	if runtime.Interrupted(err) {
		panic(err)
	}
	if ex, ok := err.(*goja.Exception); ok {
		reportUncaught(iso, ex.Value())
		return
	}
	panic(err)
}

func reportUncaught(iso *runtime.Isolate, v goja.Value) {
	if node.EmitProcessEvent(iso, "uncaughtException", v, iso.VM().ToValue("uncaughtException")) {
		return
	}
	events.ReportException(iso, v)
}

// completion delivers an asynchronous result either to a Node-style
// callback or to a promise.
type completion struct {
	iso *runtime.Isolate
	cb  goja.Value // nil: settle the promise
	// okErr is what a successful callback gets as its error argument:
	// null in bcryptjs, undefined from the native addon.
	okErr           goja.Value
	resolve, reject func(any) error
}

// newCompletion returns a completion for cb when it is truthy (the
// caller has checked it is a function), otherwise a promise.
func newCompletion(iso *runtime.Isolate, cb, okErr goja.Value) (*completion, goja.Value) {
	c := &completion{iso: iso, okErr: okErr}
	if truthy(cb) {
		c.cb = cb
		return c, goja.Undefined()
	}
	p, resolve, reject := iso.VM().NewPromise()
	c.resolve, c.reject = resolve, reject
	return c, iso.VM().ToValue(p)
}

// fail passes an error: cb(args...) or reject(args[0]).
func (c *completion) fail(args ...goja.Value) {
	if c.cb != nil {
		invoke(c.iso, c.cb, args...)
		return
	}
	settle(c.iso, c.reject, args[0])
}

// succeed passes a result: cb(okErr, v) or resolve(v).
func (c *completion) succeed(v goja.Value) {
	if c.cb != nil {
		invoke(c.iso, c.cb, c.okErr, v)
		return
	}
	settle(c.iso, c.resolve, v)
}

func settle(iso *runtime.Isolate, fn func(any) error, v goja.Value) {
	if err := fn(v); err != nil && runtime.Interrupted(err) {
		panic(err)
	}
}

type noopKey struct{}

// interruptCheck returns the stop function for hashing on the isolate's
// goroutine (hashSync, compareSync). goja only notices Runtime.Interrupt,
// which the CPU deadline uses, while it runs JavaScript, and a cost-20
// hash is a minute of Go code; so every few milliseconds the hash calls an
// empty JS function, and returns the *goja.InterruptedError that call
// yields once the deadline has passed. The caller panics with it, which
// unwinds the script as an interrupt does.
func interruptCheck(iso *runtime.Isolate) func() error {
	noop, ok := iso.Value(noopKey{}).(goja.Callable)
	if !ok {
		v, err := iso.VM().RunString("(function () {})")
		if err != nil {
			return nil
		}
		noop, _ = goja.AssertFunction(v)
		iso.SetValue(noopKey{}, noop)
	}
	return func() error {
		if _, err := noop(goja.Undefined()); err != nil && runtime.Interrupted(err) {
			return err
		}
		return nil
	}
}

// errIsolateGone abandons an offloaded hash whose isolate has exited.
var errIsolateGone = errors.New("bcrypt: isolate closed")

// isolateGone returns the stop function for hashing on another goroutine:
// once the isolate has exited (closed, or replaced after a deadline),
// nobody can receive the result.
func isolateGone(iso *runtime.Isolate) func() error {
	done := iso.Done()
	return func() error {
		select {
		case <-done:
			return errIsolateGone
		default:
			return nil
		}
	}
}
