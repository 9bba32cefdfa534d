package wasm

// WebAssembly.Instance (https://webassembly.github.io/spec/js-api/#instances).
//
// wazero links a module's imports by module name against instances in the
// same runtime, one name per instance. The JS API links by object instead,
// so each instantiation builds, per imported module name, a small "glue"
// module that imports each item from where it really lives (the instance
// exporting a Memory, Table or Global, a host module of JS functions) and
// re-exports it under the name the module asks for; an
// experimental.ImportResolver then hands wazero the glue for that name.
// Re-exporting keeps identity: the instance gets the very memory, table or
// global the JS object stands for.

import (
	"context"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// instance backs a WebAssembly.Instance object.
type instance struct {
	jsclass.Shell
	exports *goja.Object
}

// InstanceClass is WebAssembly.Instance.
var InstanceClass = &jsclass.Class{
	Name:      "Instance",
	TagName:   "WebAssembly.Instance",
	NoGlobal:  true,
	Length:    1,
	Construct: constructInstance,
	Members: []jsclass.Member{
		jsclass.Getter("exports", func(in *instance, iso *runtime.Isolate) goja.Value { return in.exports }),
	},
}

func constructInstance(iso *runtime.Isolate, call goja.ConstructorCall) any {
	st := stateOf(iso)
	const method = "WebAssembly.Instance()"
	m, ok := jsclass.Unwrap[*module](iso, call.Argument(0))
	if !ok {
		panic(iso.VM().NewTypeError("%s: Argument 0 must be a WebAssembly.Module", method))
	}
	// 1-2. Let module be module.[[Module]]; read the imports of module with imports importObject.
	imports := st.readImports(m, call.Argument(1), method)
	// 3. Instantiate the core of a WebAssembly module module with imports.
	return &instance{exports: st.instantiate(m, imports, method)}
}

// An importValue is one import, read from the import object.
type importValue struct {
	entry importEntry
	index int
	// Where the glue module imports it from.
	srcModule, srcName string
	// A JS function to wrap as a host function (when there is no source).
	hostFn goja.Callable
	// An Exported Function with no exporting instance to import it from.
	wasmFn api.Function
	// A global's constant value (a Number or BigInt, not a Global).
	constant  goja.Value
	hasConst  bool
	jsObject  *goja.Object // the Memory, Table or Global object
	funcValue *goja.Object // the function object itself
}

// readImports is "read the imports"
// (https://webassembly.github.io/spec/js-api/#read-the-imports).
func (st *state) readImports(m *module, importObject goja.Value, method string) []importValue {
	vm := st.iso.VM()
	// IDL: optional object importObject.
	if !goja.IsUndefined(importObject) {
		if _, ok := importObject.(*goja.Object); !ok {
			panic(vm.NewTypeError("%s: Argument 1 must be an object", method))
		}
	}
	// 1. If module.imports is not empty, and importObject is undefined, throw a TypeError exception.
	if len(m.info.imports) > 0 && goja.IsUndefined(importObject) {
		panic(vm.NewTypeError("%s: Imports argument must be present and must be an object", method))
	}
	var out []importValue
	// 3. For each (moduleName, componentName, externtype) of module_imports(module):
	for i, im := range m.info.imports {
		// 3.1-3.2. Let o be ? Get(importObject, moduleName); if o is not an Object, throw a TypeError.
		o, ok := importObject.(*goja.Object).Get(im.module).(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("%s: Import #%d %q: module is not an object or function", method, i, im.module))
		}
		// 3.3. Let v be ? Get(o, componentName).
		v := o.Get(im.name)
		if v == nil {
			v = goja.Undefined()
		}
		where := fmt.Sprintf("%s: Import #%d %q %q", method, i, im.module, im.name)
		iv := importValue{entry: im, index: i}
		switch im.kind {
		case kindFunc:
			// 3.4.1. If IsCallable(v) is false, throw a LinkError exception.
			fn, callable := goja.AssertFunction(v)
			if !callable {
				panic(st.linkError(where + ": function import requires a callable"))
			}
			obj := v.(*goja.Object)
			iv.funcValue = obj
			// 3.4.2. If v has a [[FunctionAddress]] internal slot, use it.
			if ef, ok := st.exportedFuncs[obj]; ok {
				if ef.srcModule != "" {
					iv.srcModule, iv.srcName = ef.srcModule, ef.srcName
				} else {
					iv.wasmFn = ef.fn
				}
			} else {
				// 3.4.3. Otherwise, create a host function from v and functype.
				iv.hostFn = fn
			}
		case kindGlobal:
			if g, ok := jsclass.Unwrap[*global](st.iso, v); ok {
				// 3.5.1. If v implements Global, let globaladdr be v.[[Global]].
				iv.srcModule, iv.srcName, iv.jsObject = g.owner.Name(), g.export, v.(*goja.Object)
				break
			}
			// 3.5.2. Otherwise: a mutable global must be a Global object...
			if im.global.mutable {
				panic(st.linkError(where + ": imported mutable global must be a WebAssembly.Global object"))
			}
			// ...an i64 needs a BigInt, a number type a Number; v128 is never
			// allowed. (ExportType, not Export: exporting an object reads its
			// properties, which may be accessors that throw.)
			isBig := v.ExportType() == bigIntType
			switch im.global.val {
			case valI64:
				if !isBig {
					panic(st.linkError(where + ": global import must be a BigInt value"))
				}
			case valI32, valF32, valF64:
				if !isNumber(v) {
					panic(st.linkError(where + ": global import must be a number, valid Wasm reference, or WebAssembly.Global object"))
				}
			case valV128:
				panic(st.linkError(where + ": global import must be a number, valid Wasm reference, or WebAssembly.Global object"))
			}
			iv.constant, iv.hasConst = v, true
		case kindMemory:
			// 3.6. If v does not implement Memory, throw a LinkError exception.
			mem, ok := jsclass.Unwrap[*memory](st.iso, v)
			if !ok {
				panic(st.linkError(where + ": memory import must be a WebAssembly.Memory object"))
			}
			iv.srcModule, iv.srcName, iv.jsObject = mem.owner.Name(), mem.export, v.(*goja.Object)
		case kindTable:
			// 3.7. If v does not implement Table, throw a LinkError exception.
			t, ok := jsclass.Unwrap[*table](st.iso, v)
			if !ok {
				panic(st.linkError(where + ": table import requires a WebAssembly.Table"))
			}
			iv.srcModule, iv.srcName, iv.jsObject = t.owner.Name(), t.export, v.(*goja.Object)
		default:
			panic(st.linkError(where + ": tag imports are not supported (edgerun does not implement exception handling)"))
		}
		out = append(out, iv)
	}
	return out
}

