package formdata

import (
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/internal/jstest"
)

var jsTests = []jstest.Case{
	{"append and get", `const f = new FormData(); f.append("a", "1"); f.append("a", "2"); return f.get("a") + f.getAll("a").join() + f.has("a") + f.has("b") + f.get("b")`, "11,2truefalsenull"},
	{"set replaces first", `const f = new FormData(); f.append("a", "1"); f.append("b", "x"); f.append("a", "2"); f.set("a", "3"); return [...f].map(e => e.join("=")).join("&")`, "a=3&b=x"},
	{"delete", `const f = new FormData(); f.append("a", "1"); f.append("b", "2"); f.append("a", "3"); f.delete("a"); return [...f.keys()].join()`, "b"},
	{"usvstring", `const f = new FormData(); f.append("\uD800", "\uDC00"); return escape([...f][0].join())`, "%uFFFD%2C%uFFFD"},
	{"blob becomes File named blob", `const f = new FormData(); f.append("x", new Blob(["hi"], {type: "text/plain"})); const v = f.get("x"); return [v instanceof File, v.name, v.type, await v.text()].join()`, "true,blob,text/plain,hi"},
	{"file keeps identity", `const f = new FormData(); const file = new File([], "n"); f.append("x", file); return f.get("x") === file`, "true"},
	{"filename rewraps", `const f = new FormData(); const file = new File(["z"], "n", {lastModified: 7}); f.append("x", file, "other"); const v = f.get("x"); return [v === file, v.name, v.lastModified].join()`, "false,other,7"},
	{"three args need a Blob", `new FormData().append("a", "b", "c")`, "TypeError: Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'."},
	{"arity", `new FormData().append("a")`, "TypeError: Failed to execute 'append' on 'FormData': 2 arguments required, but only 1 present."},
	{"no form elements", `new FormData({})`, "TypeError: Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'."},
	{"undefined form is fine", `return [...new FormData(undefined)].length`, "0"},
	{"forEach", `const f = new FormData(); f.append("a", "1"); let s = ""; f.forEach((v, k, o) => s += k + v + (o === f)); return s`, "a1true"},
	{"URLSearchParams from FormData", `const f = new FormData(); f.append("a", "1"); f.append("b", new Blob()); return new URLSearchParams(f).toString()`, "a=1&b=%5Bobject+File%5D"},
	{"iterator tag", `return Object.prototype.toString.call(new FormData().entries())`, "[object FormData Iterator]"},
}

func TestJS(t *testing.T) {
	jstest.RunIn(t, newIsolate(t), jsTests, jstest.CallAsync)
}

// A FormData built in JS, serialised from Go and parsed back, keeps its
// entries; names are escaped, values are not newline-normalised.
func TestMultipartRoundTrip(t *testing.T) {
	iso := newIsolate(t)
	var body []byte
	var contentType string
	err := iso.Do(func() error {
		v, err := iso.VM().RunString(`
			const f = new FormData();
			f.append("plain", "a\r\nb\nc");
			f.append('we"ird\nname', "é");
			f.append("upload", new File([new Uint8Array([0, 255, 13, 10])], "dir/x.bin", {type: "application/x-thing"}));
			f.append("untyped", new Blob(["zz"]));
			f`)
		if err != nil {
			return err
		}
		fd, ok := FormDataOf(iso, v)
		if !ok {
			t.Fatal("not a FormData")
		}
		body, contentType = Serialize(iso, fd)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	boundary := strings.TrimPrefix(contentType, "multipart/form-data; boundary=")
	if !strings.HasPrefix(boundary, "----WebKitFormBoundary") || len(boundary) != 38 {
		t.Fatalf("content type %q", contentType)
	}
	want := "--" + boundary + "\r\n" +
		"Content-Disposition: form-data; name=\"plain\"\r\n\r\na\r\nb\nc\r\n" +
		"--" + boundary + "\r\n" +
		"Content-Disposition: form-data; name=\"we%22ird%0Aname\"\r\n\r\né\r\n" +
		"--" + boundary + "\r\n" +
		"Content-Disposition: form-data; name=\"upload\"; filename=\"dir/x.bin\"\r\nContent-Type: application/x-thing\r\n\r\n\x00\xff\r\n\r\n" +
		"--" + boundary + "\r\n" +
		"Content-Disposition: form-data; name=\"untyped\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\nzz\r\n" +
		"--" + boundary + "--\r\n"
	if string(body) != want {
		t.Fatalf("body:\n%q\nwant:\n%q", body, want)
	}
	var got string
	err = iso.Do(func() error {
		obj, err := ParseMultipart(iso, body, contentType)
		if err != nil {
			return err
		}
		_ = iso.VM().Set("parsed", obj)
		v, err := iso.VM().RunString(`
			(async () => {
				const out = [];
				for (const [k, v] of parsed) {
					out.push(typeof v === "string" ? k + "=" + JSON.stringify(v) : k + "=File(" + v.name + "," + v.type + "," + [...new Uint8Array(await v.arrayBuffer())] + ")");
				}
				globalThis.result = out.join("|");
			})()`)
		_ = v
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = iso.Do(func() error { got = iso.VM().Get("result").String(); return nil })
	wantParsed := `plain="a\r\nb\nc"|we%22ird%0Aname="é"|upload=File(dir/x.bin,application/x-thing,0,255,13,10)|untyped=File(blob,application/octet-stream,122,122)`
	if got != wantParsed {
		t.Fatalf("parsed:\n%s\nwant:\n%s", got, wantParsed)
	}
}

var parseErrorTests = []struct{ body, contentType string }{
	{"whatever", "text/plain"},
	{"whatever", "multipart/form-data"},
	{"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n", "multipart/form-data; boundary=x"}, // no closing delimiter
	{"--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--\r\n", "multipart/form-data; boundary=x"},          // no Content-Disposition
}

func TestParseMultipartErrors(t *testing.T) {
	iso := newIsolate(t)
	for _, tt := range parseErrorTests {
		_ = iso.Do(func() error {
			if _, err := ParseMultipart(iso, []byte(tt.body), tt.contentType); !errors.Is(err, ErrInvalidMultipart) {
				t.Errorf("ParseMultipart(%q, %q) error %v, want ErrInvalidMultipart", tt.body, tt.contentType, err)
			}
			return nil
		})
	}
}

func TestParseMultipartDefaultsFileType(t *testing.T) {
	iso := newIsolate(t)
	body := "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhi\r\n--b--\r\n"
	_ = iso.Do(func() error {
		obj, err := ParseMultipart(iso, []byte(body), `multipart/form-data; boundary="b"`)
		if err != nil {
			t.Fatal(err)
		}
		fd, _ := FormDataOf(iso, obj)
		if e := fd.Entries()[0]; e.Blob == nil || e.Blob.Type() != "text/plain" || string(e.Blob.Bytes()) != "hi" {
			t.Errorf("entry %+v", e)
		}
		return nil
	})
}

func TestParseURLEncoded(t *testing.T) {
	iso := newIsolate(t)
	_ = iso.Do(func() error {
		obj := ParseURLEncoded(iso, []byte("a=1&b=x+y&a=%E2%82%AC"))
		fd, _ := FormDataOf(iso, obj)
		var got []string
		for _, e := range fd.Entries() {
			got = append(got, e.Name+"="+e.Value)
		}
		if strings.Join(got, "&") != "a=1&b=x y&a=€" {
			t.Errorf("got %v", got)
		}
		if _, ok := obj.Get("get").(*goja.Object); !ok {
			t.Error("not a FormData object")
		}
		return nil
	})
}
