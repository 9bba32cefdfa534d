package node

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// ModuleNotFoundError is Require's error for an id that is not a built-in.
// Its message is Node's; JS code sees an Error with code MODULE_NOT_FOUND
// (or ERR_UNKNOWN_BUILTIN_MODULE for an unknown "node:" id).
type ModuleNotFoundError struct {
	ID string
}

func (e *ModuleNotFoundError) Error() string {
	if isNodeScheme(e.ID) {
		return "No such built-in module: " + e.ID
	}
	return fmt.Sprintf("Cannot find module '%s'", e.ID)
}

// Code is the Node error code JS sees.
func (e *ModuleNotFoundError) Code() string {
	if isNodeScheme(e.ID) {
		return "ERR_UNKNOWN_BUILTIN_MODULE"
	}
	return "MODULE_NOT_FOUND"
}

func isNodeScheme(id string) bool { return len(id) > 5 && id[:5] == "node:" }

func notFound(id string) *ModuleNotFoundError { return &ModuleNotFoundError{ID: id} }

// jsError is the Error a JS require call throws for e.
func (e *ModuleNotFoundError) jsError(vm *goja.Runtime) *goja.Object {
	return newCodedError(vm, "Error", e.Code(), e.Error())
}

// NativeModuleNotFoundError is RequireEdge's error: JS sees the TypeError
// Next.js throws, "Native module not found: <id>".
type NativeModuleNotFoundError struct {
	ID string
}

func (e *NativeModuleNotFoundError) Error() string { return "Native module not found: " + e.ID }

// ThrowRequireError panics with the JS exception a require call throws for
// err (from Require or RequireEdge), so a host-provided require function can
// report failures exactly as Node and Next.js do.
func ThrowRequireError(vm *goja.Runtime, err error) {
	var mnf *ModuleNotFoundError
	var nmf *NativeModuleNotFoundError
	var ex *goja.Exception
	switch {
	case errors.As(err, &mnf):
		panic(mnf.jsError(vm))
	case errors.As(err, &nmf):
		panic(vm.NewTypeError(nmf.Error()))
	case errors.As(err, &ex):
		panic(ex)
	default:
		panic(vm.NewGoError(err))
	}
}

// newCodedError makes a JS error of the given constructor with Node's
// `code` property (defined after message, enumerable, as Node's are).
func newCodedError(vm *goja.Runtime, ctorName, code, msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(vm.Get(ctorName))
	obj, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	if code != "" {
		_ = obj.Set("code", code)
	}
	return obj
}

// throwCoded panics with a Node-coded error (goja turns it into a JS throw).
func throwCoded(vm *goja.Runtime, ctorName, code, msg string) {
	panic(newCodedError(vm, ctorName, code, msg))
}

// notSupportedMessage is the text of every "not supported" error.
func notSupportedMessage(module, fn string) string {
	return fmt.Sprintf("edgerun: node:%s.%s is not supported", module, fn)
}

// throwerProgram makes named JS functions that throw: unlike native Go
// functions they are constructible, so `new Worker()` reports the
// not-supported error instead of "not a constructor".
var throwerProgram = goja.MustCompile("node:thrower", `(function (name, message) {
  return { [name]: function () { const e = new Error(message); e.code = 'ERR_NOT_SUPPORTED'; throw e; } }[name];
})`, true)

// notSupportedFunc returns a function that throws the not-supported error
// for module.fn when called or constructed.
func notSupportedFunc(vm *goja.Runtime, module, fn string) goja.Value {
	factory, err := vm.RunProgram(throwerProgram)
	if err != nil {
		panic(err)
	}
	f, _ := goja.AssertFunction(factory)
	v, err := f(goja.Undefined(), vm.ToValue(fn), vm.ToValue(notSupportedMessage(module, fn)))
	if err != nil {
		panic(err)
	}
	return v
}
