package node

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is an io.Writer safe for the isolate goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var processTests = []jsTest{
	{"env", `return process.env.FOO + ' ' + process.env.MISSING + ' ' + ('FOO' in process.env) + ' ' + Object.keys(process.env).join()`, "bar undefined true FOO,NEXT_PUBLIC_X"},
	{"env coerces and deletes", `process.env.N = 5; const t = typeof process.env.N; delete process.env.N; return t + ' ' + process.env.N`, "string undefined"},
	{"env spread and own props", `const copy = { ...process.env }; return copy.FOO + ' ' + process.env.hasOwnProperty('FOO') + ' ' + JSON.stringify(Object.entries(process.env).length)`, "bar true 2"},
	{"env is not the host env", `return process.env.PATH === undefined`, "true"},
	{"cwd", `return process.cwd()`, "/srv/project"},
	{"version", `return process.version + ' ' + process.versions.node + ' ' + process.release.name`, "v20.19.0 20.19.0 node"},
	{"platform arch", `return typeof process.platform + typeof process.arch + typeof process.pid`, "stringstringnumber"},
	{"argv", `return process.argv.join(' ')`, "node /srv/project"},
	{"exit throws", `try { process.exit(1) } catch (e) { return e.code + ': ' + e.message }`, "ERR_NOT_SUPPORTED: edgerun: node:process.exit is not supported (process.exit(1) was called; an API route cannot stop the server)"},
	{"chdir throws", `try { process.chdir('/') } catch (e) { return e.code }`, "ERR_NOT_SUPPORTED"},
	{"hrtime", `const a = process.hrtime(); const d = process.hrtime(a); return Array.isArray(a) + ' ' + a.length + ' ' + (d[0] >= 0) + ' ' + typeof process.hrtime.bigint()`, "true 2 true bigint"},
	{"memoryUsage", `const m = process.memoryUsage(); return typeof m.rss + typeof m.heapUsed + typeof process.memoryUsage.rss()`, "numbernumbernumber"},
	{"uptime", `return process.uptime() >= 0`, "true"},
	{"is an EventEmitter", `let got; process.once('custom', (v) => got = v); process.emit('custom', 7); return got + ' ' + (process instanceof require('events'))`, "7 true"},
	{"toStringTag", `return Object.prototype.toString.call(process)`, "[object process]"},
	{"global", `return (global === globalThis) + ' ' + (typeof Buffer) + ' ' + (typeof setImmediate)`, "true function function"},
	{"stdout", `process.stdout.write('out-line\n'); process.stderr.write(Buffer.from('err-line\n')); return process.stdout.isTTY + ' ' + typeof process.stdout.on`, "false function"},
	{"process module is global", `return require('process') === process`, "true"},
}

var processAsyncTests = []jsTest{
	{"nextTick order", `const log = []; setTimeout(() => log.push('timer'), 0); process.nextTick(() => { log.push('tick1'); process.nextTick(() => log.push('tick3')) }); process.nextTick((a, b) => log.push('tick2:' + a + b), 'x', 'y'); Promise.resolve().then(() => log.push('promise')); setTimeout(() => done(log.join()), 5)`, "tick1,tick2:xy,tick3,promise,timer"},
	{"emitWarning", `process.once('warning', (w) => done(w.name + ': ' + w.message + ' ' + w.code)); process.emitWarning('careful', 'CustomWarning', 'C01')`, "CustomWarning: careful C01"},
	{"uncaughtException from timer", `process.once('uncaughtException', (e) => done('caught ' + e.message)); setTimeout(() => { throw new Error('timer boom') }, 1)`, "caught timer boom"},
}

func TestProcess(t *testing.T) {
	out := &syncBuffer{}
	iso := newTestIsolate(t, Options{Dir: "/srv/project", Env: map[string]string{"FOO": "bar", "NEXT_PUBLIC_X": "1"}, Stdout: out, Stderr: out})
	runTable(t, iso, processTests)
	runAsyncTable(t, iso, processAsyncTests)
	if s := out.String(); !strings.Contains(s, "out-line\n") || !strings.Contains(s, "err-line\n") || !strings.Contains(s, "CustomWarning: careful") {
		t.Errorf("stdout/stderr got %q", s)
	}
}

