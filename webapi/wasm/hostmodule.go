package wasm

import (
	"encoding/base64"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

type hostModuleKey struct{}

// RequireModule returns the module a bundle's `.wasm?module` imports
// require (bundler.WasmModuleID): module(base64) compiles the bytes on the
// host side with NewModule, so it works under any code generation policy,
// as modules deployed with an edge function do. Compile errors throw a
// CompileError.
func RequireModule(iso *runtime.Isolate) goja.Value {
	if v, ok := iso.Value(hostModuleKey{}).(goja.Value); ok {
		return v
	}
	vm := iso.VM()
	obj := vm.NewObject()
	_ = obj.Set("module", jsclass.Function(vm, "module", 1, func(call goja.FunctionCall) goja.Value {
		b, err := base64.StdEncoding.DecodeString(call.Argument(0).String())
		if err != nil {
			panic(vm.NewTypeError("edgerun:wasm: the module bytes are not base64: %v", err))
		}
		st := stateOf(iso)
		m, err := st.compile(b)
		if err != nil {
			panic(st.compileError("WebAssembly.Module(): " + err.Error()))
		}
		st.noteTypes(m.info)
		return jsclass.New(iso, ModuleClass, m)
	}))
	iso.SetValue(hostModuleKey{}, goja.Value(obj))
	return obj
}
