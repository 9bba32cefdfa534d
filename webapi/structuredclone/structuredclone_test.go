package structuredclone_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

func install(iso *runtime.Isolate) {
	events.Install(iso)
	structuredclone.Install(iso)
}

var cloneTests = []eventstest.Case{
	{"primitives", `return [undefined, null, true, 0.5, -0, NaN, "s\uD800", 10n].map(v => structuredClone(v)).map(v => Object.is(v, -0) ? "-0" : String(v)).join()`, "undefined,null,true,0.5,-0,NaN,s\uFFFD,10"},
	{"plain object is a copy", `const o = {a: 1, b: {c: [1, 2]}}; const c = structuredClone(o); return [c !== o, c.b !== o.b, JSON.stringify(c)].join()`, `true,true,{"a":1,"b":{"c":[1,2]}}`},
	{"cycles and shared refs", `const o = {}; o.self = o; const s = {}; o.x = s; o.y = s; const c = structuredClone(o); return [c.self === c, c.x === c.y, c.x !== s].join()`, "true,true,true"},
	{"array holes and extra props", `const a = [1, , 3]; a.foo = "bar"; const c = structuredClone(a); return [c.length, 1 in c, c.foo, Array.isArray(c)].join()`, "3,false,bar,true"},
	{"non-enumerable and prototype props dropped", `const o = Object.create({inherited: 1}); Object.defineProperty(o, "hidden", {value: 1}); o.own = 2; const c = structuredClone(o); return [c.inherited, c.hidden, c.own, Object.getPrototypeOf(c) === Object.prototype].join()`, ",,2,true"},
	{"getter runs once", `let n = 0; const c = structuredClone({get x() { n++; return 5 }}); return [c.x, n, typeof Object.getOwnPropertyDescriptor(c, "x").get].join()`, "5,1,undefined"},
	{"getter exception propagates", `const err = new Error("g"); try { structuredClone({get x() { throw err }}) } catch (e) { return e === err }`, "true"},
	{"map and set", `const k = {}; const m = new Map([[k, "v"], ["s", k]]); const c = structuredClone({m, s: new Set([k, 1])}); const [ck] = c.m.keys(); return [c.m.get(ck), c.m.get("s") === ck, c.s.has(ck), c.s.size].join()`, "v,true,true,2"},
	{"date and regexp", `const r = /a+/gi; r.lastIndex = 3; const c = structuredClone([new Date(5), r]); return [c[0] instanceof Date, +c[0], c[1].source, c[1].flags, c[1].lastIndex].join()`, "true,5,a+,gi,0"},
	{"boxed primitives", `const c = structuredClone([new Number(3), new String("s"), new Boolean(false), Object(7n)]); return c.map(x => typeof x + ":" + x.valueOf()).join()`, "object:3,object:s,object:false,object:7"},
	{"errors", `const e = new RangeError("r", {cause: "why"}); e.extra = 1; const c = structuredClone(e); return [c instanceof RangeError, c.name, c.message, c.cause, c.extra, c.hasOwnProperty("message")].join()`, "true,RangeError,r,why,,true"},
	{"error without message", `const c = structuredClone(new Error()); return c.hasOwnProperty("message")`, "false"},
	{"custom error name becomes Error", `class MyErr extends Error { constructor() { super("m"); this.name = "MyErr" } } const c = structuredClone(new MyErr()); return [c.constructor === Error, c.name].join()`, "true,Error"},
	{"typed arrays share their buffer", `const buf = new ArrayBuffer(8); const a = new Uint8Array(buf, 2, 3); a[0] = 7; const c = structuredClone({a, d: new DataView(buf, 1), buf}); return [c.a instanceof Uint8Array, c.a.byteOffset, c.a.length, c.a[0], c.a.buffer === c.buf, c.d.buffer === c.buf, c.d.byteOffset, c.buf !== buf].join()`, "true,2,3,7,true,true,1,true"},
	{"bigint arrays", `return structuredClone(new BigInt64Array([5n, -1n])).join()`, "5,-1"},
	{"transfer detaches", `const buf = new Uint8Array([1, 2]).buffer; const c = structuredClone(buf, {transfer: [buf]}); return [buf.byteLength, c.byteLength, new Uint8Array(c)[1]].join()`, "0,2,2"},
	{"transfer view's buffer", `const u = new Uint8Array([9]); const c = structuredClone(u, {transfer: [u.buffer]}); return [u.byteLength, c[0]].join()`, "0,9"},
	{"detached buffer", `const b = new ArrayBuffer(1); structuredClone(b, {transfer: [b]}); try { structuredClone(b, {transfer: [b]}) } catch (e) { return e.name + ": " + e.message }`, "DataCloneError: Failed to execute 'structuredClone' on 'Window': An ArrayBuffer is detached and could not be cloned."},
	{"clone detached buffer", `const b = new ArrayBuffer(1); structuredClone(b, {transfer: [b]}); try { structuredClone(b) } catch (e) { return e.name }`, "DataCloneError"},
	{"duplicate transfer", `const b = new ArrayBuffer(1); try { structuredClone(b, {transfer: [b, b]}) } catch (e) { return e.message }`, "Failed to execute 'structuredClone' on 'Window': ArrayBuffer at index 1 is a duplicate of an earlier ArrayBuffer. Duplicates cannot be transferred."},
	{"non-transferable", `try { structuredClone(1, {transfer: [{}]}) } catch (e) { return e.name + ": " + e.message }`, "DataCloneError: Failed to execute 'structuredClone' on 'Window': Value at index 0 does not have a transferable type."},
	{"transfer must be objects", `try { structuredClone(1, {transfer: [1]}) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"function", `try { structuredClone({f() {}}) } catch (e) { return [e instanceof DOMException, e.name, e.code, e.message].join("|") }`, "true|DataCloneError|25|Failed to execute 'structuredClone' on 'Window': f() {} could not be cloned."},
	{"symbol", `try { structuredClone(Symbol("s")) } catch (e) { return e.message }`, "Failed to execute 'structuredClone' on 'Window': Symbol(s) could not be cloned."},
	{"promise, weakmap, proxy", `return [Promise.resolve(), new WeakMap(), new Proxy({}, {}), Object(Symbol())].map(v => { try { structuredClone(v); return "ok" } catch (e) { return e.name } }).join()`, "DataCloneError,DataCloneError,DataCloneError,DataCloneError"},
	{"non-serializable platform object", `try { structuredClone(new EventTarget()) } catch (e) { return e.message }`, "Failed to execute 'structuredClone' on 'Window': EventTarget object could not be cloned."},
	{"DOMException is serializable", `const e = new DOMException("m", "AbortError"); const c = structuredClone(e); return [c !== e, c instanceof DOMException, c.name, c.message, c.code].join()`, "true,true,AbortError,m,20"},
	{"requires an argument", `try { structuredClone() } catch (e) { return e.message }`, "Failed to execute 'structuredClone' on 'Window': 1 argument required, but only 0 present."},
	{"Object.prototype loses exoticness", `const c = structuredClone(Object.prototype); Object.setPrototypeOf(c, {x: 1}); return c.x`, "1"},
	{"SharedArrayBuffer shares memory", `const s = new SharedArrayBuffer(4); const c = structuredClone(s); new Uint8Array(c)[0] = 7; return [c !== s, Object.prototype.toString.call(c), c.byteLength, new Uint8Array(s)[0]].join()`, "true,[object SharedArrayBuffer],4,7"},
	{"view on SharedArrayBuffer", `const s = new SharedArrayBuffer(8); const c = structuredClone({a: new Int16Array(s, 2, 2), s}); c.a[0] = 5; return [c.a.buffer === c.s, c.a.byteOffset, c.a.length, new Int16Array(s)[1], c.s.constructor === SharedArrayBuffer].join()`, "true,2,2,5,true"},
	{"resizable ArrayBuffer", `const b = new ArrayBuffer(2, {maxByteLength: 8}); new Uint8Array(b)[1] = 4; const c = structuredClone(b); c.resize(8); return [c.resizable, c.maxByteLength, c.byteLength, new Uint8Array(c)[1], b.byteLength].join()`, "true,8,8,4,2"},
	{"length-tracking views", `const b = new ArrayBuffer(4, {maxByteLength: 16}); const c = structuredClone({t: new Uint16Array(b, 2), d: new DataView(b), f: new Uint8Array(b, 0, 2)}); c.t.buffer.resize(16); return [c.t.length, c.d.byteLength, c.f.length, c.t.buffer === c.d.buffer].join()`, "7,16,2,true"},
	{"out-of-bounds view", `const b = new ArrayBuffer(4, {maxByteLength: 16}); const v = new Uint8Array(b, 2, 2); b.resize(3); try { structuredClone(v, {transfer: [b]}) } catch (e) { return e.name + ": " + e.message + " " + b.byteLength }`, "DataCloneError: Failed to execute 'structuredClone' on 'Window': An ArrayBufferView is out of bounds and could not be cloned. 3"},
	{"transferred resizable", `const b = new ArrayBuffer(4, {maxByteLength: 16}); const c = structuredClone(b, {transfer: [b]}); return [b.detached, c.resizable, c.maxByteLength, c.byteLength].join()`, "true,true,16,4"},
	{"growable SharedArrayBuffer grows with its clone", `const s = new SharedArrayBuffer(2, {maxByteLength: 8}); const c = structuredClone(s); s.grow(6); new Uint8Array(c)[5] = 1; return [c.growable, c.byteLength, new Uint8Array(s)[5]].join()`, "true,6,1"},
	{"SharedArrayBuffer is not transferable", `const s = new SharedArrayBuffer(1); try { structuredClone(s, {transfer: [s]}) } catch (e) { return e.name + ": " + e.message + " " + s.byteLength }`, "DataCloneError: Failed to execute 'structuredClone' on 'Window': SharedArrayBuffer at index 0 is not transferable. 1"},
	{"works after globals are deleted", `structuredClone(0); const M = Map; delete globalThis.Map; const c = structuredClone(new M([[1, 2]])); globalThis.Map = M; return c instanceof M`, "true"},
}

func TestStructuredClone(t *testing.T) { eventstest.Run(t, cloneTests, install) }

var regexpTests = []eventstest.Case{
	{"slash source", `return [structuredClone(new RegExp("/")).source, structuredClone(/a\/b/).source, structuredClone(new RegExp("\\\\u002f")).source].join(" ")`, `\/ a\/b \\u002f`},
	{"slash still matches", `return structuredClone(new RegExp("/", "g")).test("a/b")`, "true"},
}

func TestRegExpSource(t *testing.T) { eventstest.Run(t, regexpTests, install) }

var detachKeyTests = []eventstest.Case{
	{"non-detachable buffer", `const b = new ArrayBuffer(2); pin(b); try { structuredClone(b, {transfer: [b]}) } catch (e) { return [e.name, e.message, b.byteLength].join("|") }`,
		"TypeError|Failed to execute 'structuredClone' on 'Window': ArrayBuffer at index 0 is not detachable and could not be transferred.|2"},
}

func TestDetachKey(t *testing.T) {
	eventstest.Run(t, detachKeyTests, func(iso *runtime.Isolate) {
		install(iso)
		_ = iso.VM().Set("pin", func(call goja.FunctionCall) goja.Value {
			runtime.SetNonDetachable(iso, call.Argument(0).(*goja.Object))
			return goja.Undefined()
		})
	})
}
