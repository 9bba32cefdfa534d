package edgerun_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/edgerun/edgerun"
	"github.com/edgerun/edgerun/router"
)

// App Router route handlers (testdata/approutes), as Next.js 16 answers
// them under next start: the Node runtime goes through Next's app-route
// template (the app-path Vary first, Node framing, the compression
// middleware: compressible types add Accept-Encoding to Vary and bodies
// are piped, so chunked), edge routes through the edge adapter.

const (
	appVary     = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch"
	appVaryGzip = appVary + ", Accept-Encoding"
	jsonType    = "application/json"
)

var appNodeExchanges = []nodeExchange{
	// Seed 002: the POST handler, and the pages route sharing lib/greet.ts.
	{name: "seed POST", method: "POST", path: "/api/app-greet", header: map[string]string{"Content-Type": "application/json"}, body: `{"name":"Ada"}`,
		wantStatus: 200, wantHeader: map[string]string{"Content-Type": jsonType, "Vary": appVaryGzip, "Content-Length": ""}, wantChunked: chunked,
		wantBody: `{"greeting":"Hello, Ada"}`},
	{name: "pages route shares the business logic", method: "POST", path: "/api/greet", header: map[string]string{"Content-Type": "application/json"},
		body: `{"name":"Ada"}`, wantStatus: 200, wantHeader: map[string]string{"Content-Type": jsonUTF8}, wantBody: `{"greeting":"Hello, Ada"}`},

	// Methods: named exports, 405, HEAD from GET, OPTIONS from the exports, 400.
	{name: "GET", path: "/api/methods", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "text/plain;charset=UTF-8", "X-Handler": "GET", "Vary": appVaryGzip}, wantBody: "GET GET"},
	{name: "POST", method: "POST", path: "/api/methods", body: "hi", wantStatus: 201, wantBody: "POST hi"},
	{name: "HEAD falls back to GET", method: "HEAD", path: "/api/methods", wantStatus: 200,
		wantHeader: map[string]string{"X-Handler": "GET", "Content-Type": "text/plain;charset=UTF-8", "Content-Length": ""}, wantChunked: notChunked, wantBody: ""},
	{name: "PUT not exported", method: "PUT", path: "/api/methods", body: "x", wantStatus: 405,
		wantHeader: map[string]string{"Allow": "", "Content-Type": "", "Vary": appVary}, wantChunked: chunked, wantBody: ""},
	{name: "DELETE not exported", method: "DELETE", path: "/api/methods", wantStatus: 405, wantBody: ""},
	{name: "OPTIONS implemented from the exports", method: "OPTIONS", path: "/api/methods", wantStatus: 204,
		wantHeader: map[string]string{"Allow": "GET, HEAD, OPTIONS, POST", "Vary": appVary}, wantBody: ""},
	{name: "unknown method", method: "PROPFIND", path: "/api/methods", wantStatus: 400, wantBody: ""},
	{name: "lowercase method names do not count", path: "/api/lowercase", wantStatus: 405, wantBody: ""},
	{name: "lowercase module OPTIONS", method: "OPTIONS", path: "/api/lowercase", wantStatus: 204, wantHeader: map[string]string{"Allow": "OPTIONS"}},
	{name: "seed CORS preflight", method: "OPTIONS", path: "/api/cors", wantStatus: 204,
		wantHeader: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Allow": ""}, wantBody: ""},
	{name: "seed CORS GET", path: "/api/cors", wantStatus: 200, wantHeader: map[string]string{"Access-Control-Allow-Origin": "*"}, wantBody: `{"ok":true}`},

	// Params: a promise of decoded values; the URL is the request's.
	{name: "params promise", path: "/api/items/42?x=1", wantStatus: 200,
		wantBody: `{"id":"42","isPromise":true,"pathname":"/api/items/42","search":"?x=1","url":"http://localhost:{port}/api/items/42?x=1"}`},
	{name: "a param does not rewrite the query", path: "/api/items/42?id=zzz", wantStatus: 200,
		wantBody: `{"id":"42","isPromise":true,"pathname":"/api/items/42","search":"?id=zzz","url":"http://localhost:{port}/api/items/42?id=zzz"}`},
	{name: "param decoded", path: "/api/items/a%20b", wantStatus: 200, wantInBody: `{"id":"a b",`},
	{name: "catch-all", path: "/api/docs/a/b%2Fc", wantStatus: 200, wantBody: `{"slug":["a","b/c"]}`},
	{name: "catch-all needs a segment", path: "/api/docs", wantStatus: 404, wantInBody: "404: This page could not be found"},
	{name: "optional catch-all empty", path: "/api/opt", wantStatus: 200, wantBody: `{}`},
	{name: "optional catch-all", path: "/api/opt/x/y", wantStatus: 200, wantBody: `{"rest":["x","y"]}`},
	{name: "static route has no params", path: "/api/static-ctx", wantStatus: 200, wantBody: `{"keys":["params"],"params":"undefined"}`},

	// File conventions.
	{name: "route group", path: "/api/grouped", wantStatus: 200, wantBody: "grouped"},
	{name: "route group is not a segment", path: "/(group)/api/grouped", wantStatus: 404, wantInBody: "404: This page could not be found"},
	{name: "%5F folder", path: "/api/_under", wantStatus: 200, wantBody: "underscore"},
	{name: "private folder", path: "/api/_private", wantStatus: 404, wantInBody: "404: This page could not be found"},
	{name: "outside /api", path: "/feed.xml", wantStatus: 200, wantHeader: map[string]string{"Content-Type": "application/xml"}, wantBody: `<rss version="2.0"></rss>`},
	{name: "page.tsx is not served", path: "/api", wantStatus: 404, wantInBody: "404: This page could not be found"},

	// Errors: Next's template logs them and answers an empty 500.
	{name: "no Response returned", path: "/api/none", wantStatus: 500, wantHeader: map[string]string{"Vary": appVary, "Content-Type": ""}, wantChunked: chunked, wantBody: "",
		wantLog: []string{"⨯ Error: No response is returned from route handler '[project]/app/api/none/route.ts'. Ensure you return a `Response` or a `NextResponse` in all branches of your handler."}},
	{name: "handler throws", path: "/api/throws", wantStatus: 500, wantBody: "", wantLog: []string{"⨯ Error: boom from a route handler"}},

	// next/headers and next/navigation.
	{name: "cookies() and headers()", path: "/api/cookies", header: map[string]string{"Cookie": "theme=dark", "User-Agent": "ua-1"}, wantStatus: 200,
		wantValues: map[string][]string{"Set-Cookie": {"own=1; Path=/", "visited=yes; Path=/; HttpOnly"}},
		wantBody:   `{"theme":{"name":"theme","value":"dark","path":"/"},"ua":"ua-1","readonly":"Headers cannot be modified. Read more: https://nextjs.org/docs/app/api-reference/functions/headers"}`},
	{name: "cookies() outside a route handler", path: "/api/outside", wantStatus: 500,
		wantBody: "{\"error\":\"`cookies` was called outside a request scope. Read more: https://nextjs.org/docs/messages/next-dynamic-api-wrong-context\"}"},
	{name: "redirect()", path: "/api/redirect", wantStatus: 307,
		wantHeader: map[string]string{"Location": "/api/methods", "Set-Cookie": "from=redirect; Path=/"}, wantBody: ""},
	{name: "redirect() from a form post", method: "POST", path: "/api/redirect", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, body: "a=1",
		wantStatus: 303, wantHeader: map[string]string{"Location": "/api/methods"}, wantBody: ""},
	{name: "notFound()", path: "/api/notfound", wantStatus: 404, wantHeader: map[string]string{"Content-Type": ""}, wantBody: ""},

	// Segment config and bodies.
	{name: "force-static request", path: "/api/static?z=1", header: map[string]string{"User-Agent": "ua-1"}, wantStatus: 200,
		wantBody: `{"ua":null,"h":null,"search":"","url":"http://localhost:3000/api/static"}`},
	{name: "streamed body", path: "/api/stream", wantStatus: 200, wantChunked: chunked, wantBody: "one two three"},
}

