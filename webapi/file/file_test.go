package file

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

var jsTests = []jstest.Case{
	{"empty", `const b = new Blob(); return b.size + "|" + b.type + "|" + (b instanceof Blob)`, "0||true"},
	{"parts", `const b = new Blob(["a", new Uint8Array([98, 99]), new Blob(["d"]), new Uint16Array([0x6665]).buffer, new DataView(new Uint8Array([103]).buffer)]); return b.size`, "7"},
	{"type normalised", `return new Blob([], {type: "Text/HTML;Charset=UTF-8"}).type`, "text/html;charset=utf-8"},
	{"type with non-ASCII dropped", `return JSON.stringify(new Blob([], {type: "text/\u00e9"}).type)`, `""`},
	{"objects become strings", `return new Blob([{toString() { return "xyz" }}, 12]).size`, "5"},
	{"lone surrogate", `return [...new Uint8Array(await new Blob(["\uD800"]).arrayBuffer())].join()`, "239,191,189"},
	{"not a sequence", `new Blob("abc")`, "TypeError: Failed to construct 'Blob': The provided value cannot be converted to a sequence."},
	{"null parts", `new Blob(null)`, "TypeError: Failed to construct 'Blob': The provided value cannot be converted to a sequence."},
	{"bad endings", `new Blob([], {endings: "windows"})`, "TypeError: Failed to construct 'Blob': The provided value 'windows' is not a valid enum value of type EndingType."},
	{"native endings", `return JSON.stringify(await new Blob(["a\r\nb\rc\n"], {endings: "native"}).text())`, `"a\nb\nc\n"`},
	{"transparent endings", `return JSON.stringify(await new Blob(["a\r\nb"]).text())`, `"a\r\nb"`},
	{"buffer copied", `const u = new Uint8Array([65]); const b = new Blob([u]); u[0] = 66; return await b.text()`, "A"},
	{"text strips BOM and replaces", `return escape(await new Blob([new Uint8Array([0xEF,0xBB,0xBF,0x41,0xFF])]).text())`, "A%uFFFD"},
	{"arrayBuffer is a copy", `const b = new Blob(["ab"]); const a = new Uint8Array(await b.arrayBuffer()); a[0] = 0; return await b.text()`, "ab"},
	{"bytes", `const u = await new Blob(["hi"]).bytes(); return Object.prototype.toString.call(u) + u.join()`, "[object Uint8Array]104,105"},
	{"slice", `const b = new Blob(["0123456789"], {type: "a/b"}); return [await b.slice(2, 5).text(), await b.slice(-3).text(), await b.slice(5, 2).text(), b.slice(0, 1).type, b.slice(0, 1, "X/Y").type].join("|")`, "234|789|||x/y"},
	{"slice clamps", `const b = new Blob(["abc"]); return [await b.slice(-100, 100).text(), b.slice(Infinity).size, b.slice(NaN, 2).size].join("|")`, "abc|0|2"},
	{"slice of slice", `return await new Blob(["abcdef"]).slice(1).slice(1, 3).text()`, "cd"},
	{"stream", `const r = new Blob(["xyz"]).stream().getReader(); let s = ""; for (;;) { const {done, value} = await r.read(); if (done) break; s += String.fromCharCode(...value) } return s`, "xyz"},
	{"file", `const f = new File(["ab"], "a.txt", {type: "text/plain", lastModified: 42}); return [f.name, f.size, f.type, f.lastModified, f instanceof Blob, Object.prototype.toString.call(f)].join("|")`, "a.txt|2|text/plain|42|true|[object File]"},
	{"file lastModified default", `const before = Date.now(); const f = new File([], "x"); return f.lastModified >= before && f.lastModified <= Date.now()`, "true"},
	{"file arity", `new File([])`, "TypeError: Failed to construct 'File': 2 arguments required, but only 1 present."},
	{"file name brand check", `Object.getOwnPropertyDescriptor(File.prototype, "name").get.call(new Blob())`, "TypeError: Illegal invocation"},
	{"blob from file", `return await new Blob([new File(["in"], "f")]).text()`, "in"},
	{"call without new", `Blob()`, "TypeError: Failed to construct 'Blob': Please use the 'new' operator, this DOM object constructor cannot be called as a function."},

	// FileReader
	{"readAsText", `const r = new FileReader(); const ev = []; for (const t of ["loadstart", "progress", "load", "loadend"]) r.addEventListener(t, e => ev.push(e.type + ":" + r.readyState)); r.readAsText(new Blob(["héllo"])); ev.push("sync:" + r.readyState); await new Promise(res => r.onloadend = res); return ev.join(",") + "|" + r.result`, "sync:1,loadstart:1,progress:1,load:2,loadend:2|héllo"},
	{"readAsText encoding", `const r = new FileReader(); r.readAsText(new Blob([new Uint8Array([0xE9])]), "latin1"); await new Promise(res => r.onload = res); return r.result`, "é"},
	{"readAsText charset from type", `const r = new FileReader(); r.readAsText(new Blob([new Uint8Array([0xE9])], {type: "text/plain;charset=windows-1252"})); await new Promise(res => r.onload = res); return r.result`, "é"},
	{"readAsText BOM wins", `const r = new FileReader(); r.readAsText(new Blob([new Uint8Array([0xFF, 0xFE, 0x41, 0x00])]), "utf-8"); await new Promise(res => r.onload = res); return r.result`, "A"},
	{"readAsDataURL", `const r = new FileReader(); r.readAsDataURL(new Blob(["TEST"])); await new Promise(res => r.onload = res); return r.result`, "data:application/octet-stream;base64,VEVTVA=="},
	{"readAsArrayBuffer", `const r = new FileReader(); r.readAsArrayBuffer(new Blob(["ab"])); await new Promise(res => r.onload = res); return new Uint8Array(r.result).join()`, "97,98"},
	{"readAsBinaryString", `const r = new FileReader(); r.readAsBinaryString(new Blob([new Uint8Array([0xFF, 0x41])])); await new Promise(res => r.onload = res); return escape(r.result)`, "%FFA"},
	{"busy", `const r = new FileReader(); r.readAsText(new Blob(["a"])); try { r.readAsText(new Blob(["b"])) } catch (e) { return e.name + ": " + e.message }`, "InvalidStateError: Failed to execute 'readAsText' on 'FileReader': The object is already busy reading Blobs."},
	{"abort", `const r = new FileReader(); const ev = []; r.onabort = () => ev.push("abort"); r.onloadend = () => ev.push("loadend"); r.onload = () => ev.push("load"); r.readAsText(new Blob(["a"])); r.abort(); await new Promise(res => setTimeout(res, 10)); return ev.join() + "|" + r.readyState + "|" + r.result`, "abort,loadend|2|null"},
	{"progress event", `const r = new FileReader(); let p; r.onprogress = e => p = e; r.readAsText(new Blob(["abc"])); await new Promise(res => r.onloadend = res); return [p instanceof ProgressEvent, p.lengthComputable, p.loaded, p.total].join()`, "true,true,3,3"},
	{"ProgressEvent constructor", `const e = new ProgressEvent("x", {loaded: 5, total: 10, lengthComputable: true}); return [e.type, e.loaded, e.total, e.lengthComputable, e instanceof Event].join()`, "x,5,10,true,true"},
}

