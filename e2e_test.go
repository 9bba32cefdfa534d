package edgerun_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgerun/edgerun"
)

// exchange is one request and the response edgerun must give, asserted
// over a real listener. Header expectations are exact values; "" asserts
// the header is absent.
type exchange struct {
	name       string
	method     string
	path       string
	header     map[string]string
	body       string
	wantStatus int
	wantHeader map[string]string
	wantBody   string // exact, unless wantInBody is set
	wantInBody string
}

const jsonUTF8 = "application/json; charset=utf-8"

var seedNodeExchanges = []exchange{
	{name: "hello", path: "/api/hello", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": jsonUTF8, "Etag": `"x0q7xhtzoxx"`, "Content-Length": "33"},
		wantBody:   `{"message":"Hello from Next.js!"}`},
	{name: "methods GET", path: "/api/methods", wantStatus: 200, wantBody: `{"method":"GET"}`},
	{name: "methods POST", method: "POST", path: "/api/methods", header: map[string]string{"Content-Type": "application/json"},
		body: `{"title":"T","content":"C"}`, wantStatus: 201, wantBody: `{"created":true,"title":"T","content":"C"}`},
	{name: "methods PUT", method: "PUT", path: "/api/methods", wantStatus: 200, wantBody: `{"method":"PUT"}`},
	{name: "methods DELETE", method: "DELETE", path: "/api/methods", wantStatus: 204, wantBody: ""},
	{name: "methods PATCH", method: "PATCH", path: "/api/methods", wantStatus: 405, wantBody: `{"error":"Method not allowed"}`},
	{name: "search", path: "/api/search?q=nextjs&page=2", wantStatus: 200, wantBody: `{"query":"nextjs","page":2}`},
	{name: "search default page", path: "/api/search?q=x", wantStatus: 200, wantBody: `{"query":"x","page":1}`},
	{name: "body", method: "POST", path: "/api/body", header: map[string]string{"Content-Type": "application/json"},
		body: `{"title":"a","content":"b","tags":["x"]}`, wantStatus: 201, wantBody: `{"title":"a","content":"b","tags":["x"]}`},
	{name: "body wrong method", path: "/api/body", wantStatus: 405, wantBody: `{"error":"Method not allowed"}`},
	{name: "body invalid JSON", method: "POST", path: "/api/body", header: map[string]string{"Content-Type": "application/json"},
		body: `{nope`, wantStatus: 400, wantBody: "Invalid JSON"},
	{name: "cookies missing", path: "/api/cookies", wantStatus: 401, wantBody: `{"error":"Unauthorized"}`},
	{name: "cookies present", path: "/api/cookies", header: map[string]string{"Cookie": "authToken=abc; other=1"}, wantStatus: 200, wantBody: `{"authenticated":true}`},
	{name: "headers", path: "/api/headers", header: map[string]string{"User-Agent": "edgerun-test", "Authorization": "Bearer t"},
		wantStatus: 200, wantBody: `{"userAgent":"edgerun-test","authorization":"Bearer t"}`},
	{name: "json", path: "/api/json", wantStatus: 200, wantBody: `{"success":true,"data":{"id":1,"name":"Example"}}`},
	{name: "status", path: "/api/status", wantStatus: 201, wantBody: `{"created":true}`},
	{name: "set headers", path: "/api/set-headers", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": jsonUTF8, "Cache-Control": "s-maxage=86400", "Access-Control-Allow-Origin": "*"},
		wantBody:   `{"success":true}`},
	{name: "set cookie", path: "/api/set-cookie", wantStatus: 200,
		wantHeader: map[string]string{"Set-Cookie": "token=abc123; Path=/; HttpOnly; Secure"}, wantBody: `{"authenticated":true}`},
	{name: "redirect", path: "/api/redirect", wantStatus: 307,
		wantHeader: map[string]string{"Location": "/api/new-endpoint", "Content-Type": ""}, wantBody: "/api/new-endpoint"},
	{name: "send file", path: "/api/file", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "application/pdf", "Content-Disposition": "attachment; filename=file.pdf"},
		wantInBody: "%PDF-1.4"},
	{name: "post by id", path: "/api/posts/1", wantStatus: 200, wantInBody: `"title":"Hello"`},
	{name: "post missing", path: "/api/posts/999", wantStatus: 404, wantBody: `{"error":"Post not found"}`},
	{name: "post wrong method", method: "PATCH", path: "/api/posts/1", wantStatus: 405, wantBody: `{"error":"Method not allowed"}`},
	{name: "user post", path: "/api/users/1/posts/2", wantStatus: 200, wantInBody: `"title":"Second"`},
	{name: "catch-all", path: "/api/catch/a/b/c", wantStatus: 200, wantBody: `{"path":["a","b","c"],"fullPath":"a/b/c","method":"GET"}`},
	{name: "catch-all keeps %2F in one element", path: "/api/catch/a%2Fb/c", wantStatus: 200, wantBody: `{"path":["a/b","c"],"fullPath":"a/b/c","method":"GET"}`},
	{name: "catch-all needs a segment", path: "/api/catch", wantStatus: 404, wantInBody: "This page could not be found"},
	{name: "optional catch-all root", path: "/api/optional", wantStatus: 200, wantBody: `{"message":"API Root"}`},
	{name: "optional catch-all deep", path: "/api/optional/x/y", wantStatus: 200, wantBody: `{"params":["x","y"]}`},
	{name: "cors preflight", method: "OPTIONS", path: "/api/cors", wantStatus: 200,
		wantHeader: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "GET,OPTIONS,PATCH,DELETE,POST,PUT"},
		wantBody:   ""},
	{name: "cors get", path: "/api/cors", wantStatus: 200, wantHeader: map[string]string{"Access-Control-Allow-Origin": "*"}, wantBody: `{"message":"CORS enabled"}`},
	{name: "typed", path: "/api/typed", wantStatus: 200, wantBody: `{"id":"1","title":"Hello"}`},
	{name: "handle errors", path: "/api/handle-errors", wantStatus: 200, wantBody: `{"items":[1,2,3]}`},
	{name: "auth check missing", path: "/api/auth-check", wantStatus: 401, wantBody: `{"error":"Unauthorized"}`},
	{name: "auth check", path: "/api/auth-check", header: map[string]string{"Authorization": "Bearer abc"}, wantStatus: 200, wantBody: `{"token":"abc"}`},
	{name: "cache headers", path: "/api/cache-headers", wantStatus: 200,
		wantHeader: map[string]string{"Cache-Control": "s-maxage=60, stale-while-revalidate", "Content-Type": jsonUTF8}, wantBody: `{"cached":true}`},
	{name: "api key from .env", path: "/api/api-key", header: map[string]string{"X-Api-Key": "example-key"}, wantStatus: 200, wantBody: `{"ok":true}`},
	{name: "api key wrong", path: "/api/api-key", header: map[string]string{"X-Api-Key": "nope"}, wantStatus: 401, wantBody: `{"error":"Invalid API key"}`},
	{name: "greet", method: "POST", path: "/api/greet", header: map[string]string{"Content-Type": "application/json"}, body: `{"name":"Ada"}`,
		wantStatus: 200, wantBody: `{"greeting":"Hello, Ada"}`},
	{name: "greet GET", path: "/api/greet", wantStatus: 405, wantBody: ""},
}

