package node

import "testing"

var eventsTests = []jsTest{
	{"order and args", `const E = require('events'); const e = new E(); const log = []; e.on('x', (a, b) => log.push('1' + a + b)); e.prependListener('x', () => log.push('0')); e.on('x', function () { log.push('2' + (this === e)) }); const r = e.emit('x', 'a', 'b'); return log.join() + ' ' + r + ' ' + e.emit('none')`, "0,1ab,2true true false"},
	{"once", `const E = require('events'); const e = new E(); let n = 0; const f = () => n++; e.once('x', f); e.emit('x'); e.emit('x'); return n + ' ' + e.listenerCount('x')`, "1 0"},
	{"once removable by original", `const E = require('events'); const e = new E(); const f = () => {}; e.once('x', f); e.removeListener('x', f); return e.listenerCount('x') + ' ' + e.rawListeners('x').length`, "0 0"},
	{"listeners unwraps once", `const E = require('events'); const e = new E(); const f = () => {}; e.once('x', f); return (e.listeners('x')[0] === f) + ' ' + (e.rawListeners('x')[0].listener === f)`, "true true"},
	{"newListener and removeListener events", `const E = require('events'); const e = new E(); const log = []; e.on('newListener', (n) => log.push('new:' + n)); e.on('removeListener', (n) => log.push('rm:' + n)); const f = () => {}; e.on('a', f); e.off('a', f); return log.join()`, "new:removeListener,new:a,rm:a"},
	{"error without listener throws", `const E = require('events'); const e = new E(); try { e.emit('error', new Error('boom')) } catch (err) { return err.message }`, "boom"},
	{"error non-Error", `const E = require('events'); const e = new E(); try { e.emit('error', 'bad') } catch (err) { return err.code + ': ' + err.message }`, "ERR_UNHANDLED_ERROR: Unhandled error. ('bad')"},
	{"errorMonitor", `const E = require('events'); const e = new E(); const log = []; e.on(E.errorMonitor, (er) => log.push('mon:' + er.message)); e.on('error', (er) => log.push('err:' + er.message)); e.emit('error', new Error('x')); return log.join()`, "mon:x,err:x"},
	{"eventNames", `const E = require('events'); const e = new E(); const s = Symbol('s'); e.on('a', () => {}); e.on(s, () => {}); return e.eventNames().map(String).join()`, "a,Symbol(s)"},
	{"removeAllListeners", `const E = require('events'); const e = new E(); e.on('a', () => {}); e.on('b', () => {}); e.removeAllListeners('a'); const n1 = e.eventNames().join(); e.removeAllListeners(); return n1 + '|' + e.eventNames().length`, "b|0"},
	{"max listeners warning", `const E = require('events'); const e = new E(); e.setMaxListeners(1); e.on('a', () => {}); e.on('a', () => {}); return e.getMaxListeners() + ' ' + E.defaultMaxListeners`, "1 10"},
	{"subclass", `const E = require('events'); class My extends E {} const m = new My(); let got; m.on('x', (v) => got = v); m.emit('x', 5); return got + ' ' + (m instanceof E)`, "5 true"},
	{"util.inherits style", `const E = require('events'); const util = require('util'); function Old() { E.call(this) } util.inherits(Old, E); const o = new Old(); let got; o.on('x', (v) => got = v); o.emit('x', 7); return got + ' ' + (Old.super_ === E)`, "7 true"},
	{"_events shape", `const E = require('events'); const e = new E(); const f = () => {}; e.on('a', f); const one = typeof e._events.a; e.on('a', f); return one + ' ' + Array.isArray(e._events.a) + ' ' + e._eventsCount`, "function true 1"},
	{"listener type error", `const E = require('events'); try { new E().on('x', 5) } catch (e) { return e.message }`, `The "listener" argument must be of type function. Received type number (5)`},
	{"static listenerCount", `const E = require('events'); const e = new E(); e.on('a', () => {}); return E.listenerCount(e, 'a')`, "1"},
}

var eventsAsyncTests = []jsTest{
	{"events.once", `const E = require('events'); const e = new E(); setTimeout(() => e.emit('ready', 1, 2), 1); const args = await E.once(e, 'ready'); done(args.join())`, "1,2"},
	{"events.once rejects on error", `const E = require('events'); const e = new E(); setTimeout(() => e.emit('error', new Error('bad')), 1); try { await E.once(e, 'ready') } catch (err) { done(err.message + ' ' + e.listenerCount('ready')) }`, "bad 0"},
	{"events.on iterator", `const E = require('events'); const e = new E(); const it = E.on(e, 'v'); setTimeout(() => { e.emit('v', 1); e.emit('v', 2) }, 1); const a = await it.next(); const b = await it.next(); await it.return(); done(a.value[0] + ',' + b.value[0] + ',' + e.listenerCount('v'))`, "1,2,0"},
	{"captureRejections", `const E = require('events'); const e = new E({ captureRejections: true }); e.on('x', async () => { throw new Error('async boom') }); e.on('error', (err) => done('caught ' + err.message)); e.emit('x')`, "caught async boom"},
}

func TestEvents(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, eventsTests)
	runAsyncTable(t, iso, eventsAsyncTests)
}
