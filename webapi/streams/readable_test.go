package streams

import "testing"

// readableTests are JS behaviour tests: src is the body of an async
// function whose result (or "throws Name: message") must equal want.
var readableTests = []struct {
	name, src, want string
}{
	{"read loop", `
		const rs = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
		const r = rs.getReader(); let out = "";
		for (;;) { const { value, done } = await r.read(); if (done) break; out += value; }
		return out + ":" + rs.locked;`, "ab:true"},
	{"closed promise resolves", `
		const rs = new ReadableStream({ start(c) { c.close(); } });
		const r = rs.getReader(); await r.closed; r.releaseLock(); return rs.locked;`, "false"},
	{"pull only while desiredSize > 0", `
		let pulls = 0;
		const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, { highWaterMark: 3 });
		for (let i = 0; i < 10; i++) await null;
		const before = pulls;
		const r = rs.getReader(); await r.read();
		for (let i = 0; i < 10; i++) await null;
		return before + "," + pulls;`, "3,4"},
	{"pull waits for its promise", `
		let pulls = 0, resolvePull;
		const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(1); return new Promise(r => resolvePull = r); } }, { highWaterMark: 5 });
		for (let i = 0; i < 10; i++) await null;
		const a = pulls; resolvePull();
		for (let i = 0; i < 10; i++) await null;
		return a + "," + pulls;`, "1,2"},
	{"size function", `
		const rs = new ReadableStream({ start(c) { c.enqueue("abc"); globalThis.ds = c.desiredSize; } },
			{ highWaterMark: 10, size: s => s.length });
		return ds;`, "7"},
	{"invalid size errors stream", `
		let err;
		const rs = new ReadableStream({ start(c) { try { c.enqueue(1); } catch (e) { err = e.name; } } }, { size: () => -1 });
		try { await rs.getReader().read(); } catch (e) { return err + "/" + e.name; }`, "RangeError/RangeError"},
	{"cancel reaches source", `
		let reason;
		const rs = new ReadableStream({ cancel(r) { reason = r; } });
		const v = await rs.cancel("bye");
		return reason + ":" + v;`, "bye:undefined"},
	{"cancel locked stream rejects", `
		const rs = new ReadableStream(); rs.getReader();
		try { await rs.cancel(); } catch (e) { return e.name; }`, "TypeError"},
	{"error rejects pending read", `
		let ctrl; const rs = new ReadableStream({ start(c) { ctrl = c; } });
		const r = rs.getReader(); const p = r.read(); ctrl.error(new Error("boom"));
		try { await p; } catch (e) { return e.message; }`, "boom"},
	{"enqueue after close throws", `
		const rs = new ReadableStream({ start(c) { c.close(); try { c.enqueue(1) } catch (e) { globalThis.m = e.message } } });
		return m;`, "Failed to execute 'enqueue' on 'ReadableStreamDefaultController': Cannot enqueue a chunk into a readable stream that is closed or has been requested to be closed"},
	{"start throws", `try { new ReadableStream({ start() { throw new SyntaxError("x") } }) } catch (e) { return e.name }`, "SyntaxError"},
	{"getReader twice", `const rs = new ReadableStream(); rs.getReader(); try { rs.getReader() } catch (e) { return e.message }`,
		"Failed to execute 'getReader' on 'ReadableStream': ReadableStreamDefaultReader constructor can only accept readable streams that are not yet locked to a reader"},
	{"releaseLock rejects pending read", `
		const r = new ReadableStream().getReader(); const p = r.read(); r.releaseLock();
		try { await p } catch (e) { return e.name }`, "TypeError"},
	{"tee", `
		const rs = new ReadableStream({ start(c) { c.enqueue("x"); c.enqueue("y"); c.close(); } });
		const [a, b] = rs.tee();
		const read = async s => { const r = s.getReader(); let o = ""; for (;;) { const x = await r.read(); if (x.done) return o; o += x.value; } };
		return (await read(a)) + (await read(b)) + rs.locked;`, "xyxytrue"},
	{"tee cancel both", `
		let reason;
		const rs = new ReadableStream({ cancel(r) { reason = r; } });
		const [a, b] = rs.tee(); a.cancel(1); await b.cancel(2);
		return JSON.stringify(reason);`, "[1,2]"},
	{"async iterator", `
		const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
		const it = rs[Symbol.asyncIterator](); let s = 0;
		for (;;) { const { value, done } = await it.next(); if (done) break; s += value; }
		return s + ":" + rs.locked;`, "3:false"},
	{"async iterator return cancels", `
		let canceled = false;
		const rs = new ReadableStream({ start(c) { c.enqueue(1); }, cancel() { canceled = true; } });
		const it = rs.values(); await it.next(); const r = await it.return("v");
		return r.value + ":" + r.done + ":" + canceled + ":" + rs.locked;`, "v:true:true:false"},
	{"values preventCancel", `
		let canceled = false;
		const rs = new ReadableStream({ start(c) { c.enqueue(1); }, cancel() { canceled = true; } });
		const it = rs.values({ preventCancel: true }); await it.next(); await it.return();
		return canceled + ":" + rs.locked;`, "false:false"},
	{"asyncIterator is values", `return ReadableStream.prototype[Symbol.asyncIterator] === ReadableStream.prototype.values && Symbol.asyncIterator === Symbol.for("Symbol.asyncIterator")`, "true"},
	{"iterator prototype tag", `return Object.prototype.toString.call(new ReadableStream().values())`, "[object ReadableStream AsyncIterator]"},
	{"byte stream default reader", `
		const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
		const r = rs.getReader(); const { value } = await r.read();
		return value.constructor.name + value.join();`, "Uint8Array1,2,3"},
	{"byob read", `
		const rs = new ReadableStream({ type: "bytes", pull(c) { const v = c.byobRequest.view; v[0] = 7; v[1] = 8; c.byobRequest.respond(2); } });
		const r = rs.getReader({ mode: "byob" }); const buf = new Uint8Array(4);
		const { value, done } = await r.read(buf);
		return value.length + ":" + value.join() + ":" + buf.byteLength + ":" + done;`, "2:7,8:0:false"},
	{"byob read min", `
		let n = 0;
		const rs = new ReadableStream({ type: "bytes", pull(c) { c.enqueue(new Uint8Array([++n])); } });
		const r = rs.getReader({ mode: "byob" });
		const { value } = await r.read(new Uint8Array(3), { min: 3 });
		return value.join();`, "1,2,3"},
	{"byob from queue with element size", `
		const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 0, 2, 0, 3])); c.close(); } });
		const r = rs.getReader({ mode: "byob" });
		const a = await r.read(new Uint16Array(4));
		const b = await r.read(new Uint8Array(4));
		const c = await r.read(new Uint8Array(4));
		return a.value.join() + "|" + b.value.join() + "|" + c.done + c.value.length;`, "1,2|3|true0"},
	{"byte tee", `
		const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([5, 6])); c.close(); } });
		const [a, b] = rs.tee();
		const x = await a.getReader().read(), y = await b.getReader().read();
		return x.value.join() + "|" + y.value.join() + "|" + (x.value.buffer !== y.value.buffer);`, "5,6|5,6|true"},
	{"brand checks", `
		const names = [];
		try { ReadableStream.prototype.getReader.call({}) } catch (e) { names.push(e.message) }
		const p = ReadableStream.prototype.cancel.call({}); try { await p } catch (e) { names.push(e.name) }
		return names.join();`, "Illegal invocation,TypeError"},
	{"shapes", `
		return [ReadableStream.length, ReadableStreamDefaultReader.length, ReadableStream.prototype.pipeTo.length,
			typeof Object.getOwnPropertyDescriptor(ReadableStreamDefaultReader.prototype, "closed").get,
			Object.prototype.toString.call(new ReadableStream())].join();`, "0,1,1,function,[object ReadableStream]"},
	{"controller not constructible", `try { new ReadableStreamDefaultController() } catch (e) { return e.message }`, "Illegal constructor"},
}

func TestReadableStream(t *testing.T) {
	iso := newIsolate(t)
	for _, tt := range readableTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runAsync(t, iso, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestForAwaitLoweredByEsbuild(t *testing.T) {
	iso := newIsolate(t)
	src := lowerForAwait(t, `
		const rs = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
		let out = "";
		for await (const chunk of rs) out += chunk;
		const rs2 = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); } });
		for await (const x of rs2) { out += x; break; }
		return out + rs.locked + rs2.locked;`)
	if got := runAsync(t, iso, src); got != "ab1falsefalse" {
		t.Fatalf("got %q", got)
	}
}