var seedEdgeExchanges = []exchange{
	{name: "edge hello", path: "/api/edge/hello", wantStatus: 200, wantBody: "Hello world!"},
	{name: "edge json", path: "/api/edge/json", wantStatus: 200, wantHeader: map[string]string{"Content-Type": "application/json"}, wantBody: `{"name":"Jim Halpert"}`},
	{name: "edge cache-control", path: "/api/edge/cache-control", wantStatus: 200,
		wantHeader: map[string]string{"Cache-Control": "public, s-maxage=1200, stale-while-revalidate=600"}, wantBody: `{"name":"Jim Halpert"}`},
	{name: "edge query", path: "/api/edge/query?email=ada%40example.com", wantStatus: 200, wantBody: "ada@example.com"},
	{name: "edge forward", path: "/api/edge/forward", header: map[string]string{"Cookie": "authorization=Bearer%20xyz"}, wantStatus: 200,
		wantHeader: map[string]string{"X-Upstream": "yes"}, wantBody: "upstream saw authorization=Bearer xyz method=GET"},
	{name: "edge regions", path: "/api/edge/regions", wantStatus: 200, wantHeader: map[string]string{"Content-Type": "application/json"},
		wantBody: `{"region":"local","items":["a","b"]}`},
	{name: "edge geo removed in Next 15", path: "/api/edge/geo", wantStatus: 200, wantBody: `{"message":"Hello from Edge!"}`},
	{name: "edge body", method: "POST", path: "/api/edge/body", body: `{"a":[1,2]}`, wantStatus: 200, wantBody: `{"received":{"a":[1,2]}}`},
	{name: "edge body GET", path: "/api/edge/body", wantStatus: 405, wantBody: "Method not allowed"},
	{name: "edge headers", path: "/api/edge/headers", header: map[string]string{"User-Agent": "ua-1"}, wantStatus: 200,
		wantHeader: map[string]string{"Cache-Control": "public, s-maxage=60"}, wantBody: `{"userAgent":"ua-1"}`},
	{name: "edge greet", path: "/api/edge/greet?q=hi", wantStatus: 200, wantBody: `{"q":"hi"}`},
}

