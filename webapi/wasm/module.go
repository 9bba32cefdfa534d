package wasm

// WebAssembly.Module (https://webassembly.github.io/spec/js-api/#modules).

import (
	"context"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// module backs a WebAssembly.Module object.
type module struct {
	jsclass.Shell
	info     *moduleInfo
	compiled wazero.CompiledModule
}

// ModuleClass is WebAssembly.Module.
var ModuleClass = &jsclass.Class{
	Name:      "Module",
	TagName:   "WebAssembly.Module",
	NoGlobal:  true,
	Length:    1,
	Construct: constructModule,
	Statics: []jsclass.Member{
		jsclass.Static("exports", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			m := moduleArg(iso, call, "exports")
			vm := iso.VM()
			out := make([]any, 0, len(m.info.exports))
			for _, e := range m.info.exports {
				d := vm.NewObject()
				_ = d.Set("name", e.name)
				_ = d.Set("kind", kindNames[e.kind])
				out = append(out, d)
			}
			return vm.NewArray(out...)
		}),
		jsclass.Static("imports", 1, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			m := moduleArg(iso, call, "imports")
			vm := iso.VM()
			out := make([]any, 0, len(m.info.imports))
			for _, im := range m.info.imports {
				d := vm.NewObject()
				_ = d.Set("module", im.module)
				_ = d.Set("name", im.name)
				_ = d.Set("kind", kindNames[im.kind])
				out = append(out, d)
			}
			return vm.NewArray(out...)
		}),
		jsclass.Static("customSections", 2, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			m := moduleArg(iso, call, "customSections")
			vm := iso.VM()
			ctx := webidl.Context("WebAssembly.Module.customSections()")
			if len(call.Arguments) < 2 {
				panic(vm.NewTypeError("WebAssembly.Module.customSections(): Argument 1 is required"))
			}
			name := ctx.DOMString(vm, call.Argument(1))
			out := []any{}
			for _, c := range m.info.customs {
				if c.name == name {
					out = append(out, webidl.ArrayBuffer(vm, append([]byte(nil), c.data...)))
				}
			}
			return vm.NewArray(out...)
		}),
	},
}

func moduleArg(iso *runtime.Isolate, call goja.FunctionCall, method string) *module {
	m, ok := jsclass.Unwrap[*module](iso, call.Argument(0))
	if !ok {
		panic(iso.VM().NewTypeError("WebAssembly.Module.%s(): Argument 0 must be a WebAssembly.Module", method))
	}
	return m
}

func constructModule(iso *runtime.Isolate, call goja.ConstructorCall) any {
	st := stateOf(iso)
	// V8 checks the embedder's code generation policy before the argument.
	st.checkCodeGeneration("WebAssembly.Module()")
	// 1. Let stableBytes be a copy of the bytes held by the buffer bytes.
	b := st.bytesArg(call.Argument(0), "WebAssembly.Module()")
	// 2. Compile the WebAssembly module stableBytes; if module is error,
	//    throw a CompileError exception.
	m, err := st.compile(b)
	if err != nil {
		panic(st.compileError("WebAssembly.Module(): " + err.Error()))
	}
	st.noteTypes(m.info)
	return m
}

// bytesArg converts a BufferSource argument to a copy of its bytes.
func (st *state) bytesArg(v goja.Value, method string) []byte {
	b, sharedView, ok := webidl.UnsharedBufferSource(st.iso, v)
	if sharedView {
		panic(st.iso.VM().NewTypeError("%s: %s", method, webidl.SharedViewMessage))
	}
	if !ok {
		panic(st.iso.VM().NewTypeError("%s: Argument 0 must be a buffer source", method))
	}
	return append([]byte(nil), b...)
}

// checkCodeGeneration throws V8's CompileError when the profile forbids
// compiling modules from bytes (production edge runtimes do), and reports
// the compile otherwise.
func (st *state) checkCodeGeneration(method string) {
	if !st.opts.AllowCodeGeneration {
		panic(st.compileError(method + ": Wasm code generation disallowed by embedder"))
	}
	if st.opts.OnCodeGeneration != nil {
		st.opts.OnCodeGeneration()
	}
}

// compile compiles bytes in the isolate's wazero runtime. It may run on
// any goroutine (wazero's runtime is safe for concurrent use) once the
// runtime exists.
func (st *state) compile(b []byte) (*module, error) {
	return compileIn(st.runtime(), b)
}

func compileIn(rt wazero.Runtime, b []byte) (*module, error) {
	info, perr := parseModule(b)
	wb := b
	if perr == nil {
		wb = forWazero(b, info)
	}
	cm, err := rt.CompileModule(context.Background(), wb)
	if err != nil {
		return nil, cleanCompileError(err)
	}
	if perr != nil {
		_ = cm.Close(context.Background())
		return nil, perr
	}
	return &module{info: info, compiled: cm}, nil
}

// cleanCompileError drops wazero's internal prefixes from a message.
func cleanCompileError(err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "invalid module: ")
	return fmt.Errorf("%s", msg)
}

// NewModule returns a WebAssembly.Module compiled from b by the host, as
// a bundler does for `import mod from './x.wasm?module'`: production edge
// runtimes allow these precompiled modules even where scripts may not
// compile bytes themselves. Call it on the isolate's goroutine.
func NewModule(iso *runtime.Isolate, b []byte) (*goja.Object, error) {
	st := stateOf(iso)
	m, err := st.compile(append([]byte(nil), b...))
	if err != nil {
		return nil, fmt.Errorf("wasm: %w", err)
	}
	st.noteTypes(m.info)
	return jsclass.New(iso, ModuleClass, m), nil
}