// isNumber reports whether v is a Number primitive.
func isNumber(v goja.Value) bool {
	if _, isObj := v.(*goja.Object); isObj {
		return false
	}
	switch v.ExportType() {
	case int64Type, float64Type:
		return true
	}
	return false
}

var (
	bigIntType  = reflect.TypeOf((*big.Int)(nil))
	int64Type   = reflect.TypeOf(int64(0))
	float64Type = reflect.TypeOf(float64(0))
)

// instantiate is "instantiate the core of a WebAssembly module": it links
// imports, runs the start function and returns the frozen exports object.
func (st *state) instantiate(m *module, imports []importValue, method string) *goja.Object {
	rt := st.runtime()
	// Host functions (JS callables, and Exported Functions no instance
	// exports) go into one host module for this instantiation.
	if err := st.buildHostModule(rt, m, imports); err != nil {
		panic(st.linkError(method + ": " + err.Error()))
	}
	// Constant globals get a module of their own each.
	for i := range imports {
		iv := &imports[i]
		if !iv.hasConst {
			continue
		}
		name, err := st.constGlobal(iv.entry.global, iv.constant)
		if err != nil {
			panic(st.linkError(fmt.Sprintf("%s: Import #%d %q %q: %v", method, iv.index, iv.entry.module, iv.entry.name, err)))
		}
		iv.srcModule, iv.srcName = name, "g"
	}
	glue, err := st.buildGlue(rt, m, imports)
	if err != nil {
		if p := st.takePending(); p != nil {
			panic(p)
		}
		panic(st.linkError(method + ": " + err.Error()))
	}
	alloc := &allocator{shared: m.info.definesSharedMemory()}
	var mod api.Module
	err = st.enter(func(ctx context.Context) error {
		ctx = experimental.WithImportResolver(ctx, func(name string) api.Module { return glue[name] })
		ctx = experimental.WithMemoryAllocator(ctx, alloc)
		var err error
		mod, err = rt.InstantiateModule(ctx, m.compiled, wazero.NewModuleConfig().WithName(st.name("instance")).WithStartFunctions())
		return err
	})
	if err != nil {
		if p := st.takePending(); p != nil {
			panic(p)
		}
		msg := err.Error()
		if strings.Contains(msg, "wasm error:") || strings.Contains(msg, "out of bounds") {
			panic(st.wasmError(err))
		}
		panic(st.linkError(method + ": " + strings.TrimPrefix(msg, "module["+mod0(mod)+"] ")))
	}
	st.noteTypes(m.info)
	return st.exportsObject(m, mod, imports, alloc)
}