var timersAsyncTests = []jsTest{
	{"timeout object", `const t = setTimeout(() => {}, 1000); const r = [typeof t, t.hasRef(), t.unref() === t, t.hasRef(), typeof t[Symbol.toPrimitive](), +t > 0]; clearTimeout(t); done(r.join())`, "object,true,true,false,number,true"},
	{"clear by number", `let fired = false; const t = setTimeout(() => { fired = true }, 5); clearTimeout(+t); setTimeout(() => done(String(fired)), 20)`, "false"},
	{"args and this", `setTimeout(function (a, b) { done(a + b + (this && typeof this.ref)) }, 1, 'x', 'y')`, "xyfunction"},
	{"interval", `let n = 0; const i = setInterval(() => { if (++n === 3) { clearInterval(i); done(String(n)) } }, 1)`, "3"},
	{"refresh", `let n = 0; const t = setTimeout(() => { n++; if (n === 1) t.refresh(); else done(String(n)) }, 1)`, "2"},
	{"setImmediate", `const log = []; setImmediate((v) => { log.push('imm' + v); done(log.join()) }, 1); log.push('sync')`, "sync,imm1"},
	{"clearImmediate", `let fired = false; clearImmediate(setImmediate(() => { fired = true })); setTimeout(() => done(String(fired)), 5)`, "false"},
	{"timers/promises", `const tp = require('timers/promises'); const v = await tp.setTimeout(1, 'value'); const w = await tp.setImmediate('imm'); done(v + ' ' + w)`, "value imm"},
	{"timers/promises abort", `const tp = require('timers/promises'); const ac = new AbortController(); const p = tp.setTimeout(1000, 'x', { signal: ac.signal }); ac.abort(); try { await p } catch (e) { done(e.name + ' ' + e.code) }`, "AbortError ABORT_ERR"},
	{"timers/promises interval", `const tp = require('timers/promises'); const it = tp.setInterval(1, 'tick'); const a = await it.next(); const b = await it.next(); await it.return(); done(a.value + b.value)`, "ticktick"},
	{"require timers", `const t = require('timers'); done(String(t.setTimeout === setTimeout))`, "true"},
}

func TestEmitProcessEvent(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	_ = iso.Do(func() error {
		vm := iso.VM()
		if EmitProcessEvent(iso, "unhandledRejection", vm.ToValue("r")) {
			t.Error("emitted before process was loaded")
		}
		if _, err := vm.RunString(`globalThis.seen = []; process.on('unhandledRejection', (r) => seen.push(r))`); err != nil {
			return err
		}
		if !EmitProcessEvent(iso, "unhandledRejection", vm.ToValue("r1")) {
			t.Error("listener not reported")
		}
		if EmitProcessEvent(iso, "other") {
			t.Error("event without listeners reported as handled")
		}
		if got := vm.Get("seen").String(); got != "r1" {
			t.Errorf("seen = %q", got)
		}
		return nil
	})
}

func TestAsyncIteratorSymbol(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	if got := run(t, iso, `return typeof Symbol.asyncIterator + ' ' + (Symbol.asyncIterator === Symbol.for('Symbol.asyncIterator') || Symbol.asyncIterator.description === 'Symbol.asyncIterator')`); got != "symbol true" {
		t.Fatalf("got %q", got)
	}
}

func TestTimers(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runAsyncTable(t, iso, timersAsyncTests)
}

var asyncHooksTests = []jsTest{
	{"run and getStore", `const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage(); const r = als.run({ id: 1 }, () => als.getStore().id); done(r + ' ' + als.getStore())`, "1 undefined"},
	{"propagates through await", `const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage(); const seen = []; const work = async (id) => { await null; await new Promise((r) => setTimeout(r, 2)); seen.push(id + '=' + als.getStore()) }; await Promise.all([als.run('a', () => work('a')), als.run('b', () => work('b'))]); done(seen.sort().join())`, "a=a,b=b"},
	{"propagates through timers and nextTick", `const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage(); als.run('ctx', () => { setTimeout(() => { process.nextTick(() => { setImmediate(() => done(als.getStore())) }) }, 1) })`, "ctx"},
	{"propagates through fs callbacks", `const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage(); als.run('io', () => { require('fs').stat('.', () => done(als.getStore())) })`, "io"},
	{"nested and exit", `const { AsyncLocalStorage } = require('async_hooks'); const a = new AsyncLocalStorage(), b = new AsyncLocalStorage(); a.run(1, () => b.run(2, () => a.run(3, () => done([a.getStore(), b.getStore(), a.exit(() => a.getStore())].join()))))`, "3,2,"},
	{"enterWith", `const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage(); await Promise.resolve().then(() => { als.enterWith('entered'); return Promise.resolve().then(() => done(als.getStore())) })`, "entered"},
	{"AsyncResource", `const { AsyncLocalStorage, AsyncResource } = require('async_hooks'); const als = new AsyncLocalStorage(); let bound; als.run('res', () => { bound = AsyncResource.bind(() => als.getStore()) }); done(bound())`, "res"},
	{"snapshot", `const { AsyncLocalStorage } = require('async_hooks'); const als = new AsyncLocalStorage(); const snap = als.run('s', () => AsyncLocalStorage.snapshot()); done(snap(() => als.getStore()))`, "s"},
	{"createHook unsupported", `try { require('async_hooks').createHook({}) } catch (e) { done(e.message) }`, "edgerun: node:async_hooks.createHook is not supported"},
}

func TestAsyncHooks(t *testing.T) {
	iso := newTestIsolate(t, Options{Dir: t.TempDir()})
	runAsyncTable(t, iso, asyncHooksTests)
}
