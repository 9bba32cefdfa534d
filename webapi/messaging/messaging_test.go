package messaging_test

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/messaging"
	"github.com/edgerun/edgerun/webapi/structuredclone"
	"github.com/edgerun/edgerun/webapi/timers"
)

func install(iso *runtime.Isolate) {
	events.Install(iso)
	timers.Install(iso)
	structuredclone.Install(iso)
	messaging.Install(iso)
}

const wait = `const next = port => new Promise(r => port.addEventListener("message", r, {once: true}));
const sleep = ms => new Promise(r => setTimeout(r, ms));`

var messagingTests = []eventstest.Case{
	{"round trip is a clone", wait + `const {port1, port2} = new MessageChannel(); const o = {a: [1]}; port2.start(); const p = next(port2); port1.postMessage(o); const e = await p; return [e.data.a[0], e.data !== o, e instanceof MessageEvent, e.isTrusted, e.ports.length, e.target === port2].join()`, "1,true,true,true,0,true"},
	{"delivered as a task, in order", wait + `const {port1, port2} = new MessageChannel(); const log = []; port2.onmessage = e => log.push(e.data); port1.postMessage(1); port1.postMessage(2); log.push("sync"); await sleep(5); return log.join()`, "sync,1,2"},
	{"queue disabled until start", wait + `const {port1, port2} = new MessageChannel(); const log = []; port2.addEventListener("message", e => log.push(e.data)); port1.postMessage("x"); await sleep(5); log.push("start"); port2.start(); await sleep(5); return log.join()`, "start,x"},
	{"clone happens at post time", wait + `const {port1, port2} = new MessageChannel(); const o = {v: 1}; port2.start(); const p = next(port2); port1.postMessage(o); o.v = 2; return (await p).data.v`, "1"},
	{"DataCloneError is synchronous", `const {port1} = new MessageChannel(); try { port1.postMessage(() => {}) } catch (e) { return e.name + ": " + e.message }`, "DataCloneError: Failed to execute 'postMessage' on 'MessagePort': () => {} could not be cloned."},
	{"closed port drops messages", wait + `const {port1, port2} = new MessageChannel(); let n = 0; port2.onmessage = () => n++; port2.close(); port1.postMessage(1); await sleep(5); return n`, "0"},
	{"transfer a port", wait + `const a = new MessageChannel(), b = new MessageChannel(); b.port2.start(); const p = next(b.port2); b.port1.postMessage("take", [a.port2]); const e = await p; const moved = e.ports[0]; moved.start(); const q = next(moved); a.port1.postMessage("via moved"); return [e.ports.length, moved instanceof MessagePort, moved !== a.port2, (await q).data, Object.isFrozen(e.ports)].join()`, "1,true,true,via moved,true"},
	{"transferred port cannot be transferred again", `const a = new MessageChannel(), b = new MessageChannel(); b.port1.postMessage(null, [a.port2]); try { b.port1.postMessage(null, [a.port2]) } catch (e) { return e.name }`, "DataCloneError"},
	{"source port in transfer", `const {port1} = new MessageChannel(); try { port1.postMessage(1, [port1]) } catch (e) { return e.message }`, "Failed to execute 'postMessage' on 'MessagePort': Port at index 0 contains the source port."},
	{"transfer ArrayBuffer with options", wait + `const {port1, port2} = new MessageChannel(); port2.start(); const p = next(port2); const buf = new Uint8Array([5]).buffer; port1.postMessage(buf, {transfer: [buf]}); return [buf.byteLength, new Uint8Array((await p).data)[0]].join()`, "0,5"},
	{"structuredClone transfers ports", wait + `const {port1, port2} = new MessageChannel(); const copy = structuredClone(port2, {transfer: [port2]}); copy.start(); const p = next(copy); port1.postMessage("ohai"); return (await p).data`, "ohai"},
	{"MessageEvent constructor", `const {port1} = new MessageChannel(); const e = new MessageEvent("message", {data: {x: 1}, origin: "o", lastEventId: "7", source: port1, ports: [port1]}); return [e.data.x, e.origin, e.lastEventId, e.source === port1, e.ports[0] === port1, e.ports === e.ports, new MessageEvent("m").data].join()`, "1,o,7,true,true,true,"},
	{"MessageEvent bad source", `try { new MessageEvent("m", {source: {}}) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"initMessageEvent", `const e = new MessageEvent("m"); e.initMessageEvent("x", true, false, 5); try { e.initMessageEvent() } catch (err) { return [e.type, e.bubbles, e.data, err.constructor.name].join() }`, "x,true,5,TypeError"},
	{"MessagePort is not constructible", `try { new MessagePort() } catch (e) { return e.message }`, "Illegal constructor"},
	{"broadcast order", wait + `const a = new BroadcastChannel("n"), b = new BroadcastChannel("n"), c = new BroadcastChannel("n"), other = new BroadcastChannel("x"); const log = []; for (const [k, ch] of Object.entries({a, b, c, other})) ch.onmessage = e => log.push(k + "<" + e.data); a.postMessage(1); c.postMessage(2); await sleep(5); return log.join()`, "b<1,c<1,a<2,b<2"},
	{"broadcast closed", `const a = new BroadcastChannel("n"); a.close(); try { a.postMessage(1) } catch (e) { return e.name + ": " + e.message }`, "InvalidStateError: Failed to execute 'postMessage' on 'BroadcastChannel': Channel is closed"},
	{"broadcast close in handler stops queued deliveries", wait + `const a = new BroadcastChannel("q"), b = new BroadcastChannel("q"); let n = 0; b.onmessage = () => { n++; b.close() }; a.postMessage(1); a.postMessage(2); await sleep(5); return n`, "1"},
	{"broadcast event shape", wait + `const a = new BroadcastChannel("s"), b = new BroadcastChannel("s"); const p = new Promise(r => b.onmessage = r); a.postMessage({v: 1}); const e = await p; return [e.data.v, e.source, e.target === b, e.origin, b.name].join()`, "1,,true,null,s"},
}

func TestMessaging(t *testing.T) { eventstest.Run(t, messagingTests, install) }
