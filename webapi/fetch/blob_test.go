package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

var blobTests = []jstest.Case{
	{"blob body", `const r = new Response(new Blob(["This is a blob"], {type: "application/octet-binary"})); return r.headers.get("content-type") + "|" + await r.text()`,
		"application/octet-binary|This is a blob"},
	{"blob without type", `return String(new Response(new Blob([])).headers.get("content-type"))`, "null"},
	{"blob type kept verbatim", `return new Request("http://x/", {method: "POST", body: new Blob([], {type: "a/b; c=d"})}).headers.get("content-type")`, "a/b; c=d"},
	{"blob()", `const b = await new Response("abc", {headers: {"Content-Type": "Text/Plain;Charset=UTF-8"}}).blob(); return [b instanceof Blob, b.size, b.type, await b.text()].join("|")`,
		"true|3|text/plain;charset=UTF-8|abc"},
	{"blob() empty content type", `return JSON.stringify((await new Response("x", {headers: [["Content-Type", ""]]}).blob()).type)`, `""`},
	{"blob() combined content type", `const r = new Response("x", {headers: [["Content-Type", "text/html;charset=gbk"], ["Content-Type", "text/html;x=y"]]}); return (await r.blob()).type`, "text/html;x=y;charset=gbk"},
	{"blob() no body", `const b = await new Response().blob(); return b.size + JSON.stringify(b.type)`, `0""`},
	{"blob body is not aliased", `const r = new Response(new Blob(["ab"])); const u = await r.bytes(); u[0] = 0; return u[0]`, "0"},
	{"blob: URL", `const u = URL.createObjectURL(new Blob(["Blob's data"], {type: "text/plain"})); const r = await fetch(u);
		return [r.status, r.statusText, r.type, r.headers.get("content-type"), r.headers.get("content-length"), await r.text()].join("|")`,
		"200|OK|basic|text/plain|11|Blob's data"},
	{"blob: URL invalid type", `const r = await fetch(URL.createObjectURL(new Blob([], {type: "invalid"}))); return JSON.stringify(r.headers.get("content-type"))`, `""`},
	{"blob: URL POST", `const u = URL.createObjectURL(new Blob(["x"])); try { await fetch(u, {method: "POST"}) } catch (e) { return e.name }`, "TypeError"},
	{"blob: URL revoked", `const u = URL.createObjectURL(new Blob(["x"])); URL.revokeObjectURL(u); try { await fetch(u) } catch (e) { return e.name }`, "TypeError"},
	{"blob: URL range", `const u = URL.createObjectURL(new Blob(["0123456789"], {type: "t/p"})); const r = await fetch(u, {headers: {Range: "bytes=2-4"}});
		return [r.status, r.statusText, r.headers.get("content-range"), r.headers.get("content-length"), await r.text()].join("|")`,
		"206|Partial Content|bytes 2-4/10|3|234"},
	{"blob: URL suffix range", `const u = URL.createObjectURL(new Blob(["0123456789"])); const r = await fetch(u, {headers: {Range: "bytes=-3"}}); return r.headers.get("content-range") + "|" + await r.text()`,
		"bytes 7-9/10|789"},
	{"blob: URL bad range", `const u = URL.createObjectURL(new Blob(["01"])); try { await fetch(u, {headers: {Range: "bytes=5-"}}) } catch (e) { return e.name }`, "TypeError"},
}

func TestBlobBodies(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), blobTests, jstest.Eval)
}
