package timers_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/timers"
)

// Exceptions without an "error" listener go to the isolate's logger; the
// tests that throw on purpose keep them out of the test output.
func quiet(iso *runtime.Isolate) { events.OnUncaught(iso, func(goja.Value, bool) {}) }

func edge(iso *runtime.Isolate) {
	events.Install(iso)
	timers.Install(iso)
	quiet(iso)
}

func browser(iso *runtime.Isolate) {
	events.Install(iso)
	events.MakeGlobalEventTarget(iso)
	timers.Install(iso, timers.Options{StringHandlers: true, ReportError: true, Immediate: true})
}

// sleep is a helper snippet: a promise resolved by a timer.
const sleep = `const sleep = ms => new Promise(r => setTimeout(r, ms));`

var timerTests = []eventstest.Case{
	{"ids are positive and distinct", `const a = setTimeout(() => {}), b = setInterval(() => {}, 10); clearInterval(b); return [typeof a, a > 0, b > a].join()`, "number,true,true"},
	{"order by timeout then creation", sleep + `const log = []; setTimeout(() => log.push("c"), 20); setTimeout(() => log.push("a"), 0); setTimeout(() => log.push("b"), 0); await sleep(40); return log.join()`, "a,b,c"},
	{"arguments and this", `return await new Promise(r => setTimeout(function (x, y) { r([x, y, this === globalThis].join()) }, 0, 1, 2))`, "1,2,true"},
	{"clearTimeout", sleep + `let n = 0; const id = setTimeout(() => n++, 0); clearTimeout(id); await sleep(5); return n`, "0"},
	{"clearInterval clears a timeout", sleep + `let n = 0; const id = setTimeout(() => n++, 0); clearInterval(id); await sleep(5); return n`, "0"},
	{"clear unknown ids", `clearTimeout(); clearTimeout(12345); clearInterval("x"); clearTimeout(null); return "ok"`, "ok"},
	{"interval cleared inside its callback", sleep + `let n = 0; const id = setInterval(() => { if (++n === 3) clearInterval(id) }, 0); await sleep(50); return n`, "3"},
	{"interval keeps its id", sleep + `const ids = []; let id; id = setInterval(() => { ids.push(id); if (ids.length === 2) clearInterval(id) }, 1); await sleep(30); return ids[0] === ids[1] && ids[0] === id`, "true"},
	{"negative and huge timeouts", sleep + `const log = []; setTimeout(() => log.push("neg"), -5); setTimeout(() => log.push("wrap"), 2 ** 32); await sleep(5); return log.join()`, "neg,wrap"},
	{"string handler is EvalError", `try { setTimeout("globalThis.x = 1") } catch (e) { return e.constructor.name + ": " + e.message }`, "EvalError: Code generation from strings disallowed for this context"},
	{"callback exception does not stop others", sleep + `const log = []; setTimeout(() => { throw new Error("x") }); setTimeout(() => log.push("next")); await sleep(5); return log.join()`, "next"},
	{"microtasks before timers", sleep + `const log = []; setTimeout(() => log.push("t")); queueMicrotask(() => log.push("m1")); Promise.resolve().then(() => log.push("p")); queueMicrotask(() => log.push("m2")); await sleep(5); return log.join()`, "m1,p,m2,t"},
	{"microtask from timer runs before next timer", sleep + `const log = []; setTimeout(() => { log.push("t1"); queueMicrotask(() => log.push("m")) }); setTimeout(() => log.push("t2")); await sleep(5); return log.join()`, "t1,m,t2"},
	{"queueMicrotask needs a function", `try { queueMicrotask({}) } catch (e) { return e.message }`, "Failed to execute 'queueMicrotask' on 'Window': The callback provided as parameter 1 is not a function."},
	{"queueMicrotask no arguments", `try { queueMicrotask() } catch (e) { return e.message }`, "Failed to execute 'queueMicrotask' on 'Window': 1 argument required, but only 0 present."},
	{"queueMicrotask this", `return await new Promise(r => queueMicrotask(function () { "use strict"; r(this) }))`, "undefined"},
	{"no reportError in edge", `return typeof reportError + typeof setImmediate`, "undefinedundefined"},
}

func TestTimers(t *testing.T) { eventstest.Run(t, timerTests, edge) }

var browserTests = []eventstest.Case{
	{"string handler runs", sleep + `setTimeout("globalThis.x = 42"); await sleep(5); return globalThis.x`, "42"},
	{"timer exception fires error at global", sleep + `let seen; addEventListener("error", e => { seen = e.message + "|" + e.error.message; e.preventDefault() }); setTimeout(() => { throw new Error("boom") }); await sleep(5); return seen`, "Uncaught Error: boom|boom"},
	{"microtask exception is reported", `return await new Promise(r => { addEventListener("error", e => { e.preventDefault(); r(e.error) }); queueMicrotask(() => { throw "oops" }) })`, "oops"},
	{"reportError", `let seen; onerror = (msg, file, line, col, err) => { seen = [msg, err].join("|"); return true }; reportError(new TypeError("t")); return seen`, "Uncaught TypeError: t|TypeError: t"},
	{"reportError needs an argument", `try { reportError() } catch (e) { return e.constructor.name }`, "TypeError"},
	{"setImmediate and clearImmediate", sleep + `const log = []; setImmediate((a) => log.push("i" + a), 1); const c = setImmediate(() => log.push("x")); clearImmediate(c); await sleep(5); return log.join()`, "i1"},
}

func TestBrowserProfile(t *testing.T) { eventstest.Run(t, browserTests, browser) }
