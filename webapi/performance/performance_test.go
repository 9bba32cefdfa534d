package performance_test

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/performance"
	"github.com/edgerun/edgerun/webapi/structuredclone"
	"github.com/edgerun/edgerun/webapi/timers"
)

func install(iso *runtime.Isolate) {
	events.Install(iso)
	timers.Install(iso)
	performance.Install(iso)
	structuredclone.Install(iso)
}

var performanceTests = []eventstest.Case{
	{"now is monotonic and non-negative", `const a = performance.now(), b = performance.now(); return [typeof a, a >= 0, b >= a].join()`, "number,true,true"},
	{"now advances with timers", `const a = performance.now(); await new Promise(r => setTimeout(r, 2)); return performance.now() > a`, "true"},
	{"timeOrigin is near Date.now", `return Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000`, "true"},
	{"toJSON", `return JSON.stringify(Object.keys(performance.toJSON())) + (performance.toJSON().timeOrigin === performance.timeOrigin)`, `["timeOrigin"]true`},
	{"is an EventTarget", `let n = 0; performance.addEventListener("x", () => n++); performance.dispatchEvent(new Event("x")); return [n, performance instanceof EventTarget, Object.prototype.toString.call(performance)].join()`, "1,true,[object Performance]"},
	{"not constructible", `try { new Performance() } catch (e) { return e.message }`, "Illegal constructor"},
	{"replaceable", `const d = Object.getOwnPropertyDescriptor(globalThis, "performance"); performance = 5; return [typeof d.get, typeof d.set, performance].join()`, "function,function,5"},
	{"event timeStamp shares the origin", `const e = new Event("x"); const n = performance.now(); return e.timeStamp <= n && e.timeStamp >= 0`, "true"},
	{"mark", `const m = performance.mark("a", {detail: {x: 1}}); return [m instanceof PerformanceMark, m.name, m.entryType, m.duration, m.detail.x, performance.getEntriesByName("a")[0] === m].join()`, "true,a,mark,0,1,true"},
	{"mark startTime", `const m = new PerformanceMark("b", {startTime: 12.5}); return [m.startTime, performance.getEntries().length, m.detail].join()`, "12.5,0,"},
	{"mark detail is cloned", `const d = {x: 1}; const m = performance.mark("c", {detail: d}); d.x = 2; return [m.detail.x, m.detail === m.detail].join()`, "1,true"},
	{"negative startTime", `try { performance.mark("n", {startTime: -1}) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"bad mark options", `return [1, "s", NaN].map(o => { try { performance.mark("m", o); return "ok" } catch (e) { return e.constructor.name } }).join()`, "TypeError,TypeError,TypeError"},
	{"uncloneable detail", `try { performance.mark("u", {detail: () => 1}) } catch (e) { return e.name }`, "DataCloneError"},
	{"measure between marks", `performance.mark("s", {startTime: 10}); performance.mark("e", {startTime: 25}); const m = performance.measure("m", "s", "e"); return [m.entryType, m.startTime, m.duration].join()`, "measure,10,15"},
	{"measure with options", `performance.mark("s", {startTime: 10}); const a = performance.measure("a", {start: "s", duration: 5}); const b = performance.measure("b", {end: 30, duration: 5, detail: "d"}); return [a.startTime, a.duration, b.startTime, b.duration, b.detail].join()`, "10,5,25,5,d"},
	{"measure defaults", `const m = performance.measure("all"); return [m.startTime, m.duration > 0 || m.duration === 0].join()`, "0,true"},
	{"measure missing mark", `try { performance.measure("m", "nope") } catch (e) { return e.name + ": " + e.message }`, "SyntaxError: Failed to execute 'measure' on 'Performance': The mark 'nope' does not exist."},
	{"measure option errors", `return [[{start: 1}, 2], [{detail: 1}], [{start: 1, end: 2, duration: 1}]].map(a => { try { performance.measure("x", ...a); return "ok" } catch (e) { return e.constructor.name } }).join()`, "TypeError,TypeError,TypeError"},
	{"entries sorted and filtered", `performance.mark("late", {startTime: 50}); performance.mark("early", {startTime: 5}); performance.measure("ms", {start: 1, end: 2}); return [performance.getEntries().map(e => e.name).join(), performance.getEntriesByType("mark").length, performance.getEntriesByName("ms", "mark").length].join("|")`, "ms,early,late|2|0"},
	{"clear", `performance.mark("a"); performance.mark("b"); performance.measure("m"); performance.clearMarks("a"); const n1 = performance.getEntries().length; performance.clearMarks(); performance.clearMeasures(); return n1 + "," + performance.getEntries().length`, "2,0"},
	{"entry toJSON", `const j = new PerformanceMark("j", {startTime: 1, detail: 2}).toJSON(); return JSON.stringify(j)`, `{"name":"j","entryType":"mark","startTime":1,"duration":0}`},
	{"observer sees marks in a task", `const got = []; const o = new PerformanceObserver((list, obs, opts) => got.push(list.getEntries().map(e => e.name).join("+") + ":" + (obs === o) + ":" + opts.droppedEntriesCount)); o.observe({type: "mark"}); performance.mark("a"); performance.mark("b"); performance.measure("m"); const sync = got.length; await new Promise(r => setTimeout(r, 5)); return sync + "|" + got.join()`, "0|a+b:true:0"},
	{"entryTypes and takeRecords", `const o = new PerformanceObserver(() => {}); o.observe({entryTypes: ["measure", "bogus"]}); performance.mark("x"); performance.measure("y"); const r = o.takeRecords(); return [r.length, r[0].name, o.takeRecords().length].join()`, "1,y,0"},
	{"buffered", `performance.mark("early"); return await new Promise(r => new PerformanceObserver(l => r(l.getEntriesByName("early").length)).observe({type: "mark", buffered: true}))`, "1"},
	{"disconnect", `let n = 0; const o = new PerformanceObserver(() => n++); o.observe({type: "mark"}); o.disconnect(); performance.mark("z"); await new Promise(r => setTimeout(r, 5)); return n`, "0"},
	{"observe errors", `const o = new PerformanceObserver(() => {}); const r = []; for (const a of [{}, {type: "mark", entryTypes: ["mark"]}, {entryTypes: ["mark"], buffered: true}]) { try { o.observe(a); r.push("ok") } catch (e) { r.push(e.name) } } o.observe({entryTypes: ["mark"]}); try { o.observe({type: "mark"}) } catch (e) { r.push(e.name) } return r.join()`, "TypeError,TypeError,TypeError,InvalidModificationError"},
	{"supportedEntryTypes", `const s = PerformanceObserver.supportedEntryTypes; return [s.join(), s === PerformanceObserver.supportedEntryTypes, Object.isFrozen(s)].join()`, "mark,measure,true,true"},
}

func TestPerformance(t *testing.T) { eventstest.Run(t, performanceTests, install) }
