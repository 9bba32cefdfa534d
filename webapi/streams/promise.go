package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// A promise is a goja promise created by the streams code, kept together
// with its resolving functions (WebIDL's "a new promise").
type promise struct {
	obj *goja.Object
	p   *goja.Promise
	res func(any) error
	rej func(any) error
}

// newPromise is WebIDL's "a new promise".
func (r *realm) newPromise() *promise {
	p, res, rej := r.vm.NewPromise()
	return &promise{obj: r.vm.ToValue(p).(*goja.Object), p: p, res: res, rej: rej}
}

// resolve is WebIDL's "resolve p with v". Resolving twice is a no-op.
func (p *promise) resolve(v goja.Value) {
	if v == nil {
		v = goja.Undefined()
	}
	if err := p.res(v); err != nil {
		panic(err) // uncatchable (interrupt): let it unwind
	}
}

// reject is WebIDL's "reject p with reason".
func (p *promise) reject(reason goja.Value) {
	if reason == nil {
		reason = goja.Undefined()
	}
	if err := p.rej(reason); err != nil {
		panic(err)
	}
}

func (p *promise) pending() bool { return p.p.State() == goja.PromiseStatePending }

// resolvedWith is WebIDL's "a promise resolved with v": a new promise
// resolved with v, so a thenable v is adopted through a job (two ticks),
// exactly as the reference implementation's new Promise(r => r(v)).
func (r *realm) resolvedWith(v goja.Value) *goja.Object {
	p := r.newPromise()
	p.resolve(v)
	return p.obj
}

// rejectedWith is WebIDL's "a promise rejected with reason".
func (r *realm) rejectedWith(reason goja.Value) *goja.Object {
	p := r.newPromise()
	p.reject(reason)
	return p.obj
}

// resolvedUndefined is "a promise resolved with undefined".
func (r *realm) resolvedUndefined() *goja.Object {
	p := r.newPromise()
	p.resolve(goja.Undefined())
	return p.obj
}

// fulfilled is "a promise resolved with undefined" for the results of
// internal algorithms (pull, write, cancel...), which only feed reactions
// and never reach scripts: one shared, already fulfilled promise serves
// them all. Anything a script can see gets a fresh promise.
func (r *realm) fulfilled() *goja.Object { return r.settled }

// react is WebIDL's "react to promise" / PerformPromiseThen through the
// original %Promise.prototype.then%. Nil steps pass the value through. It
// returns the derived promise.
func (r *realm) react(p *goja.Object, onFulfilled func(goja.Value) goja.Value, onRejected func(goja.Value) goja.Value) *goja.Object {
	var f, rj goja.Value = goja.Undefined(), goja.Undefined()
	if onFulfilled != nil {
		f = r.handler(onFulfilled)
	}
	if onRejected != nil {
		rj = r.handler(onRejected)
	}
	out, err := r.promiseThen(p, f, rj)
	if err != nil {
		panic(err)
	}
	return out.(*goja.Object)
}

// handler wraps a Go reaction step in a JS function. goja runs promise
// jobs with an empty call stack, and a Go function called that way drains
// the whole job queue whenever it calls back into goja (runWrapped's
// leave): microtasks would run in the middle of a spec algorithm. A JS
// frame on the stack keeps the queue for later, as the spec requires.
func (r *realm) handler(step func(goja.Value) goja.Value) goja.Value {
	// The Go step travels in a shell object (cheaper than a native function
	// object, which carries name and length properties) to one shared
	// native dispatcher; bindStep makes the JS closure v => dispatch(h, v).
	h := r.vm.NewDynamicObject(&goStep{fn: step})
	wrapped, err := r.bindStep(goja.Undefined(), h)
	if err != nil {
		panic(err)
	}
	return wrapped
}

// goStep carries a Go reaction step through JS (see handler).
type goStep struct {
	jsclass.Shell
	fn func(goja.Value) goja.Value
}

