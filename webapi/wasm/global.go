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
	},
	Init: func(iso *runtime.Isolate, b *jsclass.Built) {
		// The value accessor by hand: its setter must see the argument
		// count (calling it with none is a TypeError).
		vm := iso.VM()
		get := jsclass.Function(vm, "get value", 0, func(call goja.FunctionCall) goja.Value {
			return globalThis(iso, call.This, "value").get()
		})
		set := jsclass.Function(vm, "set value", 1, func(call goja.FunctionCall) goja.Value {
			g := globalThis(iso, call.This, "value")
			if len(call.Arguments) < 1 {
				panic(vm.NewTypeError("Failed to set the 'value' property on 'Global': 1 argument required, but only 0 present."))
			}
			g.set(iso, call.Argument(0))
			return goja.Undefined()
		})
		_ = b.Proto.DefineAccessorProperty("value", get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	},
}

// globalThis brand-checks a Global receiver.
func globalThis(iso *runtime.Isolate, this goja.Value, member string) *global {
	g, ok := jsclass.Unwrap[*global](iso, this)
	if !ok {
		panic(iso.VM().NewTypeError("Illegal invocation"))
	}
	return g
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
	}
	typ := globalType{val: t, mutable: mutable}
	raw := st.toWasm(t, v)
	// A mutable global starts at the zero value and is then set, so any
	// value (externref handles included) works; an immutable one can only
	// start at a constant, which refs other than null cannot be.
	init, err := constExprRaw(t, 0)
	if !mutable {
		init, err = constExprRaw(t, raw)
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