func mod0(m api.Module) string {
	if m == nil {
		return ""
	}
	return m.Name()
}

// definesSharedMemory reports whether the module defines (not imports) a
// shared memory; the allocator must then reserve its maximum.
func (m *moduleInfo) definesSharedMemory() bool { return m.sharedMemory }

// buildHostModule wraps JS function imports as wazero host functions.
func (st *state) buildHostModule(rt wazero.Runtime, m *module, imports []importValue) error {
	var hb wazero.HostModuleBuilder
	name := ""
	w := weak.Make(st)
	for i := range imports {
		iv := &imports[i]
		if iv.hostFn == nil && iv.wasmFn == nil {
			continue
		}
		ft, _ := m.info.typeAt(iv.entry.typeIndex)
		for _, t := range append(append([]byte(nil), ft.params...), ft.results...) {
			switch t {
			case valI32, valI64, valF32, valF64, valExternref:
			default:
				return fmt.Errorf("Import #%d %q %q: functions with %s parameters or results cannot be imported from JavaScript; not supported", iv.index, iv.entry.module, iv.entry.name, valueTypeNames[t])
			}
		}
		if hb == nil {
			name = st.name("host")
			hb = rt.NewHostModuleBuilder(name)
		}
		field := "f" + strconv.Itoa(i)
		var fn api.GoModuleFunc
		if iv.hostFn != nil {
			callable := iv.hostFn
			fn = func(ctx context.Context, _ api.Module, stack []uint64) {
				if st := w.Value(); st != nil {
					st.callJS(callable, ft, stack)
				}
			}
		} else {
			target := iv.wasmFn
			fn = func(ctx context.Context, _ api.Module, stack []uint64) {
				if err := target.CallWithStack(ctx, stack); err != nil {
					panic(err)
				}
			}
		}
		hb.NewFunctionBuilder().WithGoModuleFunction(fn, ft.params, ft.results).Export(field)
		iv.srcModule, iv.srcName = name, field
	}
	if hb == nil {
		return nil
	}
	_, err := hb.Instantiate(context.Background())
	return err
}

