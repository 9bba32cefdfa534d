package edgerun_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgerun/edgerun"
)

// The dev loop (`edgerun dev`): a Development server with the watcher, on
// a temp copy of testdata/devloop, over a real listener. Reloads are
// awaited by polling the response, never by sleeping a fixed time.

type devLoop struct {
	t   *testing.T
	dir string
	url string
	srv *edgerun.Server
}

func startDevLoop(t *testing.T) *devLoop { t.Helper(); return startDevLoopWith(t, nil) }

// startDevLoopWith lets prepare change the project before the server starts.
func startDevLoopWith(t *testing.T, prepare func(d *devLoop)) *devLoop {
	t.Helper()
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Upstream", "yes")
		io.WriteString(w, "upstream "+r.URL.RequestURI()+" host="+r.Host)
	}))
	t.Cleanup(upstream.Close)
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "devloop"), dir)
	d := &devLoop{t: t, dir: dir}
	d.replace("next.config.js", "http://upstream.example", upstream.URL)
	if prepare != nil {
		prepare(d)
	}
	srv, err := edgerun.New(dir,
		edgerun.WithMode(edgerun.Development),
		edgerun.WithWatch(true),
		edgerun.WithLogger(testLogger()),
		edgerun.WithConsole(testConsole()),
		edgerun.WithProcessEnv(map[string]string{}),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	d.url, d.srv = ts.URL, srv
	return d
}

// write replaces a project file (creating folders).
func (d *devLoop) write(rel, content string) {
	d.t.Helper()
	p := filepath.Join(d.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		d.t.Fatal(err)
	}
}

func (d *devLoop) read(rel string) string {
	d.t.Helper()
	b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(rel)))
	if err != nil {
		d.t.Fatal(err)
	}
	return string(b)
}

func (d *devLoop) replace(rel, old, new string) {
	d.t.Helper()
	src := d.read(rel)
	if !strings.Contains(src, old) {
		d.t.Fatalf("%s does not contain %q", rel, old)
	}
	d.write(rel, strings.Replace(src, old, new, 1))
}

func (d *devLoop) remove(rel string) {
	d.t.Helper()
	if err := os.RemoveAll(filepath.Join(d.dir, filepath.FromSlash(rel))); err != nil {
		d.t.Fatal(err)
	}
}