// dispatchStep is the native end of handler's closures.
func dispatchStep(call goja.FunctionCall) goja.Value {
	h, _ := call.Argument(0).(*goja.Object).Export().(*goStep)
	v := h.fn(call.Argument(1))
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// enter runs fn with a JS frame on the stack (see handler), so promise
// jobs queued by fn run after it returns, not inside it. Host entry points
// that may be called from a Go task (op completions, the Go bridge) use it.
func (r *realm) enter(fn func()) {
	if _, err := r.invoke(goja.Undefined(), r.vm.ToValue(func(goja.FunctionCall) goja.Value {
		fn()
		return goja.Undefined()
	})); err != nil {
		panic(err)
	}
}

// upon is "upon fulfillment" and "upon rejection" together. The derived
// promise never rejects (a missing rejection step is a no-op), so these
// internal reactions cannot surface as unhandled rejections: in browsers
// the spec's reactions are invisible to the page.
func (r *realm) upon(p *goja.Object, onFulfilled func(goja.Value), onRejected func(goja.Value)) {
	var f goja.Value = goja.Undefined()
	rj := r.noop
	if onFulfilled != nil {
		f = r.handler(func(v goja.Value) goja.Value { onFulfilled(v); return nil })
	}
	if onRejected != nil {
		rj = r.handler(func(v goja.Value) goja.Value { onRejected(v); return nil })
	}
	if _, err := r.promiseThen(p, f, rj); err != nil {
		panic(err)
	}
}

// setHandled sets p.[[PromiseIsHandled]] to true: attaching a reaction is
// the only way goja offers, and it has the same effect on the host's
// unhandled-rejection tracking.
func (r *realm) setHandled(p *goja.Object) {
	if _, err := r.promiseThen(p, goja.Undefined(), r.noop); err != nil {
		panic(err)
	}
}

// transformUndefined is "the result of reacting to p with a fulfillment step
// that returns undefined".
func (r *realm) transformUndefined(p *goja.Object) *goja.Object {
	return r.react(p, func(goja.Value) goja.Value { return goja.Undefined() }, nil)
}

// waitForAll is WebIDL's "getting a promise to wait for all".
func (r *realm) waitForAll(ps []*goja.Object) *goja.Object {
	result := r.newPromise()
	if len(ps) == 0 {
		result.resolve(goja.Undefined())
		return result.obj
	}
	remaining := len(ps)
	rejected := false
	for _, p := range ps {
		r.upon(p, func(goja.Value) {
			remaining--
			if remaining == 0 && !rejected {
				result.resolve(goja.Undefined())
			}
		}, func(e goja.Value) {
			if !rejected {
				rejected = true
				result.reject(e)
			}
		})
	}
	return result.obj
}

// queueMicrotask runs fn as a microtask (HTML's "queue a microtask"),
// through a resolved promise's reaction job.
func (r *realm) queueMicrotask(fn func()) {
	r.upon(r.settled, func(goja.Value) { fn() }, nil)
}

// try runs fn and returns the JS value it threw, or nil. Uncatchable
// errors (interrupts) keep unwinding.
func (r *realm) try(fn func()) (thrown goja.Value) {
	ex := r.vm.Try(fn)
	if ex == nil {
		return nil
	}
	return ex.Value()
}

// call invokes a JS function; a JS exception is returned as thrown.
func (r *realm) call(fn goja.Callable, this goja.Value, args ...goja.Value) (result goja.Value, thrown goja.Value) {
	v, err := fn(this, args...)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			return nil, ex.Value()
		}
		if runtime.Interrupted(err) {
			panic(err)
		}
		panic(err)
	}
	return v, nil
}

// promiseCall invokes a callback whose IDL return type is a promise:
// exceptions become a rejected promise and the result goes through
// PromiseResolve (WebIDL "invoke a callback function", step 14 and the
// promise-type conversion).
func (r *realm) promiseCall(fn goja.Callable, this goja.Value, args ...goja.Value) *goja.Object {
	v, thrown := r.call(fn, this, args...)
	if thrown != nil {
		return r.rejectedWith(thrown)
	}
	return r.internalResolvedWith(v)
}

// internalResolvedWith is resolvedWith for promises that only feed internal
// reactions: undefined, the common case, needs no new promise.
func (r *realm) internalResolvedWith(v goja.Value) *goja.Object {
	if v == nil || goja.IsUndefined(v) {
		return r.settled
	}
	return r.resolvedWith(v)
}

// throw panics with a JS value, which goja turns into a JS throw.
func throw(v goja.Value) {
	panic(v)
}

// newTypeError returns a TypeError object (not thrown).
func (r *realm) newTypeError(msg string) goja.Value {
	return r.vm.NewTypeError("%s", msg)
}

// newRangeError returns a RangeError object (not thrown).
func (r *realm) newRangeError(msg string) goja.Value {
	ctor, _ := goja.AssertConstructor(r.vm.GlobalObject().Get("RangeError"))
	o, err := ctor(nil, r.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return o
}

// A lazyPromise is a promise slot (a reader's [[closedPromise]]) whose JS
// promise is only created when someone looks at it. Readers that the Go
// bridge, pipeTo or tee use internally are never exposed to scripts, and
// most of their closed promises are never observed; creating them (and
// the TypeErrors they are rejected with on release) dominated the cost of
// reading a body. State changes before creation are replayed on creation,
// which is unobservable: reactions run in later microtasks either way.
type lazyPromise struct {
	r       *realm
	p       *promise // nil until get
	settled bool
	ok      bool              // fulfilled (true) or rejected (false), once settled
	value   goja.Value        // the settled value
	reason  func() goja.Value // builds the rejection reason on demand
	handled bool
}

func (r *realm) newLazyPromise() *lazyPromise { return &lazyPromise{r: r} }

// get returns the JS promise, creating it on first use.
func (l *lazyPromise) get() *goja.Object {
	if l.p == nil {
		l.p = l.r.newPromise()
		if l.settled {
			if l.ok {
				l.p.resolve(l.value)
			} else {
				l.p.reject(l.rejectionValue())
			}
		}
		if l.handled {
			l.r.setHandled(l.p.obj)
		}
	}
	return l.p.obj
}

func (l *lazyPromise) rejectionValue() goja.Value {
	if l.value == nil && l.reason != nil {
		l.value = l.reason()
	}
	return l.value
}

func (l *lazyPromise) pending() bool { return !l.settled }

// resolve is "resolve p with v".
func (l *lazyPromise) resolve(v goja.Value) {
	if l.settled {
		return
	}
	l.settled, l.ok, l.value = true, true, v
	if l.p != nil {
		l.p.resolve(v)
	}
}

// reject is "reject p with reason".
func (l *lazyPromise) reject(reason goja.Value) {
	l.rejectWith(func() goja.Value { return reason })
}

// rejectWith rejects with a reason built only if the promise is observed.
func (l *lazyPromise) rejectWith(reason func() goja.Value) {
	if l.settled {
		return
	}
	l.settled, l.ok, l.reason = true, false, reason
	if l.p != nil {
		l.p.reject(l.rejectionValue())
	}
}

// setHandled sets [[PromiseIsHandled]] to true.
func (l *lazyPromise) setHandled() {
	l.handled = true
	if l.p != nil {
		l.r.setHandled(l.p.obj)
	}
}
