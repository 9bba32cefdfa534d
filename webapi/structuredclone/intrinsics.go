package structuredclone

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// The algorithm needs to tell Maps from Sets from plain objects and read a
// typed array's buffer, offset and length; goja's Go API answers none of
// that directly, so the realm's original builtins are captured once per
// isolate by this script (compiled once per process). Deserialization uses
// the captured constructors too, so it works after user code replaced or
// deleted the globals.
const intrinsicsSrc = `(function () {
"use strict";
const O = Object, gopd = O.getOwnPropertyDescriptor, getProto = O.getPrototypeOf, apply = Reflect.apply;
const toStr = O.prototype.toString, hasOwn = O.prototype.hasOwnProperty;
const get = (C, n) => gopd(C.prototype, n).get;
const TA = getProto(Uint8Array);
const taTag = gopd(TA.prototype, Symbol.toStringTag).get, taBuffer = get(TA, "buffer"), taOffset = get(TA, "byteOffset"), taLength = get(TA, "length");
const dvBuffer = get(DataView, "buffer"), dvOffset = get(DataView, "byteOffset"), dvLength = get(DataView, "byteLength");
const brands = {
	"[object Number]": ["number", Number.prototype.valueOf],
	"[object String]": ["string", String.prototype.valueOf],
	"[object Boolean]": ["boolean", Boolean.prototype.valueOf],
	"[object Symbol]": ["symbol", Symbol.prototype.valueOf],
	"[object BigInt]": ["bigint", BigInt.prototype.valueOf],
	"[object Date]": ["date", Date.prototype.getTime],
	"[object Map]": ["map", get(Map, "size")],
	"[object Set]": ["set", get(Set, "size")],
	"[object WeakMap]": ["weakmap", WeakMap.prototype.has],
	"[object WeakSet]": ["weakset", WeakSet.prototype.has],
	"[object DataView]": ["dataview", dvLength],
};
const ctors = {Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView};
const errors = {Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError};
const Bool = Boolean, Num = Number, Str = String, Dt = Date, RE = RegExp, MapC = Map, SetC = Set, Arr = Array;
const mapEntries = Map.prototype.entries, setValues = Set.prototype.values, mapSet = Map.prototype.set, setAdd = Set.prototype.add;
const reSource = get(RegExp, "source"), reFlags = get(RegExp, "flags");
return {
	kind(v) {
		if (apply(taTag, v, []) !== undefined) return "typedarray";
		const b = brands[apply(toStr, v, [])];
		if (b !== undefined) {
			try { apply(b[1], v, []); return b[0]; } catch (e) {}
		}
		return "";
	},
	primitive(v, kind) {
		switch (kind) {
		case "number": return apply(Number.prototype.valueOf, v, []);
		case "string": return apply(String.prototype.valueOf, v, []);
		case "boolean": return apply(Boolean.prototype.valueOf, v, []);
		case "bigint": return apply(BigInt.prototype.valueOf, v, []);
		case "date": return apply(Date.prototype.getTime, v, []);
		}
	},
	regexp(r) { return [apply(reSource, r, []), apply(reFlags, r, [])]; },
	view(v, kind) {
		if (kind === "dataview") return ["DataView", apply(dvBuffer, v, []), apply(dvOffset, v, []), apply(dvLength, v, [])];
		return [apply(taTag, v, []), apply(taBuffer, v, []), apply(taOffset, v, []), apply(taLength, v, [])];
	},
	mapEntries(m) { return [...apply(mapEntries, m, [])]; },
	setValues(s) { return [...apply(setValues, s, [])]; },
	hasOwn(o, k) { return apply(hasOwn, o, [k]); },
	ownDesc: gopd,
	isArray: Arr.isArray,
	newBoolean: b => new Bool(b), newNumber: n => new Num(n), newString: s => new Str(s),
	newBigInt: b => O(b), newDate: t => new Dt(t), newRegExp: (s, f) => new RE(s, f),
	newMap: () => new MapC(), mapSet(m, k, v) { apply(mapSet, m, [k, v]); },
	newSet: () => new SetC(), setAdd(s, v) { apply(setAdd, s, [v]); },
	newArray: n => new Arr(n),
	newView(name, buf, off, len) { return new ctors[name](buf, off, len); },
	newError(name, hasMsg, msg) {
		const C = errors[name] || Error;
		return hasMsg ? new C(msg) : new C();
	},
};
})()`

var (
	intrinsicsOnce sync.Once
	intrinsicsPrg  *goja.Program
)

type intrinsics struct {
	obj                                                                   *goja.Object
	kind, primitive, regexp, view, mapEntries, setValues, hasOwn, ownDesc goja.Callable
	isArray, newBoolean, newNumber, newString, newBigInt, newDate         goja.Callable
	newRegExp, newMap, mapSet, newSet, setAdd, newArray, newView          goja.Callable
	newError                                                              goja.Callable
}

type intrinsicsKey struct{}

func intrinsicsOf(iso *runtime.Isolate) *intrinsics {
	if in, ok := iso.Value(intrinsicsKey{}).(*intrinsics); ok {
		return in
	}
	intrinsicsOnce.Do(func() {
		intrinsicsPrg = goja.MustCompile("structuredclone:intrinsics", intrinsicsSrc, true)
	})
	v, err := iso.VM().RunProgram(intrinsicsPrg)
	if err != nil {
		panic(err)
	}
	o := v.(*goja.Object)
	fn := func(name string) goja.Callable {
		f, ok := goja.AssertFunction(o.Get(name))
		if !ok {
			panic("structuredclone: intrinsic " + name + " missing")
		}
		return f
	}
	in := &intrinsics{obj: o,
		kind: fn("kind"), primitive: fn("primitive"), regexp: fn("regexp"), view: fn("view"),
		mapEntries: fn("mapEntries"), setValues: fn("setValues"), hasOwn: fn("hasOwn"), ownDesc: fn("ownDesc"),
		isArray: fn("isArray"), newBoolean: fn("newBoolean"), newNumber: fn("newNumber"), newString: fn("newString"),
		newBigInt: fn("newBigInt"), newDate: fn("newDate"), newRegExp: fn("newRegExp"), newMap: fn("newMap"),
		mapSet: fn("mapSet"), newSet: fn("newSet"), setAdd: fn("setAdd"), newArray: fn("newArray"),
		newView: fn("newView"), newError: fn("newError"),
	}
	iso.SetValue(intrinsicsKey{}, in)
	return in
}

// call runs an intrinsic, rethrowing a JS exception as a panic (callers
// run inside a native function, so goja throws it into the script).
func call(fn goja.Callable, args ...goja.Value) goja.Value {
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}
