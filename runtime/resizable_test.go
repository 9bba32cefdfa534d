package runtime

import "testing"

var resizableTests = []snippetTest{
	{"getters", `const r = new ArrayBuffer(4, { maxByteLength: 12 }); const f = new ArrayBuffer(3);
		[r.resizable, r.maxByteLength, r.byteLength, f.resizable, f.maxByteLength,
		 new ArrayBuffer(2, {}).resizable, new ArrayBuffer(2, { maxByteLength: undefined }).resizable].join()`,
		"true,12,4,false,3,false,false"},
	{"grow and shrink", `const b = new ArrayBuffer(4, { maxByteLength: 64 }); const u = new Uint8Array(b); u.set([1, 2, 3, 4]);
		b.resize(40); const grown = [b.byteLength, u.length, u[3], u[39]];
		b.resize(2); const shrunk = [b.byteLength, u.length, u[3]];
		b.resize(4); [...grown, ...shrunk, u[2], u[3]].join()`,
		"40,40,4,0,2,2,,0,0"},
	{"fixed-length view goes out of bounds and back", `const b = new ArrayBuffer(8, { maxByteLength: 16 }); const v = new Uint16Array(b, 2, 2);
		v[0] = 7; b.resize(4); const oob = [v.length, v.byteLength, v[0]];
		b.resize(8); [...oob, v.length, v[0]].join()`, "0,0,,2,7"},
	{"length-tracking offset view", `const b = new ArrayBuffer(8, { maxByteLength: 32 }); const v = new Uint32Array(b, 4);
		b.resize(16); const a = v.length; b.resize(2); const oob = v.length; b.resize(13); [a, oob, v.length].join()`, "3,0,2"},
	{"DataView tracks", `const b = new ArrayBuffer(4, { maxByteLength: 8 }); const d = new DataView(b); const fixed = new DataView(b, 1, 2);
		b.resize(8); d.setUint8(7, 5); [d.byteLength, fixed.byteLength, d.getUint8(7)].join()`, "8,2,5"},
	{"errors", `const out = []; const b = new ArrayBuffer(4, { maxByteLength: 8 });
		for (const f of [() => new ArrayBuffer(9, { maxByteLength: 8 }), () => b.resize(9), () => new ArrayBuffer(4).resize(2),
			() => ArrayBuffer.prototype.resize.call(new SharedArrayBuffer(4, { maxByteLength: 8 }), 4),
			() => new Uint32Array(b, 8), () => new Uint32Array(b, 2)]) {
			try { f(); out.push('ok') } catch (e) { out.push(e.constructor.name + ': ' + e.message) } }
		out.join('\n')`,
		"RangeError: Invalid array buffer max length\nRangeError: ArrayBuffer.prototype.resize: Invalid length parameter\n" +
			"TypeError: Method ArrayBuffer.prototype.resize called on incompatible receiver #<ArrayBuffer>\n" +
			"TypeError: Method ArrayBuffer.prototype.resize called on incompatible receiver #<SharedArrayBuffer>\n" +
			"RangeError: Start offset 8 is outside the bounds of the buffer\nRangeError: Start offset of Uint32Array should be a multiple of 4"},
	{"detached", `const b = new ArrayBuffer(4, { maxByteLength: 8 }); b.transferToFixedLength();
		try { b.resize(2) } catch (e) { [b.maxByteLength, e.constructor.name].join() }`, "0,TypeError"},
	{"transfer keeps resizability", `const b = new ArrayBuffer(4, { maxByteLength: 8 }); new Uint8Array(b)[0] = 3;
		const t = b.transfer(6); const kept = [t.resizable, t.maxByteLength, t.byteLength]; const f = t.transferToFixedLength(2);
		let e; try { new ArrayBuffer(4, { maxByteLength: 8 }).transfer(9) } catch (x) { e = x.constructor.name }
		[...kept, t.detached, t.maxByteLength, f.resizable, f.byteLength, new Uint8Array(f)[0], e].join()`,
		"true,8,6,true,0,false,2,3,RangeError"},
	{"subclass", `class R extends ArrayBuffer {}; const r = new R(2, { maxByteLength: 4 }); class V extends Uint8Array {}; const v = new V(r);
		r.resize(4); [r instanceof R, r.resizable, v instanceof V, v.length].join()`, "true,true,true,4"},
	{"many views stay bounded", `const b = new ArrayBuffer(4, { maxByteLength: 8 }); for (let i = 0; i < 1000; i++) new Uint8Array(b);
		const v = new Uint8Array(b); b.resize(8); String(v.length)`, "8"},
	{"out-of-bounds views act empty and survive", `const b = new ArrayBuffer(8, {maxByteLength: 8}); const v = new Uint8Array(b, 4, 2); const t = new Uint8Array(b, 4); b.resize(2);
		const out = [v.byteOffset, t.byteOffset, new Uint8Array(v).length, new Uint8Array(t).length, v.toSorted().length]; v.set(new Uint8Array(0));
		b.resize(8); out.push(v.byteOffset, v.length, t.length); out.join()`, "0,0,0,0,0,4,2,4"},
	{"shrinking inside a callback throws instead of crashing", `const b = new ArrayBuffer(8, {maxByteLength: 8}); const u = new Uint8Array(b);
		const out = [];
		for (const f of [() => u.copyWithin(6, 0, {valueOf() { b.resize(2); return 2 }}),
			() => { b.resize(8); u.set([9, 8, 7, 6, 5, 4, 3, 2]); return u.sort((x, y) => { b.resize(1); return x - y }) }]) {
			try { f(); out.push('ok') } catch (e) { out.push(e.constructor.name) } }
		out.join()`, "TypeError,ok"},
	{"shrunk bytes read as zeros", `const b = new ArrayBuffer(8, {maxByteLength: 8}); const u = new Uint8Array(b); u.set([1, 2, 3, 4, 5, 6, 7, 8]);
		String(u.slice(0, {valueOf() { b.resize(2); return 8 }}))`, "1,2,0,0,0,0,0,0"},
	{"resized while the view's prototype is read", `const b = new ArrayBuffer(8, {maxByteLength: 8});
		const nt = new Proxy(function () {}, {get(t, k) { if (k === 'prototype') { b.resize(2); return DataView.prototype } return t[k] }});
		const d = Reflect.construct(DataView, [b], nt); b.resize(6); String(d.byteLength)`, "6"},
	{"fixed buffers are unchanged", `const b = new ArrayBuffer(4); const u = new Uint8Array(b, 1); [u.length, b.resizable].join()`, "3,false"},
}

func TestResizableArrayBuffer(t *testing.T) { runSnippets(t, resizableTests) }

// TestGojaLayout fails when a goja upgrade moves a field resizable
// buffers write: they would then be disabled, not silently wrong.
func TestGojaLayout(t *testing.T) {
	if _, err := gojaLayout(); err != nil {
		t.Fatal(err)
	}
}
