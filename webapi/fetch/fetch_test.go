package fetch

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
)

// testServer serves the endpoints the fetch tests use.
func testServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		w.Header().Set("X-UA", r.Header.Get("User-Agent"))
		w.Header().Set("X-Accept", r.Header.Get("Accept"))
		w.Header().Set("X-Custom", r.Header.Get("X-Custom"))
		w.WriteHeader(201)
		io.WriteString(w, "hello world")
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Method", r.Method)
		w.Header().Set("X-Content-Type", r.Header.Get("Content-Type"))
		w.Header().Set("X-Content-Length", fmt.Sprint(r.ContentLength))
		w.Header().Set("X-Cookie", r.Header.Get("Cookie"))
		w.Header().Set("X-Authorization", r.Header.Get("Authorization"))
		w.Write(b)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		status := 302
		fmt.Sscan(r.URL.Query().Get("status"), &status)
		http.Redirect(w, r, r.URL.Query().Get("to"), status)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", 302)
	})
	mux.HandleFunc("/nocontent", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	return httptest.NewServer(mux)
}

// setGlobal defines a global in the isolate.
func setGlobal(t *testing.T, iso *runtime.Isolate, name string, v any) {
	t.Helper()
	if err := iso.Do(func() error { return iso.VM().Set(name, v) }); err != nil {
		t.Fatal(err)
	}
}

