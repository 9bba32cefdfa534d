package wasm

// WebAssembly.Table (https://webassembly.github.io/spec/js-api/#tables).
//
// wazero's public API has no tables, so each Table object gets a helper
// module that imports the table and exports get, set, grow and size
// functions built from the table instructions. A funcref read from a table
// is matched back to its Exported Function when the package made one;
// otherwise experimental/table.LookupFunction finds the function, trying
// the function types of the isolate's modules until one matches.

import (
	"context"
	"fmt"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"
	wtable "github.com/tetratelabs/wazero/experimental/table"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// table backs a WebAssembly.Table object.
type table struct {
	jsclass.Shell
	st     *state
	owner  api.Module
	export string
	index  uint32 // the table's index in owner
	typ    tableType
	helper api.Module
}

var tableCtor = webidl.Construct("Table")

// TableClass is WebAssembly.Table.
var TableClass = &jsclass.Class{
	Name:      "Table",
	TagName:   "WebAssembly.Table",
	NoGlobal:  true,
	Length:    1,
	Construct: constructTable,
	Members: []jsclass.Member{
		jsclass.Getter("length", func(t *table, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(t.size()) }),
		jsclass.Method("grow", 1, (*table).jsGrow),
		jsclass.Method("get", 1, (*table).jsGet),
		jsclass.Method("set", 1, (*table).jsSet),
	},
}

func constructTable(iso *runtime.Isolate, call goja.ConstructorCall) any {
	st := stateOf(iso)
	vm := iso.VM()
	desc, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("WebAssembly.Table(): Argument 0 must be a table descriptor"))
	}
	// TableDescriptor: required TableKind element; required [EnforceRange]
	// unsigned long initial; [EnforceRange] unsigned long maximum.
	ev := desc.Get("element")
	var elem byte
	if ev != nil && !goja.IsUndefined(ev) {
		switch ev.String() {
		case "anyfunc", "funcref":
			elem = valFuncref
		case "externref":
			elem = valExternref
		}
	}
	if elem == 0 {
		panic(vm.NewTypeError("WebAssembly.Table(): Descriptor property 'element' must be a WebAssembly reference type"))
	}
	iv := desc.Get("initial")
	if iv == nil || goja.IsUndefined(iv) {
		panic(vm.NewTypeError("WebAssembly.Table(): Property 'initial' is required"))
	}
	lim := limits{min: uint32(tableCtor.Integer(vm, iv, 32, false, webidl.IntOptions{EnforceRange: true}))}
	if v := desc.Get("maximum"); v != nil && !goja.IsUndefined(v) {
		lim.hasMax, lim.max = true, uint32(tableCtor.Integer(vm, v, 32, false, webidl.IntOptions{EnforceRange: true}))
		if lim.max < lim.min {
			jsclass.Throw(vm, "RangeError", fmt.Sprintf("WebAssembly.Table(): Property 'maximum': value %d is below the lower bound %d.", lim.max, lim.min))
		}
	}
	if lim.min > 10000000 {
		jsclass.Throw(vm, "RangeError", fmt.Sprintf("WebAssembly.Table(): Property 'initial': value %d is above the upper bound 10000000.", lim.min))
	}
	// 4-5. If value is missing, let ref be DefaultValue(elementType);
	//      otherwise ? ToWebAssemblyValue(value, elementType).
	var ref uint64
	if len(call.Arguments) >= 2 {
		ref = st.toWasm(elem, call.Argument(1))
	} else if elem == valExternref {
		ref = st.toWasm(elem, goja.Undefined())
	}
	e := newEncoder()
	e.vec(4, [][]byte{appendLimits([]byte{elem}, lim)})
	e.vec(7, [][]byte{encodeExport("table", kindTable, 0)})
	mod, err := st.instantiateSynthetic("table", e.b, nil)
	if err != nil {
		panic(vm.NewTypeError("WebAssembly.Table(): %v", err))
	}
	t := &table{st: st, owner: mod, export: "table", typ: tableType{elem: elem, lim: lim}}
	if ref != 0 {
		for i := uint32(0); i < lim.min; i++ {
			t.setRaw(i, ref)
		}
	}
	return t
}

// tableObject returns a new Table object for an exported table.
func (st *state) tableObject(owner api.Module, export string, index uint32, t tableType) *goja.Object {
	return jsclass.New(st.iso, TableClass, &table{st: st, owner: owner, export: export, index: index, typ: t})
}

// helperModule imports the table and exports get/set/grow/size.
func (t *table) helperModule() api.Module {
	if t.helper != nil {
		return t.helper
	}
	r := t.typ.elem
	e := newEncoder()
	e.vec(1, [][]byte{
		encodeFuncType(funcType{params: []byte{valI32}, results: []byte{r}}),         // get
		encodeFuncType(funcType{params: []byte{valI32, r}}),                          // set
		encodeFuncType(funcType{params: []byte{r, valI32}, results: []byte{valI32}}), // grow
		encodeFuncType(funcType{results: []byte{valI32}}),                            // size
	})
	e.vec(2, [][]byte{encodeImport(t.owner.Name(), t.export, importEntry{kind: kindTable, table: tableType{elem: r}})})
	e.vec(3, [][]byte{{0}, {1}, {2}, {3}})
	e.vec(7, [][]byte{encodeExport("get", kindFunc, 0), encodeExport("set", kindFunc, 1), encodeExport("grow", kindFunc, 2), encodeExport("size", kindFunc, 3)})
	body := func(code ...byte) []byte {
		return append(appendU32(nil, uint32(len(code)+1)), append([]byte{0}, code...)...)
	}
	e.vec(10, [][]byte{
		body(0x20, 0, 0x25, 0, 0x0B),              // local.get 0; table.get 0
		body(0x20, 0, 0x20, 1, 0x26, 0, 0x0B),     // local.get 0; local.get 1; table.set 0
		body(0x20, 0, 0x20, 1, 0xFC, 15, 0, 0x0B), // local.get 0; local.get 1; table.grow 0
		body(0xFC, 16, 0, 0x0B),                   // table.size 0
	})
	mod, err := t.st.instantiateSynthetic("tablehelper", e.b, nil)
	if err != nil {
		panic(t.st.iso.VM().NewTypeError("WebAssembly.Table: %v", err))
	}
	t.helper = mod
	return mod
}

