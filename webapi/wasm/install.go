package wasm

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Options configure the WebAssembly namespace.
type Options struct {
	// AllowCodeGeneration lets scripts compile modules from bytes. Next.js
	// allows it in next dev (with a warning) and its production edge
	// runtime forbids it (V8's codeGeneration.wasm = false).
	AllowCodeGeneration bool
	// OnCodeGeneration, if set, is called each time a script compiles bytes
	// while AllowCodeGeneration is true (next dev's
	// DynamicWasmCodeGenerationWarning).
	OnCodeGeneration func()
}

// Install defines the WebAssembly global (lazily).
func Install(iso *runtime.Isolate, opts Options) {
	st := newState(iso, opts)
	st.freeze = captureFreeze(iso.VM())
	iso.DefineLazyGlobal("WebAssembly", func() goja.Value { return st.namespace() })
}

// captureFreeze returns Object.freeze as it is before user code runs.
func captureFreeze(vm *goja.Runtime) goja.Callable {
	obj, _ := vm.Get("Object").(*goja.Object)
	if obj == nil {
		return nil
	}
	fn, _ := goja.AssertFunction(obj.Get("freeze"))
	return fn
}