func TestFetch(t *testing.T) {
	srv := testServer(t)
	defer srv.Close()
	iso := newIsolate(t, Options{})
	setGlobal(t, iso, "BASE", srv.URL)
	tests := []jstest.Case{
		{"GET", `const r = await fetch(BASE + "/hello", {headers: {"X-Custom": "yes"}});
			return [r.status, r.statusText, r.ok, r.type, r.url === BASE + "/hello", r.redirected, r.headers.get("content-type"), r.headers.get("x-ua"), r.headers.get("x-accept"), r.headers.get("x-custom"), await r.text()].join("|")`,
			"201|Created|true|basic|true|false|text/plain|edgerun|*/*|yes|hello world"},
		{"response headers immutable", `const r = await fetch(BASE + "/hello"); try { r.headers.set("a", "b") } catch (e) { return e.name + r.headers.getSetCookie().join() }`, "TypeErrora=1,b=2"},
		{"POST string", `const r = await fetch(BASE + "/echo", {method: "POST", body: "payload"});
			return [r.headers.get("x-method"), r.headers.get("x-content-type"), r.headers.get("x-content-length"), await r.text()].join("|")`,
			"POST|text/plain;charset=UTF-8|7|payload"},
		{"POST no body", `const r = await fetch(BASE + "/echo", {method: "POST"}); return r.headers.get("x-content-length")`, "0"},
		{"POST stream", `let i = 0; const s = new ReadableStream({async pull(c) { await null; if (i++ < 3) c.enqueue(new Uint8Array([97 + i])); else c.close() }});
			const r = await fetch(BASE + "/echo", {method: "PUT", body: s, duplex: "half"});
			return [r.headers.get("x-method"), r.headers.get("x-content-length"), await r.text()].join("|")`, "PUT|-1|bcd"},
		{"fetch(Request)", `const q = new Request(BASE + "/echo", {method: "POST", body: "from request", headers: {Cookie: "c=1"}}); const r = await fetch(q); return [await r.text(), r.headers.get("x-cookie"), q.bodyUsed].join("|")`,
			"from request|c=1|true"},
		{"json", `const r = await fetch(BASE + "/echo", {method: "POST", body: JSON.stringify({a: [1]})}); return (await r.json()).a[0]`, "1"},
		{"body stream", `const r = await fetch(BASE + "/hello"); const rd = r.body.getReader(); let s = ""; for (;;) { const {done, value} = await rd.read(); if (done) break; s += String.fromCharCode(...value) } return s + r.bodyUsed`, "hello worldtrue"},
		{"clone", `const r = await fetch(BASE + "/hello"); const c = r.clone(); return await r.text() + "|" + await c.text()`, "hello world|hello world"},
		{"HEAD", `const r = await fetch(BASE + "/hello", {method: "HEAD"}); return String(r.body) + r.status`, "null201"},
		{"204", `const r = await fetch(BASE + "/nocontent"); return String(r.body) + r.status + JSON.stringify(await r.text())`, `null204""`},
		{"follow 302", `const r = await fetch(BASE + "/redirect?to=/hello"); return [r.status, r.redirected, r.url === BASE + "/hello", await r.text()].join()`, "201,true,true,hello world"},
		{"303 POST becomes GET", `const r = await fetch(BASE + "/redirect?status=303&to=/echo", {method: "POST", body: "x"}); return [r.headers.get("x-method"), r.headers.get("x-content-type"), JSON.stringify(await r.text())].join()`, `GET,,""`},
		{"301 POST becomes GET", `const r = await fetch(BASE + "/redirect?status=301&to=/echo", {method: "POST", body: "x"}); return r.headers.get("x-method")`, "GET"},
		{"301 PUT stays PUT", `const r = await fetch(BASE + "/redirect?status=301&to=/echo", {method: "PUT", body: "x"}); return r.headers.get("x-method") + await r.text()`, "PUTx"},
		{"307 resends body", `const r = await fetch(BASE + "/redirect?status=307&to=/echo", {method: "POST", body: "again"}); return r.headers.get("x-method") + await r.text()`, "POSTagain"},
		{"307 stream body fails", `const s = new ReadableStream({pull(c) { c.enqueue(new Uint8Array([1])); c.close() }}); try { await fetch(BASE + "/redirect?status=307&to=/echo", {method: "POST", body: s, duplex: "half"}) } catch (e) { return e.message + "|" + e.cause.message }`,
			"fetch failed|cannot follow a redirect with a streamed request body"},
		{"redirect count", `try { await fetch(BASE + "/loop") } catch (e) { return e.name + ": " + e.message + " (" + e.cause.message + ")" }`, "TypeError: fetch failed (redirect count exceeded)"},
		{"manual", `const r = await fetch(BASE + "/redirect?to=/hello", {redirect: "manual"}); return [r.status, r.type, r.redirected, r.headers.get("location")].join()`, "302,basic,false,/hello"},
		{"error mode", `try { await fetch(BASE + "/redirect?to=/hello", {redirect: "error"}) } catch (e) { return e.message + "|" + e.cause.message }`, "fetch failed|unexpected redirect"},
		{"redirect to non-http", `try { await fetch(BASE + "/redirect?to=" + encodeURIComponent("data:,x")) } catch (e) { return e.name }`, "TypeError"},
		{"cross-origin redirect drops credentials", `const other = BASE.replace("127.0.0.1", "localhost"); const r = await fetch(BASE + "/redirect?status=307&to=" + encodeURIComponent(other + "/echo"), {headers: {Authorization: "secret", Cookie: "c=1"}}); return "[" + r.headers.get("x-authorization") + r.headers.get("x-cookie") + "]"`, "[]"},
		{"same-origin redirect keeps credentials", `const r = await fetch(BASE + "/redirect?status=307&to=/echo", {headers: {Authorization: "secret"}}); return r.headers.get("x-authorization")`, "secret"},
		{"data URL", `const r = await fetch("data:text/plain;base64,aGk="); return [r.status, r.statusText, r.headers.get("content-type"), r.url, await r.text()].join("|")`, "200|OK|text/plain|data:text/plain;base64,aGk=|hi"},
		{"bad data URL", `try { await fetch("data:text/html") } catch (e) { return e.name + ": " + e.message }`, "TypeError: fetch failed"},
		{"about:blank", `try { await fetch("about:blank") } catch (e) { return e.name + ": " + e.message }`, "TypeError: fetch failed"},
		{"data URL HEAD", `const r = await fetch("data:,x", {method: "HEAD"}); return String(r.body) + JSON.stringify(await r.text())`, `null""`},
		{"unknown scheme", `try { await fetch("ftp://x/") } catch (e) { return e.message }`, "fetch failed"},
		{"bad port", `try { await fetch("http://127.0.0.1:25/") } catch (e) { return e.message + "|" + e.cause.message }`, "fetch failed|bad port"},
		{"invalid URL rejects", `try { await fetch("http://:bad") } catch (e) { return e.name + ": " + e.message }`, "TypeError: Failed to parse URL from http://:bad"},
		{"no arguments", `try { await fetch() } catch (e) { return e.message }`, "Failed to execute 'fetch' on 'Window': 1 argument required, but only 0 present."},
		{"integrity match", `const r = await fetch(BASE + "/hello", {integrity: "sha256-uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="}); return await r.text()`, "hello world"},
		{"integrity strongest wins", `const r = await fetch(BASE + "/hello", {integrity: "sha256-bad sha512-MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="}); return r.status`, "201"},
		{"integrity mismatch", `try { await fetch(BASE + "/hello", {integrity: "sha384-AAAA"}) } catch (e) { return e.message + "|" + e.cause.message }`, "fetch failed|the response does not match the request's integrity metadata"},
		{"integrity unknown algorithm ignored", `return (await fetch(BASE + "/hello", {integrity: "md5-xyz"})).status`, "201"},
		{"integrity data URL", `try { await fetch("data:,x", {integrity: "sha256-AAAA"}) } catch (e) { return e.message }`, "fetch failed"},
		{"already aborted", `try { await fetch(BASE + "/hello", {signal: AbortSignal.abort()}) } catch (e) { return e.name }`, "AbortError"},
		{"aborted with reason", `try { await fetch(BASE + "/hello", {signal: AbortSignal.abort("why")}) } catch (e) { return e }`, "why"},
	}
	jstest.RunIn(t, iso, tests, jstest.Eval)
}