func (t *table) call(name string, params ...uint64) []uint64 {
	res, err := t.helperModule().ExportedFunction(name).Call(context.Background(), params...)
	if err != nil {
		jsclass.Throw(t.st.iso.VM(), "RangeError", "WebAssembly.Table."+name+"(): invalid address or size")
	}
	return res
}

func (t *table) size() uint32 { return uint32(t.call("size")[0]) }

func (t *table) setRaw(i uint32, ref uint64) { t.call("set", uint64(i), ref) }

func (t *table) index32(ctx webidl.Context, v goja.Value) uint32 {
	return uint32(ctx.Integer(t.st.iso.VM(), v, 32, false, webidl.IntOptions{EnforceRange: true}))
}

func (t *table) jsGet(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	ctx := webidl.Method("Table", "get")
	ctx.RequireArgs(iso.VM(), call, 1)
	i := t.index32(ctx, call.Argument(0))
	// 3. Let ref be table_read(store, tableaddr, index); if error, throw a RangeError.
	if i >= t.size() {
		jsclass.Throw(iso.VM(), "RangeError", fmt.Sprintf("WebAssembly.Table.get(): invalid address %d in %s table of size %d", i, valueTypeNames[t.typ.elem], t.size()))
	}
	ref := t.call("get", uint64(i))[0]
	// 4. Return ToJSValue(ref).
	if t.typ.elem == valFuncref && ref != 0 {
		if _, ok := t.st.funcByRef[ref]; !ok {
			t.lookupFunction(i, ref)
		}
	}
	return t.st.toJS(t.typ.elem, ref)
}

// lookupFunction finds the wasm function at index i by trying the
// function types the isolate knows, and remembers its Exported Function.
func (t *table) lookupFunction(i uint32, ref uint64) {
	for _, ft := range t.st.sigs {
		if fn := tryLookup(t.owner, t.index, i, ft); fn != nil {
			def := fn.Definition()
			// wazero's looked-up definition has no module name: when the
			// table's own module exports a function of that index under
			// the name the definition gives, it is that function (and
			// that Exported Function object).
			var obj *goja.Object
			for _, name := range def.ExportNames() {
				if ex := t.owner.ExportedFunction(name); ex != nil && ex.Definition().Index() == def.Index() {
					obj = t.st.exportedFunction(ex, t.owner.Name(), name)
					break
				}
			}
			if obj == nil {
				obj = t.st.exportedFunction(fn, "", "")
			}
			t.st.funcByRef[ref] = obj
			if _, ok := t.st.refOf[obj]; !ok {
				t.st.refOf[obj] = ref
			}
			return
		}
	}
}

// tryLookup is table.LookupFunction, which panics when the type does not match.
func tryLookup(owner api.Module, tableIndex, i uint32, ft funcType) (fn api.Function) {
	defer func() {
		if recover() != nil {
			fn = nil
		}
	}()
	return wtable.LookupFunction(owner, tableIndex, i, ft.params, ft.results)
}

func (t *table) jsSet(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	ctx := webidl.Method("Table", "set")
	ctx.RequireArgs(iso.VM(), call, 1)
	i := t.index32(ctx, call.Argument(0))
	// 3-4. Let ref be DefaultValue(elementType) if value is missing, else
	//      ? ToWebAssemblyValue(value, elementType).
	var ref uint64
	if len(call.Arguments) >= 2 {
		ref = t.st.toWasm(t.typ.elem, call.Argument(1))
	} else if t.typ.elem == valExternref {
		ref = t.st.toWasm(t.typ.elem, goja.Undefined())
	}
	// 5. Let store be table_write(store, tableaddr, index, ref); if error, throw a RangeError.
	if i >= t.size() {
		jsclass.Throw(iso.VM(), "RangeError", fmt.Sprintf("WebAssembly.Table.set(): invalid address %d in %s table of size %d", i, valueTypeNames[t.typ.elem], t.size()))
	}
	t.setRaw(i, ref)
	return goja.Undefined()
}

func (t *table) jsGrow(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	ctx := webidl.Method("Table", "grow")
	ctx.RequireArgs(iso.VM(), call, 1)
	delta := t.index32(ctx, call.Argument(0))
	var ref uint64
	if len(call.Arguments) >= 2 {
		ref = t.st.toWasm(t.typ.elem, call.Argument(1))
	} else if t.typ.elem == valExternref {
		ref = t.st.toWasm(t.typ.elem, goja.Undefined())
	}
	// 5. Let result be table_grow(store, tableaddr, delta, ref); if error, throw a RangeError.
	old := int32(uint32(t.call("grow", ref, uint64(delta))[0]))
	if old < 0 {
		jsclass.Throw(iso.VM(), "RangeError", "WebAssembly.Table.grow(): failed to grow table by "+itoa(uint64(delta)))
	}
	return iso.VM().ToValue(old)
}