// callJS runs a JS function imported by wasm, with wasm's stack for
// arguments and results. A JS exception cannot unwind through wasm frames:
// it is kept in st.pending and a panic unwinds wazero's call, whose caller
// rethrows it.
func (st *state) callJS(fn goja.Callable, ft funcType, stack []uint64) {
	vm := st.iso.VM()
	defer func() {
		if x := recover(); x != nil {
			if st.pending == nil {
				st.pending = x
			}
			panic(errImportThrew)
		}
	}()
	args := make([]goja.Value, len(ft.params))
	for i, p := range ft.params {
		args[i] = st.toJS(p, stack[i])
	}
	ret, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	switch len(ft.results) {
	case 0:
	case 1:
		stack[0] = st.toWasm(ft.results[0], ret)
	default:
		// Let values be ? IterableToList(ret); its length must match.
		var values []goja.Value
		if _, ok := ret.(*goja.Object); !ok {
			panic(vm.NewTypeError("multi-return value must be iterable"))
		}
		vm.ForOf(ret, func(v goja.Value) bool { values = append(values, v); return true })
		if len(values) != len(ft.results) {
			panic(vm.NewTypeError("multi-return length mismatch"))
		}
		for i, t := range ft.results {
			stack[i] = st.toWasm(t, values[i])
		}
	}
}

var errImportThrew = fmt.Errorf("wasm: a JavaScript import threw")

// constGlobal makes a module holding an immutable global of type t with
// value v, exported as "g", and returns its name.
func (st *state) constGlobal(t globalType, v goja.Value) (string, error) {
	init, err := st.constExpr(t.val, v)
	if err != nil {
		return "", err
	}
	e := newEncoder()
	e.vec(6, [][]byte{append([]byte{t.val, 0}, init...)})
	e.vec(7, [][]byte{encodeExport("g", kindGlobal, 0)})
	mod, err := st.instantiateSynthetic("global", e.b, nil)
	if err != nil {
		return "", err
	}
	return mod.Name(), nil
}

// constExpr is the constant expression initialising a global to v.
func (st *state) constExpr(t byte, v goja.Value) ([]byte, error) {
	return constExprRaw(t, st.toWasm(t, v))
}

// constExprRaw is the constant expression for the value raw of type t.
func constExprRaw(t byte, raw uint64) ([]byte, error) {
	var b []byte
	switch t {
	case valI32:
		b = appendS64([]byte{0x41}, int64(int32(uint32(raw))))
	case valI64:
		b = appendS64([]byte{0x42}, int64(raw))
	case valF32:
		b = []byte{0x43, byte(raw), byte(raw >> 8), byte(raw >> 16), byte(raw >> 24)}
	case valF64:
		b = []byte{0x44}
		for i := 0; i < 8; i++ {
			b = append(b, byte(raw>>(8*i)))
		}
	case valExternref, valFuncref:
		if raw != 0 {
			return nil, fmt.Errorf("a non-null %s constant global is not supported", valueTypeNames[t])
		}
		b = []byte{0xD0, t}
	default:
		return nil, fmt.Errorf("unsupported global type")
	}
	return append(b, 0x0B), nil
}

// buildGlue makes the glue module of each imported module name.
func (st *state) buildGlue(rt wazero.Runtime, m *module, imports []importValue) (map[string]api.Module, error) {
	type item struct{ iv *importValue }
	groups := map[string][]*importValue{}
	var order []string
	for i := range imports {
		iv := &imports[i]
		if _, ok := groups[iv.entry.module]; !ok {
			order = append(order, iv.entry.module)
		}
		groups[iv.entry.module] = append(groups[iv.entry.module], iv)
	}
	glue := map[string]api.Module{}
	for _, modName := range order {
		e := newEncoder()
		var types, imps, exps [][]byte
		counts := map[byte]uint32{}
		seen := map[string]bool{}
		for _, iv := range groups[modName] {
			im := iv.entry
			if seen[im.name] {
				continue
			}
			seen[im.name] = true
			if im.kind == kindFunc {
				ft, _ := m.info.typeAt(im.typeIndex)
				types = append(types, encodeFuncType(ft))
				im.typeIndex = uint32(len(types) - 1)
			}
			imps = append(imps, encodeImport(iv.srcModule, iv.srcName, im))
			exps = append(exps, encodeExport(im.name, im.kind, counts[im.kind]))
			counts[im.kind]++
		}
		e.vec(1, types)
		e.vec(2, imps)
		e.vec(7, exps)
		mod, err := st.instantiateSynthetic("glue", e.b, nil)
		if err != nil {
			return nil, glueError(err, groups[modName])
		}
		glue[wazeroModuleName(modName)] = mod
	}
	return glue, nil
}

