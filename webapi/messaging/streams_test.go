package messaging_test

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/streams"
)

func installWithStreams(iso *runtime.Isolate) {
	install(iso)
	streams.Install(iso)
}

const readAll = `const readAll = async s => { const out = [], r = s.getReader(); for (;;) { const {done, value} = await r.read(); if (done) return out; out.push(value) } };`

var transferStreamTests = []eventstest.Case{
	{"ReadableStream through structuredClone", readAll + `const s = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue({b: 1}); c.close() } });
		const t = structuredClone(s, {transfer: [s]}); const locked = s.locked; const got = await readAll(t);
		return [locked, t !== s, Object.getPrototypeOf(t) === ReadableStream.prototype, got[0], got[1].b].join()`, "true,true,true,a,1"},
	{"ReadableStream through a MessagePort", readAll + `const {port1, port2} = new MessageChannel();
		const s = new ReadableStream({ pull(c) { c.enqueue(this.n = (this.n || 0) + 1); if (this.n === 3) c.close() } });
		const p = new Promise(r => port2.onmessage = e => r(e.data)); port1.postMessage(s, [s]);
		return (await readAll(await p)).join()`, "1,2,3"},
	{"cancel reaches the source", `let reason; const s = new ReadableStream({ cancel(r) { reason = r } });
		const t = structuredClone(s, {transfer: [s]}); await t.cancel("stop"); await new Promise(r => setTimeout(r, 5)); return reason`, "stop"},
	{"error reaches the reader", `let ctl; const s = new ReadableStream({ start(c) { ctl = c } }); const t = structuredClone(s, {transfer: [s]});
		const read = t.getReader().read(); ctl.error(new TypeError("boom")); try { await read } catch (e) { return e.constructor.name + ": " + e.message }`, "TypeError: boom"},
	{"WritableStream", `let closed = false; const got = []; const w = new WritableStream({ write(c) { got.push(c) }, close() { closed = true } });
		const t = structuredClone(w, {transfer: [w]}); const locked = w.locked;
		// close() settles once the close is posted; the sink sees it a task later.
		const writer = t.getWriter(); await writer.write("x"); await writer.write(2); await writer.close(); await new Promise(r => setTimeout(r, 5));
		return [locked, got.join(), closed].join()`, "true,x,2,true"},
	{"TransformStream", readAll + `const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()) } });
		const t = structuredClone(ts, {transfer: [ts]}); const writer = t.writable.getWriter(); writer.write("a"); writer.write("b"); writer.close();
		return [ts.readable.locked, ts.writable.locked, (await readAll(t.readable)).join()].join()`, "true,true,A,B"},
	{"locked stream", `const s = new ReadableStream(); s.getReader(); try { structuredClone(s, {transfer: [s]}) } catch (e) { return e.name + ": " + e.message }`,
		"DataCloneError: Failed to execute 'structuredClone' on 'Window': A ReadableStream could not be cloned because it was locked."},
	{"not cloneable without transfer", `try { structuredClone(new ReadableStream()) } catch (e) { return e.name }`, "DataCloneError"},
	{"uncloneable chunk errors both sides", `const s = new ReadableStream({ start(c) { c.enqueue(() => {}) } }); const t = structuredClone(s, {transfer: [s]});
		try { await t.getReader().read(); return "read" } catch (e) { return e.name }`, "DataCloneError"},
}

func TestTransferStreams(t *testing.T) { eventstest.Run(t, transferStreamTests, installWithStreams) }
