package wasm

// Values crossing between JS and wasm
// (https://webassembly.github.io/spec/js-api/#towebassemblyvalue and #tojsvalue).

import (
	"math"
	"math/big"

	"github.com/dop251/goja"
)

const typeIncompatible = "type incompatibility when transforming from/to JS"

// toWasm is ToWebAssemblyValue(v, type) as wazero's uint64 encoding.
func (st *state) toWasm(t byte, v goja.Value) uint64 {
	vm := st.iso.VM()
	switch t {
	case valI32:
		// Let i32 be ? ToInt32(v).
		return uint64(toUint32(v.ToFloat()))
	case valI64:
		// Let i64 be ? ToBigInt64(v).
		return toBigUint64(vm, v)
	case valF32:
		// Let f32 be ? ToNumber(v) rounded to the nearest representable value
		// using IEEE 754-2019 round to nearest, ties to even mode.
		return uint64(math.Float32bits(float32(v.ToFloat())))
	case valF64:
		return math.Float64bits(v.ToFloat())
	case valExternref:
		// If v is null, return ref.null extern; else the host address of v.
		if goja.IsNull(v) {
			return 0
		}
		return st.externOf(v)
	case valFuncref:
		// If v is null, return ref.null func; if v is not an Exported
		// Function, throw a TypeError.
		if goja.IsNull(v) {
			return 0
		}
		if obj, ok := v.(*goja.Object); ok {
			if ref, ok := st.funcrefOf(obj); ok {
				return ref
			}
		}
		panic(vm.NewTypeError("type incompatibility when transforming from/to JS: function-typed object expected"))
	}
	// v128 and types the JS API does not convert.
	panic(vm.NewTypeError(typeIncompatible))
}

// toJS is ToJSValue(w) for a value of type t.
func (st *state) toJS(t byte, w uint64) goja.Value {
	vm := st.iso.VM()
	switch t {
	case valI32:
		return vm.ToValue(int32(uint32(w)))
	case valI64:
		return vm.ToValue(big.NewInt(int64(w)))
	case valF32:
		return vm.ToValue(float64(math.Float32frombits(uint32(w))))
	case valF64:
		return vm.ToValue(math.Float64frombits(w))
	case valExternref:
		if w == 0 {
			return goja.Null()
		}
		if w-1 < uint64(len(st.externs)) {
			return st.externs[w-1]
		}
		return goja.Undefined()
	case valFuncref:
		if w == 0 {
			return goja.Null()
		}
		if obj, ok := st.funcByRef[w]; ok {
			return obj
		}
		panic(vm.NewTypeError("edgerun: this function reference cannot be passed to JavaScript (it was never exported, imported or stored in a table); not supported"))
	}
	panic(vm.NewTypeError(typeIncompatible))
}

// externOf returns v's externref handle. Handles live as long as the
// isolate: wasm may keep a reference anywhere, and there is no way to learn
// when it lets go (V8 traces through wasm; wazero cannot).
func (st *state) externOf(v goja.Value) uint64 {
	obj, isObj := v.(*goja.Object)
	if isObj {
		if h, ok := st.externIDs[obj]; ok {
			return h
		}
	}
	st.externs = append(st.externs, v)
	h := uint64(len(st.externs))
	if isObj {
		st.externIDs[obj] = h
	}
	return h
}

// toBigUint64 is ToBigInt64(v) as raw bits (BigInt.asUintN(64, v): it
// throws a TypeError for Numbers, as ToBigInt does).
func toBigUint64(vm *goja.Runtime, v goja.Value) uint64 {
	if b, ok := v.Export().(*big.Int); ok {
		return new(big.Int).And(b, maxUint64).Uint64()
	}
	bigInt := vm.Get("BigInt").(*goja.Object)
	asUintN, _ := goja.AssertFunction(bigInt.Get("asUintN"))
	r, err := asUintN(bigInt, vm.ToValue(64), v)
	if err != nil {
		panic(err)
	}
	return r.Export().(*big.Int).Uint64()
}

var maxUint64 = new(big.Int).SetUint64(math.MaxUint64)

// toUint32 is ToUint32 after ToNumber (ToInt32 has the same bits).
func toUint32(f float64) uint32 {
	if f != f || math.IsInf(f, 0) {
		return 0
	}
	m := math.Mod(math.Trunc(f), 1<<32)
	if m < 0 {
		m += 1 << 32
	}
	return uint32(m)
}

// valueTypeByName maps the JS API's ValueType enum to binary types.
var valueTypeByName = map[string]byte{
	"i32": valI32, "i64": valI64, "f32": valF32, "f64": valF64, "v128": valV128,
	"externref": valExternref, "anyfunc": valFuncref, "funcref": valFuncref,
}

var valueTypeNames = map[byte]string{
	valI32: "i32", valI64: "i64", valF32: "f32", valF64: "f64", valV128: "v128",
	valExternref: "externref", valFuncref: "anyfunc",
}

// defaultValue is DefaultValue(valuetype): 0 for numbers, null for
// funcref, undefined for externref.
func (st *state) defaultValue(t byte) goja.Value {
	switch t {
	case valExternref:
		return goja.Undefined()
	case valFuncref:
		return goja.Null()
	}
	return st.toJS(t, 0)
}
