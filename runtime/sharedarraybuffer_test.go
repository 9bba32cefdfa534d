package runtime

import (
	"testing"
	"time"
)

// snippetTest is a script run in a fresh isolate; it yields a string.
type snippetTest struct {
	name, src, want string
}

func runSnippets(t *testing.T, tests []snippetTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iso := newTestIsolate(t, Options{})
			if got := eval(t, iso, tt.src); got != tt.want {
				t.Fatalf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

var sharedArrayBufferTests = []snippetTest{
	{"shape", `[typeof SharedArrayBuffer, SharedArrayBuffer.name, SharedArrayBuffer.length,
		Object.prototype.toString.call(new SharedArrayBuffer(1)),
		Object.getOwnPropertyDescriptor(SharedArrayBuffer, 'prototype').writable,
		SharedArrayBuffer[Symbol.species] === SharedArrayBuffer].join()`,
		"function,SharedArrayBuffer,1,[object SharedArrayBuffer],false,true"},
	{"requires new", `try { SharedArrayBuffer(1); 'no' } catch (e) { e.constructor.name + ': ' + e.message }`,
		"TypeError: Constructor SharedArrayBuffer requires 'new'"},
	{"views", `const s = new SharedArrayBuffer(8); const u = new Uint8Array(s); u[1] = 7;
		const d = new DataView(s); [s.byteLength, u.length, d.getUint8(1), u.buffer === s, s instanceof ArrayBuffer,
		s instanceof SharedArrayBuffer, ArrayBuffer.isView(s), s.growable, s.maxByteLength].join()`,
		"8,8,7,true,false,true,false,false,8"},
	{"bad length", `try { new SharedArrayBuffer(-1) } catch (e) { e.constructor.name + ': ' + e.message }`,
		"RangeError: Invalid array buffer length"},
	{"growable", `const s = new SharedArrayBuffer(4, { maxByteLength: 16 }); const u = new Uint8Array(s); const f = new Uint8Array(s, 0, 2);
		u[3] = 9; s.grow(10); const out = [s.growable, s.maxByteLength, s.byteLength, u.length, f.length, u[3], u[9]];
		for (const n of [2, 17]) { try { s.grow(n) } catch (e) { out.push(e.constructor.name) } }
		out.join()`, "true,16,10,10,2,9,0,RangeError,RangeError"},
	{"max below length", `try { new SharedArrayBuffer(8, { maxByteLength: 4 }) } catch (e) { e.constructor.name }`, "RangeError"},
	{"slice", `const s = new SharedArrayBuffer(4); new Uint8Array(s).set([1,2,3,4]); const t = s.slice(1, -1);
		[Object.prototype.toString.call(t), t.byteLength, ...new Uint8Array(t)].join()`,
		"[object SharedArrayBuffer],2,2,3"},
	{"slice copies", `const s = new SharedArrayBuffer(2); const t = s.slice(); new Uint8Array(t)[0] = 9; String(new Uint8Array(s)[0])`, "0"},
	{"subclass", `class S extends SharedArrayBuffer {}; const s = new S(3); const t = s.slice(0, 1);
		[s instanceof S, s.byteLength, t instanceof S].join()`, "true,3,true"},
	{"species must be shared", `const s = new SharedArrayBuffer(2); s.constructor = { [Symbol.species]: ArrayBuffer };
		try { s.slice(); 'no' } catch (e) { e.constructor.name }`, "TypeError"},
	{"grow not growable", `try { new SharedArrayBuffer(1).grow(2) } catch (e) { e.constructor.name + ': ' + e.message }`,
		"TypeError: Method SharedArrayBuffer.prototype.grow called on incompatible receiver #<SharedArrayBuffer>"},
	{"shared getter on ArrayBuffer", `try { Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get.call(new ArrayBuffer(1)) } catch (e) { e.message }`,
		"Method SharedArrayBuffer.prototype.byteLength called on incompatible receiver #<ArrayBuffer>"},
	{"ArrayBuffer members reject shared", `const s = new SharedArrayBuffer(4); const out = [];
		for (const f of [() => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(s),
			() => ArrayBuffer.prototype.slice.call(s), () => ArrayBuffer.prototype.transfer.call(s),
			() => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached').get.call(s)]) {
			try { f(); out.push('ok') } catch (e) { out.push(e.constructor.name) } }
		out.push(s.byteLength, new ArrayBuffer(3).byteLength, new ArrayBuffer(3).slice(1).byteLength, ArrayBuffer.prototype.slice.length);
		out.join()`, "TypeError,TypeError,TypeError,TypeError,4,3,2,2"},
	{"prototype swap keeps it shared", `const s = new SharedArrayBuffer(4); Object.setPrototypeOf(s, ArrayBuffer.prototype);
		try { s.byteLength; 'no' } catch (e) { e.constructor.name }`, "TypeError"},
	{"fixed-length getters", `const b = new ArrayBuffer(3); let e; try { Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable').get.call(new SharedArrayBuffer(1)) } catch (x) { e = x.name }
		[b.resizable, b.maxByteLength, e].join()`, "false,3,TypeError"},
	{"typed array slice is unshared", `const u = new Uint8Array(new SharedArrayBuffer(2)); Object.prototype.toString.call(u.slice().buffer)`, "[object ArrayBuffer]"},
}

func TestSharedArrayBuffer(t *testing.T) { runSnippets(t, sharedArrayBufferTests) }

var atomicsTests = []snippetTest{
	{"shape", `[Object.prototype.toString.call(Atomics), typeof Atomics.add, Atomics.add.length, Atomics.compareExchange.length, Atomics.wait.length].join()`,
		"[object Atomics],function,3,4,4"},
	{"rmw", `const a = new Int32Array(new SharedArrayBuffer(16));
		[Atomics.add(a, 0, 5), Atomics.sub(a, 0, 2), Atomics.or(a, 0, 8), Atomics.and(a, 0, 10), Atomics.xor(a, 0, 1),
		 Atomics.exchange(a, 0, 42), Atomics.load(a, 0), Atomics.compareExchange(a, 0, 42, 7), Atomics.compareExchange(a, 0, 1, 9), a[0]].join()`,
		"0,5,3,11,10,11,42,42,7,7"},
	{"wraps", `const a = new Int8Array(4); [Atomics.store(a, 0, 300), a[0], Atomics.add(a, 0, 200), a[0], Atomics.store(a, 1, -0) === 0].join()`,
		"300,44,44,-12,true"},
	{"unsigned", `const a = new Uint32Array(2); Atomics.sub(a, 0, 1); String(a[0])`, "4294967295"},
	{"bigint", `const a = new BigInt64Array(2); [Atomics.add(a, 0, 5n), Atomics.sub(a, 0, 7n), a[0], Atomics.store(a, 1, 2n ** 64n + 1n), a[1]].join()`,
		"0,5,-2,18446744073709551617,1"},
	{"biguint", `const a = new BigUint64Array(1); Atomics.sub(a, 0, 1n); String(a[0])`, "18446744073709551615"},
	{"bigint rejects number", `try { Atomics.add(new BigInt64Array(1), 0, 1) } catch (e) { e.constructor.name }`, "TypeError"},
	{"not integer", `const out = []; for (const a of [new Float64Array(1), new Uint8ClampedArray(1), [1], {}]) {
		try { Atomics.load(a, 0); out.push('ok') } catch (e) { out.push(e.constructor.name) } } out.join()`,
		"TypeError,TypeError,TypeError,TypeError"},
	{"index", `const out = []; const a = new Int32Array(2); for (const i of [2, -1, 1.5, '1']) {
		try { out.push(Atomics.load(a, i)) } catch (e) { out.push(e.constructor.name) } } out.join()`,
		"RangeError,RangeError,0,0"},
	{"detached", `const b = new ArrayBuffer(8); const a = new Int32Array(b); b.transfer();
		try { Atomics.load(a, 0) } catch (e) { e.constructor.name }`, "TypeError"},
	{"wait cannot block", `try { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 0) } catch (e) { e.constructor.name + ': ' + e.message }`,
		"TypeError: Atomics.wait cannot be called in this context"},
	{"wait needs shared", `try { Atomics.wait(new Int32Array(4), 0, 0, 0) } catch (e) { e.constructor.name }`, "TypeError"},
	{"wait needs int32", `try { Atomics.wait(new Uint32Array(new SharedArrayBuffer(4)), 0, 0, 0) } catch (e) { e.constructor.name }`, "TypeError"},
	{"notify unshared", `String(Atomics.notify(new Int32Array(4), 0))`, "0"},
	{"waitAsync sync results", `const a = new Int32Array(new SharedArrayBuffer(8));
		const r1 = Atomics.waitAsync(a, 0, 1); const r2 = Atomics.waitAsync(a, 0, 0, 0);
		[r1.async, r1.value, r2.async, r2.value].join()`, "false,not-equal,false,timed-out"},
	{"waitAsync notify", `const a = new Int32Array(new SharedArrayBuffer(8));
		const r = Atomics.waitAsync(a, 1, 0); const r2 = Atomics.waitAsync(new Int32Array(a.buffer), 1, 0);
		globalThis.out = [];
		r.value.then(v => out.push('a:' + v)); r2.value.then(v => out.push('b:' + v));
		[r.async, Atomics.notify(a, 1, 1), Atomics.notify(a, 0), Atomics.notify(a, 1)].join()`, "true,1,0,1"},
	{"isLockFree", `[1,2,3,4,8,16].map(n => Atomics.isLockFree(n)).join()`, "true,true,false,true,true,false"},
}

func TestAtomics(t *testing.T) { runSnippets(t, atomicsTests) }

func TestAtomicsWaitAsyncResolves(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	eval(t, iso, `globalThis.out = []; const a = new Int32Array(new SharedArrayBuffer(8));
		Atomics.waitAsync(a, 0, 0).value.then(v => out.push('n:' + v));
		Atomics.waitAsync(a, 1, 0, 1).value.then(v => out.push('t:' + v));
		Atomics.notify(a, 0)`)
	deadline := 0
	for {
		got := eval(t, iso, `out.join()`)
		if got == "n:ok,t:timed-out" {
			return
		}
		if deadline++; deadline > 2000 {
			t.Fatalf("waiters never settled: %v", got)
		}
		timeSleep()
	}
}

func TestNewSharedArrayBufferAliases(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	data := []byte{1, 2, 3}
	err := iso.Do(func() error {
		obj := NewSharedArrayBuffer(iso, data)
		if !IsSharedArrayBuffer(iso, obj) || !IsShared(iso, obj) {
			t.Error("host-made buffer is not shared")
		}
		_ = iso.VM().Set("s", obj)
		_, err := iso.VM().RunString(`new Uint8Array(s)[0] = 9; globalThis.v = new DataView(s, 1)`)
		if err != nil {
			return err
		}
		if !IsShared(iso, iso.VM().Get("v")) {
			t.Error("a DataView on a shared buffer is not shared")
		}
		plain, _ := iso.VM().RunString(`new Uint8Array(4)`)
		if IsShared(iso, plain) || IsSharedArrayBuffer(iso, plain) {
			t.Error("a plain view is shared")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if data[0] != 9 {
		t.Fatalf("JS write did not reach the Go slice: %v", data)
	}
}

func timeSleep() { time.Sleep(time.Millisecond) }
