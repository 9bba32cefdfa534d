package wasm

// The WebAssembly namespace object
// (https://webassembly.github.io/spec/js-api/#webassembly-namespace).

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

const streamingSource = `(function (compile, instantiate) {
  'use strict';
  // https://webassembly.github.io/spec/web-api/#compile-a-potential-webassembly-response
  const response = async (source, method) => {
    const r = await source;
    if (typeof Response !== 'function' || !(r instanceof Response)) {
      throw new TypeError(method + ': Argument 0 must be provided and must be a Response');
    }
    const type = r.headers.get('content-type');
    if (type === null || type.split(';')[0].trim().toLowerCase() !== 'application/wasm') {
      throw new TypeError(method + ": Incorrect response MIME type. Expected 'application/wasm'.");
    }
    if (!r.ok) throw new TypeError(method + ': HTTP status code is not ok');
    return r.arrayBuffer();
  };
  return [
    async function compileStreaming(source) {
      return compile(await response(source, 'WebAssembly.compileStreaming()'), 'WebAssembly.compileStreaming()');
    },
    async function instantiateStreaming(source, importObject) {
      return instantiate(await response(source, 'WebAssembly.instantiateStreaming()'), importObject, 'WebAssembly.instantiateStreaming()');
    },
  ];
})`

// namespace builds the WebAssembly object.
func (st *state) namespace() goja.Value {
	iso := st.iso
	vm := iso.VM()
	ns := vm.NewObject()
	// Namespace operations are enumerable; interface objects are not (WebIDL).
	def := func(name string, v goja.Value) {
		_ = ns.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	defInterface := func(name string, v goja.Value) {
		_ = ns.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	def("validate", jsclass.Function(vm, "validate", 1, func(call goja.FunctionCall) goja.Value {
		// 1. Let stableBytes be a copy of the bytes held by the buffer bytes.
		b := st.bytesArg(call.Argument(0), "WebAssembly.validate()")
		// 2-4. Compile stableBytes as a WebAssembly module; return whether it worked.
		return vm.ToValue(validate(b) == nil)
	}))
	def("compile", jsclass.Function(vm, "compile", 1, func(call goja.FunctionCall) goja.Value {
		return st.promise(func(resolve, reject func(any) error) {
			st.checkCodeGeneration("WebAssembly.compile()")
			b := st.bytesArg(call.Argument(0), "WebAssembly.compile()")
			st.compileAsync(b, "WebAssembly.compile()", func(m *goja.Object, err goja.Value) {
				if err != nil {
					_ = reject(err)
					return
				}
				_ = resolve(m)
			})
		})
	}))
	def("instantiate", jsclass.Function(vm, "instantiate", 1, func(call goja.FunctionCall) goja.Value {
		src, importObject := call.Argument(0), call.Argument(1)
		// instantiate(moduleObject, importObject): a promise of the Instance.
		if m, ok := jsclass.Unwrap[*module](iso, src); ok {
			return st.promise(func(resolve, reject func(any) error) {
				// Read the imports now; instantiate in a later task.
				imports := st.readImports(m, importObject, "WebAssembly.instantiate()")
				op := iso.StartOp()
				_ = op.Complete(func() {
					st.settle(resolve, reject, func() goja.Value {
						return jsclass.New(iso, InstanceClass, &instance{exports: st.instantiate(m, imports, "WebAssembly.instantiate()")})
					})
				})
			})
		}
		// instantiate(bytes, importObject): a promise of { module, instance }.
		return st.instantiateBytes(src, importObject, "WebAssembly.instantiate()")
	}))
	streamingOnce.Do(func() { streamingProg = goja.MustCompile("edgerun:wasm-streaming", streamingSource, true) })
	fv, err := vm.RunProgram(streamingProg)
	if err != nil {
		panic(err)
	}
	factory, _ := goja.AssertFunction(fv)
	compileFn := jsclass.Function(vm, "compile", 2, func(call goja.FunctionCall) goja.Value {
		method := call.Argument(1).String()
		return st.promise(func(resolve, reject func(any) error) {
			st.checkCodeGeneration(method)
			b := st.bytesArg(call.Argument(0), method)
			st.compileAsync(b, method, func(m *goja.Object, err goja.Value) {
				if err != nil {
					_ = reject(err)
					return
				}
				_ = resolve(m)
			})
		})
	})
	instantiateFn := jsclass.Function(vm, "instantiate", 3, func(call goja.FunctionCall) goja.Value {
		return st.instantiateBytes(call.Argument(0), call.Argument(1), call.Argument(2).String())
	})
	pair, err := factory(goja.Undefined(), compileFn, instantiateFn)
	if err != nil {
		panic(err)
	}
	def("compileStreaming", pair.(*goja.Object).Get("0"))
	def("instantiateStreaming", pair.(*goja.Object).Get("1"))
	for _, c := range []*jsclass.Class{ModuleClass, InstanceClass, MemoryClass, TableClass, GlobalClass} {
		defInterface(c.Name, jsclass.Get(iso, c).Ctor)
	}
	ec := st.errorClasses()
	defInterface("CompileError", ec.objects[0])
	defInterface("LinkError", ec.objects[1])
	defInterface("RuntimeError", ec.objects[2])
	_ = ns.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("WebAssembly"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return ns
}

// instantiateBytes is instantiate(bytes, importObject).
func (st *state) instantiateBytes(src, importObject goja.Value, method string) goja.Value {
	iso := st.iso
	vm := iso.VM()
	return st.promise(func(resolve, reject func(any) error) {
		st.checkCodeGeneration(method)
		// 1. Let stableBytes be a copy of the bytes held by the buffer bytes.
		b := st.bytesArg(src, method)
		// 2. Asynchronously compile a WebAssembly module from stableBytes.
		st.compileAsync(b, method, func(mobj *goja.Object, err goja.Value) {
			if err != nil {
				_ = reject(err)
				return
			}
			// 3. Instantiate a promise of a module with promiseOfModule and
			//    importObject: { module, instance }.
			st.settle(resolve, reject, func() goja.Value {
				m, _ := jsclass.Unwrap[*module](iso, mobj)
				imports := st.readImports(m, importObject, method)
				inst := jsclass.New(iso, InstanceClass, &instance{exports: st.instantiate(m, imports, method)})
				res := vm.NewObject()
				_ = res.Set("module", mobj)
				_ = res.Set("instance", inst)
				return res
			})
		})
	})
}

// compileAsync compiles b on another goroutine (wazero's runtime is safe
// for concurrent use), then calls done on the isolate's goroutine with the
// Module object or a CompileError.
func (st *state) compileAsync(b []byte, method string, done func(m *goja.Object, err goja.Value)) {
	rt := st.runtime()
	op := st.iso.StartOp()
	go func() {
		m, err := compileIn(rt, b)
		_ = op.Complete(func() {
			if err != nil {
				done(nil, st.compileError(method+": "+err.Error()))
				return
			}
			st.noteTypes(m.info)
			done(jsclass.New(st.iso, ModuleClass, m), nil)
		})
	}()
}

// promise returns a promise that fn settles; an exception fn throws
// rejects it (WebIDL turns exceptions of promise-returning operations into
// rejections).
func (st *state) promise(fn func(resolve, reject func(any) error)) goja.Value {
	vm := st.iso.VM()
	p, resolve, reject := vm.NewPromise()
	if ex := vm.Try(func() { fn(resolve, reject) }); ex != nil {
		_ = reject(ex.Value())
	}
	return vm.ToValue(p)
}

// settle resolves with fn's result or rejects with what it throws.
func (st *state) settle(resolve, reject func(any) error, fn func() goja.Value) {
	var v goja.Value
	if ex := st.iso.VM().Try(func() { v = fn() }); ex != nil {
		_ = reject(ex.Value())
		return
	}
	_ = resolve(v)
}

var (
	streamingOnce sync.Once
	streamingProg *goja.Program
)
