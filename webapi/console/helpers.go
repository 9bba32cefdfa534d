package console

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// The inspector needs a few facts goja's Go API does not expose (is this a
// Map? a boxed Number? which own keys are enumerable?). They are answered by
// brand-checking with the realm's original builtins, captured once per
// isolate by this small script. The program is compiled once per process.
const helpersSrc = `(function () {
"use strict";
const O = Object, gopd = O.getOwnPropertyDescriptor, getProto = O.getPrototypeOf;
const apply = Reflect.apply, ownKeys = O.keys, ownSyms = O.getOwnPropertySymbols;
const toStr = O.prototype.toString, isEnum = O.prototype.propertyIsEnumerable, hasOwn = O.prototype.hasOwnProperty;
const get = (C, n) => gopd(C.prototype, n).get;
const TA = getProto(Uint8Array);
const taTag = gopd(TA.prototype, Symbol.toStringTag).get;
const mapSize = get(Map, "size"), setSize = get(Set, "size"), abLen = get(ArrayBuffer, "byteLength"), dvLen = get(DataView, "byteLength");
const brands = {
	"[object Number]": ["number", Number.prototype.valueOf],
	"[object String]": ["string", String.prototype.valueOf],
	"[object Boolean]": ["boolean", Boolean.prototype.valueOf],
	"[object Symbol]": ["symbol", Symbol.prototype.valueOf],
	"[object BigInt]": ["bigint", BigInt.prototype.valueOf],
	"[object Map]": ["map", mapSize],
	"[object Set]": ["set", setSize],
	"[object WeakMap]": ["weakmap", WeakMap.prototype.has],
	"[object WeakSet]": ["weakset", WeakSet.prototype.has],
	"[object ArrayBuffer]": ["arraybuffer", abLen],
	"[object DataView]": ["dataview", dvLen],
};
const boxedValueOf = { number: Number.prototype.valueOf, string: String.prototype.valueOf, boolean: Boolean.prototype.valueOf, symbol: Symbol.prototype.valueOf, bigint: BigInt.prototype.valueOf };
const mapEntries = Map.prototype.entries, setValues = Set.prototype.values;
const fnToString = Function.prototype.toString, pI = parseInt, pF = parseFloat, Num = Number, stringify = JSON.stringify;
const isIndex = k => { const n = +k; return n >>> 0 === n && String(n) === k && n !== 4294967295; };
return {
	kind(v) {
		if (apply(taTag, v, []) !== undefined) return "typedarray";
		const tag = apply(toStr, v, []);
		const b = brands[tag];
		if (b !== undefined) {
			try { apply(b[1], v, []); return b[0]; } catch (e) {}
		}
		if (tag === "[object Arguments]") return "arguments";
		return "";
	},
	boxed(v, k) { return apply(boxedValueOf[k], v, []); },
	nextIndex(a, from) {
		for (const k of ownKeys(a)) { if (isIndex(k) && +k >= from) return +k; }
		return a.length;
	},
	// keys returns the own enumerable keys (strings, then symbols); for
	// array-likes only the non-index ones, unless there are too many to list.
	keys(v, arrayLike, all) {
		let k;
		if (arrayLike && v.length > 10000) k = [];
		else if (all) k = O.getOwnPropertyNames(v); else k = ownKeys(v);
		if (arrayLike) k = k.filter(x => !isIndex(x));
		for (const s of ownSyms(v)) if (all || apply(isEnum, v, [s])) k.push(s);
		return k;
	},
	desc: gopd,
	hasOwn(v, k) { return apply(hasOwn, v, [k]); },
	isEnum(v, k) { return apply(isEnum, v, [k]); },
	proto: getProto,
	fnSource(f) { try { return apply(fnToString, f, []); } catch (e) { return ""; } },
	mapEntries(m, max) { const out = []; for (const e of apply(mapEntries, m, [])) { if (out.length >= max) break; out.push(e); } return out; },
	setValues(s, max) { const out = []; for (const e of apply(setValues, s, [])) { if (out.length >= max) break; out.push(e); } return out; },
	size(v, k) { return apply(k === "map" ? mapSize : setSize, v, []); },
	taName(v) { return apply(taTag, v, []); },
	taSlice(v, max) { return Array.prototype.slice.call(v, 0, max); },
	abBytes(b, max) { return new Uint8Array(b, 0, Math.min(max, apply(abLen, b, []))); },
	abLen(b) { return apply(abLen, b, []); },
	toStr(v) { return apply(toStr, v, []); },
	dateString(d) { const t = Date.prototype.getTime.call(d); return t === t ? Date.prototype.toISOString.call(d) : "Invalid Date"; },
	regexpString(r) { return RegExp.prototype.toString.call(r); },
	json(v) { return stringify(v); },
	parseInt(v) { return pI(v); },
	parseFloat(v) { return pF(v); },
	number(v) { return Num(v); },
	instanceOf(v, c) { try { return v instanceof c; } catch (e) { return false; } },
};
})()`

var (
	helpersOnce sync.Once
	helpersPrg  *goja.Program
)

type helpers struct {
	kind, boxed, keys, desc, hasOwn, isEnum, proto, fnSource goja.Callable
	mapEntries, setValues, size, taName, taSlice, abBytes    goja.Callable
	abLen, toStr, dateString, regexpString, json             goja.Callable
	parseInt, parseFloat, number, instanceOf, nextIndex      goja.Callable
	customSym                                                *goja.Symbol
	obj                                                      *goja.Object
}

type helpersKey struct{}

func helpersOf(iso *runtime.Isolate) *helpers {
	if h, ok := iso.Value(helpersKey{}).(*helpers); ok {
		return h
	}
	helpersOnce.Do(func() {
		helpersPrg = goja.MustCompile("console:inspect", helpersSrc, true)
	})
	vm := iso.VM()
	v, err := vm.RunProgram(helpersPrg)
	if err != nil {
		panic(err)
	}
	o := v.(*goja.Object)
	fn := func(name string) goja.Callable {
		f, ok := goja.AssertFunction(o.Get(name))
		if !ok {
			panic("console: helper " + name + " missing")
		}
		return f
	}
	h := &helpers{
		kind: fn("kind"), boxed: fn("boxed"), keys: fn("keys"), desc: fn("desc"), hasOwn: fn("hasOwn"),
		isEnum: fn("isEnum"), proto: fn("proto"), fnSource: fn("fnSource"), mapEntries: fn("mapEntries"),
		setValues: fn("setValues"), size: fn("size"), taName: fn("taName"), taSlice: fn("taSlice"),
		abBytes: fn("abBytes"), abLen: fn("abLen"), toStr: fn("toStr"), dateString: fn("dateString"),
		regexpString: fn("regexpString"), json: fn("json"), obj: o,
		parseInt: fn("parseInt"), parseFloat: fn("parseFloat"), number: fn("number"), instanceOf: fn("instanceOf"), nextIndex: fn("nextIndex"),
	}
	symFor, _ := goja.AssertFunction(vm.Get("Symbol").(*goja.Object).Get("for"))
	s, err := symFor(goja.Undefined(), vm.ToValue("nodejs.util.inspect.custom"))
	if err != nil {
		panic(err)
	}
	h.customSym = s.(*goja.Symbol)
	iso.SetValue(helpersKey{}, h)
	return h
}

// call invokes a helper and panics with the JS error (the caller is a
// native function, so goja rethrows it into the script).
func (h *helpers) call(fn goja.Callable, args ...goja.Value) goja.Value {
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}