var routerExchanges = []exchange{
	{name: "trailing slash", path: "/api/hello/?x=1", wantStatus: 308,
		wantHeader: map[string]string{"Location": "/api/hello?x=1", "Refresh": "0;url=/api/hello?x=1"}, wantBody: "/api/hello?x=1"},
	{name: "api root trailing slash", path: "/api/", wantStatus: 308, wantHeader: map[string]string{"Location": "/api"}, wantBody: "/api"},
	{name: "repeated slashes", path: "/api//hello", wantStatus: 308, wantHeader: map[string]string{"Location": "/api/hello"}, wantBody: "/api/hello"},
	{name: "unknown api path", path: "/api/nope", wantStatus: 404,
		wantHeader: map[string]string{"Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate"},
		wantInBody: "404: This page could not be found"},
	{name: "case-sensitive", path: "/API/hello", wantStatus: 404, wantInBody: "This page could not be found"},
	{name: "undecodable param", path: "/api/posts/%C3%28", wantStatus: 400, wantInBody: "400: Bad Request"},
	// Go's HTTP server rejects a malformed escape before any handler runs.
	{name: "malformed escape", path: "/api/posts/%zz", wantStatus: 400, wantBody: "400 Bad Request"},
	{name: "public file", path: "/file.pdf", wantStatus: 200, wantInBody: "%PDF-1.4"},
}

// startExample serves examples/seeds over a real listener, with fetch to
// backend-api.com redirected to a local upstream.
func startExample(t *testing.T, opts ...edgerun.Option) *httptest.Server {
	t.Helper()
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Upstream", "yes")
		io.WriteString(w, "upstream saw authorization="+r.Header.Get("Authorization")+" method="+r.Method)
	}))
	t.Cleanup(upstream.Close)
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "tcp", upstream.Listener.Addr().String())
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return nil, &net.OpError{Op: "dial", Err: os.ErrInvalid}
		},
		TLSClientConfig: &tls.Config{},
	}}
	// Map https://backend-api.com to the plain-HTTP upstream.
	client.Transport = rewriteScheme{next: client.Transport}
	base := append([]edgerun.Option{
		edgerun.WithHTTPClient(client),
		edgerun.WithLogger(testLogger()),
		edgerun.WithConsole(testConsole()),
		edgerun.WithProcessEnv(map[string]string{}),
	}, opts...)
	srv, err := edgerun.New(filepath.Join("examples", "seeds"), base...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// testLogger discards logs unless EDGERUN_TEST_LOG is set.
func testLogger() *slog.Logger {
	if os.Getenv("EDGERUN_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func testConsole() io.Writer {
	if os.Getenv("EDGERUN_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}

type rewriteScheme struct{ next http.RoundTripper }

func (r rewriteScheme) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == "backend-api.com" {
		req = req.Clone(req.Context())
		req.URL.Scheme = "http"
	}
	return r.next.RoundTrip(req)
}

func run(t *testing.T, ts *httptest.Server, tests []exchange) {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			req, err := http.NewRequest(method, ts.URL+"/", body)
			if err != nil {
				t.Fatal(err)
			}
			// Send the path exactly as written, even where it is not a valid
			// URL (a bad escape) or not canonical (repeated slashes).
			pathPart, query, _ := strings.Cut(tt.path, "?")
			req.URL.Opaque = pathPart
			req.URL.RawQuery = query
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %q", resp.StatusCode, tt.wantStatus, got)
			}
			for k, v := range tt.wantHeader {
				if g := resp.Header.Get(k); g != v {
					t.Errorf("header %s = %q, want %q", k, g, v)
				}
			}
			if tt.wantInBody != "" {
				if !strings.Contains(string(got), tt.wantInBody) {
					t.Errorf("body %q does not contain %q", got, tt.wantInBody)
				}
			} else if string(got) != tt.wantBody {
				t.Errorf("body %q, want %q", got, tt.wantBody)
			}
		})
	}
}