// glueError words a failed link as V8 does, naming the import when
// wazero's message does.
func glueError(err error, group []*importValue) error {
	msg := err.Error()
	for _, iv := range group {
		if strings.Contains(msg, "."+iv.entry.name+"]") || strings.Contains(msg, "["+iv.srcModule+"."+iv.srcName+"]") {
			what := map[byte]string{kindFunc: "imported function does not match the expected type", kindMemory: "memory import is not compatible",
				kindTable: "table import is not compatible", kindGlobal: "imported global does not match the expected type"}[iv.entry.kind]
			return fmt.Errorf("Import #%d %q %q: %s (%s)", iv.index, iv.entry.module, iv.entry.name, what, trimWazero(msg))
		}
	}
	return fmt.Errorf("%s", trimWazero(msg))
}

func trimWazero(msg string) string {
	if i := strings.Index(msg, "] "); i >= 0 && strings.HasPrefix(msg, "module[") {
		return msg[i+2:]
	}
	return msg
}

// instantiateSynthetic compiles and instantiates a module the package wrote.
func (st *state) instantiateSynthetic(kind string, b []byte, alloc *allocator) (api.Module, error) {
	rt := st.runtime()
	cm, err := rt.CompileModule(context.Background(), b)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if alloc != nil {
		ctx = experimental.WithMemoryAllocator(ctx, alloc)
	}
	return rt.InstantiateModule(ctx, cm, wazero.NewModuleConfig().WithName(st.name(kind)).WithStartFunctions())
}

// exportsObject builds the instance's exports object: a frozen object with
// a null prototype, one property per export in module order.
func (st *state) exportsObject(m *module, mod api.Module, imports []importValue, alloc *allocator) *goja.Object {
	vm := st.iso.VM()
	obj := vm.NewObject()
	_ = obj.SetPrototype(nil)
	importedJS := func(kind byte, index uint32) *goja.Object {
		if j, ok := m.info.importOf(kind, index); ok {
			for _, iv := range imports {
				if iv.index == j {
					if iv.jsObject != nil {
						return iv.jsObject
					}
					return iv.funcValue
				}
			}
		}
		return nil
	}
	for _, e := range m.info.exports {
		var v goja.Value
		switch e.kind {
		case kindFunc:
			if o := importedJS(kindFunc, e.index); o != nil {
				if _, ok := st.exportedFuncs[o]; ok {
					v = o
					break
				}
			}
			v = st.exportedFunction(mod.ExportedFunction(e.name), mod.Name(), e.name)
		case kindMemory:
			if o := importedJS(kindMemory, e.index); o != nil {
				v = o
				break
			}
			var lin *linearMemory
			if len(alloc.mems) > 0 {
				lin = alloc.mems[0]
			}
			v = st.memoryObject(mod, e.name, mod.ExportedMemory(e.name), m.info.sharedMemory, lin)
		case kindGlobal:
			if o := importedJS(kindGlobal, e.index); o != nil {
				v = o
				break
			}
			v = st.globalObject(mod, e.name, mod.ExportedGlobal(e.name), m.info.globalTypeOf(e.index))
		case kindTable:
			if o := importedJS(kindTable, e.index); o != nil {
				v = o
				break
			}
			v = st.tableObject(mod, e.name, e.index, m.info.tableTypeOf(e.index))
		default:
			continue
		}
		_ = obj.DefineDataProperty(e.name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	// SetIntegrityLevel(exportsObject, "frozen").
	if st.freeze != nil {
		if _, err := st.freeze(goja.Undefined(), obj); err != nil {
			panic(err)
		}
	}
	return obj
}
