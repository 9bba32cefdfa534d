package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

var requestTests = []jstest.Case{
	{"defaults", `const r = new Request("https://example.com/a?b#c");
		return [r.method, r.url, r.destination, r.referrer, r.referrerPolicy, r.mode, r.credentials, r.cache, r.redirect, r.integrity, r.keepalive, r.isReloadNavigation, r.isHistoryNavigation, r.duplex, r.body, r.bodyUsed].join("|")`,
		"GET|https://example.com/a?b#c||about:client||cors|same-origin|default|follow||false|false|false|half||false"},
	{"method normalised", `return ["get", "pOsT", "delete", "options", "put", "head", "patch", "CustomX"].map(m => new Request("http://x/", {method: m, body: m.toUpperCase() === "GET" || m.toUpperCase() === "HEAD" ? null : undefined}).method).join()`,
		"GET,POST,DELETE,OPTIONS,PUT,HEAD,patch,CustomX"},
	{"forbidden method", `try { new Request("http://x/", {method: "trace"}) } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: Failed to construct 'Request': 'trace' HTTP method is unsupported."},
	{"invalid method", `try { new Request("http://x/", {method: "IN VALID"}) } catch (e) { return e.message }`,
		"Failed to construct 'Request': 'IN VALID' is not a valid HTTP method."},
	{"invalid URL", `try { new Request("http://:not a url") } catch (e) { return e.message }`,
		"Failed to construct 'Request': Failed to parse URL from http://:not a url"},
	{"relative URL without base", `try { new Request("/api") } catch (e) { return e.message }`,
		"Failed to construct 'Request': Failed to parse URL from /api"},
	{"credentials in URL", `try { new Request("http://user:pass@x/") } catch (e) { return e.name }`, "TypeError"},
	{"window must be null", `try { new Request("http://x/", {window: {}}) } catch (e) { return e.name }`, "TypeError"},
	{"window null ok", `return new Request("http://x/", {window: null}).url`, "http://x/"},
	{"mode navigate", `try { new Request("http://x/", {mode: "navigate"}) } catch (e) { return e.name }`, "TypeError"},
	{"bad enum", `try { new Request("http://x/", {redirect: "BAD"}) } catch (e) { return e.message }`,
		"Failed to construct 'Request': Failed to read the 'redirect' property from 'RequestInit': The provided value 'BAD' is not a valid enum value of type RequestRedirect."},
	{"bad referrer", `try { new Request("http://x/", {referrer: "http://:bad"}) } catch (e) { return e.name }`, "TypeError"},
	{"referrer empty", `return new Request("http://x/", {referrer: ""}).referrer`, ""},
	{"referrer cross-origin becomes client", `return new Request("http://x/", {referrer: "http://other/"}).referrer`, "about:client"},
	{"no-cors needs simple method", `try { new Request("http://x/", {mode: "no-cors", method: "PUT"}) } catch (e) { return e.message }`,
		"Failed to construct 'Request': 'PUT' is unsupported in no-cors mode."},
	{"only-if-cached", `try { new Request("http://x/", {cache: "only-if-cached"}) } catch (e) { return e.name }`, "TypeError"},
	{"only-if-cached same-origin", `return new Request("http://x/", {cache: "only-if-cached", mode: "same-origin"}).cache`, "only-if-cached"},
	{"init members", `const r = new Request("http://x/", {cache: "no-store", credentials: "omit", redirect: "manual", integrity: "sha256-x", keepalive: 1, referrerPolicy: "origin", priority: "high", mode: "same-origin"});
		return [r.cache, r.credentials, r.redirect, r.integrity, r.keepalive, r.referrerPolicy, r.mode].join()`,
		"no-store,omit,manual,sha256-x,true,origin,same-origin"},
	{"bad priority", `try { new Request("http://x/", {priority: "invalid"}) } catch (e) { return e.name }`, "TypeError"},
	{"duplex full", `try { new Request("http://x/", {method: "POST", body: "a", duplex: "full"}) } catch (e) { return e.name }`, "TypeError"},
	{"GET with body", `try { new Request("http://x/", {body: "a"}) } catch (e) { return e.message }`,
		"Failed to construct 'Request': Request with GET/HEAD method cannot have body."},
	{"HEAD with body", `try { new Request("http://x/", {method: "HEAD", body: "a"}) } catch (e) { return e.name }`, "TypeError"},
	{"GET with null body", `return new Request("http://x/", {body: null}).body`, "null"},
	{"string body content type", `const r = new Request("http://x/", {method: "POST", body: "hi"}); return r.headers.get("content-type") + "|" + await r.text()`,
		"text/plain;charset=UTF-8|hi"},
	{"object body ToString", `return await new Request("http://x/", {method: "POST", body: {toString: () => "hi!"}}).text()`, "hi!"},
	{"explicit content type wins", `return new Request("http://x/", {method: "POST", body: "x", headers: {"Content-Type": "a/b"}}).headers.get("content-type")`, "a/b"},
	{"URLSearchParams body", `const r = new Request("http://x/", {method: "POST", body: new URLSearchParams("a=1&b=%20")}); return r.headers.get("content-type") + "|" + await r.text()`,
		"application/x-www-form-urlencoded;charset=UTF-8|a=1&b=+"},
	{"BufferSource body copied", `const u = new Uint8Array([104, 105]); const r = new Request("http://x/", {method: "POST", body: u}); u[0] = 0; return r.headers.get("content-type") + "|" + await r.text()`,
		"null|hi"},
	{"DataView body", `const b = new Uint8Array([0, 104, 105, 0]).buffer; return await new Response(new DataView(b, 1, 2)).text()`, "hi"},
	{"headers SameObject", `const r = new Request("http://x/", {headers: {"X-Foo": "bar"}}); const h = r.headers; h.set("X-Foo", "q"); return (r.headers === h) + r.headers.get("x-foo")`, "trueq"},
	{"from request copies", `const a = new Request("http://x/", {method: "POST", body: "b", headers: {"Content-Type": "potato"}, redirect: "manual"}); const b = new Request(a); return [b.method, b.redirect, b.headers.get("content-type"), a.bodyUsed, await b.text()].join()`,
		"POST,manual,potato,true,b"},
	{"from request init headers replace", `const a = new Request("http://x/", {headers: {"Content-Type": "potato"}}); return new Request(a, {headers: {}}).headers.has("content-type")`, "false"},
	{"from request body type", `const a = new Request("http://x/", {headers: {"x": "1"}, body: "plate", method: "POST"}); return new Request(a).headers.get("content-type")`, "text/plain;charset=UTF-8"},
	{"from used request", `const a = new Request("http://x/", {method: "POST", body: "b"}); await a.text(); try { new Request(a) } catch (e) { return e.message }`,
		"Failed to construct 'Request': Cannot construct a Request with a Request object that has already been used."},
	{"from used request with new body", `const a = new Request("http://x/", {method: "POST", body: "b"}); await a.text(); return await new Request(a, {body: "c"}).text()`, "c"},
	{"failed construction keeps body unused", `const a = new Request("http://x/", {method: "POST", body: "b"}); try { new Request(a, {method: "GET"}) } catch {} try { new Request(a, {method: "CONNECT"}) } catch {} const u = a.bodyUsed; new Request(a); return u + "," + a.bodyUsed`, "false,true"},
	{"body override", `const a = new Request("https://e/", {body: "req1", method: "POST"}); await a.text(); return await new Request(a, {body: "req2"}).text()`, "req2"},
	{"request as init", `const a = new Request("https://e/", {body: "req1", method: "POST"}); return await new Request("https://e/", a).text()`, "req1"},
	{"clone", `const a = new Request("http://x/", {method: "POST", body: "b", headers: {a: "1"}}); const c = a.clone(); c.headers.set("a", "2"); return [await a.text(), await c.text(), a.headers.get("a"), c.headers.get("a")].join()`,
		"b,b,1,2"},
	{"clone used", `const a = new Request("http://x/", {method: "POST", body: "b"}); await a.text(); try { a.clone() } catch (e) { return e.message }`,
		"Failed to execute 'clone' on 'Request': Request body is already used"},
	{"signal follows init signal", `const c = new AbortController(); const r = new Request("http://x/", {signal: c.signal}); const s = r.signal; c.abort("why"); return [s !== c.signal, s.aborted, s.reason].join()`,
		"true,true,why"},
	{"signal already aborted", `const r = new Request("http://x/", {signal: AbortSignal.abort("r")}); return r.signal.aborted + r.signal.reason`, "truer"},
	{"signal SameObject", `const r = new Request("http://x/"); return (r.signal === r.signal) + "," + r.signal.aborted`, "true,false"},
	{"clone signal follows", `const c = new AbortController(); const r = new Request("http://x/", {signal: c.signal}); const k = r.clone(); c.abort(); return k.signal.aborted + k.signal.reason.name`, "trueAbortError"},
	{"bad signal", `try { new Request("http://x/", {signal: {}}) } catch (e) { return e.name }`, "TypeError"},
	{"keepalive with stream body", `try { new Request("http://x/", {method: "POST", keepalive: true, body: new ReadableStream(), duplex: "half"}) } catch (e) { return e.name }`, "TypeError"},
	{"stream body needs duplex", `try { new Request("http://x/", {method: "POST", body: new ReadableStream()}) } catch (e) { return e.message }`,
		"Failed to construct 'Request': The duplex member must be specified for a request with a streaming body"},
	{"stream body kept", `const s = new ReadableStream(); return new Request("http://x/", {method: "POST", body: s, duplex: "half"}).body === s`, "true"},
	{"locked stream body", `const s = new ReadableStream(); s.getReader(); try { new Request("http://x/", {method: "POST", body: s, duplex: "half"}) } catch (e) { return e.name }`, "TypeError"},
	{"body is a stream", `const r = new Request("http://x/", {method: "POST", body: "abc"}); const b = r.body; return (b instanceof ReadableStream) + "," + (r.body === b) + "," + r.bodyUsed`, "true,true,false"},
	{"read through body stream", `const r = new Request("http://x/", {method: "POST", body: "abc"}); const rd = r.body.getReader(); const {value} = await rd.read(); return value.length + "," + r.bodyUsed`, "3,true"},
	{"input body disturbed by getReader", `const r = new Request("http://x/", {method: "POST", body: "..."}); r.body.getReader(); try { new Request(r) } catch (e) { return e.name }`, "TypeError"},
	{"proxy of stream body", `const a = new Request("http://x/", {method: "POST", body: "abc"}); const s = a.body; const b = new Request(a); return [a.bodyUsed, a.body === s, b.body !== s, await b.text()].join()`,
		"true,true,true,abc"},
	{"internal attributes hidden", `const r = new Request("http://x/"); return ["priority", "internalpriority", "blocking"].some(k => k in r)`, "false"},
	{"read-only attributes", `const r = new Request("http://x/"); r.method = "POST"; r.url = "y"; return r.method + r.url`, "GEThttp://x/"},
	{"no new", `try { Request("http://x/") } catch (e) { return e.name }`, "TypeError"},
	{"subclass", `class R extends Request { constructor(u) { super(u, {method: "PUT"}) } get x() { return 1 } } const r = new R("http://x/"); return r.method + r.x + (r instanceof Request) + r.clone().method`, "PUT1truePUT"},
	{"blob empty content-type", `const r = new Request("http://x/", {headers: [["Content-Type", ""]], body: "x", method: "POST"}); return r.headers.get("content-type")`, ""},
}

func TestRequest(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), requestTests, jstest.Eval)
}

var baseURLTests = []jstest.Case{
	{"relative URL", `return new Request("../a?b").url`, "http://web-platform.test:8000/fetch/a?b"},
	{"empty URL", `return new Request("").url`, "http://web-platform.test:8000/fetch/api/request.html"},
	{"same-origin referrer kept", `return new Request("", {referrer: "/x"}).referrer`, "http://web-platform.test:8000/x"},
	{"about:client referrer", `return new Request("", {referrer: "about:client"}).referrer`, "about:client"},
	{"redirect relative", `return Response.redirect("/r").headers.get("location")`, "http://web-platform.test:8000/r"},
}

func TestBaseURL(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{BaseURL: "http://web-platform.test:8000/fetch/api/request.html"}), baseURLTests, jstest.Eval)
}
