package node

import "testing"

// A helper JS prelude: drain(stream) collects 'data' until 'end'.
const streamPrelude = `const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = require('stream');
function collect(r) { return new Promise((res, rej) => { const out = []; r.on('data', (c) => out.push(c)); r.on('end', () => res(out)); r.on('error', rej); }); }
function iterate(stream, fn) { const it = stream[Symbol.asyncIterator](); const step = () => it.next().then((r) => { if (r.done) return; fn(r.value); return step(); }); return step(); }
`

var streamAsyncTests = []jsTest{
	{"readable push and data", `const r = new Readable({ read() {} }); r.push('a'); r.push('b'); r.push(null); const out = await collect(r); done(out.map(String).join() + ' ' + Buffer.isBuffer(out[0]))`, "a,b true"},
	{"readable _read on demand", `let n = 0; const r = new Readable({ read() { n++; this.push(n <= 3 ? String(n) : null) } }); const out = await collect(r); done(out.join(''))`, "123"},
	{"setEncoding", `const r = new Readable({ read() {} }); r.setEncoding('utf8'); const euro = Buffer.from('€'); r.push(euro.subarray(0, 2)); r.push(euro.subarray(2)); r.push(null); const out = await collect(r); done(out.join('|') + ' ' + typeof out[0])`, "€ string"},
	{"paused mode readable event", `const r = new Readable({ read() {} }); r.push('x'); r.push('y'); r.push(null); let s = ''; r.on('readable', () => { let c; while ((c = r.read()) !== null) s += c; }); r.on('end', () => done(s))`, "xy"},
	{"read(n)", `const r = new Readable({ read() {} }); r.push('hello'); r.push(null); r.once('readable', () => { done(String(r.read(2)) + String(r.read(10)) + r.read()) })`, "hellonull"},
	{"object mode", `const r = new Readable({ objectMode: true, read() {} }); r.push({ a: 1 }); r.push(2); r.push(null); const out = await collect(r); done(JSON.stringify(out))`, `[{"a":1},2]`},
	{"push backpressure", `const r = new Readable({ highWaterMark: 4, read() {} }); const a = r.push('ab'); const b = r.push('cd'); done(a + ' ' + b + ' ' + r.readableLength)`, "true false 4"},
	{"writable write/finish order", `const log = []; const w = new Writable({ write(chunk, enc, cb) { log.push('w:' + chunk); setTimeout(cb, 1) }, final(cb) { log.push('final'); cb() } }); w.write('a'); w.write('b', () => log.push('cb-b')); w.end('c', () => log.push('end-cb')); w.on('finish', () => { log.push('finish'); }); w.on('close', () => done(log.join()))`, "w:a,w:b,w:c,cb-b,final,end-cb,finish"},
	{"writable backpressure and drain", `const w = new Writable({ highWaterMark: 3, write(c, e, cb) { setTimeout(cb, 1) } }); const r1 = w.write('ab'); const r2 = w.write('cd'); w.on('drain', () => done(r1 + ' ' + r2 + ' drained ' + w.writableLength))`, "true false drained 0"},
	{"writev batches", `const batches = []; const w = new Writable({ write(c, e, cb) { batches.push(1); setTimeout(cb, 1) }, writev(chunks, cb) { batches.push(chunks.length); setTimeout(cb, 1) } }); w.write('a'); w.write('b'); w.write('c'); w.end(); w.on('finish', () => done(batches.join()))`, "1,2"},
	{"write after end", `const w = new Writable({ write(c, e, cb) { cb() } }); w.end(); w.on('error', (e) => done(e.code)); w.write('x')`, "ERR_STREAM_WRITE_AFTER_END"},
	{"write error destroys", `const w = new Writable({ write(c, e, cb) { cb(new Error('disk full')) } }); w.on('error', (e) => done(e.message + ' ' + w.destroyed)); w.write('x')`, "disk full true"},
	{"string decodeStrings false", `const w = new Writable({ decodeStrings: false, write(c, e, cb) { done(typeof c + ' ' + e); cb() } }); w.write('hi', 'utf8')`, "string utf8"},
	{"transform", `const up = new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()) }, flush(cb) { this.push('!'); cb() } }); const out = collect(up); up.write('ab'); up.end('c'); done((await out).join(''))`, "ABC!"},
	{"passthrough pipe", `const r = Readable.from(['x', 'y', 'z']); const p = new PassThrough({ objectMode: true }); r.pipe(p); done((await collect(p)).join(''))`, "xyz"},
	{"pipe backpressure", `let reads = 0; const r = new Readable({ highWaterMark: 2, read() { reads++; if (reads > 20) this.push(null); else this.push('x') } }); let maxBuffered = 0; const w = new Writable({ highWaterMark: 2, write(c, e, cb) { maxBuffered = Math.max(maxBuffered, r.readableLength); setTimeout(cb, 0) } }); r.pipe(w); w.on('finish', () => done(reads + ' ' + (maxBuffered <= 2)))`, "21 true"},
	{"pipeline callback", `const src = Readable.from(['a', 'b']); const t = new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c + c) } }); const got = []; const dst = new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb() } }); pipeline(src, t, dst, (err) => done(String(err) + ' ' + got.join()))`, "undefined aa,bb"},
	{"pipeline error destroys all", `const src = new Readable({ read() {} }); const dst = new Writable({ write(c, e, cb) { cb(new Error('boom')) } }); pipeline(src, dst, (err) => done(err.message + ' ' + src.destroyed + ' ' + dst.destroyed)); src.push('x')`, "boom true true"},
	{"pipeline promise", `const pipelineP = require('stream/promises').pipeline; const got = []; await pipelineP(Readable.from([1, 2, 3]), new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb() } })); done(got.join())`, "1,2,3"},
	{"pipeline with function stage", `const pipelineP = require('stream/promises').pipeline; const got = []; await pipelineP(Readable.from(['a', 'b']), (source) => ({ [Symbol.asyncIterator]() { const it = source[Symbol.asyncIterator](); return { next: () => it.next().then((r) => r.done ? r : { value: r.value.toUpperCase(), done: false }) } } }), new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb() } })); done(got.join())`, "A,B"},
	{"pipeline final function returns value", `const pipelineP = require('stream/promises').pipeline; const v = await pipelineP(Readable.from(['a', 'b', 'c']), async (source) => { let s = ''; const it = source[Symbol.asyncIterator](); for (;;) { const r = await it.next(); if (r.done) break; s += r.value } return s }); done(v)`, "abc"},
	{"Readable.from async iterable", `let i = 0; const src = { [Symbol.asyncIterator]() { return { next: () => Promise.resolve(i < 3 ? { value: 'v' + i++, done: false } : { done: true }) } } }; done((await collect(Readable.from(src))).join())`, "v0,v1,v2"},
	{"Readable.from string whole", `done((await collect(Readable.from('hello'))).join('|'))`, "hello"},
	{"async iteration", `const r = Readable.from([1, 2, 3]); const got = []; await iterate(r, (v) => got.push(v)); done(got.join() + ' ' + r.destroyed)`, "1,2,3 true"},
	{"async iteration bytes", `const r = new Readable({ read() {} }); r.push('ab'); r.push('cd'); r.push(null); let s = ''; await iterate(r, (c) => s += c); done(s)`, "abcd"},
	{"async iteration early return destroys", `const r = new Readable({ read() { this.push('x') } }); const it = r[Symbol.asyncIterator](); await it.next(); await it.return(); done(String(r.destroyed))`, "true"},
	{"async iteration error", `const r = new Readable({ read() { this.destroy(new Error('bad')) } }); try { await iterate(r, () => {}) } catch (e) { done(e.message) }`, "bad"},
	{"finished", `const r = Readable.from(['a']); r.resume(); finished(r, (err) => done('finished ' + err))`, "finished undefined"},
	{"finished premature close", `const r = new Readable({ read() {} }); finished(r, (err) => done(err.code)); r.destroy()`, "ERR_STREAM_PREMATURE_CLOSE"},
	{"destroy emits close", `const r = new Readable({ read() {} }); const log = []; r.on('error', (e) => log.push('error:' + e.message)); r.on('close', () => done(log.concat('close').join())); r.destroy(new Error('x'))`, "error:x,close"},
	{"duplex", `const d = new Duplex({ read() {}, write(c, e, cb) { this.push(String(c).toUpperCase()); cb() }, final(cb) { this.push(null); cb() } }); const out = collect(d); d.write('a'); d.end('b'); done((await out).join('') + ' ' + (d instanceof Writable) + (d instanceof Readable))`, "AB truetrue"},
	{"writable instanceof", `return done([new Writable() instanceof Writable, new Readable() instanceof Writable, new Transform() instanceof Writable].join())`, "true,false,true"},
	{"util.inherits subclass", `const util = require('util'); function Upper(opts) { Transform.call(this, opts) } util.inherits(Upper, Transform); Upper.prototype._transform = function (c, e, cb) { cb(null, String(c).toUpperCase()) }; const u = new Upper(); const out = collect(u); u.end('abc'); done((await out).join(''))`, "ABC"},
	{"class subclass", `class Counter extends Readable { constructor() { super(); this.n = 0 } _read() { this.n++; this.push(this.n > 2 ? null : String(this.n)) } } done((await collect(new Counter())).join(''))`, "12"},
	{"construct", `const log = []; const w = new Writable({ construct(cb) { log.push('construct'); setTimeout(cb, 1) }, write(c, e, cb) { log.push('write:' + c); cb() } }); w.write('a'); log.push('sync'); w.end(() => done(log.join()))`, "sync,construct,write:a"},
	{"toArray and map", `const arr = await Readable.from([1, 2, 3]).map((x) => x * 10).filter((x) => x > 10).toArray(); done(arr.join())`, "20,30"},
	{"consumers text", `const { text, json } = require('stream/consumers'); const t = await text(Readable.from([Buffer.from('{"a"'), Buffer.from(':1}')])); const j = await json(Readable.from(['[1]'])); done(t + ' ' + j[0])`, `{"a":1} 1`},
	{"events.once on stream", `const { once } = require('events'); const r = new Readable({ read() {} }); setTimeout(() => { r.push('q'); }, 1); const [chunk] = await once(r, 'data'); done(String(chunk))`, "q"},
	{"readable error without listener is reported to finished", `const r = new Readable({ read() {} }); finished(r, (err) => done(err.message)); r.destroy(new Error('E'))`, "E"},
	{"web round trip", `const rs = Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('c')])); const back = Readable.fromWeb(rs); done((await collect(back)).map(String).join(''))`, "abc"},
}

func TestStream(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	tests := make([]jsTest, len(streamAsyncTests))
	for i, tt := range streamAsyncTests {
		tt.src = streamPrelude + tt.src
		tests[i] = tt
	}
	runAsyncTable(t, iso, tests)
}