// TestFetchStreamsResponse shows the response body is not buffered: the
// server sends its second chunk only after the script has read the first.
func TestFetchStreamsResponse(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first")
		w.(http.Flusher).Flush()
		<-release
		io.WriteString(w, "second")
	}))
	defer srv.Close()
	iso := newIsolate(t, Options{})
	setGlobal(t, iso, "BASE", srv.URL)
	setGlobal(t, iso, "release", func() { close(release) })
	got := jstest.Eval(t, iso, `
		const r = await fetch(BASE);
		const rd = r.body.getReader();
		let s = "";
		const first = await rd.read();
		s += String.fromCharCode(...first.value) + "|";
		release();
		for (;;) { const {done, value} = await rd.read(); if (done) break; s += String.fromCharCode(...value) }
		return s`)
	if got != "first|second" {
		t.Fatalf("got %q", got)
	}
}

// TestFetchAbortMidBody aborts while the body is streaming: the read
// rejects with the signal's reason and the server sees the request end.
func TestFetchAbortMidBody(t *testing.T) {
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		close(gone)
	}))
	defer srv.Close()
	iso := newIsolate(t, Options{})
	setGlobal(t, iso, "BASE", srv.URL)
	tests := []jstest.Case{
		{"stream read", `const c = new AbortController(); const r = await fetch(BASE, {signal: c.signal}); const rd = r.body.getReader();
			const first = await rd.read(); c.abort(); try { await rd.read() } catch (e) { return first.value.length + e.name }`, "7AbortError"},
	}
	jstest.RunIn(t, iso, tests, jstest.Eval)
	<-gone
}

func TestFetchAbortTextAndPending(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-headers" {
			<-r.Context().Done()
			return
		}
		io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	iso := newIsolate(t, Options{})
	setGlobal(t, iso, "BASE", srv.URL)
	jstest.RunIn(t, iso, []jstest.Case{
		{"text() rejects with reason", `const c = new AbortController(); const r = await fetch(BASE, {signal: c.signal}); const p = r.text(); c.abort("stop"); try { await p } catch (e) { return e }`, "stop"},
		{"pending fetch rejects", `const c = new AbortController(); const p = fetch(BASE + "/slow-headers", {signal: c.signal}); c.abort(); try { await p } catch (e) { return e.name + "," + (e instanceof DOMException) }`, "AbortError,true"},
		{"request signal", `const c = new AbortController(); const q = new Request(BASE + "/slow-headers", {signal: c.signal}); const p = fetch(q); q.signal.addEventListener("abort", () => {}); c.abort(); try { await p } catch (e) { return e.name }`, "AbortError"},
	}, jstest.Eval)
}

func TestFetchNetworkErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	iso := newIsolate(t, Options{})
	setGlobal(t, iso, "CLOSED", closed)
	got := jstest.Eval(t, iso, `try { await fetch(CLOSED) } catch (e) { return [e.name, e.message, e.cause instanceof Error, e.cause.code, e.cause.message].join("|") }`)
	want := "TypeError|fetch failed|true|ECONNREFUSED|connect ECONNREFUSED " + strings.TrimPrefix(closed, "http://")
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestFetchAllowHost(t *testing.T) {
	srv := testServer(t)
	defer srv.Close()
	iso := newIsolate(t, Options{
		AllowHost: func(host string) bool { return host == "localhost" },
		UserAgent: "custom-agent",
	})
	setGlobal(t, iso, "BASE", srv.URL)
	setGlobal(t, iso, "LOCAL", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1))
	jstest.RunIn(t, iso, []jstest.Case{
		{"denied", `try { await fetch(BASE + "/hello") } catch (e) { return [e.name, e.message, e.cause.code, e.cause.message].join("|") }`,
			`TypeError|fetch failed|ERR_HOST_NOT_ALLOWED|fetch: host "127.0.0.1" is not allowed`},
		{"allowed", `const r = await fetch(LOCAL + "/hello"); return r.status + r.headers.get("x-ua")`, "201custom-agent"},
		{"redirect to denied host", `try { await fetch(LOCAL + "/redirect?to=" + encodeURIComponent(BASE + "/hello")) } catch (e) { return e.cause.code }`, "ERR_HOST_NOT_ALLOWED"},
	}, jstest.Eval)
}

// TestFetchUnreadBodyIsReleased checks that a response whose body no
// script reads is closed once it is garbage, so its connection ends.
func TestFetchUnreadBodyIsReleased(t *testing.T) {
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the client closed the body
		close(gone)
	}))
	defer srv.Close()
	iso := newIsolate(t, Options{})
	setGlobal(t, iso, "BASE", srv.URL)
	if got := jstest.Eval(t, iso, `const r = await fetch(BASE); return r.status`); got != "200" {
		t.Fatalf("got %q", got)
	}
	for {
		goruntime.GC()
		select {
		case <-gone:
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}
