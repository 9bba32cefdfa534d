package wasm

// CompileError, LinkError and RuntimeError
// (https://webassembly.github.io/spec/js-api/#error-objects): NativeError
// constructors, so they are built in JS the way the language's own are
// shaped: callable with or without new, instances are real Error objects
// (with a stack) whose prototype chain passes through Error.prototype.

import (
	"errors"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/sys"
)

const errorClassesSource = `(function () {
  'use strict';
  const make = (name) => {
    const C = { [name]: function (message, options) {
      return Reflect.construct(Error, [message, options], new.target || C);
    } }[name];
    Object.setPrototypeOf(C, Error);
    const proto = Object.create(Error.prototype);
    Object.defineProperty(proto, 'constructor', { value: C, writable: true, configurable: true });
    Object.defineProperty(proto, 'name', { value: name, writable: true, configurable: true });
    Object.defineProperty(proto, 'message', { value: '', writable: true, configurable: true });
    Object.defineProperty(C, 'prototype', { value: proto, writable: false, configurable: false });
    Object.defineProperty(C, 'length', { value: 1 });
    return C;
  };
  return [make('CompileError'), make('LinkError'), make('RuntimeError')];
})()`

var (
	errorClassesOnce sync.Once
	errorClassesProg *goja.Program
)

type errorClasses struct {
	compile, link, runtime goja.Constructor
	objects                [3]*goja.Object
}

func (st *state) errorClasses() *errorClasses {
	if st.errors != nil {
		return st.errors
	}
	errorClassesOnce.Do(func() {
		errorClassesProg = goja.MustCompile("edgerun:wasm-errors", errorClassesSource, true)
	})
	v, err := st.iso.VM().RunProgram(errorClassesProg)
	if err != nil {
		panic(err)
	}
	arr := v.(*goja.Object)
	ec := &errorClasses{}
	for i, c := range []*goja.Constructor{&ec.compile, &ec.link, &ec.runtime} {
		obj := arr.Get(string(rune('0' + i))).(*goja.Object)
		ec.objects[i] = obj
		*c, _ = goja.AssertConstructor(obj)
	}
	st.errors = ec
	return ec
}

func (st *state) newError(c goja.Constructor, msg string) *goja.Object {
	obj, err := c(nil, st.iso.VM().ToValue(msg))
	if err != nil {
		panic(err)
	}
	return obj
}

// compileError, linkError and runtimeError make the JS error objects.
func (st *state) compileError(msg string) *goja.Object {
	return st.newError(st.errorClasses().compile, msg)
}

func (st *state) linkError(msg string) *goja.Object {
	return st.newError(st.errorClasses().link, msg)
}

func (st *state) runtimeError(msg string) *goja.Object {
	return st.newError(st.errorClasses().runtime, msg)
}

// trapMessages turns wazero's trap messages into V8's.
var trapMessages = map[string]string{
	"unreachable":                   "unreachable",
	"out of bounds memory access":   "memory access out of bounds",
	"integer divide by zero":        "divide by zero",
	"integer overflow":              "divide result unrepresentable",
	"invalid conversion to integer": "float unrepresentable in integer range",
	"invalid table access":          "table index is out of bounds",
	"indirect call type mismatch":   "null function or function signature mismatch",
	"unaligned atomic":              "operation does not support unaligned accesses",
	"expected shared memory":        "atomic wait on non-shared memory",
}

// wasmError converts an error from a wasm call into the exception to
// throw: the pending JS exception if an import threw, a RangeError for
// stack overflow (as V8), a RuntimeError for a trap.
func (st *state) wasmError(err error) any {
	if p := st.takePending(); p != nil {
		return p
	}
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		// The module was closed: the CPU deadline interrupted the isolate,
		// which dies as soon as control is back in JS.
		return st.runtimeError("execution stopped (the CPU deadline was exceeded)")
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "wasm error: ")
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if msg == "stack overflow" {
		return rangeError(st.iso.VM(), "Maximum call stack size exceeded")
	}
	if v8, ok := trapMessages[msg]; ok {
		msg = v8
	}
	return st.runtimeError(msg)
}

func rangeError(vm *goja.Runtime, msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(vm.Get("RangeError"))
	obj, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return obj
}
