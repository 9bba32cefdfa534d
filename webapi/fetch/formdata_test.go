package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

var formDataTests = []jstest.Case{
	{"FormData body", `const fd = new FormData(); fd.append("name", "value"); const r = new Response(fd); const text = await r.text(); const boundary = text.split("\r\n")[0].slice(2);
		return (r.headers.get("content-type") === "multipart/form-data; boundary=" + boundary) + "|" + text.includes('name="name"\r\n\r\nvalue')`, "true|true"},
	{"FormData request body", `const fd = new FormData(); fd.append("a", "b"); const r = new Request("http://x/", {method: "POST", body: fd}); return r.headers.get("content-type").startsWith("multipart/form-data; boundary=")`, "true"},
	{"empty FormData is an empty body", `const r = new Response(new FormData()); return JSON.stringify(await r.text()) + r.headers.get("content-type").startsWith("multipart/form-data; boundary=")`, `""true`},
	{"formData() multipart round trip", `const fd = new FormData(); fd.append("a", "1"); fd.append("f", new Blob(["xyz"], {type: "text/csv"}), "f.csv");
		const back = await new Response(fd).formData(); const f = back.get("f");
		return [back.get("a"), f instanceof File, f.name, f.type, await f.text()].join("|")`, "1|true|f.csv|text/csv|xyz"},
	{"formData() urlencoded", `const fd = await new Response("a=1&b=x+y&a=2", {headers: {"Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"}}).formData(); return fd.getAll("a").join() + "|" + fd.get("b")`, "1,2|x y"},
	{"formData() from URLSearchParams body", `return (await new Request("http://x/", {method: "POST", body: new URLSearchParams("k=v")}).formData()).get("k")`, "v"},
	{"formData() empty urlencoded", `return [...(await new Response("", {headers: {"Content-Type": "application/x-www-form-urlencoded"}}).formData())].length`, "0"},
	{"formData() bad multipart", `try { await new Response("garbage", {headers: {"Content-Type": "multipart/form-data; boundary=zzz"}}).formData() } catch (e) { return e.name + ": " + e.message }`, "TypeError: Failed to fetch"},
	{"formData() no content type", `try { await new Response("a=b").formData() } catch (e) { return e.name }`, "TypeError"},
	{"formData() case-insensitive headers", `const body = "--b\r\nCONTENT-DISPOSITION: form-data; name=\"x\"\r\n\r\nv\r\n--b--\r\n"; return (await new Response(body, {headers: {"Content-Type": "multipart/form-data; boundary=b"}}).formData()).get("x")`, "v"},
}

func TestFormDataBodies(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), formDataTests, jstest.Eval)
}
