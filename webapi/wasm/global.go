package wasm

// WebAssembly.Global (https://webassembly.github.io/spec/js-api/#globals).

import (
	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// global backs a WebAssembly.Global object.
type global struct {
	jsclass.Shell
	st     *state
	owner  api.Module
	export string
	g      api.Global
	typ    globalType
}

// GlobalClass is WebAssembly.Global.
var GlobalClass = &jsclass.Class{
	Name:      "Global",
	TagName:   "WebAssembly.Global",
	NoGlobal:  true,
	Length:    1,
	Construct: constructGlobal,
	Members: []jsclass.Member{
		jsclass.Method("valueOf", 0, func(g *global, iso *runtime.Isolate, call goja.FunctionCall) goja.Value { return g.get() }),
		jsclass.Accessor("value", func(g *global, iso *runtime.Isolate) goja.Value { return g.get() }, (*global).set),
	},
}

func constructGlobal(iso *runtime.Isolate, call goja.ConstructorCall) any {
	st := stateOf(iso)
	vm := iso.VM()
	desc, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("WebAssembly.Global(): Argument 0 must be a global descriptor"))
	}
	// GlobalDescriptor: boolean mutable = false; required ValueType value.
	mutable := false
	if v := desc.Get("mutable"); v != nil {
		mutable = v.ToBoolean()
	}
	tv := desc.Get("value")
	if tv == nil || goja.IsUndefined(tv) {
		panic(vm.NewTypeError("WebAssembly.Global(): Descriptor property 'value' must be a WebAssembly type"))
	}
	t, ok := valueTypeByName[tv.String()]
	if !ok {
		panic(vm.NewTypeError("WebAssembly.Global(): Descriptor property 'value' must be a WebAssembly type"))
	}
	// 4. If valuetype is v128, throw a TypeError.
	if t == valV128 {
		panic(vm.NewTypeError("WebAssembly.Global(): " + typeIncompatible))
	}
	// 5-6. Let value be DefaultValue(valuetype) if v is missing, else
	//      ? ToWebAssemblyValue(v, valuetype).
	v := call.Argument(1)
	if goja.IsUndefined(v) {
		v = st.defaultValue(t)
		if t == valExternref && len(call.Arguments) < 2 {
			v = goja.Undefined()
		}
	}
	typ := globalType{val: t, mutable: mutable}
	raw := st.toWasm(t, v)
	// The global starts at the zero value and is then set, so any value
	// (externref handles included) works; an immutable one can only start
	// at a constant, which refs other than null cannot be.
	init, err := st.constExpr(t, st.toJS(t, 0))
	if !mutable {
		init, err = st.constExpr(t, v)
	}
	if err != nil {
		panic(vm.NewTypeError("WebAssembly.Global(): %v", err))
	}
	mut := byte(0)
	if mutable {
		mut = 1
	}
	e := newEncoder()
	e.vec(6, [][]byte{append([]byte{t, mut}, init...)})
	e.vec(7, [][]byte{encodeExport("global", kindGlobal, 0)})
	mod, err := st.instantiateSynthetic("global", e.b, nil)
	if err != nil {
		panic(vm.NewTypeError("WebAssembly.Global(): %v", err))
	}
	g := &global{st: st, owner: mod, export: "global", g: mod.ExportedGlobal("global"), typ: typ}
	if mutable {
		g.g.(api.MutableGlobal).Set(raw)
	}
	st.globals[g.g] = call.This
	return g
}

// globalObject returns the JS object for an exported global.
func (st *state) globalObject(owner api.Module, export string, g api.Global, t globalType) *goja.Object {
	if obj, ok := st.globals[g]; ok {
		return obj
	}
	obj := jsclass.New(st.iso, GlobalClass, &global{st: st, owner: owner, export: export, g: g, typ: t})
	st.globals[g] = obj
	return obj
}

// get is GetGlobalValue.
func (g *global) get() goja.Value {
	if g.typ.val == valV128 {
		panic(g.st.iso.VM().NewTypeError(typeIncompatible))
	}
	return g.st.toJS(g.typ.val, g.g.Get())
}

// set is the value setter.
func (g *global) set(iso *runtime.Isolate, v goja.Value) {
	vm := iso.VM()
	// 2. If mut is const, throw a TypeError.
	mg, ok := g.g.(api.MutableGlobal)
	if !g.typ.mutable || !ok {
		panic(vm.NewTypeError("Can't set the value of an immutable global."))
	}
	// 3-4. Let value be ? ToWebAssemblyValue(the given value, valuetype); set it.
	mg.Set(g.st.toWasm(g.typ.val, v))
}
