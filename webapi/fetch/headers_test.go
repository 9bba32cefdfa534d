package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

var headersTests = []jstest.Case{
	{"empty", `return [...new Headers()].length`, "0"},
	{"record", `return JSON.stringify([...new Headers({b: "2", A: "1"})])`, `[["a","1"],["b","2"]]`},
	{"sequence", `return JSON.stringify([...new Headers([["x", "1"], ["X", "2"]])])`, `[["x","1, 2"]]`},
	{"from headers", `const h = new Headers({a: "1"}); return new Headers(h).get("a")`, "1"},
	{"custom iterator", `const h = new Headers(); h[Symbol.iterator] = function* () { yield ["t", "v"] }; return new Headers(h).get("t")`, "v"},
	{"null init", `try { new Headers(null) } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'."},
	{"pair of one", `try { new Headers([["name"]]) } catch (e) { return e.name + ": " + e.message }`, "TypeError: Failed to construct 'Headers': Invalid value"},
	{"pair of three", `try { new Headers([["a", "b", "c"]]) } catch (e) { return e.name }`, "TypeError"},
	{"non-latin1 name", `try { new Headers([["invalidĀ", "x"]]) } catch (e) { return e.message }`,
		"Failed to construct 'Headers': String contains non ISO-8859-1 code point."},
	{"invalid name", `try { new Headers().append("a b", "x") } catch (e) { return e.message }`, "Failed to execute 'append' on 'Headers': Invalid name"},
	{"invalid value", `try { new Headers().set("a", "x\ny") } catch (e) { return e.message }`, "Failed to execute 'set' on 'Headers': Invalid value"},
	{"NUL value", `try { new Headers({"set-cookie": "\0"}) } catch (e) { return e.name }`, "TypeError"},
	{"get invalid name", `try { new Headers().get("ā") } catch (e) { return e.name }`, "TypeError"},
	{"has invalid name object", `try { new Headers().has({}) } catch (e) { return e.message }`, "Failed to execute 'has' on 'Headers': Invalid name"},
	{"missing args", `try { new Headers().append("a") } catch (e) { return e.message }`, "Failed to execute 'append' on 'Headers': 2 arguments required, but only 1 present."},
	{"normalise", `const h = new Headers({a: " \t x \r\n"}); h.append("b", "\n y\t"); return JSON.stringify([...h])`, `[["a","x"],["b","y"]]`},
	{"keep inner whitespace", `return new Headers({a: "\t\f\tv\n"}).get("a")`, "\f\tv"},
	{"combine in order", `const h = new Headers([["b","1"],["a","2"],["b","3"]]); return JSON.stringify([...h])`, `[["a","2"],["b","1, 3"]]`},
	{"get combines", `return new Headers([["a","1"],["A","2"]]).get("a")`, "1, 2"},
	{"get missing", `return new Headers().get("a")`, "null"},
	{"set replaces", `const h = new Headers([["a","1"],["a","2"]]); h.set("A", "3"); return JSON.stringify([...h])`, `[["a","3"]]`},
	{"delete", `const h = new Headers({a: "1", b: "2"}); h.delete("A"); return [...h.keys()].join()`, "b"},
	{"set-cookie separate", `const h = new Headers([["set-cookie","a=1"],["Set-Cookie","b=2"],["x","1"]]); return JSON.stringify([...h])`,
		`[["set-cookie","a=1"],["set-cookie","b=2"],["x","1"]]`},
	{"set-cookie get combined", `return new Headers([["set-cookie","a=1"],["set-cookie","b=2"]]).get("Set-Cookie")`, "a=1, b=2"},
	{"getSetCookie", `const h = new Headers([["set-cookie2","x"],["set-cookie","y"],["Set-Cookie","z"]]); return JSON.stringify(h.getSetCookie())`, `["y","z"]`},
	{"getSetCookie empty", `return new Headers().getSetCookie().length`, "0"},
	{"iteration sees changes", `const h = new Headers({foo: "2", baz: "1", BAR: "0"}); const k = []; for (const [n] of h) { k.push(n); h.delete("foo") } return k.join()`, "bar,baz"},
	{"latin1 value round trip", `return new Headers({a: "x\u00ffx"}).get("a").charCodeAt(1)`, "255"},
	{"forEach", `let s = ""; new Headers({b: "2", a: "1"}).forEach((v, k, c) => s += k + v + (c instanceof Headers)); return s`, "a1trueb2true"},
	{"forEach not callable", `try { new Headers().forEach(1) } catch (e) { return e.name }`, "TypeError"},
	{"iterator prototype", `const it = new Headers().entries(); return Object.prototype.toString.call(it) + (Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())))`,
		"[object Headers Iterator]true"},
	{"record proxy trap order", `
		const log = [];
		const handler = {};
		for (const p of Object.getOwnPropertyNames(Reflect)) handler[p] = (...a) => { log.push(p + ":" + String(a[1])); return Reflect[p](...a) };
		const h = new Headers(new Proxy({a: "b", c: "d"}, handler));
		return log.join() + "|" + [...h].join(";")`,
		"get:Symbol(Symbol.iterator),ownKeys:undefined,getOwnPropertyDescriptor:a,get:a,getOwnPropertyDescriptor:c,get:c|a,b;c,d"},
	{"record symbol key throws", `const o = {a: "b"}; o[Symbol.toStringTag] = "x"; try { new Headers(o) } catch (e) { return e.name }`, "TypeError"},
	{"record non-enumerable symbol ok", `const o = {a: "b"}; Object.defineProperty(o, Symbol.toStringTag, {value: "x", enumerable: false}); return new Headers(o).get("a")`, "b"},
	{"record duplicate keys", `const p = new Proxy({a: 1}, {ownKeys: () => ["a", "a"]}); try { new Headers(p) } catch (e) { return e.name }`, "TypeError"},
	{"brand check", `try { Headers.prototype.get.call({}, "a") } catch (e) { return e.message }`, "Illegal invocation"},
	{"no new", `try { Headers() } catch (e) { return e.name }`, "TypeError"},
	{"toStringTag", `return Object.prototype.toString.call(new Headers())`, "[object Headers]"},
}

func TestHeaders(t *testing.T) {
	iso := newIsolate(t, Options{})
	jstest.RunIn(t, iso, headersTests, jstest.Eval)
}

var guardTests = []jstest.Case{
	{"immutable", `try { Response.error().headers.append("a", "b") } catch (e) { return e.message }`, "Failed to execute 'append' on 'Headers': Headers are immutable"},
	{"immutable delete", `try { Response.redirect("http://x/").headers.delete("location") } catch (e) { return e.name }`, "TypeError"},
	{"immutable invalid name first", `try { Response.error().headers.append("a b", "c") } catch (e) { return e.message }`, "Failed to execute 'append' on 'Headers': Invalid name"},
	{"request keeps cookie (server)", `const r = new Request("http://x/", {headers: {cookie: "a=1", host: "h"}}); return r.headers.get("cookie") + "," + r.headers.get("host")`, "a=1,h"},
	{"response keeps set-cookie (server)", `const r = new Response(null, {headers: {"set-cookie": "a=1"}}); r.headers.append("Set-Cookie", "b=2"); return r.headers.getSetCookie().join("|")`, "a=1|b=2"},
	{"no-cors drops unsafe", `const h = new Request("http://x/", {mode: "no-cors"}).headers; h.set("x-custom", "1"); h.append("Content-Type", "KO"); h.set("accept", "text/html"); return [...h].join(";")`, "accept,text/html"},
	{"no-cors combined limit", `const h = new Request("http://x/", {mode: "no-cors"}).headers; h.append("accept", "s".repeat(100)); h.append("accept", "s".repeat(40)); return h.get("accept").length`, "100"},
	{"no-cors content-type", `const h = new Request("http://x/", {mode: "no-cors"}).headers; h.set("content-type", "text/plain;charset=UTF-8"); return h.get("content-type")`, "text/plain;charset=UTF-8"},
	{"no-cors filters init", `return new Request("http://x/", {mode: "no-cors", headers: {"content-type": "potato", accept: "x"}}).headers.has("content-type")`, "false"},
	{"no-cors delete unsafe ignored", `const r = new Request("http://x/", {mode: "no-cors", headers: {accept: "a"}}); r.headers.delete("x-y"); r.headers.delete("accept"); return r.headers.has("accept")`, "false"},
}

func TestHeadersGuards(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), guardTests, jstest.Eval)
}

var browserGuardTests = []jstest.Case{
	{"forbidden request headers dropped", `const r = new Request("http://x/"); for (const n of ["Cookie", "Host", "Sec-Foo", "Proxy-Bar", "Accept-Encoding"]) r.headers.set(n, "KO"); r.headers.set("User-Agent", "OK"); r.headers.set("Set-Cookie2", "OK"); return [...r.headers].join(";")`,
		"set-cookie2,OK;user-agent,OK"},
	{"x-http-method-override", `const r = new Request("http://x/"); r.headers.set("X-HTTP-Method-Override", "GET, trace"); r.headers.set("X-Method-Override", "PUT"); return [...r.headers].join(";")`, "x-method-override,PUT"},
	{"set-cookie forbidden response header", `const r = new Response(); r.headers.append("Set-Cookie", "a"); r.headers.append("sEt-cOokIe2", "b"); return r.headers.getSetCookie().length + "," + [...r.headers].length`, "0,0"},
	{"plain headers unaffected", `const h = new Headers({cookie: "a"}); return h.get("cookie")`, "a"},
}

func TestBrowserGuards(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{BrowserGuards: true}), browserGuardTests, jstest.Eval)
}

// Filling from another Headers reads its pairs directly, which must give
// what the iterator protocol gives, and must step aside once a script
// replaces @@iterator or the iterator's next. Each case runs in a fresh
// isolate: the patches stay.
var headersFromHeadersTests = []jstest.Case{
	{"same pairs", `const h = new Headers([["b", "2"], ["A", "1"], ["a", "3"], ["Set-Cookie", "x=1"], ["set-cookie", "y=2"]]);
		return JSON.stringify([...new Headers(h)])`, `[["a","1, 3"],["b","2"],["set-cookie","x=1"],["set-cookie","y=2"]]`},
	{"patched @@iterator", `Headers.prototype[Symbol.iterator] = function* () { yield ["x", "patched"] };
		return new Headers(new Headers({a: "1"})).get("x")`, "patched"},
	{"patched next", `const proto = Object.getPrototypeOf(new Headers().entries()); const next = proto.next;
		proto.next = function () { const r = next.call(this); if (!r.done) r.value = [r.value[0], "via next"]; return r };
		return new Headers(new Headers({a: "1"})).get("a")`, "via next"},
	{"Response init", `const r = new Response("", {headers: new Headers({"X-A": "1"})}); return r.headers.get("x-a")`, "1"},
}

func TestHeadersFromHeaders(t *testing.T) {
	for _, tt := range headersFromHeadersTests {
		jstest.RunIn(t, newIsolate(t, Options{}), []jstest.Case{tt}, jstest.Eval)
	}
}
