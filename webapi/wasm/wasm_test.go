package wasm

import (
	"encoding/base64"
	"errors"
	"testing"
	"time"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// installWith returns an install function for jstest with the test modules
// as Uint8Array globals.
func installWith(opts Options) func(iso *runtime.Isolate) {
	return func(iso *runtime.Isolate) {
		Install(iso, opts)
		vm := iso.VM()
		for name, b := range map[string][]byte{
			"addWasm": addModule, "importWasm": importModule, "trapWasm": trapModule, "growWasm": growModule,
			"globalWasm": globalModule, "tableWasm": tableModule, "sharedWasm": sharedModule, "emptyNameWasm": emptyNameModule,
		} {
			_ = vm.Set(name, webidl.Uint8Array(vm, append([]byte(nil), b...)))
		}
	}
}

var jsTests = []jstest.Case{
	{"namespace", `return [typeof WebAssembly, Object.prototype.toString.call(WebAssembly), WebAssembly.Module.name,
		Object.prototype.toString.call(new WebAssembly.Module(addWasm)), typeof WebAssembly.instantiateStreaming,
		new WebAssembly.CompileError("x") instanceof Error, WebAssembly.LinkError("y").message, WebAssembly.RuntimeError.prototype.name].join()`,
		"object,[object WebAssembly],Module,[object WebAssembly.Module],function,true,y,RuntimeError"},
	{"validate", `return [WebAssembly.validate(addWasm), WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0]))].join()`, "true,false"},
	{"validate needs bytes", `try { WebAssembly.validate("x") } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: WebAssembly.validate(): Argument 0 must be a buffer source"},
	{"module reflection", `const m = new WebAssembly.Module(importWasm);
		return JSON.stringify([WebAssembly.Module.exports(m), WebAssembly.Module.imports(m),
			WebAssembly.Module.customSections(new WebAssembly.Module(addWasm), "hello").map(b => TextDecoderLike(b))])`,
		`[[{"name":"run","kind":"function"}],[{"module":"env","name":"log","kind":"function"},{"module":"env","name":"mem","kind":"memory"}],["abc"]]`},
	{"compile error", `try { new WebAssembly.Module(new Uint8Array([1, 2, 3, 4])) } catch (e) { return [e instanceof WebAssembly.CompileError, e.message.startsWith("WebAssembly.Module(): ")].join() }`, "true,true"},
	{"call export", `const i = new WebAssembly.Instance(new WebAssembly.Module(addWasm)); const add = i.exports.add;
		return [add(2, 3), add(2 ** 31, 2 ** 31), add("4", {valueOf() { return 1 }}), add.name, add.length, Object.isFrozen(i.exports),
			Object.getPrototypeOf(i.exports), i.exports.add === add].join()`, "5,0,5,0,2,true,,true"},
	{"imports", `const mem = new WebAssembly.Memory({initial: 1}); const seen = [];
		const i = new WebAssembly.Instance(new WebAssembly.Module(importWasm), {env: {log: (x) => seen.push(x), mem}});
		const r = i.exports.run();
		return [r, seen.join(), new Uint8Array(mem.buffer)[0]].join()`, "7,42,7"},
	{"import throws", `const err = new Error("boom");
		const i = new WebAssembly.Instance(new WebAssembly.Module(importWasm), {env: {log: () => { throw err }, mem: new WebAssembly.Memory({initial: 1})}});
		try { i.exports.run() } catch (e) { return e === err }`, "true"},
	{"missing import object", `try { new WebAssembly.Instance(new WebAssembly.Module(importWasm)) } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: WebAssembly.Instance(): Imports argument must be present and must be an object"},
	{"link errors", `const m = new WebAssembly.Module(importWasm); const out = [];
		for (const env of [{log: 1, mem: new WebAssembly.Memory({initial: 1})}, {log() {}, mem: {}}, {log() {}, mem: new WebAssembly.Memory({initial: 0})}]) {
			try { new WebAssembly.Instance(m, {env}); out.push("ok") } catch (e) { out.push(e.constructor.name) } }
		return out.join()`, "LinkError,LinkError,LinkError"},
	{"trap", `const i = new WebAssembly.Instance(new WebAssembly.Module(trapWasm));
		try { i.exports.trap() } catch (e) { return [e instanceof WebAssembly.RuntimeError, e.message].join() }`, "true,unreachable"},
	{"memory", `const m = new WebAssembly.Memory({initial: 1, maximum: 3}); const b = m.buffer; new Uint8Array(b)[5] = 9;
		const same = m.buffer === b; const old = m.grow(1);
		return [same, old, b.byteLength, m.buffer.byteLength, new Uint8Array(m.buffer)[5], m.buffer === m.buffer, Object.prototype.toString.call(m)].join()`,
		"true,1,0,131072,9,true,[object WebAssembly.Memory]"},
	{"memory limits", `const out = []; for (const d of [{}, {initial: 2, maximum: 1}, {initial: 70000}, {initial: 1, shared: true}]) {
		try { new WebAssembly.Memory(d); out.push("ok") } catch (e) { out.push(e.name) } }
		try { new WebAssembly.Memory({initial: 1, maximum: 1}).grow(1) } catch (e) { out.push(e.name) }
		return out.join()`, "TypeError,RangeError,RangeError,TypeError,RangeError"},
	{"memory.grow in wasm detaches", `const i = new WebAssembly.Instance(new WebAssembly.Module(growWasm));
		const mem = i.exports.memory; const b = mem.buffer; const u = new Uint8Array(b); u[1] = 4;
		const r = i.exports.grow();
		return [r, b.byteLength, mem.buffer.byteLength, new Uint8Array(mem.buffer)[1], i.exports.memory === mem].join()`, "1,0,131072,4,true"},
	{"shared memory", `const m = new WebAssembly.Memory({shared: true, initial: 1, maximum: 2}); const b = m.buffer;
		new Int32Array(b)[0] = 3; m.grow(1);
		return [Object.prototype.toString.call(b), b.constructor === SharedArrayBuffer, b.byteLength, m.buffer.byteLength,
			new Int32Array(m.buffer)[0], Atomics.add(new Int32Array(m.buffer), 0, 1), new Int32Array(b)[0]].join()`,
		"[object SharedArrayBuffer],true,65536,131072,3,3,4"},
	{"sab.js constructor", `const C = new WebAssembly.Memory({shared: true, initial: 0, maximum: 0}).buffer.constructor;
		return [C.name, new C(4).byteLength].join()`, "SharedArrayBuffer,4"},
	{"shared memory export", `const i = new WebAssembly.Instance(new WebAssembly.Module(sharedWasm));
		return Object.prototype.toString.call(i.exports.memory.buffer)`, "[object SharedArrayBuffer]"},
	{"globals", `const g = new WebAssembly.Global({value: "i32", mutable: true}, 7); g.value = 8;
		const i = new WebAssembly.Instance(new WebAssembly.Module(globalWasm), {env: {g: 11}});
		const c = i.exports.counter; c.value = 6n;
		const k = new WebAssembly.Global({value: "f32"}, 1.1);
		let err; try { k.value = 2 } catch (e) { err = e.name }
		return [g.value, g.valueOf(), i.exports.getG(), typeof c.value, c.value, k.value === Math.fround(1.1), err].join()`,
		"8,8,11,bigint,6,true,TypeError"},
	{"global import object", `const g = new WebAssembly.Global({value: "i32"}, 13);
		const i = new WebAssembly.Instance(new WebAssembly.Module(globalWasm), {env: {g}});
		return i.exports.getG()`, "13"},
	{"global import type", `try { new WebAssembly.Instance(new WebAssembly.Module(globalWasm), {env: {g: 1n}}) } catch (e) { return e.name }`, "LinkError"},
	{"tables", `const i = new WebAssembly.Instance(new WebAssembly.Module(tableWasm)); const t = i.exports.tbl;
		const f = t.get(0);
		const t2 = new WebAssembly.Table({element: "anyfunc", initial: 1, maximum: 3}); t2.set(0, i.exports.add);
		const old = t2.grow(1);
		let err; try { t2.set(0, () => 1) } catch (e) { err = e.name }
		return [t.length, f === i.exports.add, f(1, 2), t.get(1), t2.get(0) === i.exports.add, old, t2.length, err].join()`,
		"2,true,3,,true,1,2,TypeError"},
	{"externref table", `const t = new WebAssembly.Table({element: "externref", initial: 2}); const o = {}; t.set(1, o);
		return [String(t.get(0)), t.get(1) === o].join()`, "undefined,true"},
	{"empty module name and name-only custom section", `const m = new WebAssembly.Module(emptyNameWasm);
		const i = new WebAssembly.Instance(m, {"": {f: () => 5}});
		return [WebAssembly.validate(emptyNameWasm), JSON.stringify(WebAssembly.Module.imports(m)), WebAssembly.Module.customSections(m, "a").length, i.exports.f()].join()`,
		`true,[{"module":"","name":"f","kind":"function"}],1,5`},
	{"namespace enumerability", `return Object.keys(WebAssembly).sort().join()`, "compile,compileStreaming,instantiate,instantiateStreaming,validate"},
	{"shared buffer frozen", `const m = new WebAssembly.Memory({shared: true, initial: 1, maximum: 1});
		return [Object.isFrozen(m.buffer), Object.isFrozen(new WebAssembly.Memory({initial: 1}).buffer)].join()`, "true,false"},
	{"global setter arity", `const g = new WebAssembly.Global({value: "i32", mutable: true});
		try { Object.getOwnPropertyDescriptor(WebAssembly.Global.prototype, "value").set.call(g) } catch (e) { return e.name }`, "TypeError"},
	{"global import with accessor-laden prototype", `try { new WebAssembly.Instance(new WebAssembly.Module(globalWasm), {env: {g: WebAssembly.Global.prototype}}) } catch (e) { return e.name }`, "LinkError"},
	{"async compile and instantiate", `const m = await WebAssembly.compile(addWasm);
		const {module, instance} = await WebAssembly.instantiate(addWasm);
		const inst = await WebAssembly.instantiate(m);
		return [m instanceof WebAssembly.Module, module instanceof WebAssembly.Module, instance.exports.add(1, 1), inst instanceof WebAssembly.Instance].join()`,
		"true,true,2,true"},
	{"async errors reject", `const out = [];
		await WebAssembly.compile(new Uint8Array(3)).catch(e => out.push(e.name));
		await WebAssembly.instantiate(new WebAssembly.Module(importWasm), {}).catch(e => out.push(e.name));
		await WebAssembly.compile("nope").catch(e => out.push(e.name));
		return out.join()`, "CompileError,TypeError,TypeError"},
}

func TestJS(t *testing.T) {
	jstest.Run(t, withDecoder(jsTests), installWith(Options{AllowCodeGeneration: true}))
}

// withDecoder adds a tiny ASCII decoder the reflection case uses (the
// encoding package is not installed here).
func withDecoder(cases []jstest.Case) []jstest.Case {
	out := make([]jstest.Case, len(cases))
	for i, c := range cases {
		c.Src = `const TextDecoderLike = function (b) { return String.fromCharCode(...new Uint8Array(b)) };` + c.Src
		out[i] = c
	}
	return out
}

var policyTests = []jstest.Case{
	{"Module", `try { new WebAssembly.Module(addWasm) } catch (e) { return [e instanceof WebAssembly.CompileError, e.message].join() }`,
		"true,WebAssembly.Module(): Wasm code generation disallowed by embedder"},
	{"compile", `return await WebAssembly.compile(addWasm).catch(e => e.name + ": " + e.message)`,
		"CompileError: WebAssembly.compile(): Wasm code generation disallowed by embedder"},
	{"instantiate bytes", `return await WebAssembly.instantiate(addWasm).catch(e => e.name + ": " + e.message)`,
		"CompileError: WebAssembly.instantiate(): Wasm code generation disallowed by embedder"},
	{"validate still works", `return WebAssembly.validate(addWasm)`, "true"},
	{"memory still works", `return new WebAssembly.Memory({initial: 1}).buffer.byteLength`, "65536"},
}

func TestCodeGenerationPolicy(t *testing.T) {
	jstest.Run(t, policyTests, installWith(Options{}))
}

func TestHostModuleAllowedWithoutCodeGeneration(t *testing.T) {
	iso := jstest.New(t, installWith(Options{}))
	err := iso.Do(func() error {
		m, err := NewModule(iso, addModule)
		if err != nil {
			return err
		}
		return iso.VM().Set("precompiled", m)
	})
	if err != nil {
		t.Fatal(err)
	}
	got := jstest.Eval(t, iso, `const i = await WebAssembly.instantiate(precompiled); return i.exports.add(20, 22)`)
	if got != "42" {
		t.Fatalf("got %q", got)
	}
	if _, err := runtimeNewModuleBad(iso); err == nil {
		t.Fatal("NewModule accepted garbage")
	}
}

func runtimeNewModuleBad(iso *runtime.Isolate) (any, error) {
	var err error
	doErr := iso.Do(func() error {
		_, err = NewModule(iso, []byte("junk"))
		return nil
	})
	if doErr != nil {
		return nil, doErr
	}
	return nil, err
}

// TestCPUDeadlineStopsWasm: a wasm infinite loop is stopped by the
// isolate's CPU deadline like a JS one.
func TestCPUDeadlineStopsWasm(t *testing.T) {
	iso := jstest.New(t, installWith(Options{AllowCodeGeneration: true}), func(o *runtime.Options) { o.CPUDeadline = 200 * time.Millisecond })
	inv, err := iso.NewInvocation(nil)
	if err != nil {
		t.Fatal(err)
	}
	failed := make(chan error, 1)
	inv2, _ := iso.NewInvocation(func(err error) { failed <- err })
	_ = inv
	if err := iso.Run(inv2, func() {
		_, _ = iso.VM().RunString(`new WebAssembly.Instance(new WebAssembly.Module(trapWasm)).exports.spin()`)
	}); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-failed:
		if !errors.Is(err, runtime.ErrCPUDeadline) {
			t.Fatalf("invocation failed with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the wasm loop was never stopped")
	}
}

func TestRequireModule(t *testing.T) {
	iso := jstest.New(t, installWith(Options{}))
	err := iso.Do(func() error {
		_ = iso.VM().Set("addBase64", base64.StdEncoding.EncodeToString(addModule))
		return iso.VM().Set("hostWasm", RequireModule(iso))
	})
	if err != nil {
		t.Fatal(err)
	}
	got := jstest.Eval(t, iso, `const m = hostWasm.module(addBase64);
		const i = new WebAssembly.Instance(m); let e; try { hostWasm.module("anVuaw==") } catch (x) { e = x.name }
		return [i.exports.add(1, 2), e].join()`)
	if got != "3,CompileError" {
		t.Fatalf("got %q", got)
	}
}

var detachTests = []jstest.Case{
	{"transfer refused", `const b = new WebAssembly.Memory({initial: 1}).buffer;
		try { b.transfer() } catch (e) { return [e.name, e.message, b.byteLength].join() }`, "TypeError,ArrayBuffer is not detachable and could not be cloned.,65536"},
}

func TestMemoryBufferNotDetachable(t *testing.T) {
	jstest.Run(t, detachTests, installWith(Options{}))
}