type devResponse struct {
	status int
	header http.Header
	body   string
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func (d *devLoop) do(method, path string, header map[string]string) devResponse {
	d.t.Helper()
	req, err := http.NewRequest(method, d.url+path, nil)
	if err != nil {
		d.t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return devResponse{resp.StatusCode, resp.Header, string(b)}
}

func (d *devLoop) get(path string) devResponse { d.t.Helper(); return d.do("GET", path, nil) }

// await polls path until ok accepts the response, for at most 20 s (a
// loaded CI machine); the failure shows the last response.
func (d *devLoop) await(path string, what string, ok func(devResponse) bool) devResponse {
	d.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last devResponse
	for time.Now().Before(deadline) {
		last = d.get(path)
		if ok(last) {
			return last
		}
		time.Sleep(5 * time.Millisecond)
	}
	d.t.Fatalf("GET %s never %s; last: %d %q", path, what, last.status, last.body)
	return last
}

func (d *devLoop) awaitBody(path, want string) devResponse {
	d.t.Helper()
	return d.await(path, "answered "+want, func(r devResponse) bool { return r.status == 200 && r.body == want })
}

func (d *devLoop) awaitStatus(path string, status int) devResponse {
	d.t.Helper()
	return d.await(path, "answered "+http.StatusText(status), func(r devResponse) bool { return r.status == status })
}

func TestDevLoopEditRoute(t *testing.T) {
	d := startDevLoop(t)
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	d.replace("pages/api/hello.ts", "hello v1", "hello v2")
	d.awaitBody("/api/hello", `{"msg":"hello v2"}`)

	d.awaitBody("/api/edge", "edge v1")
	d.replace("pages/api/edge.ts", "edge v1", "edge v2")
	d.awaitBody("/api/edge", "edge v2")
}

func TestDevLoopSharedLib(t *testing.T) {
	d := startDevLoop(t)
	d.awaitBody("/api/shared-node", "node:greet v1")
	d.awaitBody("/api/shared-edge", "edge:greet v1")
	d.replace("lib/greet.ts", "greet v1", "greet v2")
	d.awaitBody("/api/shared-node", "node:greet v2")
	d.awaitBody("/api/shared-edge", "edge:greet v2")
}

// Node module state survives an edit that does not reach the Node routes,
// and is reset (as next dev resets it) by one that does.
func TestDevLoopNodeState(t *testing.T) {
	d := startDevLoop(t)
	d.awaitBody("/api/counter", "1")
	d.awaitBody("/api/counter", "2")
	d.replace("pages/api/edge.ts", "edge v1", "edge v2")
	d.awaitBody("/api/edge", "edge v2")
	d.awaitBody("/api/counter", "3")
	d.replace("pages/api/hello.ts", "hello v1", "hello v2")
	d.awaitBody("/api/hello", `{"msg":"hello v2"}`)
	d.awaitBody("/api/counter", "1")
}

// An edit that reaches the Node routes re-evaluates their modules in the
// same isolate, as next dev re-evaluates a project's server code in the
// same Node process: module state resets, and globalThis keeps what it
// held (the `globalThis.prisma ??= new PrismaClient()` pattern relies on
// it).
func TestDevLoopNodeGlobals(t *testing.T) {
	d := startDevLoopWith(t, func(d *devLoop) {
		d.write("pages/api/globals.ts", `globalThis.__loads = (globalThis.__loads ?? 0) + 1;
let calls = 0;
export default function handler(req, res) { calls++; res.send(globalThis.__loads + ":" + calls) }
`)
	})
	d.awaitBody("/api/globals", "1:1")
	d.awaitBody("/api/globals", "1:2")
	d.replace("pages/api/hello.ts", "hello v1", "hello v2")
	d.awaitBody("/api/hello", `{"msg":"hello v2"}`)
	d.awaitBody("/api/globals", "2:1")
	// An edit of the route itself: the same.
	d.replace("pages/api/globals.ts", `":"`, `" "`)
	d.awaitBody("/api/globals", "3 1")
}

func TestDevLoopAddRemoveRoutes(t *testing.T) {
	d := startDevLoop(t)
	d.awaitStatus("/api/fresh", 404)
	d.write("pages/api/fresh.ts", `export default function handler(req, res) { res.send("fresh") }`)
	d.awaitBody("/api/fresh", "fresh")
	d.write("pages/api/deep/nested/route.ts", `export const config = { runtime: "edge" };
export default () => new Response("nested");`)
	d.awaitBody("/api/deep/nested/route", "nested")
	d.remove("pages/api/fresh.ts")
	d.awaitStatus("/api/fresh", 404)
	d.remove("pages/api/deep")
	d.awaitStatus("/api/deep/nested/route", 404)

	// A conflict: every request answers 500 until it is fixed (next dev).
	d.write("pages/api/posts/[slug].ts", `export default function handler(req, res) { res.send("slug") }`)
	r := d.awaitStatus("/api/hello", 500)
	if r.body != "Internal Server Error" {
		t.Errorf("conflict body %q", r.body)
	}
	d.remove("pages/api/posts/[slug].ts")
	d.awaitBody("/api/posts/7", `{"post":"7"}`)
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
}

func TestDevLoopCompileError(t *testing.T) {
	d := startDevLoop(t)
	d.awaitBody("/api/edge", "edge v1")
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	d.write("pages/api/edge.ts", "export const config = { runtime: \"edge\" };\nexport default function handler() {\n  return new Response(\"x\";\n}\n")
	r := d.awaitStatus("/api/edge", 500)
	if !strings.Contains(r.body, "pages/api/edge.ts:3:") {
		t.Errorf("error page does not locate the error: %q", r.body)
	}
	// The other routes keep serving.
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	d.write("pages/api/edge.ts", "export const config = { runtime: \"edge\" };\nexport default () => new Response(\"fixed\");\n")
	d.awaitBody("/api/edge", "fixed")

	// The same for a Node route (the shared Node bundle leaves it out
	// while it is broken).
	d.write("pages/api/hello.ts", "export default function handler(req, res) {\n  res.send(\"x\";\n}\n")
	r = d.awaitStatus("/api/hello", 500)
	if !strings.Contains(r.body, "pages/api/hello.ts:2:") {
		t.Errorf("error page does not locate the error: %q", r.body)
	}
	d.awaitBody("/api/counter", "1")
	d.write("pages/api/hello.ts", "export default function handler(req, res) { res.send(\"hello fixed\") }\n")
	d.awaitBody("/api/hello", "hello fixed")
}

func TestDevLoopConfigChange(t *testing.T) {
	d := startDevLoop(t)
	r := d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	if got := r.header.Get("X-Config"); got != "headers v1" {
		t.Fatalf("x-config %q", got)
	}
	d.replace("next.config.js", "headers v1", "headers v2")
	d.await("/api/hello", "carried headers v2", func(r devResponse) bool { return r.header.Get("X-Config") == "headers v2" })

	d.awaitBody("/api/env", "env v1")
	d.write(".env", "GREETING=env v2\n")
	d.awaitBody("/api/env", "env v2")
	d.write(".env.local", "GREETING=env local\n")
	d.awaitBody("/api/env", "env local")
}

func TestDevLoopMiddlewareEdit(t *testing.T) {
	d := startDevLoop(t)
	d.await("/api/protected", "blocked", func(r devResponse) bool { return r.status == 401 && r.body == "blocked v1" })
	d.replace("middleware.ts", "blocked v1", "blocked v2")
	d.await("/api/protected", "blocked v2", func(r devResponse) bool { return r.status == 401 && r.body == "blocked v2" })
	// A new matcher takes effect.
	d.replace("middleware.ts", `"/api/protected"]`, `"/api/protected", "/api/hello"]`)
	d.replace("middleware.ts", `if (pathname === "/api/mw/rewrite") {`, `if (pathname === "/api/hello") return new NextResponse("intercepted");
  if (pathname === "/api/mw/rewrite") {`)
	d.awaitBody("/api/hello", "intercepted")
	d.remove("middleware.ts")
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	d.awaitStatus("/api/protected", 404)
}

func TestDevLoopMiddleware(t *testing.T) {
	d := startDevLoop(t)

	// A response of its own; next.config headers() still apply.
	r := d.await("/api/protected", "blocked", func(r devResponse) bool { return r.status == 401 })
	if r.body != "blocked v1" {
		t.Errorf("blocked body %q", r.body)
	}
	if got := r.header.Get("X-Config"); got != "headers v1" {
		t.Errorf("x-config on a middleware response = %q", got)
	}
	// Rewrite: the rewrite URL's query becomes the route's.
	r = d.do("GET", "/api/protected?orig=1", map[string]string{"Authorization": "Bearer ok"})
	var echo struct {
		URL   string            `json:"url"`
		Query map[string]any    `json:"query"`
		Extra map[string]string `json:"-"`
	}
	if err := json.Unmarshal([]byte(r.body), &echo); err != nil || r.status != 200 {
		t.Fatalf("rewrite: %d %q", r.status, r.body)
	}
	if echo.Query["from"] != "protected" || echo.Query["orig"] != nil {
		t.Errorf("rewrite query %v", echo.Query)
	}
	if got := r.header.Get("X-Middleware-Rewrite"); !strings.HasSuffix(got, "/api/echo?from=protected") {
		t.Errorf("x-middleware-rewrite %q", got)
	}
	r = d.get("/api/mw/rewrite")
	if r.status != 200 || !strings.Contains(r.body, `"from":"mw"`) {
		t.Errorf("mw rewrite: %d %q", r.status, r.body)
	}

	// Redirect: relative Location, the destination as the body.
	r = d.get("/api/mw/redirect")
	if r.status != 307 || r.header.Get("Location") != "/api/hello" || r.body != "/api/hello" {
		t.Errorf("mw redirect: %d %q %q", r.status, r.header.Get("Location"), r.body)
	}

	// next(): request header overrides, response headers on the response
	// and on the route's request, cookies merged with the route's.
	r = d.do("GET", "/api/mw/next", map[string]string{"X-Drop-Me": "1"})
	var seen struct {
		FromMw     *string `json:"fromMw"`
		MwResponse *string `json:"mwResponse"`
		Dropped    *string `json:"dropped"`
	}
	if err := json.Unmarshal([]byte(r.body), &seen); err != nil || r.status != 200 {
		t.Fatalf("next: %d %q", r.status, r.body)
	}
	if seen.FromMw == nil || *seen.FromMw != "yes" {
		t.Errorf("route did not see the overridden request header: %q", r.body)
	}
	if seen.Dropped != nil {
		t.Errorf("route saw a header the middleware deleted: %q", r.body)
	}
	if seen.MwResponse == nil || *seen.MwResponse != "set" {
		t.Errorf("route did not see the middleware's response header: %q", r.body)
	}
	if got := r.header.Get("X-Mw-Response"); got != "set" {
		t.Errorf("x-mw-response = %q", got)
	}
	cookies := r.header.Values("Set-Cookie")
	if len(cookies) != 2 || !strings.HasPrefix(cookies[0], "mw=1") || !strings.HasPrefix(cookies[1], "route=1") {
		t.Errorf("set-cookie %q", cookies)
	}
	if r.header.Get("X-Middleware-Next") != "" || r.header.Get("X-Middleware-Override-Headers") != "" {
		t.Errorf("internal middleware headers leaked: %v", r.header)
	}

	// Outside the matcher the middleware does not run.
	r = d.get("/api/echo")
	if r.status != 200 || r.header.Get("X-Mw-Response") != "" {
		t.Errorf("echo: %d %v", r.status, r.header)
	}
}

var devConfigRouteTests = []struct {
	name       string
	path       string
	header     map[string]string
	wantStatus int
	wantHeader map[string]string
	wantBody   string // substring
}{
	{name: "headers on a route", path: "/api/hello", wantStatus: 200,
		wantHeader: map[string]string{"X-Config": "headers v1"}, wantBody: "hello v1"},
	{name: "headers with params", path: "/api/posts/9", wantStatus: 200,
		wantHeader: map[string]string{"X-Post": "post-9", "X-Config": "headers v1"}, wantBody: `{"post":"9"}`},
	{name: "headers on a 404", path: "/api/nope", wantStatus: 404,
		wantHeader: map[string]string{"X-Config": "headers v1"}},
	{name: "permanent redirect", path: "/api/old/5?x=1", wantStatus: 308,
		wantHeader: map[string]string{"Location": "/api/posts/5?x=1", "Refresh": "0;url=/api/posts/5?x=1", "X-Config": ""},
		wantBody:   "/api/posts/5?x=1"},
	{name: "temporary redirect", path: "/api/temp", wantStatus: 307,
		wantHeader: map[string]string{"Location": "/api/hello", "Refresh": ""}, wantBody: "/api/hello"},
	{name: "redirect statusCode", path: "/api/see-other", wantStatus: 303,
		wantHeader: map[string]string{"Location": "/api/hello"}},
	{name: "redirect has matches", path: "/api/flagged", header: map[string]string{"X-Flag": "1"}, wantStatus: 307,
		wantHeader: map[string]string{"Location": "/api/hello"}},
	{name: "redirect has does not match", path: "/api/flagged", wantStatus: 404},
	{name: "beforeFiles shadows a route", path: "/api/hello?shadow=1", wantStatus: 200,
		wantBody: `"url":"/api/echo?shadow=1"`},
	{name: "afterFiles with unused params in the query", path: "/api/fb/x/y", wantStatus: 200,
		wantBody: `"query":{"path":["x","y"]}`},
	{name: "afterFiles do not shadow a static route", path: "/api/echo?a=1", wantStatus: 200,
		wantBody: `"query":{"a":"1"}`},
	{name: "afterFiles beat dynamic routes", path: "/api/posts/special", wantStatus: 200,
		wantBody: `"query":{"special":"1"}`},
	{name: "fallback after dynamic routes", path: "/api/missing/3", wantStatus: 200, wantBody: `{"post":"3"}`},
	{name: "external rewrite is proxied", path: "/api/upstream/a/b?q=1", wantStatus: 200,
		wantHeader: map[string]string{"X-Upstream": "yes"}, wantBody: "upstream /a/b?q=1"},
	{name: "trailing slash", path: "/api/hello/", wantStatus: 308,
		wantHeader: map[string]string{"Location": "/api/hello"}},
}

func TestDevLoopConfigRoutes(t *testing.T) {
	d := startDevLoop(t)
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	for _, tt := range devConfigRouteTests {
		t.Run(tt.name, func(t *testing.T) {
			d.t = t
			r := d.do("GET", tt.path, tt.header)
			if r.status != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %q", r.status, tt.wantStatus, r.body)
			}
			for k, v := range tt.wantHeader {
				if got := r.header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if !strings.Contains(r.body, tt.wantBody) {
				t.Errorf("body %q does not contain %q", r.body, tt.wantBody)
			}
		})
	}
}

// Reload is callable from the embedding API without the watcher.
func TestReloadWithoutWatcher(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "devloop"), dir)
	srv, err := edgerun.New(dir, edgerun.WithMode(edgerun.Development), edgerun.WithLogger(testLogger()),
		edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	if body, _ := httpGet(ts.URL + "/api/hello"); body != `{"msg":"hello v1"}` {
		t.Fatalf("before: %q", body)
	}
	os.WriteFile(filepath.Join(dir, "pages", "api", "hello.ts"), []byte(`export default (req, res) => res.send("reloaded")`), 0o644)
	if body, _ := httpGet(ts.URL + "/api/hello"); body != `{"msg":"hello v1"}` {
		t.Fatalf("without a watcher the old code keeps serving until Reload: %q", body)
	}
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if body, _ := httpGet(ts.URL + "/api/hello"); body != "reloaded" {
		t.Fatalf("after Reload: %q", body)
	}
}

var explainTests = []struct {
	path  string
	want  []string // substrings of the steps, in order
	final string
}{
	{"/api/old/3", []string{"headers     /api/:path*", "redirects   /api/old/:id → 308 to /api/posts/3"}, ""},
	{"/api/fb/x/y", []string{"middleware  middleware.ts does not run", "afterFiles  /api/fb/:path* → /api/echo?path=x&path=y", "result      afterFiles: /api/echo"}, "/api/echo"},
	{"/api/mw/next", []string{"middleware  middleware.ts runs", "result      dynamic: /api/mw/[...slug]"}, "/api/mw/next"},
	{"/api/missing/3", []string{"fallback    /api/missing/:x → /api/posts/3", "result      fallback: /api/posts/[id]"}, "/api/posts/3"},
	{"/api/upstream/z", []string{"afterFiles  /api/upstream/:path* → proxied to http://upstream.example/z"}, ""},
	{"/api/hello?shadow=1", []string{"beforeFiles /api/hello → /api/echo?shadow=1"}, "/api/echo"},
	{"/api/nope", []string{"result      404: nothing serves /api/nope"}, "/api/nope"},
	{"/api/hello/", []string{"redirects   308 to /api/hello"}, ""},
}

func TestExplain(t *testing.T) {
	srv, err := edgerun.New(filepath.Join("testdata", "devloop"), edgerun.WithMode(edgerun.Development),
		edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for _, tt := range explainTests {
		steps, final := srv.Explain(tt.path)
		var lines []string
		for _, s := range steps {
			lines = append(lines, s.String())
		}
		text := strings.Join(lines, "\n")
		at := 0
		for _, w := range tt.want {
			i := strings.Index(text[at:], w)
			if i < 0 {
				t.Errorf("%s: %q not found (in order) in:\n%s", tt.path, w, text)
				break
			}
			at += i + len(w)
		}
		if final != tt.final {
			t.Errorf("%s: final %q, want %q", tt.path, final, tt.final)
		}
	}
}

// proxy.ts (Next 16's name) runs on the Node.js runtime: Node globals
// and built-ins are there.
func TestDevLoopProxyFile(t *testing.T) {
	d := startDevLoopWith(t, func(d *devLoop) {
		d.remove("middleware.ts")
		d.write("proxy.ts", `import { NextResponse } from "next/server";
import { createHash } from "node:crypto";

export const config = { matcher: "/api/hello" };

export function proxy(req) {
  const digest = createHash("sha256").update("x").digest("hex").slice(0, 8);
  return new NextResponse("proxy " + typeof process.versions.node + " " + Buffer.from("hi").toString("base64") + " " + digest);
}
`)
	})
	d.awaitBody("/api/hello", "proxy string aGk= 2d711642")
	d.awaitBody("/api/edge", "edge v1")
	d.replace("proxy.ts", `"proxy "`, `"proxy v2 "`)
	d.awaitBody("/api/hello", "proxy v2 string aGk= 2d711642")
}

// Middleware with runtime: 'nodejs' gets the Node scope; edge middleware
// (the default) does not.
func TestDevLoopMiddlewareRuntime(t *testing.T) {
	d := startDevLoopWith(t, func(d *devLoop) {
		d.write("middleware.ts", `import { NextResponse } from "next/server";
export const config = { matcher: ["/api/hello"], runtime: "nodejs" };
export default function middleware() {
  return new NextResponse("node " + typeof Buffer + " " + typeof EdgeRuntime);
}
`)
	})
	d.awaitBody("/api/hello", "node function undefined")
	d.write("middleware.ts", `import { NextResponse } from "next/server";
export const config = { matcher: ["/api/hello"] };
export default function middleware() {
  return new NextResponse("edge " + typeof Buffer + " " + typeof EdgeRuntime);
}
`)
	d.awaitBody("/api/hello", "edge undefined string")
}

func TestDevLoopBasePathAndI18n(t *testing.T) {
	d := startDevLoopWith(t, func(d *devLoop) {
		d.remove("middleware.ts")
		d.write("next.config.js", `module.exports = {
  basePath: "/base",
  i18n: { locales: ["en", "fr"], defaultLocale: "en" },
  async headers() { return [{ source: "/api/:path*", headers: [{ key: "x-config", value: "bp" }] }]; },
  async redirects() { return [{ source: "/api/old", destination: "/api/hello", permanent: false }]; },
  async rewrites() { return [{ source: "/api/alias", destination: "/api/echo?via=alias" }]; },
};
`)
	})
	r := d.awaitBody("/base/api/hello", `{"msg":"hello v1"}`)
	if got := r.header.Get("X-Config"); got != "bp" {
		t.Errorf("x-config under basePath = %q", got)
	}
	if r := d.get("/api/hello"); r.status != 404 {
		t.Errorf("outside basePath: %d", r.status)
	}
	if r := d.get("/base/fr/api/hello"); r.status != 404 {
		t.Errorf("localised API path: %d, want 404 (API routes are not localised)", r.status)
	}
	if r := d.get("/base/api/old"); r.status != 307 || r.header.Get("Location") != "/base/api/hello" {
		t.Errorf("redirect under basePath: %d %q", r.status, r.header.Get("Location"))
	}
	if r := d.get("/base/api/alias"); r.status != 200 || !strings.Contains(r.body, `"via":"alias"`) {
		t.Errorf("rewrite under basePath: %d %q", r.status, r.body)
	}
}

// A next.config that fails to load leaves the last good one serving.
func TestDevLoopBrokenConfig(t *testing.T) {
	d := startDevLoop(t)
	d.awaitBody("/api/hello", `{"msg":"hello v1"}`)
	good := d.read("next.config.js")
	d.write("next.config.js", "module.exports = {{;\n")
	d.replace("pages/api/hello.ts", "hello v1", "hello v2")
	// The server keeps answering meanwhile; the route edit is applied at
	// the latest with the fixed config.
	if r := d.get("/api/hello"); r.status != 200 {
		t.Fatalf("broken config took the server down: %d %q", r.status, r.body)
	}
	d.write("next.config.js", strings.Replace(good, "headers v1", "headers v3", 1))
	d.awaitBody("/api/hello", `{"msg":"hello v2"}`)
	d.await("/api/hello", "carried headers v3", func(r devResponse) bool { return r.header.Get("X-Config") == "headers v3" })
}

// In development npm packages are bundled apart from routes (vendor
// programs compiled once, so that edits recompile only project code):
// the answers must not change.
func TestDevSplitVendorParity(t *testing.T) {
	dir := filepath.Join("conformance", "apps", "npm")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "zod")); err != nil {
		t.Skip("conformance/apps/npm/node_modules is missing: run `npm ci` there (scripts/test.sh does)")
	}
	start := func(mode edgerun.Mode) string {
		srv, err := edgerun.New(dir, edgerun.WithMode(mode), edgerun.WithLogger(testLogger()), edgerun.WithConsole(testConsole()),
			edgerun.WithProcessEnv(map[string]string{}))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		ts := httptest.NewServer(srv)
		t.Cleanup(ts.Close)
		return ts.URL
	}
	prod, dev := start(edgerun.Production), start(edgerun.Development)
	requests := []struct{ method, path, body string }{
		{"POST", "/api/posts/create", `{"title":"Hi","content":"There"}`},
		{"POST", "/api/posts/create", `{"title":""}`},
		{"POST", "/api/signup", `{"email":"nope","password":"12345678"}`},
		{"POST", "/api/users/find", `{"email":"ada@example.com"}`},
		{"GET", "/api/protected", ""},
		{"POST", "/api/edge/validate", `{"name":"Ada","age":36}`},
		{"POST", "/api/edge/validate", `{"name":"","age":-1}`},
		{"GET", "/api/pkg/cookie", ""},
		{"GET", "/api/pkg/superjson", ""},
		{"GET", "/api/pkg/date-fns", ""},
		{"GET", "/api/pkg/lodash", ""},
		{"GET", "/api/pkg/uuid", ""},
		{"GET", "/api/pkg/jose?op=hs256", ""},
	}
	fetch := func(base, method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Cookie", `a=1; b="q%20x"`)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, r := range requests {
		ps, pb := fetch(prod, r.method, r.path, r.body)
		ds, db := fetch(dev, r.method, r.path, r.body)
		if ps != ds || pb != db {
			t.Errorf("%s %s: production %d %q, development %d %q", r.method, r.path, ps, pb, ds, db)
		}
	}
}
