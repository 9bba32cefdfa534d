package edge

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Production edge runtimes run V8 with code generation from strings
// disabled, so eval, new Function (and the async and generator function
// constructors) throw EvalError. goja has no such switch; the same effect
// comes from replacing the global eval and every reachable function
// constructor with a gate that throws — or, when AllowEval is set (next
// dev, WPT), forwards to the original and reports the use.
const dynamicCodeGate = `(function (allow, report) {
  'use strict';
  const message = 'Code generation from strings disallowed for this context';
  function gate(original, kind) {
    const wrapped = function () {
      if (!allow) throw new EvalError(message);
      report(kind);
      return new.target ? Reflect.construct(original, arguments, new.target) : original.apply(this, arguments);
    };
    Object.defineProperty(wrapped, 'name', { value: original.name });
    Object.defineProperty(wrapped, 'length', { value: original.length });
    if (original.prototype) {
      Object.defineProperty(wrapped, 'prototype', { value: original.prototype, writable: false });
      Object.defineProperty(original.prototype, 'constructor', { value: wrapped, writable: true, configurable: true });
    }
    Object.setPrototypeOf(wrapped, Object.getPrototypeOf(original));
    return wrapped;
  }
  const evalGate = gate(globalThis.eval, 'eval');
  Object.defineProperty(globalThis, 'eval', { value: evalGate, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(globalThis, 'Function', { value: gate(Function, 'new Function'), writable: true, configurable: true, enumerable: false });
  gate(Object.getPrototypeOf(async function () {}).constructor, 'new Function');
  gate(Object.getPrototypeOf(function* () {}).constructor, 'new Function');
})`

var (
	gateOnce sync.Once
	gateProg *goja.Program
)

func blockDynamicCode(iso *runtime.Isolate, opts Options) error {
	gateOnce.Do(func() { gateProg = goja.MustCompile("edgerun:dynamic-code", dynamicCodeGate, true) })
	vm := iso.VM()
	fv, err := vm.RunProgram(gateProg)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fv)
	report := func(call goja.FunctionCall) goja.Value {
		if opts.OnDynamicCode != nil {
			opts.OnDynamicCode(call.Argument(0).String())
		}
		return goja.Undefined()
	}
	_, err = fn(goja.Undefined(), vm.ToValue(opts.AllowEval), vm.ToValue(report))
	return err
}
