package fetch

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/webapi/events"
)

// closeTracker records whether a request body was closed.
type closeTracker struct {
	io.Reader
	closed bool
}

func (c *closeTracker) Close() error { c.closed = true; return nil }

func TestNewRequest(t *testing.T) {
	iso := newIsolate(t, Options{})
	var abort func(goja.Value)
	body := &closeTracker{Reader: strings.NewReader(`{"hello":"world"}`)}
	err := iso.Do(func() error {
		h := http.Header{"Content-Type": {"application/json"}, "Content-Length": {"17"}, "X-Multi": {"a", "b"}}
		sig, ab := events.NewAbortSignal(iso)
		abort = ab
		req := NewRequest(iso, "POST", "http://localhost:3000/api/x?y=1", h, body, sig)
		return iso.VM().Set("req", req)
	})
	if err != nil {
		t.Fatal(err)
	}
	jstest.RunIn(t, iso, []jstest.Case{
		{"attributes", `return [req.method, req.url, req.mode, req.headers.get("content-type"), req.headers.get("x-multi"), req.bodyUsed].join("|")`,
			"POST|http://localhost:3000/api/x?y=1|cors|application/json|a, b|false"},
		{"json", `return (await req.json()).hello + req.bodyUsed`, "worldtrue"},
		{"headers mutable", `req.headers.set("x-new", "1"); return req.headers.get("x-new")`, "1"},
	}, jstest.Eval)
	if !body.closed {
		t.Error("request body was not closed after reading")
	}
	if err := iso.Do(func() error { abort(iso.VM().ToValue("client gone")); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := jstest.Eval(t, iso, `return req.signal.aborted + ":" + req.signal.reason`); got != "true:client gone" {
		t.Errorf("signal: got %q", got)
	}
}

func TestNewRequestBodyStream(t *testing.T) {
	iso := newIsolate(t, Options{})
	pr, pw := io.Pipe()
	if err := iso.Do(func() error {
		return iso.VM().Set("req", NewRequest(iso, "PUT", "http://h/", http.Header{}, pr, nil))
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		pw.Write([]byte("chunk1"))
		pw.Write([]byte("chunk2"))
		pw.Close()
	}()
	got := jstest.Eval(t, iso, `const rd = req.body.getReader(); let s = ""; for (;;) { const {done, value} = await rd.read(); if (done) break; s += String.fromCharCode(...value) + ";" } return s + req.signal.aborted`)
	if got != "chunk1;chunk2;false" {
		t.Fatalf("got %q", got)
	}
}

// TestResponseBody checks what the server gets from (*Response).Body.
func TestResponseBody(t *testing.T) {
	iso := newIsolate(t, Options{})
	tests := []struct {
		src        string
		wantStream bool
		wantNull   bool
		wantBytes  string
		wantStatus int
		wantHeader string
	}{
		{`new Response("Hello world!")`, false, false, "Hello world!", 200, "content-type=text/plain;charset=UTF-8"},
		{`new Response(null, {status: 204, headers: {"set-cookie": "a", "Set-Cookie": "b", x: "1"}})`, false, true, "", 204, "set-cookie=a set-cookie=b x=1"},
		{`Response.json({a: 1}, {status: 201})`, false, false, `{"a":1}`, 201, "content-type=application/json"},
		{`new Response("")`, false, false, "", 200, "content-type=text/plain;charset=UTF-8"},
		{`new Response(new ReadableStream({start(c) { c.enqueue(new Uint8Array([1])); c.close() }}))`, true, false, "", 200, ""},
		{`(() => { const r = new Response("x"); r.body; return r })()`, true, false, "", 200, "content-type=text/plain;charset=UTF-8"},
	}
	for _, tt := range tests {
		err := iso.Do(func() error {
			v, err := iso.VM().RunString(tt.src)
			if err != nil {
				return err
			}
			r, ok := ResponseOf(iso, v)
			if !ok {
				t.Fatalf("%s: not a Response", tt.src)
			}
			stream, b := r.Body()
			if (stream != nil) != tt.wantStream {
				t.Errorf("%s: stream = %v", tt.src, stream)
			}
			if isNull := stream == nil && b == nil; isNull != tt.wantNull {
				t.Errorf("%s: null body = %v, want %v", tt.src, isNull, tt.wantNull)
			}
			if string(b) != tt.wantBytes {
				t.Errorf("%s: bytes %q, want %q", tt.src, b, tt.wantBytes)
			}
			if r.Status() != tt.wantStatus {
				t.Errorf("%s: status %d", tt.src, r.Status())
			}
			var hs []string
			for _, h := range r.HeaderList() {
				hs = append(hs, h[0]+"="+h[1])
			}
			if got := strings.Join(hs, " "); got != tt.wantHeader {
				t.Errorf("%s: headers %q, want %q", tt.src, got, tt.wantHeader)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestBodyReaderPassThrough checks a fetched response can be handed to the
// server as the Go reader it arrived as.
func TestBodyReaderPassThrough(t *testing.T) {
	iso := newIsolate(t, Options{})
	err := iso.Do(func() error {
		r := newResponseValue(iso, GuardImmutable)
		r.body = newReaderBody(io.NopCloser(strings.NewReader("proxied")), 7)
		rc, ok := r.BodyReader()
		if !ok {
			t.Fatal("no reader")
		}
		b, _ := io.ReadAll(rc)
		if string(b) != "proxied" {
			t.Errorf("got %q", b)
		}
		if _, ok := r.BodyReader(); ok {
			t.Error("reader handed out twice")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
