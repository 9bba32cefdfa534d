package crypto

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// result converts an operation's Go result to JS on the isolate goroutine.
type result func(iso *runtime.Isolate) goja.Value

// task is the part of a SubtleCrypto method that runs "in parallel". It
// must not touch goja values.
type task struct {
	// heavy moves run to another goroutine; the promise is then settled
	// through iso.StartOp/op.Complete so the isolate keeps serving other
	// requests meanwhile.
	heavy bool
	run   func() (result, error)
}

// promiseMethod implements the shape every SubtleCrypto method shares:
// convert the arguments and normalize algorithms (prepare, on the isolate
// goroutine), return a promise, run the remaining steps, settle the
// promise. Every error, including WebIDL conversion errors, rejects the
// promise instead of throwing.
//
// Cheap operations run at once on the isolate goroutine: moving a 2 µs
// HMAC to another goroutine would cost more than it saves. The promise
// still settles asynchronously for JS, since reactions run as microtasks.
func promiseMethod(iso *runtime.Isolate, prepare func() *task) goja.Value {
	vm := iso.VM()
	promise, resolve, reject := vm.NewPromise()
	var t *task
	if err := catch(vm, func() { t = prepare() }); err != nil {
		_ = reject(toJS(iso, err))
		return vm.ToValue(promise)
	}
	settle := func(res result, err error) {
		if err != nil {
			_ = reject(toJS(iso, err))
			return
		}
		_ = resolve(res(iso))
	}
	if !t.heavy {
		settle(runTask(t))
		return vm.ToValue(promise)
	}
	op := iso.StartOp()
	go func() {
		res, err := runTask(t)
		_ = op.Complete(func() { settle(res, err) })
	}()
	return vm.ToValue(promise)
}

// runTask runs t, turning a panic in a crypto library (malformed input that
// slipped past validation) into an OperationError instead of a crash.
func runTask(t *task) (res result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, errorf(errOperation, "%s", fmt.Sprint(r))
		}
	}()
	return t.run()
}

// Result converters.

func bytesResult(b []byte) result {
	return func(iso *runtime.Isolate) goja.Value {
		if b == nil {
			b = []byte{}
		}
		return iso.VM().ToValue(iso.VM().NewArrayBuffer(b))
	}
}

func boolResult(ok bool) result {
	return func(iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(ok) }
}

func keyResult(k *Key) result {
	return func(iso *runtime.Isolate) goja.Value { return wrapKey(iso, k) }
}
