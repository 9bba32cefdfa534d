package node

import (
	"math/big"
	"reflect"
	"syscall"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/console"
)

var (
	proxyType   = reflect.TypeOf(goja.Proxy{})
	promiseType = reflect.TypeOf((*goja.Promise)(nil))
	bigIntType  = reflect.TypeOf((*big.Int)(nil))
	stringType  = reflect.TypeOf("")
)

// internalClass names an object's built-in kind for brand checks: goja's
// class name, refined by the export type where goja reports "Object"
// (promises, boxed symbols and bigints, proxies).
func internalClass(obj *goja.Object) string {
	c := obj.ClassName()
	if c != "Object" {
		return c
	}
	switch obj.ExportType() {
	case promiseType:
		return "Promise"
	case proxyType:
		return "Proxy"
	case bigIntType:
		return "BigInt"
	case stringType:
		return "Symbol"
	}
	return c
}

// utilBinding serves util, util.types and util.inspect: the engine's
// internal class of an object (for brand checks JS cannot express),
// promise state, and the system error table.
func utilBinding(e *env) *goja.Object {
	vm := e.vm
	b := typesBinding(e)
	// util.inspect and util.format share webapi/console's renderer (what
	// console.log prints) for the options it supports.
	_ = b.Set("consoleInspect", jsclass.Function(vm, "consoleInspect", 2, func(call goja.FunctionCall) goja.Value {
		opts := console.ParseInspectOptions(call.Argument(1), console.DefaultInspectOptions())
		return vm.ToValue(console.InspectWith(e.iso, call.Argument(0), opts))
	}))
	_ = b.Set("consoleFormat", jsclass.Function(vm, "consoleFormat", 2, func(call goja.FunctionCall) goja.Value {
		opts := console.ParseInspectOptions(call.Argument(0), console.DefaultInspectOptions())
		var args []goja.Value
		if a, ok := call.Argument(1).(*goja.Object); ok {
			n := int(a.Get("length").ToInteger())
			args = make([]goja.Value, n)
			for i := range args {
				args[i] = a.Get(itoa(i))
			}
		}
		return vm.ToValue(console.FormatWith(e.iso, opts, args))
	}))
	_ = b.Set("errname", jsclass.Function(vm, "errname", 1, func(call goja.FunctionCall) goja.Value {
		n := -call.Argument(0).ToInteger()
		if info, ok := errnoByErrno(syscall.Errno(n)); ok {
			return vm.ToValue(info.code)
		}
		return goja.Undefined()
	}))
	_ = b.Set("errmap", jsclass.Function(vm, "errmap", 0, func(call goja.FunctionCall) goja.Value {
		entries := make([]any, 0, len(errnoTable))
		for _, info := range errnoTable {
			entries = append(entries, vm.NewArray(-int(info.errno), vm.NewArray(info.code, info.desc)))
		}
		return vm.NewArray(entries...)
	}))
	return b
}

// typesBinding exposes the engine's internal class of an object, which
// util.types needs for brand checks JS cannot express.
func typesBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	_ = b.Set("className", jsclass.Function(vm, "className", 1, func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		return vm.ToValue(internalClass(obj))
	}))
	_ = b.Set("isProxy", jsclass.Function(vm, "isProxy", 1, func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		return vm.ToValue(ok && obj.ExportType() == proxyType)
	}))
	handleKey := vm.Get("Symbol").(*goja.Object).Get("for")
	_ = b.Set("isKeyObject", jsclass.Function(vm, "isKeyObject", 1, func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return vm.ToValue(false)
		}
		forFn, _ := goja.AssertFunction(handleKey)
		sym, err := forFn(goja.Undefined(), vm.ToValue(keyHandleSymbol))
		if err != nil {
			return vm.ToValue(false)
		}
		h, ok := obj.GetSymbol(sym.(*goja.Symbol)).(*goja.Object)
		if !ok {
			return vm.ToValue(false)
		}
		_, ok = h.Export().(*keyObject)
		return vm.ToValue(ok)
	}))
	_ = b.Set("promiseState", jsclass.Function(vm, "promiseState", 1, func(call goja.FunctionCall) goja.Value {
		res := vm.NewObject()
		obj, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return res
		}
		p, ok := obj.Export().(*goja.Promise)
		if !ok {
			return res
		}
		switch p.State() {
		case goja.PromiseStatePending:
			_ = res.Set("state", "pending")
		case goja.PromiseStateFulfilled:
			_ = res.Set("state", "fulfilled")
			_ = res.Set("result", p.Result())
		default:
			_ = res.Set("state", "rejected")
			_ = res.Set("result", p.Result())
		}
		return res
	}))
	return b
}