func TestSeedNodeRoutes(t *testing.T)  { run(t, startExample(t), seedNodeExchanges) }
func TestSeedEdgeRoutes(t *testing.T)  { run(t, startExample(t), seedEdgeExchanges) }
func TestRouterBehaviour(t *testing.T) { run(t, startExample(t), routerExchanges) }

// The CRUD and rate-limit seeds depend on module state shared across
// requests (Node routes share one isolate, as under next start).
func TestSeedStatefulRoutes(t *testing.T) {
	ts := startExample(t)
	run(t, ts, []exchange{
		{name: "list empty", path: "/api/crud/posts", wantStatus: 200, wantBody: `[]`},
		{name: "create", method: "POST", path: "/api/crud/posts", header: map[string]string{"Content-Type": "application/json"},
			body: `{"title":"T","content":"C","authorId":"1"}`, wantStatus: 201, wantInBody: `"id":"1"`},
		{name: "create invalid", method: "POST", path: "/api/crud/posts", header: map[string]string{"Content-Type": "application/json"},
			body: `{"title":"T"}`, wantStatus: 400, wantBody: `{"error":"Missing required fields"}`},
		{name: "get with author", path: "/api/crud/posts/1", wantStatus: 200, wantInBody: `"author":{"id":"1","name":"Ada"}`},
		{name: "update", method: "PUT", path: "/api/crud/posts/1", header: map[string]string{"Content-Type": "application/json"},
			body: `{"title":"New"}`, wantStatus: 200, wantInBody: `"title":"New","content":"C"`},
		{name: "list one", path: "/api/crud/posts", wantStatus: 200, wantInBody: `"title":"New"`},
		{name: "delete", method: "DELETE", path: "/api/crud/posts/1", wantStatus: 204, wantBody: ""},
		{name: "delete again fails", method: "DELETE", path: "/api/crud/posts/1", wantStatus: 500, wantBody: `{"error":"Internal server error"}`},
		{name: "gone", path: "/api/crud/posts/1", wantStatus: 404, wantBody: `{"error":"Post not found"}`},
		{name: "limit 1", path: "/api/limited", wantStatus: 200, wantBody: `{"ok":true}`},
		{name: "limit 2", path: "/api/limited", wantStatus: 200, wantBody: `{"ok":true}`},
		{name: "limit 3", path: "/api/limited", wantStatus: 200, wantBody: `{"ok":true}`},
		{name: "limit 4", path: "/api/limited", wantStatus: 429, wantInBody: `"error":"Too many requests"`},
	})
}

// A streamed edge response reaches the client chunk by chunk.
func TestEdgeStreamingArrivesInChunks(t *testing.T) {
	ts := startExample(t)
	resp, err := http.Get(ts.URL + "/api/edge/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	var lines []string
	var gaps []time.Duration
	last := time.Now()
	for {
		line, err := r.ReadString('\n')
		if line != "" {
			lines = append(lines, line)
			gaps = append(gaps, time.Since(last))
			last = time.Now()
		}
		if err != nil {
			break
		}
	}
	if strings.Join(lines, "") != "chunk 0\nchunk 1\nchunk 2\n" {
		t.Fatalf("got %q", lines)
	}
	if resp.ContentLength != -1 {
		t.Fatalf("streamed response has Content-Length %d", resp.ContentLength)
	}
	_ = gaps
}