func TestJS(t *testing.T) {
	jstest.RunIn(t, newIsolate(t), jsTests, jstest.CallAsync)
}

var mimeCharsetTests = []struct {
	in, want string
	ok       bool
}{
	{"text/plain;charset=utf-8", "utf-8", true},
	{"text/plain; CHARSET=\"Shift_JIS\"", "Shift_JIS", true},
	{"text/plain;charset=;charset=latin1", "latin1", true},
	{"text/plain", "", false},
	{"text;charset=utf-8", "", false},
	{"text/plain;charset=\"a\\\"b\"x;q=1", "a\"b", true},
}

func TestMIMECharset(t *testing.T) {
	for _, tt := range mimeCharsetTests {
		got, ok := mimeCharset(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("mimeCharset(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWorkerOnly(t *testing.T) {
	iso := newIsolate(t)
	if got := jstest.Call(t, iso, `return typeof FileReaderSync + typeof FileList`); got != "undefinedfunction" {
		t.Fatalf("Install exposes %s", got)
	}
	_ = iso.Do(func() error { InstallWorker(iso); return nil })
	tests := []struct{ src, want string }{
		{`return new FileReaderSync().readAsText(new Blob(["h\u00e9"]))`, "hé"},
		{`return new FileReaderSync().readAsDataURL(new Blob(["TEST"], {type: "text/plain"}))`, "data:text/plain;base64,VEVTVA=="},
		{`return new Uint8Array(new FileReaderSync().readAsArrayBuffer(new Blob(["ab"]))).join()`, "97,98"},
		{`new FileList()`, "TypeError: Illegal constructor"},
		{`return Blob.prototype.text.call({}).then(() => "resolved", e => e.message)`, "[object Promise]"},
	}
	for _, tt := range tests {
		if got := jstest.Call(t, iso, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.src, got, tt.want)
		}
	}
	if got := jstest.CallAsync(t, iso, `return await Blob.prototype.bytes.call({}).then(() => "resolved", e => e.name + ": " + e.message)`); got != "TypeError: Illegal invocation" {
		t.Errorf("brand check: %q", got)
	}
}
