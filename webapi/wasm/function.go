package wasm

// Exported Functions
// (https://webassembly.github.io/spec/js-api/#exported-function-exotic-objects):
// JS functions that call a wasm function, converting arguments with
// ToWebAssemblyValue and results with ToJSValue.

import (
	"context"
	"strconv"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"
)

// exportedFn is what the package knows about an Exported Function object.
type exportedFn struct {
	fn api.Function
	ft funcType
	// srcModule and srcName name an instance export the function can be
	// imported from again (keeping its identity); empty when it has none
	// (a function read out of a table).
	srcModule, srcName string
}

// exportedFunction returns the Exported Function for fn, which srcModule
// exports as srcName; the same wasm function always gives the same object.
func (st *state) exportedFunction(fn api.Function, srcModule, srcName string) *goja.Object {
	def := fn.Definition()
	key := funcKey{module: def.ModuleName(), index: def.Index()}
	if srcModule != "" {
		key = funcKey{module: srcModule, index: def.Index()}
	}
	if key.module == "" {
		// No module to tell it apart from other modules' functions of the
		// same index: the caller caches it by reference instead.
		ef := &exportedFn{fn: fn, ft: funcType{params: def.ParamTypes(), results: def.ResultTypes()}}
		return st.newExportedFunction(ef, def.Index())
	}
	if obj, ok := st.funcs[key]; ok {
		return obj
	}
	ef := &exportedFn{fn: fn, ft: funcType{params: def.ParamTypes(), results: def.ResultTypes()}, srcModule: srcModule, srcName: srcName}
	obj := st.newExportedFunction(ef, def.Index())
	st.funcs[key] = obj
	return obj
}

func (st *state) newExportedFunction(ef *exportedFn, index uint32) *goja.Object {
	vm := st.iso.VM()
	ft := ef.ft
	stackLen := max(len(ft.params), len(ft.results))
	call := func(call goja.FunctionCall) goja.Value {
		// 3-6. Convert each argument with ToWebAssemblyValue (missing ones
		//      are undefined).
		stack := make([]uint64, stackLen)
		for i, p := range ft.params {
			stack[i] = st.toWasm(p, call.Argument(i))
		}
		// 7. Let (store, ret) be the result of func_invoke(store, funcaddr, args).
		err := st.enter(func(ctx context.Context) error { return ef.fn.CallWithStack(ctx, stack) })
		// 9. If ret is error, throw an exception (RuntimeError, or what an import threw).
		if err != nil {
			panic(st.wasmError(err))
		}
		// 10-12. Return undefined, the one result, or an array of them.
		switch len(ft.results) {
		case 0:
			return goja.Undefined()
		case 1:
			return st.toJS(ft.results[0], stack[0])
		}
		vals := make([]any, len(ft.results))
		for i, t := range ft.results {
			vals[i] = st.toJS(t, stack[i])
		}
		return vm.NewArray(vals...)
	}
	obj := vm.ToValue(call).(*goja.Object)
	// The name is the function's index, the length its parameter count.
	_ = obj.DefineDataProperty("name", vm.ToValue(strconv.FormatUint(uint64(index), 10)), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty("length", vm.ToValue(len(ft.params)), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	st.exportedFuncs[obj] = ef
	return obj
}

// funcrefOf returns the funcref of an Exported Function, for tables and
// funcref globals. wazero exposes no reference for an api.Function, so a
// tiny module imports the function and returns ref.func of it.
func (st *state) funcrefOf(obj *goja.Object) (uint64, bool) {
	if ref, ok := st.refOf[obj]; ok {
		return ref, true
	}
	ef, ok := st.exportedFuncs[obj]
	if !ok || ef.srcModule == "" {
		return 0, false
	}
	im := importEntry{kind: kindFunc, typeIndex: 1}
	e := newEncoder()
	e.vec(1, [][]byte{encodeFuncType(funcType{results: []byte{valFuncref}}), encodeFuncType(ef.ft)})
	e.vec(2, [][]byte{encodeImport(ef.srcModule, ef.srcName, im)})
	e.vec(3, [][]byte{{0x00}})
	e.vec(7, [][]byte{encodeExport("r", kindFunc, 1), encodeExport("f", kindFunc, 0)})
	// func r: ref.func 0; end (no locals).
	e.vec(10, [][]byte{{0x04, 0x00, 0xD2, 0x00, 0x0B}})
	mod, err := st.instantiateSynthetic("ref", e.b, nil)
	if err != nil {
		return 0, false
	}
	res, err := mod.ExportedFunction("r").Call(context.Background())
	if err != nil || len(res) != 1 {
		return 0, false
	}
	st.refOf[obj] = res[0]
	st.funcByRef[res[0]] = obj
	return res[0], true
}
