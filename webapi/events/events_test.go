package events_test

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
)

func install(iso *runtime.Isolate) {
	events.Install(iso)
	events.MakeGlobalEventTarget(iso)
}

var domExceptionTests = []eventstest.Case{
	{"defaults", `const e = new DOMException(); return [e.name, e.message, e.code].join("|")`, "Error||0"},
	{"name and code", `const e = new DOMException("m", "NotSupportedError"); return [e.name, e.message, e.code, DOMException.NOT_SUPPORTED_ERR].join("|")`, "NotSupportedError|m|9|9"},
	{"every legacy code", `return ["IndexSizeError","HierarchyRequestError","WrongDocumentError","InvalidCharacterError","NoModificationAllowedError","NotFoundError","NotSupportedError","InUseAttributeError","InvalidStateError","SyntaxError","InvalidModificationError","NamespaceError","InvalidAccessError","TypeMismatchError","SecurityError","NetworkError","AbortError","URLMismatchError","QuotaExceededError","TimeoutError","InvalidNodeTypeError","DataCloneError","EncodingError"].map(n => new DOMException("", n).code).join()`,
		"1,3,4,5,7,8,9,10,11,12,13,14,15,17,18,19,20,21,22,23,24,25,0"},
	{"constants", `return [DOMException.DATA_CLONE_ERR, DOMException.prototype.ABORT_ERR, DOMException.DOMSTRING_SIZE_ERR, DOMException.VALIDATION_ERR].join()`, "25,20,2,16"},
	{"error prototype", `return Object.getPrototypeOf(DOMException.prototype) === Error.prototype && Object.getPrototypeOf(DOMException) === Function.prototype`, "true"},
	{"instanceof Error", `return new DOMException("x") instanceof Error`, "true"},
	{"toString", `return String(new DOMException("boom", "AbortError"))`, "AbortError: boom"},
	{"not own props", `const e = new DOMException("m", "n"); return [e.hasOwnProperty("name"), e.hasOwnProperty("message"), e.hasOwnProperty("code"), typeof e.stack].join()`, "false,false,false,string"},
	{"stack", `function thrower() { throw new DOMException("msg", "InvalidStateError") } try { thrower() } catch (e) { return e.stack.split("\n").slice(0, 2).join("|").replace(/\(.*\)/, "()") }`, "InvalidStateError: msg|\tat thrower ()"},
	{"toStringTag", `return Object.prototype.toString.call(new DOMException())`, "[object DOMException]"},
	{"getter brand check", `try { Object.getOwnPropertyDescriptor(DOMException.prototype, "code").get.call({}) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"call without new", `try { DOMException() } catch (e) { return e.constructor.name }`, "TypeError"},
	{"subclass", `class My extends DOMException { constructor() { super("m", "AbortError") } } const m = new My(); return m.name + (m instanceof DOMException) + (m instanceof My)`, "AbortErrortruetrue"},
}

func TestDOMException(t *testing.T) { eventstest.Run(t, domExceptionTests, install) }

var eventTests = []eventstest.Case{
	{"defaults", `const e = new Event("x"); return [e.type, e.bubbles, e.cancelable, e.composed, e.eventPhase, e.target, e.defaultPrevented, e.isTrusted, typeof e.timeStamp].join()`, "x,false,false,false,0,,false,false,number"},
	{"init dict", `const e = new Event("x", {bubbles: true, cancelable: 1}); return [e.bubbles, e.cancelable].join()`, "true,true"},
	{"requires type", `try { new Event() } catch (e) { return e.message }`, "Failed to construct 'Event': 1 argument required, but only 0 present."},
	{"isTrusted unforgeable", `const a = Object.getOwnPropertyDescriptor(new Event("x"), "isTrusted"), b = Object.getOwnPropertyDescriptor(new Event("y"), "isTrusted"); return [typeof a.get, a.get === b.get, a.configurable].join()`, "function,true,false"},
	{"preventDefault", `const e = new Event("x", {cancelable: true}); e.preventDefault(); return [e.defaultPrevented, e.returnValue].join()`, "true,false"},
	{"preventDefault not cancelable", `const e = new Event("x"); e.preventDefault(); return e.defaultPrevented`, "false"},
	{"cancelBubble", `const e = new Event("x"); e.cancelBubble = false; const a = e.cancelBubble; e.cancelBubble = true; return [a, e.cancelBubble].join()`, "false,true"},
	{"constants", `return [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, new Event("x").AT_TARGET].join()`, "0,1,2,3,2"},
	{"initEvent", `const e = new Event("x"); e.initEvent("y", true, true); return [e.type, e.bubbles, e.cancelable].join()`, "y,true,true"},
	{"custom event", `const e = new CustomEvent("c", {detail: {a: 1}}); return [e.detail.a, e instanceof Event, new CustomEvent("d").detail].join()`, "1,true,"},
	{"custom event null detail", `return new CustomEvent("d").detail === null`, "true"},
	{"error event", `const e = new ErrorEvent("error", {message: "m", lineno: 3, error: 5}); return [e.message, e.filename, e.lineno, e.colno, e.error, new ErrorEvent("e").error].join()`, "m,,3,0,5,"},
	{"promise rejection event", `const p = Promise.resolve(); const e = new PromiseRejectionEvent("x", {promise: p, reason: 1}); return [e.promise === p, e.reason].join()`, "true,1"},
	{"promise rejection event needs promise", `try { new PromiseRejectionEvent("x", {}) } catch (e) { return e.constructor.name }`, "TypeError"},
}

func TestEvent(t *testing.T) { eventstest.Run(t, eventTests, install) }

var targetTests = []eventstest.Case{
	{"order and phases", `const t = new EventTarget(); const log = [];
		t.addEventListener("x", () => log.push("b1"));
		t.addEventListener("x", () => log.push("c1"), true);
		t.addEventListener("x", { handleEvent(e) { log.push("obj" + e.eventPhase + (this !== t)) } });
		t.addEventListener("x", () => log.push("c2"), {capture: true});
		t.dispatchEvent(new Event("x")); return log.join()`, "c1,c2,b1,obj2true"},
	{"this and target", `const t = new EventTarget(); let r; t.addEventListener("x", function (e) { r = [this === t, e.target === t, e.currentTarget === t, e.eventPhase] }); const e = new Event("x"); t.dispatchEvent(e); return [...r, e.currentTarget, e.eventPhase, e.target === t].join()`, "true,true,true,2,,0,true"},
	{"duplicate ignored", `const t = new EventTarget(); let n = 0; const f = () => n++; t.addEventListener("x", f); t.addEventListener("x", f); t.addEventListener("x", f, true); t.dispatchEvent(new Event("x")); return n`, "2"},
	{"once", `const t = new EventTarget(); let n = 0; t.addEventListener("x", () => n++, {once: true}); t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x")); return n`, "1"},
	{"remove", `const t = new EventTarget(); let n = 0; const f = () => n++; t.addEventListener("x", f, true); t.removeEventListener("x", f); t.dispatchEvent(new Event("x")); t.removeEventListener("x", f, {capture: true}); t.dispatchEvent(new Event("x")); return n`, "1"},
	{"removed during dispatch does not run", `const t = new EventTarget(); const log = []; const b = () => log.push("b"); t.addEventListener("x", () => { log.push("a"); t.removeEventListener("x", b) }); t.addEventListener("x", b); t.dispatchEvent(new Event("x")); return log.join()`, "a"},
	{"added during dispatch does not run", `const t = new EventTarget(); const log = []; t.addEventListener("x", () => { log.push("a"); t.addEventListener("x", () => log.push("b")) }); t.dispatchEvent(new Event("x")); return log.join()`, "a"},
	{"stopImmediatePropagation", `const t = new EventTarget(); const log = []; t.addEventListener("x", e => { log.push("a"); e.stopImmediatePropagation() }); t.addEventListener("x", () => log.push("b")); t.dispatchEvent(new Event("x")); return log.join()`, "a"},
	{"stopPropagation keeps target listeners", `const t = new EventTarget(); const log = []; t.addEventListener("x", e => { log.push("a"); e.stopPropagation() }); t.addEventListener("x", () => log.push("b")); t.dispatchEvent(new Event("x")); return log.join()`, "a,b"},
	{"dispatch return value", `const t = new EventTarget(); t.addEventListener("x", e => e.preventDefault()); return [t.dispatchEvent(new Event("x", {cancelable: true})), t.dispatchEvent(new Event("x"))].join()`, "false,true"},
	{"passive ignores preventDefault", `const t = new EventTarget(); t.addEventListener("x", e => e.preventDefault(), {passive: true}); return t.dispatchEvent(new Event("x", {cancelable: true}))`, "true"},
	{"signal removes listener", `const t = new EventTarget(); const c = new AbortController(); let n = 0; t.addEventListener("x", () => n++, {signal: c.signal}); t.dispatchEvent(new Event("x")); c.abort(); t.dispatchEvent(new Event("x")); return n`, "1"},
	{"aborted signal adds nothing", `const t = new EventTarget(); let n = 0; t.addEventListener("x", () => n++, {signal: AbortSignal.abort()}); t.dispatchEvent(new Event("x")); return n`, "0"},
	{"null signal throws", `try { new EventTarget().addEventListener("x", () => {}, {signal: null}) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"listener exception is reported not thrown", `const t = new EventTarget(); let seen; addEventListener("error", e => { seen = e.error.message; e.preventDefault() }); const log = []; t.addEventListener("x", () => { throw new Error("boom") }); t.addEventListener("x", () => log.push("after")); t.dispatchEvent(new Event("x")); return [seen, log].join()`, "boom,after"},
	{"handleEvent not callable reported", `const t = new EventTarget(); let seen; addEventListener("error", e => { seen = e.error.constructor.name; e.preventDefault() }); t.addEventListener("x", {}); t.dispatchEvent(new Event("x")); return seen`, "TypeError"},
	{"redispatch throws", `const t = new EventTarget(); let r; t.addEventListener("x", e => { try { t.dispatchEvent(e) } catch (err) { r = err.name } }); t.dispatchEvent(new Event("x")); return r`, "InvalidStateError"},
	{"dispatch non-event", `try { new EventTarget().dispatchEvent({}) } catch (e) { return e.message }`, "Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'."},
	{"brand check", `try { EventTarget.prototype.addEventListener.call({}, "x", null) } catch (e) { return e.message }`, "Illegal invocation"},
	{"subclass", `class My extends EventTarget {}; const m = new My(); let n = 0; m.addEventListener("x", () => n++); m.dispatchEvent(new Event("x")); return n`, "1"},
	{"global target", `let n = 0; addEventListener("x", function () { n += this === globalThis }); dispatchEvent(new Event("x")); globalThis.dispatchEvent(new Event("x")); return n + String(globalThis instanceof EventTarget)`, "2false"},
	{"isTrusted after dispatch", `const t = new EventTarget(); const e = new Event("x"); t.dispatchEvent(e); return e.isTrusted`, "false"},
	{"composedPath", `const t = new EventTarget(); let p; t.addEventListener("x", e => p = e.composedPath()); const e = new Event("x"); t.dispatchEvent(e); return [p.length, p[0] === t, e.composedPath().length].join()`, "1,true,0"},
}

func TestEventTarget(t *testing.T) { eventstest.Run(t, targetTests, install) }

var abortTests = []eventstest.Case{
	{"default reason", `const c = new AbortController(); c.abort(); const r = c.signal.reason; return [c.signal.aborted, r instanceof DOMException, r.name, r.message, r.code].join()`, "true,true,AbortError,signal is aborted without reason,20"},
	{"custom reason", `const c = new AbortController(); c.abort("why"); return c.signal.reason`, "why"},
	{"abort once", `const c = new AbortController(); let n = 0; c.signal.onabort = () => n++; c.signal.addEventListener("abort", e => n += 10 * e.isTrusted); c.abort(1); c.abort(2); return [n, c.signal.reason].join()`, "11,1"},
	{"onabort order", `const c = new AbortController(); const log = []; c.signal.addEventListener("abort", () => log.push("a")); c.signal.onabort = () => log.push("h"); c.signal.addEventListener("abort", () => log.push("b")); c.signal.onabort = () => log.push("h2"); c.abort(); return log.join()`, "a,h2,b"},
	{"onabort getter", `const s = new AbortController().signal; const f = () => {}; const a = s.onabort; s.onabort = f; const b = s.onabort === f; s.onabort = 5; return [a, b, s.onabort].join()`, ",true,"},
	{"throwIfAborted", `const c = new AbortController(); c.signal.throwIfAborted(); c.abort("r"); try { c.signal.throwIfAborted() } catch (e) { return e }`, "r"},
	{"static abort", `const s = AbortSignal.abort(); return [s.aborted, s.reason.name].join()`, "true,AbortError"},
	{"not constructible", `try { new AbortSignal() } catch (e) { return e.message }`, "Illegal constructor"},
	{"timeout", `const s = AbortSignal.timeout(1); const e = await new Promise(r => s.onabort = r); return [e.type, s.reason.name, s.reason.message, s.reason.code].join()`, "abort,TimeoutError,signal timed out,23"},
	{"timeout enforce range", `try { AbortSignal.timeout(-1) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"any follows sources", `const a = new AbortController(), b = new AbortController(); const s = AbortSignal.any([a.signal, b.signal]); b.abort("B"); a.abort("A"); return [s.aborted, s.reason].join()`, "true,B"},
	{"any already aborted", `const s = AbortSignal.any([new AbortController().signal, AbortSignal.abort("x")]); return [s.aborted, s.reason].join()`, "true,x"},
	{"any of any", `const a = new AbortController(); const s1 = AbortSignal.any([a.signal]); const s2 = AbortSignal.any([s1]); const log = []; s1.onabort = () => log.push("s1"); s2.onabort = () => log.push("s2"); a.signal.onabort = () => log.push("a"); a.abort(); return log.join() + s2.reason.name`, "a,s1,s2AbortError"},
	{"any empty", `return AbortSignal.any([]).aborted`, "false"},
	{"any rejects non-signal", `try { AbortSignal.any([{}]) } catch (e) { return e.constructor.name }`, "TypeError"},
	{"any timeout", `const s = AbortSignal.any([AbortSignal.timeout(1)]); await new Promise(r => s.onabort = r); return s.reason.name`, "TimeoutError"},
	{"reason before algorithms of dependents", `const a = new AbortController(); const s = AbortSignal.any([a.signal]); let r; a.signal.onabort = () => r = s.aborted + ":" + s.reason; a.abort("z"); return r`, "true:z"},
}

func TestAbort(t *testing.T) { eventstest.Run(t, abortTests, install) }

var quotaTests = []eventstest.Case{
	{"QuotaExceededError shape", `const e = new QuotaExceededError("too much", {quota: 10, requested: 12}); return [e instanceof DOMException, e instanceof Error, e.name, e.message, e.code, e.quota, e.requested].join()`,
		"true,true,QuotaExceededError,too much,22,10,12"},
	{"QuotaExceededError defaults", `const e = new QuotaExceededError(); return [e.quota, e.requested, e.message === ""].join()`, ",,true"},
	{"QuotaExceededError range", `try { new QuotaExceededError("x", {quota: 5, requested: 1}) } catch (e) { return e.name }`, "RangeError"},
}

func TestQuotaExceededError(t *testing.T) { eventstest.Run(t, quotaTests, install) }