var appEdgeExchanges = []nodeExchange{
	{name: "edge GET", path: "/api/edge", wantStatus: 200, wantHeader: map[string]string{"Content-Type": jsonType, "Vary": ""},
		wantBody: `{"edge":true,"hasBuffer":false,"url":"http://localhost:{port}/api/edge"}`},
	{name: "edge POST", method: "POST", path: "/api/edge", body: `{"name":"Ada"}`, wantStatus: 200, wantBody: `{"greeting":"Hello, Ada"}`},
	{name: "edge HEAD", method: "HEAD", path: "/api/edge", wantStatus: 200, wantBody: ""},
	{name: "edge PUT not exported", method: "PUT", path: "/api/edge", wantStatus: 405, wantBody: ""},
	{name: "edge OPTIONS", method: "OPTIONS", path: "/api/edge", wantStatus: 204, wantHeader: map[string]string{"Allow": "GET, HEAD, OPTIONS, POST"}},
	// The edge adapter's URL carries the params in the query.
	{name: "edge params", path: "/api/edge/7?q=1", wantStatus: 200, wantBody: `{"id":"7","url":"http://localhost:{port}/api/edge/7?q=1&id=7"}`},
	{name: "edge cookies()", path: "/api/edge/cookies", header: map[string]string{"Cookie": "theme=dark"}, wantStatus: 200,
		wantHeader: map[string]string{"Set-Cookie": "edge=1; Path=/"}, wantBody: `{"theme":"dark"}`},
	{name: "edge no Response", path: "/api/edge/none", wantStatus: 500, wantInBody: "500: Internal Server Error",
		wantLog: []string{"⨯ Error: No response is returned from route handler '[project]/app/api/edge/none/route.ts'."}},
}

