package webidl

import (
	"fmt"

	"github.com/dop251/goja"
)

// Context prefixes conversion errors, as browsers do.
type Context string

// Method returns the context for an operation: "Failed to execute 'm' on 'I'".
func Method(iface, method string) Context {
	return Context(fmt.Sprintf("Failed to execute '%s' on '%s'", method, iface))
}

// Construct returns the context for a constructor: "Failed to construct 'I'".
func Construct(iface string) Context {
	return Context(fmt.Sprintf("Failed to construct '%s'", iface))
}

// Setter returns the context for an attribute setter: "Failed to set the 'a' property on 'I'".
func Setter(iface, attr string) Context {
	return Context(fmt.Sprintf("Failed to set the '%s' property on '%s'", attr, iface))
}

// TypeError panics with a TypeError "<ctx>: <msg>".
func (c Context) TypeError(vm *goja.Runtime, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if c != "" {
		msg = string(c) + ": " + msg
	}
	panic(vm.NewTypeError("%s", msg))
}

// RequireArgs throws unless at least n arguments were passed.
func (c Context) RequireArgs(vm *goja.Runtime, call goja.FunctionCall, n int) {
	if len(call.Arguments) >= n {
		return
	}
	noun := "arguments"
	if n == 1 {
		noun = "argument"
	}
	c.TypeError(vm, "%d %s required, but only %d present.", n, noun, len(call.Arguments))
}

// RequireConstructArgs is RequireArgs for constructors.
func (c Context) RequireConstructArgs(vm *goja.Runtime, call goja.ConstructorCall, n int) {
	c.RequireArgs(vm, goja.FunctionCall{Arguments: call.Arguments}, n)
}
