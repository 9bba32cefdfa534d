package edgerun_test

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgerun/edgerun"
)

func startFaults(t *testing.T, opts ...edgerun.Option) *httptest.Server {
	t.Helper()
	base := append([]edgerun.Option{
		edgerun.WithLogger(testLogger()),
		edgerun.WithConsole(testConsole()),
		edgerun.WithProcessEnv(map[string]string{}),
		edgerun.WithCPUDeadline(time.Second),  // generous: the first Node request also loads the bundle
		edgerun.WithMode(edgerun.Development), // production refuses to start with a broken route
	}, opts...)
	srv, err := edgerun.New(filepath.Join("testdata", "faults"), base...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

var devFaultExchanges = []exchange{
	{name: "node throw shows the dev error page with the .ts location", path: "/api/throws", wantStatus: 500,
		wantHeader: map[string]string{"Content-Type": "text/html; charset=utf-8"}, wantInBody: "pages/api/throws.ts:5"},
	{name: "async throw", path: "/api/throws-async", wantStatus: 500, wantInBody: "TypeError: async boom"},
	{name: "compile error names file:line:column", path: "/api/broken", wantStatus: 500, wantInBody: "pages/api/broken.ts:2:13"},
	{name: "other routes still serve", path: "/api/ok", wantStatus: 200, wantBody: `{"ok":true}`},
	{name: "missing default export", path: "/api/nodefault", wantStatus: 500, wantInBody: "Page /api/nodefault does not export a default function."},
	{name: "returned Response in dev", path: "/api/returns-response", wantStatus: 500,
		wantInBody: "API route returned a Response object in the Node.js runtime, this is not supported."},
	{name: "edge throw", path: "/api/edge/throws", wantStatus: 500, wantInBody: "pages/api/edge/throws.ts:3"},
	{name: "edge non-Response", path: "/api/edge/not-response", wantStatus: 500, wantInBody: "TypeError: Expected an instance of Response to be returned"},
	{name: "edge undefined is NextResponse.next()", path: "/api/edge/undefined", wantStatus: 200,
		wantHeader: map[string]string{"X-Middleware-Next": "1"}, wantBody: ""},
	{name: "edge eval is production's EvalError", path: "/api/edge/eval", wantStatus: 500,
		wantInBody: "EvalError: Code generation from strings disallowed for this context"},
	{name: "edge new Function too", path: "/api/edge/new-function", wantStatus: 500,
		wantInBody: "EvalError: Code generation from strings disallowed for this context"},
	{name: "no Buffer or require on the edge", path: "/api/edge/buffer", wantStatus: 200, wantBody: "undefined function string"},
	{name: "edge process functions throw Next's message", path: "/api/edge/process", wantStatus: 500,
		wantInBody: "A Node.js API is used (process.cwd) which is not supported in the Edge Runtime."},
	{name: "edge process.env", path: "/api/edge/env", wantStatus: 200, wantBody: `{"runtime":"edge","secret":"from-dotenv"}`},
	{name: "Next-parity stubs throw", path: "/api/edge/stub", wantStatus: 500,
		wantInBody: "A Node.js API is used (CompressionStream) which is not supported in the Edge Runtime."},
	{name: "same-host redirect is made relative", path: "/api/edge/redirect", wantStatus: 307,
		wantHeader: map[string]string{"Location": "/api/edge/ok"}},
	{name: "edge params join the query", path: "/api/edge/params/a%2Fb?id=zzz&x=1", wantStatus: 200, wantBody: "/api/edge/params/a%2Fb?id=a%2Fb&x=1 a/b"},
}

func TestFaultsDev(t *testing.T) { run(t, startFaults(t), devFaultExchanges) }

func TestFaultsProductionNodeThrow(t *testing.T) {
	// Production refuses to start with a broken route, so serve a copy
	// without it.
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "faults"), dir, "broken.ts")
	srv, err := edgerun.New(dir, edgerun.WithLogger(testLogger()), edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	run(t, ts, []exchange{
		{name: "plain 500 with headers set before the throw", path: "/api/throws", wantStatus: 500,
			wantHeader: map[string]string{"X-Before": "kept", "Content-Type": ""}, wantBody: "Internal Server Error"},
		{name: "async", path: "/api/throws-async", wantStatus: 500, wantBody: "Internal Server Error"},
		{name: "edge throw is the HTML 500 page", path: "/api/edge/throws", wantStatus: 500, wantInBody: "500: Internal Server Error"},
		{name: "still serving", path: "/api/ok", wantStatus: 200, wantBody: `{"ok":true}`},
	})
}

func TestProductionRefusesBrokenRoute(t *testing.T) {
	_, err := edgerun.New(filepath.Join("testdata", "faults"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err == nil || !strings.Contains(err.Error(), "pages/api/broken.ts:2:13") {
		t.Fatalf("want a build error naming pages/api/broken.ts:2:13, got %v", err)
	}
}

func TestEdgeImportOfNodeBuiltinIsABuildError(t *testing.T) {
	_, err := edgerun.New(filepath.Join("testdata", "badedge"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err == nil {
		t.Fatal("edge route importing fs built")
	}
	for _, want := range []string{`A Node.js module is loaded ("fs") which is not supported in the Edge Runtime`, "lib/reader.ts:1", "pages/api/fs.ts"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// A runaway script is stopped at its CPU deadline, the request gets a 500,
// and the isolate is replaced: the next request is served.
func TestCPUDeadline(t *testing.T) {
	ts := startFaults(t)
	run(t, ts, []exchange{
		{name: "node loop", path: "/api/loop", wantStatus: 500, wantInBody: "CPU deadline"},
		{name: "node isolate replaced", path: "/api/ok", wantStatus: 200, wantBody: `{"ok":true}`},
		{name: "edge loop", path: "/api/edge/loop", wantStatus: 500, wantInBody: "CPU deadline"},
		{name: "edge isolate replaced", path: "/api/edge/ok", wantStatus: 200, wantBody: "edge ok"},
	})
}

// event.waitUntil work runs after the response is sent.
func TestWaitUntil(t *testing.T) {
	ts := startFaults(t)
	run(t, ts, []exchange{{name: "respond", path: "/api/edge/wait-until", wantStatus: 200, wantBody: "sent"}})
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := httpGet(ts.URL + "/api/edge/wait-until?read")
		if err == nil && resp == `["after response"]` {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("waitUntil work never ran")
}

// Public files are found by their decoded names; an encoded slash never
// names one.
func TestPublicDecodedNames(t *testing.T) {
	run(t, startFaults(t), []exchange{
		{name: "encoded space", path: "/my%20file.txt", wantStatus: 200, wantBody: "hi\n"},
		{name: "encoded slash", path: "/..%2Fgo.mod", wantStatus: 404, wantInBody: "This page could not be found"},
	})
}