func TestAppRoutesNode(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Production, filepath.Join("testdata", "approutes")), appNodeExchanges)
}

func TestAppRoutesEdge(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Production, filepath.Join("testdata", "approutes")), appEdgeExchanges)
}

// Node route handlers run in the shared Node isolate: module state is one
// with the pages routes'.
func TestAppRoutesShareModuleStateWithPages(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, filepath.Join("testdata", "approutes"))
	runNode(t, s, []nodeExchange{
		{name: "app 1", path: "/api/app-counter", wantStatus: 200, wantBody: `{"from":"app","n":1}`},
		{name: "pages 2", path: "/api/counter", wantStatus: 200, wantBody: `{"from":"pages","n":2}`},
		{name: "app 3", path: "/api/app-counter", wantStatus: 200, wantBody: `{"from":"app","n":3}`},
	})
}

// next/headers reads the request of the handler that calls it, across
// awaits, while other requests run on the same isolate.
func TestAppRoutesRequestScopeIsPerRequest(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, filepath.Join("testdata", "approutes"))
	for _, route := range []string{"/api/concurrent", "/api/edge/concurrent"} {
		t.Run(route, func(t *testing.T) { concurrentScopes(t, s, route) })
	}
}

func concurrentScopes(t *testing.T, s *nodeAPIServer, route string) {
	const n = 24
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			req, _ := http.NewRequest("GET", fmt.Sprintf("%s%s?delay=%d", s.URL, route, (n-i)%5), nil)
			req.Header.Set("Cookie", fmt.Sprintf("v=%d", i))
			req.Header.Set("X-V", fmt.Sprint(i))
			resp, err := rawClient.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var got struct{ V, H string }
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
				errs <- err
				return
			}
			if want := fmt.Sprint(i); got.V != want || got.H != want {
				errs <- fmt.Errorf("request %d saw cookie %q and header %q", i, got.V, got.H)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// The compression middleware gzips a route handler's piped body whatever
// its size.
func TestAppRoutesCompression(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, filepath.Join("testdata", "approutes"))
	resp, body := s.do(t, "POST", "/api/app-greet", map[string]string{"Content-Type": "application/json", "Accept-Encoding": "gzip"}, nil, `{"name":"Ada"}`)
	if resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Vary") != appVaryGzip {
		t.Fatalf("headers %v", resp.Header)
	}
	if got := decodeBody(t, "gzip", body); got != `{"greeting":"Hello, Ada"}` {
		t.Errorf("body %q", got)
	}
}

// next dev prints Next's errors for malformed route modules.
func TestAppRoutesDevWarnings(t *testing.T) {
	s := startNodeAPI(t, edgerun.Development, filepath.Join("testdata", "approutes"))
	runNode(t, s, []nodeExchange{
		{name: "lowercase export", path: "/api/lowercase", wantStatus: 405, wantBody: "", wantLog: []string{
			"⨯ Detected lowercase method 'get' in '[project]/app/api/lowercase/route.ts'. Export the uppercase 'GET' method name to fix this error.",
			"⨯ No HTTP methods exported in '[project]/app/api/lowercase/route.ts'. Export a named export for each HTTP method.",
		}},
		{name: "dev errors are empty 500s too", path: "/api/throws", wantStatus: 500, wantBody: "", wantLog: []string{"⨯ Error: boom from a route handler"}},
	})
}

// Seed 002's examples, unchanged, in examples/seeds.
func TestSeedRouteHandlers(t *testing.T) {
	run(t, startExample(t), []exchange{
		{name: "route handler POST", method: "POST", path: "/api/handlers/hello", header: map[string]string{"Content-Type": "application/json"},
			body: `{"name":"Ada"}`, wantStatus: 200, wantHeader: map[string]string{"Content-Type": jsonType}, wantBody: `{"greeting":"Hello, Ada"}`},
		{name: "route handler GET not exported", path: "/api/handlers/hello", wantStatus: 405, wantBody: ""},
		{name: "edge route handler", path: "/api/handlers/edge?q=nextjs", wantStatus: 200,
			wantHeader: map[string]string{"Content-Type": jsonType}, wantBody: `{"q":"nextjs"}`},
		{name: "edge route handler POST not exported", method: "POST", path: "/api/handlers/edge", wantStatus: 405, wantBody: ""},
		{name: "pages greet still answers", method: "POST", path: "/api/greet", header: map[string]string{"Content-Type": "application/json"},
			body: `{"name":"Ada"}`, wantStatus: 200, wantBody: `{"greeting":"Hello, Ada"}`},
	})
}

