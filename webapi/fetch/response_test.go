package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

var responseTests = []jstest.Case{
	{"defaults", `const r = new Response(); return [r.type, r.url, r.ok, r.status, r.statusText, String(r.body), r.redirected, r.bodyUsed].join("|")`,
		"default||true|200||null|false|false"},
	{"status and text", `const r = new Response("", {status: 599, statusText: "with space"}); return r.status + r.statusText + r.ok`, "599with spacefalse"},
	{"latin1 statusText", `return new Response("", {statusText: "\x80"}).statusText.charCodeAt(0)`, "128"},
	{"status 0", `try { new Response("", {status: 0}) } catch (e) { return e.name + ": " + e.message }`,
		"RangeError: Failed to construct 'Response': The status provided (0) is outside the range [200, 599]."},
	{"status 600", `try { new Response(null, {status: 600}) } catch (e) { return e.name }`, "RangeError"},
	{"status 199", `try { new Response(null, {status: 199}) } catch (e) { return e.name }`, "RangeError"},
	{"statusText newline", `try { new Response("", {statusText: "\n"}) } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: Failed to construct 'Response': Invalid statusText"},
	{"statusText non-latin1", `try { new Response("", {statusText: "Ā"}) } catch (e) { return e.name }`, "TypeError"},
	{"null body status with body", `try { new Response("body", {status: 204}) } catch (e) { return e.message }`,
		"Failed to construct 'Response': Response with null body status cannot have body"},
	{"null body status without body", `return new Response(null, {status: 304}).status`, "304"},
	{"empty string body is a body", `try { new Response("", {status: 205}) } catch (e) { return e.name }`, "TypeError"},
	{"string content type", `return new Response("").headers.get("content-type")`, "text/plain;charset=UTF-8"},
	{"no body no content type", `return new Response().headers.get("content-type")`, "null"},
	{"buffer no content type", `return new Response(new Uint8Array()).headers.get("content-type")`, "null"},
	{"override content type", `return new Response("", {headers: {"Content-Type": "test/only; mime=type"}}).headers.get("content-type")`, "test/only; mime=type"},
	{"URLSearchParams", `return new Response(new URLSearchParams()).headers.get("content-type")`, "application/x-www-form-urlencoded;charset=UTF-8"},
	{"stream no content type", `return new Response(new ReadableStream()).headers.get("content-type")`, "null"},
	{"headers init", `return new Response("", {headers: [["a", "1"], ["a", "2"]]}).headers.get("a")`, "1, 2"},
	{"headers SameObject", `const r = new Response(""); return r.headers === r.headers`, "true"},
	{"error", `const r = Response.error(); return [r.type, r.status, r.statusText, String(r.body), r.ok, [...r.headers].length].join("|")`, "error|0||null|false|0"},
	{"redirect default", `const r = Response.redirect("http://test.url:1234/"); return [r.type, r.status, r.headers.get("Location"), r.redirected, r.ok, r.statusText].join("|")`,
		"default|302|http://test.url:1234/|false|false|"},
	{"redirect statuses", `return [301, 302, 303, 307, 308].map(s => Response.redirect("http://x/", s).status).join()`, "301,302,303,307,308"},
	{"redirect bad status", `try { Response.redirect("http://x/", 200) } catch (e) { return e.name + ": " + e.message }`,
		"RangeError: Failed to execute 'redirect' on 'Response': Invalid status code"},
	{"redirect bad url", `try { Response.redirect("http://:This is not an url") } catch (e) { return e.name }`, "TypeError"},
	{"redirect relative no base", `try { Response.redirect("/foo") } catch (e) { return e.name }`, "TypeError"},
	{"redirect headers immutable", `try { Response.redirect("http://x/").headers.set("a", "b") } catch (e) { return e.name }`, "TypeError"},
	{"json", `const r = Response.json({a: 1}); return r.headers.get("content-type") + "|" + r.status + "|" + await r.text()`, `application/json|200|{"a":1}`},
	{"json init", `const r = Response.json("x", {status: 400, statusText: "foo", headers: {"content-type": "foo/bar", "x-foo": "bar"}}); return [r.status, r.statusText, r.headers.get("content-type"), r.headers.get("x-foo"), await r.json()].join()`,
		"400,foo,foo/bar,bar,x"},
	{"json null body status", `try { Response.json("x", {status: 204}) } catch (e) { return e.name }`, "TypeError"},
	{"json symbol", `try { Response.json(Symbol("x")) } catch (e) { return e.message }`, "Failed to execute 'json' on 'Response': The data is not JSON serializable"},
	{"json circular", `const a = {}; a.a = a; try { Response.json(a) } catch (e) { return e.name }`, "TypeError"},
	{"json propagates", `class CustomError extends Error {} try { Response.json({get foo() { throw new CustomError("bar") }}) } catch (e) { return e instanceof CustomError }`, "true"},
	{"json lone surrogate", `return Array.from(new Uint8Array(await Response.json("\uDEAD").arrayBuffer())).join()`, "34,92,117,100,101,97,100,34"},
	{"json astral", `return Array.from(new Uint8Array(await Response.json("𝌆").arrayBuffer())).join()`, "34,240,157,140,134,34"},
	{"clone", `const r = new Response("abc", {status: 201, headers: {a: "1"}}); const c = r.clone(); return [c.status, c.headers.get("a"), await r.text(), await c.text()].join()`, "201,1,abc,abc"},
	{"clone keeps guard", `try { Response.error().clone().headers.set("a", "b") } catch (e) { return e.name }`, "TypeError"},
	{"clone used", `const r = new Response("x"); await r.text(); try { r.clone() } catch (e) { return e.message }`,
		"Failed to execute 'clone' on 'Response': Response body is already used"},
	{"clone then stream", `const r = new Response("abc"); const c = r.clone(); const rd = c.body.getReader(); const {value} = await rd.read(); return String.fromCharCode(...value) + await r.text()`, "abcabc"},
	{"clone of stream body", `const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([104, 105])); c.close() }}); const r = new Response(s); const c = r.clone(); return await r.text() + await c.text()`, "hihi"},
	{"stream body", `const s = new ReadableStream({start(c) { c.enqueue(new Uint8Array([97])); c.enqueue(new Uint8Array([98])); c.close() }}); return await new Response(s).text()`, "ab"},
	{"non-Uint8Array chunk", `const s = new ReadableStream({start(c) { c.enqueue("str"); c.close() }}); try { await new Response(s).text() } catch (e) { return e.name }`, "TypeError"},
	{"errored stream", `const s = new ReadableStream({start(c) { c.error(new RangeError("boom")) }}); try { await new Response(s).text() } catch (e) { return e.name + e.message }`, "RangeErrorboom"},
	{"subclass", `class R extends Response { get x() { return 2 } } const r = new R("hi", {status: 201}); return [r.x, r.status, await r.text()].join()`, "2,201,hi"},
	{"subclass static json", `class R extends Response {} return (R.json({}) instanceof Response)`, "true"},
}

func TestResponse(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), responseTests, jstest.Eval)
}

var bodyTests = []jstest.Case{
	{"text", `return await new Response("héllo").text()`, "héllo"},
	{"text invalid UTF-8", `return await new Response(new Uint8Array([0x61, 0xE2, 0x82, 0x62])).text()`, "a\uFFFDb"},
	{"text BOM stripped", `return (await new Response(new Uint8Array([0xEF, 0xBB, 0xBF, 0x61])).text()).length`, "1"},
	{"json", `return (await new Response('{"a": [1, 2]}').json()).a[1]`, "2"},
	{"json syntax error", `try { await new Response("{").json() } catch (e) { return e.name }`, "SyntaxError"},
	{"json empty body", `try { await new Response().json() } catch (e) { return e.name }`, "SyntaxError"},
	{"arrayBuffer", `const b = await new Response("ab").arrayBuffer(); return (b instanceof ArrayBuffer) + "," + b.byteLength`, "true,2"},
	{"bytes", `const b = await new Response("ab").bytes(); return Object.prototype.toString.call(b) + b.join()`, "[object Uint8Array]97,98"},
	{"null body text", `return JSON.stringify(await new Response().text())`, `""`},
	{"null body arrayBuffer", `return (await new Response(null).arrayBuffer()).byteLength`, "0"},
	{"bodyUsed after read", `const r = new Response("x"); const p = r.text(); const u = r.bodyUsed; await p; return u`, "true"},
	{"null body never used", `const r = new Response(); await r.text(); return r.bodyUsed + "," + (await r.text())`, "false,"},
	{"read twice", `const r = new Response("x"); await r.text(); try { await r.text() } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: Failed to execute 'text' on 'Response': body stream already read"},
	{"locked", `const r = new Response("x"); r.body.getReader(); try { await r.arrayBuffer() } catch (e) { return e.message + "," + r.bodyUsed }`,
		"Failed to execute 'arrayBuffer' on 'Response': body stream is locked,false"},
	{"each reader marks used", `const out = []; for (const m of ["arrayBuffer", "bytes", "json", "text"]) { const r = new Response("1"); await r[m](); out.push(r.bodyUsed) } return out.join()`, "true,true,true,true"},
	{"clone bytes independent", `const r = new Response("ab"); const c = r.clone(); const a = await r.bytes(); a[0] = 0; return (await c.text())`, "ab"},
	{"body stream after text", `const r = new Response("ab"); await r.text(); return (r.body instanceof ReadableStream) + "," + r.bodyUsed + "," + r.body.locked`, "true,true,true"},
	{"stream locked after consuming", `const r = new Response("ab"); r.body; await r.text(); try { r.body.getReader() } catch (e) { return e.name + r.bodyUsed }`, "TypeErrortrue"},
	{"promise method brand check rejects", `const p = Response.prototype.text.call({}); try { await p } catch (e) { return (p instanceof Promise) + e.message }`, "trueIllegal invocation"},
	{"formData wrong type", `try { await new Response("a=b", {headers: {"content-type": "text/plain"}}).formData() } catch (e) { return e.name }`, "TypeError"},
	{"promise type", `return Object.prototype.toString.call(new Response("").text())`, "[object Promise]"},
	{"request body mixin", `const r = new Request("http://x/", {method: "POST", body: "[1]"}); return (await r.json())[0] + "," + r.bodyUsed`, "1,true"},
	{"brand check across classes", `try { await Response.prototype.text.call(new Request("http://x/")) } catch (e) { return e.message }`, "Illegal invocation"},
}

func TestBodyMixin(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), bodyTests, jstest.Eval)
}