func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A pages route and an app route at one path is Next's build error; next
// dev answers 500 until it is fixed.
func TestAppRoutesConflictWithPages(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"pages/api/hello.ts":     "export default function handler(req, res) { res.json({}) }\n",
		"app/api/hello/route.ts": "export function GET() { return Response.json({}) }\n",
		"app/api/other/route.ts": "export function GET() { return Response.json({}) }\n",
	})
	const want = "router: Conflicting app and page file was found, please remove the conflicting files to continue:\n" +
		`  "pages/api/hello.ts" - "app/api/hello/route.ts"`
	_, err := edgerun.New(dir, edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err == nil || err.Error() != want || !errors.Is(err, router.ErrAppPageConflict) {
		t.Fatalf("New = %v, want %q", err, want)
	}
	s := startNodeAPI(t, edgerun.Development, dir)
	runNode(t, s, []nodeExchange{
		{name: "dev answers 500", path: "/api/other", wantStatus: 500, wantBody: "Internal Server Error"},
	})
	if !containsPrefix(s.logs.messages(), want) {
		t.Errorf("log %q lacks %q", s.logs.messages(), want)
	}
}

// A project with only an app folder serves its route handlers, and a
// reload picks up new ones.
func TestAppOnlyProject(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"src/app/api/ping/route.ts": "export function GET() { return new Response('pong') }\n",
	})
	srv, err := edgerun.New(dir, edgerun.WithMode(edgerun.Development), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	routes := srv.Routes()
	if len(routes) != 1 || routes[0].Page != "/api/ping" || routes[0].File != "src/app/api/ping/route.ts" || routes[0].Runtime != "nodejs" {
		t.Fatalf("Routes() = %+v", routes)
	}
	s := &nodeAPIServer{Server: newHTTPServer(t, srv), logs: &logCapture{}}
	runNode(t, s, []nodeExchange{{name: "ping", path: "/api/ping", wantStatus: 200, wantBody: "pong"}})

	p := filepath.Join(dir, "src", "app", "api", "[name]", "route.ts")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "export const runtime = 'edge'\nexport async function GET(_: Request, { params }) { return new Response('hi ' + (await params).name) }\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	runNode(t, s, []nodeExchange{
		{name: "new edge route", path: "/api/ada", wantStatus: 200, wantBody: "hi ada"},
		{name: "old route", path: "/api/ping", wantStatus: 200, wantBody: "pong"},
	})
}

// Invalid segment config is Next's error, with the file and line.
func TestAppRouteInvalidSegmentConfig(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"app/api/bad/route.ts": "export const dynamic = 'static'\nexport function GET() { return new Response('x') }\n",
	})
	_, err := edgerun.New(dir, edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	for _, want := range []string{
		`Invalid segment configuration options detected for "/api/bad/route". Read more at https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config: Invalid enum value. Expected 'auto' | 'error' | 'force-static' | 'force-dynamic', received 'static' at "dynamic"`,
		"app/api/bad/route.ts:1:24:",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("New = %v, want an error containing %q", err, want)
		}
	}
}

func newHTTPServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// benchAppRoute measures warm requests to one App Router route of
// testdata/approutes through Server.ServeHTTP (no network).
func benchAppRoute(b *testing.B, method, path, body string) {
	srv, err := edgerun.New(filepath.Join("testdata", "approutes"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	do := func() int {
		var rb *strings.Reader
		if body != "" {
			rb = strings.NewReader(body)
		}
		req := httptest.NewRequest(method, path, nil)
		if rb != nil {
			req = httptest.NewRequest(method, path, rb)
			req.Header.Set("Content-Type", "application/json")
		}
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, req)
		return w.code
	}
	if code := do(); code != 200 {
		b.Fatalf("status %d", code)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := do(); code != 200 {
			b.Fatalf("status %d", code)
		}
	}
}

// Node route handler: a dynamic route answering Response.json.
func BenchmarkAppRouteNodeParams(b *testing.B) { benchAppRoute(b, "GET", "/api/items/42?x=1", "") }

// Seed 002's POST handler: request.json() in, Response.json out.
func BenchmarkAppRouteNodeJSONBody(b *testing.B) {
	benchAppRoute(b, "POST", "/api/app-greet", `{"name":"Ada"}`)
}

// Edge route handler.
func BenchmarkAppRouteEdge(b *testing.B) { benchAppRoute(b, "GET", "/api/edge", "") }
