package edgerun_test

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/edgerun/edgerun"
	"github.com/edgerun/edgerun/webapi/nextapi"
)

// nodeExchange is one request to testdata/nodeapi and the exact response
// Next.js gives (spec §1). Headers in wantHeader are exact, "" meaning
// absent; wantLog lists messages the server must log for this request and
// noLog messages it must not.
type nodeExchange struct {
	name    string
	method  string
	path    string
	header  map[string]string
	headers [][2]string // repeated request headers
	body    string

	wantStatus  int
	wantReason  string // the status line's text, when not the standard one
	wantHeader  map[string]string
	wantValues  map[string][]string // every value of a repeated header
	wantChunked *bool
	wantBody    string
	wantInBody  string
	wantLog     []string
	noLog       []string
}

var (
	chunked    = ptr(true)
	notChunked = ptr(false)
)

func ptr[T any](v T) *T { return &v }

// etagOf computes Next's ETag the way its etag.ts does, for payloads the
// spec gives no vector for (nextapi's unit test checks the vectors).
func etagOf(s string) string { return nextapi.ETag(utf16.Encode([]rune(s))) }

// logCapture records the server's log so tests can assert Next's
// warnings exactly.
type logCapture struct {
	mu      sync.Mutex
	records []slog.Record
}

func (l *logCapture) Enabled(context.Context, slog.Level) bool { return true }
func (l *logCapture) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	l.records = append(l.records, r)
	l.mu.Unlock()
	if os.Getenv("EDGERUN_TEST_LOG") != "" {
		fmt.Fprintf(os.Stderr, "%s %s\n", r.Level, r.Message)
	}
	return nil
}
func (l *logCapture) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logCapture) WithGroup(string) slog.Handler      { return l }

func (l *logCapture) messages() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, len(l.records))
	for i, r := range l.records {
		out[i] = r.Message
	}
	return out
}

func (l *logCapture) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.records)
}

type nodeAPIServer struct {
	*httptest.Server
	logs *logCapture
}

// startNodeAPI serves testdata/nodeapi (or dir) in mode over a real
// listener.
func startNodeAPI(t *testing.T, mode edgerun.Mode, dir string) *nodeAPIServer {
	t.Helper()
	if dir == "" {
		dir = filepath.Join("testdata", "nodeapi")
	}
	logs := &logCapture{}
	srv, err := edgerun.New(dir,
		edgerun.WithMode(mode),
		edgerun.WithLogger(slog.New(logs)),
		edgerun.WithConsole(testConsole()),
		edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &nodeAPIServer{Server: ts, logs: logs}
}

// rawClient sends exactly the headers a test sets: no automatic
// Accept-Encoding (so no transparent gzip), no redirects followed.
var rawClient = &http.Client{
	Transport:     &http.Transport{DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func (s *nodeAPIServer) do(t *testing.T, method, path string, header map[string]string, headers [][2]string, body string) (*http.Response, []byte) {
	t.Helper()
	if method == "" {
		method = http.MethodGet
	}
	var rb io.Reader
	if body != "" {
		rb = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+"/", rb)
	if err != nil {
		t.Fatal(err)
	}
	pathPart, query, _ := strings.Cut(path, "?")
	req.URL.Opaque = pathPart
	req.URL.RawQuery = query
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for _, kv := range headers {
		req.Header.Add(kv[0], kv[1])
	}
	resp, err := rawClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	return resp, got
}

// barrier makes a request that runs on the shared Node isolate after
// everything the previous request queued there (its handler's promise and
// the warnings that follow it), so logs can be checked for absence.
func (s *nodeAPIServer) barrier(t *testing.T) {
	t.Helper()
	resp, _ := s.do(t, "GET", "/api/methods", nil, nil, "")
	if resp.StatusCode != 200 {
		t.Fatalf("barrier: status %d", resp.StatusCode)
	}
}

func (s *nodeAPIServer) expand(v string) string {
	host := strings.TrimPrefix(s.URL, "http://")
	_, port, _ := net.SplitHostPort(host)
	return strings.NewReplacer("{host}", host, "{port}", port).Replace(v)
}

func runNode(t *testing.T, s *nodeAPIServer, tests []nodeExchange) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := s.logs.len()
			resp, got := s.do(t, tt.method, tt.path, tt.header, tt.headers, tt.body)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %q", resp.StatusCode, tt.wantStatus, got)
			}
			reason := strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode)+" ")
			want := tt.wantReason
			if want == "" {
				want = http.StatusText(tt.wantStatus)
			}
			if reason != want {
				t.Errorf("status line %q, want reason %q", resp.Status, want)
			}
			for k, v := range tt.wantHeader {
				if g := resp.Header.Get(k); g != s.expand(v) {
					t.Errorf("header %s = %q, want %q", k, g, s.expand(v))
				}
			}
			for k, v := range tt.wantValues {
				if g := resp.Header.Values(k); strings.Join(g, "\n") != strings.Join(v, "\n") {
					t.Errorf("header %s = %q, want %q", k, g, v)
				}
			}
			if tt.wantChunked != nil {
				isChunked := len(resp.TransferEncoding) > 0 && resp.TransferEncoding[0] == "chunked"
				if isChunked != *tt.wantChunked {
					t.Errorf("chunked = %v (Content-Length %q), want %v", isChunked, resp.Header.Get("Content-Length"), *tt.wantChunked)
				}
			}
			if tt.wantInBody != "" {
				if !strings.Contains(string(got), s.expand(tt.wantInBody)) {
					t.Errorf("body %q does not contain %q", got, s.expand(tt.wantInBody))
				}
			} else if string(got) != s.expand(tt.wantBody) {
				t.Errorf("body %q, want %q", got, s.expand(tt.wantBody))
			}
			if len(tt.wantLog) > 0 || len(tt.noLog) > 0 {
				s.barrier(t)
				logged := s.logs.messages()[before:]
				for _, w := range tt.wantLog {
					if !containsPrefix(logged, s.expand(w)) {
						t.Errorf("log %q lacks %q", logged, s.expand(w))
					}
				}
				for _, w := range tt.noLog {
					if containsPrefix(logged, s.expand(w)) {
						t.Errorf("log %q has %q", logged, s.expand(w))
					}
				}
			}
		})
	}
}

// containsPrefix reports whether a logged message starts with want (error
// messages continue with their stack).
func containsPrefix(logged []string, want string) bool {
	for _, m := range logged {
		if strings.HasPrefix(m, want) {
			return true
		}
	}
	return false
}

const (
	ctJSON    = "application/json; charset=utf-8"
	echoEmpty = `"bodyType":"string","body":""}`
)

// Spec §1.2–1.3: req.query, req.url, req.cookies, request headers.
var nodeRequestExchanges = []nodeExchange{
	{name: "search params: repeats, +, empty, malformed escapes, no bracket magic",
		path:       "/api/echo?a=1&b=x+y&a=2&c=%20z&d&e=%zz&f[]=1&f[]=2&g.h=3",
		wantStatus: 200,
		wantBody: `{"method":"GET","url":"/api/echo?a=1&a=2&b=x+y&c=+z&d=&e=%25zz&f%5B%5D=1&f%5B%5D=2&g.h=3",` +
			`"query":{"a":["1","2"],"b":"x y","c":" z","d":"","e":"%zz","f[]":["1","2"],"g.h":"3"},` + echoEmpty},
	{name: "integer keys come first, as in a JS object", path: "/api/echo?b=1&2=x&1=y", wantStatus: 200,
		wantBody: `{"method":"GET","url":"/api/echo?1=y&2=x&b=1","query":{"1":"y","2":"x","b":"1"},` + echoEmpty},
	{name: "invalid UTF-8 in the search decodes to U+FFFD per byte", path: "/api/echo?q=%FF%FE", wantStatus: 200,
		wantBody: "{\"method\":\"GET\",\"url\":\"/api/echo?q=%EF%BF%BD%EF%BF%BD\",\"query\":{\"q\":\"\uFFFD\uFFFD\"}," + echoEmpty},
	{name: "no search", path: "/api/echo?", wantStatus: 200,
		wantBody: `{"method":"GET","url":"/api/echo","query":{},` + echoEmpty},
	{name: "Next's internal nxtP keys are dropped", path: "/api/echo?nxtPid=1&nxtP=2&keep=3", wantStatus: 200,
		wantBody: `{"method":"GET","url":"/api/echo?nxtP=2&keep=3","query":{"nxtP":"2","keep":"3"},` + echoEmpty},
	{name: "params win and colliding keys leave req.url", path: "/api/users/42?id=override&id=2&x=1", wantStatus: 200,
		wantBody: `{"query":{"x":"1","id":"42"},"url":"/api/users/42?x=1"}`},
	{name: "collision only", path: "/api/users/42?id=override&id=2", wantStatus: 200,
		wantBody: `{"query":{"id":"42"},"url":"/api/users/42"}`},
	{name: "param decoded", path: "/api/users/%E2%9C%93", wantStatus: 200,
		wantBody: `{"query":{"id":"✓"},"url":"/api/users/%E2%9C%93"}`},
	{name: "catch-all split before decoding", path: "/api/catch/a/b%2Fc/d?slug=q", wantStatus: 200,
		wantBody: `{"query":{"slug":["a","b/c","d"]},"url":"/api/catch/a/b%2Fc/d"}`},
	{name: "catch-all single segment is still an array", path: "/api/catch/one", wantStatus: 200,
		wantBody: `{"query":{"slug":["one"]},"url":"/api/catch/one"}`},
	{name: "optional catch-all absent", path: "/api/opt", wantStatus: 200,
		wantBody: `{"query":{},"url":"/api/opt","hasSlug":false}`},
	{name: "optional catch-all present", path: "/api/opt/x/y?z=1", wantStatus: 200,
		wantBody: `{"query":{"z":"1","slug":["x","y"]},"url":"/api/opt/x/y?z=1","hasSlug":true}`},
	{name: "cookies: first wins, decoded, quotes stripped", path: "/api/cookies",
		header:     map[string]string{"Cookie": `a=1; b="q%20x"; a=2; c=%E2%9C%93; bad=%zz; empty=`},
		wantStatus: 200, wantBody: `{"a":"1","b":"q x","c":"✓","bad":"%zz","empty":""}`},
	{name: "repeated Cookie headers joined with ; ", path: "/api/cookies",
		headers:    [][2]string{{"Cookie", "a=1"}, {"Cookie", "b=2"}},
		wantStatus: 200, wantBody: `{"a":"1","b":"2"}`},
	{name: "no cookies", path: "/api/cookies", wantStatus: 200, wantBody: `{}`},
	{name: "headers: host and x-forwarded-*",
		path:       "/api/headers?names=host,x-forwarded-host,x-forwarded-port,x-forwarded-proto,x-forwarded-for",
		wantStatus: 200,
		wantBody:   `{"host":"{host}","x-forwarded-host":"{host}","x-forwarded-port":"{port}","x-forwarded-proto":"http","x-forwarded-for":"127.0.0.1"}`},
	{name: "headers: repeats joined with , and single-value headers keep the first",
		path:       "/api/headers?names=x-custom,user-agent,accept-language,set-cookie",
		headers:    [][2]string{{"X-Custom", "a"}, {"X-Custom", "b"}, {"User-Agent", "ua-1"}, {"User-Agent", "ua-2"}, {"Set-Cookie", "s=1"}, {"Set-Cookie", "t=2"}},
		wantStatus: 200, wantBody: `{"x-custom":"a, b","user-agent":"ua-1","accept-language":null,"set-cookie":["s=1","t=2"]}`},
	{name: "req.socket", path: "/api/socket", wantStatus: 200,
		wantBody: `{"remoteAddress":"127.0.0.1","localAddress":"127.0.0.1","encrypted":false,"same":true}`},
	{name: "every method reaches the handler: OPTIONS", method: "OPTIONS", path: "/api/methods", wantStatus: 200,
		wantHeader: map[string]string{"Allow": "", "X-Method": "OPTIONS", "Access-Control-Allow-Origin": ""}, wantBody: "method=OPTIONS"},
	{name: "PATCH", method: "PATCH", path: "/api/methods", wantStatus: 200, wantBody: "method=PATCH"},
	{name: "DELETE", method: "DELETE", path: "/api/methods", wantStatus: 200, wantBody: "method=DELETE"},
	{name: "custom method", method: "PURGE", path: "/api/methods", wantStatus: 200, wantBody: "method=PURGE"},
	{name: "HEAD keeps Content-Length, drops the body", method: "HEAD", path: "/api/methods", wantStatus: 200,
		wantHeader: map[string]string{"X-Method": "HEAD", "Content-Length": "11", "Etag": etagOf("method=HEAD")}, wantBody: ""},
}

func TestNodeAPIRequest(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Production, ""), nodeRequestExchanges)
}

var jsonHeader = map[string]string{"Content-Type": "application/json"}

// Spec §1.4: body parsing.
var nodeBodyExchanges = []nodeExchange{
	{name: "json parsed", method: "POST", path: "/api/echo", header: jsonHeader, body: `{"a":[1,2]}`, wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"object","body":{"a":[1,2]}}`},
	{name: "json with charset and a BOM", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "application/json; charset=UTF-8"}, body: "\uFEFF{\"b\":true}", wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"object","body":{"b":true}}`},
	{name: "ld+json parsed", method: "POST", path: "/api/echo", header: map[string]string{"Content-Type": "application/ld+json"}, body: `{"@id":"x"}`,
		wantStatus: 200, wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"object","body":{"@id":"x"}}`},
	{name: "empty json is {}", method: "POST", path: "/api/echo", header: jsonHeader, wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"object","body":{}}`},
	{name: "json string", method: "PUT", path: "/api/echo", header: jsonHeader, body: `"str"`, wantStatus: 200,
		wantBody: `{"method":"PUT","url":"/api/echo","query":{},"bodyType":"string","body":"str"}`},
	{name: "+json stays a string", method: "POST", path: "/api/echo", header: map[string]string{"Content-Type": "application/vnd.api+json"}, body: `{"a":1}`,
		wantStatus: 200, wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"string","body":"{\"a\":1}"}`},
	{name: "urlencoded via querystring", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, body: "a=1&a=2&b=x+y&c=%zz&d", wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"object","body":{"a":["1","2"],"b":"x y","c":"%zz","d":""}}`},
	{name: "text in its charset (latin1 is ISO-8859-1)", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "text/plain; charset=latin1"}, body: "caf\xe9 \x80", wantStatus: 200,
		wantBody: "{\"method\":\"POST\",\"url\":\"/api/echo\",\"query\":{},\"bodyType\":\"string\",\"body\":\"café \u0080\"}"},
	{name: "text in windows-1252", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "text/plain; charset=windows-1252"}, body: "\x80", wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"string","body":"€"}`},
	{name: "text in utf-16le", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "text/plain; charset=utf-16le"}, body: "h\x00i\x00", wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"string","body":"hi"}`},
	{name: "no content type is text", method: "POST", path: "/api/echo", body: "plain", wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"string","body":"plain"}`},
	{name: "an unparsable content type is text/plain", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "application/json;"}, body: `{"a":1}`, wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"string","body":"{\"a\":1}"}`},
	{name: "multipart is a string", method: "POST", path: "/api/echo",
		header: map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, body: "--x\r\n\r\nv\r\n--x--", wantStatus: 200,
		wantBody: `{"method":"POST","url":"/api/echo","query":{},"bodyType":"string","body":"--x\r\n\r\nv\r\n--x--"}`},
	{name: "GET without a body is an empty string", path: "/api/echo", wantStatus: 200,
		wantBody: `{"method":"GET","url":"/api/echo","query":{},` + echoEmpty},
	{name: "GET with a body reads it", path: "/api/echo", header: jsonHeader, body: `[1]`, wantStatus: 200,
		wantBody: `{"method":"GET","url":"/api/echo","query":{},"bodyType":"object","body":[1]}`},
	{name: "invalid JSON", method: "POST", path: "/api/echo", header: jsonHeader, body: `{nope`,
		wantStatus: 400, wantReason: "Invalid JSON", wantHeader: map[string]string{"Content-Type": ""}, wantChunked: chunked, wantBody: "Invalid JSON"},
	{name: "unknown charset", method: "POST", path: "/api/echo", header: map[string]string{"Content-Type": "text/plain; charset=klingon"}, body: "x",
		wantStatus: 400, wantReason: "Invalid body", wantHeader: map[string]string{"Content-Type": ""}, wantBody: "Invalid body"},
	{name: "at the size limit", method: "POST", path: "/api/body/limit", body: "0123456789", wantStatus: 200, wantBody: `{"body":"0123456789"}`},
	{name: "over the size limit: the configured string is echoed", method: "POST", path: "/api/body/limit", body: "0123456789!",
		wantStatus: 413, wantReason: "Body exceeded 10b limit", wantHeader: map[string]string{"Content-Type": ""}, wantBody: "Body exceeded 10b limit"},
	{name: "numeric size limit", method: "POST", path: "/api/body/limit-number", body: strings.Repeat("n", 17),
		wantStatus: 413, wantReason: "Body exceeded 16 limit", wantBody: "Body exceeded 16 limit"},
	{name: "default limit is 1mb", method: "POST", path: "/api/echo", body: strings.Repeat("m", 1<<20+1),
		wantStatus: 413, wantReason: "Body exceeded 1mb limit", wantBody: "Body exceeded 1mb limit"},
	{name: "bodyParser false: on('data') gets Buffers, req.body undefined", method: "POST", path: "/api/stream/data", header: jsonHeader, body: `{"raw":true}`,
		wantStatus: 200, wantBody: `{"body":"{\"raw\":true}","buffers":true,"bodyIsUndefined":true,"complete":true}`},
	{name: "bodyParser false: for await over req", method: "POST", path: "/api/stream/for-await", body: strings.Repeat("abcdefgh", 40000),
		wantStatus: 200, wantBody: `{"size":320000,"head":"abcdefgh","tail":"abcdefgh","hasIterator":"function"}`},
	{name: "bodyParser false: req.pipe(res)", method: "POST", path: "/api/stream/pipe", body: "echo me",
		wantStatus: 200, wantHeader: map[string]string{"Content-Type": "application/octet-stream", "Etag": ""}, wantChunked: chunked, wantBody: "echo me"},
	{name: "a throwing 'data' listener fails the request", method: "POST", path: "/api/stream/throws-in-data", body: "x",
		wantStatus: 500, wantHeader: map[string]string{"X-Before": "kept"}, wantBody: "Internal Server Error", wantLog: []string{"⨯ Error: data boom"}},
	{name: "res.write returns false past the high-water mark, then 'drain'", path: "/api/backpressure", wantStatus: 200,
		wantInBody: "|writes before false: bounded|drained"},
	{name: "and the isolate keeps serving", method: "POST", path: "/api/stream/data", body: "still here",
		wantStatus: 200, wantBody: `{"body":"still here","buffers":true,"bodyIsUndefined":true,"complete":true}`},
	{name: "bodyParser on: the stream is already consumed", method: "POST", path: "/api/stream/parsed", header: jsonHeader, body: `{"x":1}`,
		wantStatus: 200, wantBody: `{"streamed":0,"body":{"x":1}}`},
}

func TestNodeAPIBody(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Production, ""), nodeBodyExchanges)
}

// Spec §1.5: the response helpers (production, compress on).
var nodeResponseExchanges = []nodeExchange{
	{name: "status", path: "/api/res?case=status", wantStatus: 201, wantHeader: map[string]string{"Etag": etagOf("created"), "Content-Length": "7"}, wantBody: "created"},
	{name: "status as a string is coerced", path: "/api/res?case=status-string", wantStatus: 202, wantChunked: chunked, wantBody: "coerced"},
	{name: "invalid status throws at write time", path: "/api/res?case=status-invalid", wantStatus: 500, wantBody: "Internal Server Error",
		wantLog: []string{"⨯ RangeError: Invalid status code: 1000"}},
	{name: "setHeader arrays become repeated lines", path: "/api/res?case=set-header", wantStatus: 200,
		wantValues: map[string][]string{"X-Multi": {"a", "b"}, "X-Num": {"42"}, "X-Camelcase": {"kept"}}, wantBody: "ok"},
	{name: "getHeader, getHeaderNames, hasHeader", path: "/api/res?case=get-header", wantStatus: 200,
		wantValues: map[string][]string{"Set-Cookie": {"a=1", "b=2"}},
		wantBody:   `{"a":"1","cookies":["a=1","b=2"],"none":null,"names":["x-a","set-cookie"],"has":true,"sent":false}`},
	{name: "invalid header value", path: "/api/res?case=invalid-header", wantStatus: 500,
		wantBody: `TypeError ERR_INVALID_CHAR: Invalid character in header content ["X-Bad"]`},
	{name: "writeHead with headers, write, end", path: "/api/res?case=write-head", wantStatus: 201,
		wantHeader: map[string]string{"X-W": "w", "Content-Type": "text/plain"}, wantChunked: chunked, wantBody: "ab"},
	{name: "writeHead with a reason phrase", path: "/api/res?case=write-head-reason", wantStatus: 202, wantReason: "Custom Reason", wantBody: "accepted"},
	{name: "statusMessage", path: "/api/res?case=status-message", wantStatus: 200, wantReason: "Totally Fine", wantBody: "ok"},
	{name: "flushHeaders sends the head", path: "/api/res?case=flush-headers", wantStatus: 200,
		wantHeader: map[string]string{"X-Flushed": "yes"}, wantBody: "later sent=true"},
	{name: "setHeader after the head throws ERR_HTTP_HEADERS_SENT", path: "/api/res?case=headers-sent", wantStatus: 200,
		wantHeader: map[string]string{"X-Late": ""}, wantBody: "a ERR_HTTP_HEADERS_SENT"},
	{name: "write strings, Buffers and Uint8Arrays", path: "/api/res?case=write-end", wantStatus: 200, wantChunked: chunked, wantBody: "one two three"},
	{name: "end(data) alone is chunked when compress is on", path: "/api/res?case=end-only", wantStatus: 200, wantChunked: chunked, wantBody: "abc"},
	{name: "send string: no Content-Type", path: "/api/res?case=send-string", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "", "Content-Length": "5", "Etag": `"2caikvdqo85"`}, wantChunked: notChunked, wantBody: "hello"},
	{name: "send Buffer", path: "/api/res?case=send-buffer", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "application/octet-stream", "Content-Length": "3", "Etag": etagOf(`{"type":"Buffer","data":[98,117,102]}`)}, wantBody: "buf"},
	{name: "send Buffer keeps its Content-Type", path: "/api/res?case=send-buffer-typed", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "image/png", "Content-Length": "4"}, wantBody: "\x89PNG"},
	{name: "send object", path: "/api/res?case=send-object", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": ctJSON, "Content-Length": "7", "Etag": `"147uiiad94i7"`}, wantBody: `{"a":1}`},
	{name: "send number", path: "/api/res?case=send-number", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": ctJSON, "Etag": `"145yod55ra52"`}, wantBody: `42`},
	{name: "send boolean", path: "/api/res?case=send-boolean", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": ctJSON, "Etag": etagOf("true")}, wantBody: `true`},
	{name: "send null ends empty", path: "/api/res?case=send-null", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "", "Etag": "", "Content-Length": ""}, wantChunked: chunked, wantBody: ""},
	{name: "send stream pipes", path: "/api/res?case=send-stream", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "application/octet-stream", "Etag": ""}, wantChunked: chunked, wantBody: "abc"},
	{name: "json(null)", path: "/api/res?case=json-null", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": ctJSON, "Etag": `"wm6yxsynvh4"`}, wantBody: `null`},
	{name: "json(undefined) sets the type, sends nothing", path: "/api/res?case=json-undefined", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": ctJSON, "Etag": ""}, wantBody: ``},
	{name: "json string", path: "/api/res?case=json-string", wantStatus: 200, wantHeader: map[string]string{"Content-Type": ctJSON}, wantBody: `"str"`},
	{name: "redirect", path: "/api/res?case=redirect", wantStatus: 307,
		wantHeader: map[string]string{"Location": "/api/target", "Content-Type": ""}, wantBody: "/api/target"},
	{name: "redirect with status", path: "/api/res?case=redirect-status", wantStatus: 301,
		wantHeader: map[string]string{"Location": "/api/moved"}, wantBody: "/api/moved"},
	{name: "redirect with bad arguments", path: "/api/res?case=redirect-bad", wantStatus: 500, wantBody: "Internal Server Error",
		wantLog: []string{"⨯ Error: Invalid redirect arguments. Please use a single argument URL, e.g. res.redirect('/destination') or use a status code and URL, e.g. res.redirect(307, '/destination')."}},
	{name: "204 strips the body", path: "/api/res?case=status-204", wantStatus: 204,
		wantHeader: map[string]string{"Content-Type": "", "Content-Length": ""}, wantBody: "",
		noLog: []string{"A body was attempted"}},
	{name: "304 strips the body", path: "/api/res?case=status-304", wantStatus: 304, wantHeader: map[string]string{"Content-Type": ""}, wantBody: ""},
	{name: "If-None-Match → 304 with the ETag", path: "/api/res?case=send-string", header: map[string]string{"If-None-Match": `"2caikvdqo85"`},
		wantStatus: 304, wantHeader: map[string]string{"Etag": `"2caikvdqo85"`, "Content-Length": ""}, wantBody: ""},
	{name: "If-None-Match → 304 for POST too", method: "POST", path: "/api/res?case=send-object", header: map[string]string{"If-None-Match": `"x", "147uiiad94i7"`},
		wantStatus: 304, wantHeader: map[string]string{"Etag": `"147uiiad94i7"`}, wantBody: ""},
	{name: "weak If-None-Match matches", path: "/api/res?case=send-string", header: map[string]string{"If-None-Match": `W/"2caikvdqo85"`}, wantStatus: 304, wantBody: ""},
	{name: "Cache-Control: no-cache bypasses If-None-Match", path: "/api/res?case=send-string",
		header: map[string]string{"If-None-Match": `"2caikvdqo85"`, "Cache-Control": "no-cache"}, wantStatus: 200, wantBody: "hello"},
	{name: "other ETag", path: "/api/res?case=send-string", header: map[string]string{"If-None-Match": `"nope"`}, wantStatus: 200, wantBody: "hello"},
	{name: "HEAD send keeps Content-Length", method: "HEAD", path: "/api/res?case=send-object", wantStatus: 200,
		wantHeader: map[string]string{"Content-Length": "7", "Content-Type": ctJSON, "Etag": `"147uiiad94i7"`}, wantBody: ""},
	{name: "draft mode on (production cookie)", path: "/api/res?case=draft-on", wantStatus: 200, wantBody: "draft on"},
	{name: "preview data too large", path: "/api/res?case=preview-big", wantStatus: 500,
		wantBody: "Preview data is limited to 2KB currently, reduce how much data you are storing as preview data to continue"},
	{name: "clearPreviewData expires both cookies once", path: "/api/res?case=preview-clear", wantStatus: 200,
		wantValues: map[string][]string{"Set-Cookie": {
			"__prerender_bypass=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None",
			"__next_preview_data=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None"}},
		wantBody: "cleared"},
	{name: "revalidate validates the path", path: "/api/res?case=revalidate-bad", wantStatus: 500,
		wantBody: "Invalid urlPath provided to revalidate(), must be a path e.g. /blog/post-1, received blog/post-1"},
	{name: "revalidate resolves", path: "/api/res?case=revalidate", wantStatus: 200, wantBody: `{"revalidated":true}`},
	{name: "end(number) throws before the head: a plain 500", path: "/api/res?case=end-number", wantStatus: 500,
		wantHeader: map[string]string{"X-Before": "kept"}, wantBody: "Internal Server Error",
		wantLog: []string{`⨯ TypeError: The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received type number (42)`}},
	{name: "a hole in a header array", path: "/api/res?case=set-header-hole", wantStatus: 200,
		wantValues: map[string][]string{"X-Hole": {"undefined", "b"}}, wantBody: "ok"},
	{name: "json works unbound", path: "/api/res?case=unbound-json", wantStatus: 200, wantBody: `{"unbound":true}`},
	{name: "a wrapper calls the original json unbound", path: "/api/res?case=wrapped-json", wantStatus: 201, wantBody: `{"wrapped":{"a":1}}`},
	{name: "json ends through a replaced res.end", path: "/api/res?case=wrapped-end", wantStatus: 200,
		wantHeader: map[string]string{"X-Wrapped": "end", "Content-Type": ctJSON}, wantBody: `{"via":"end"}`},
	{name: "json sets headers through a replaced res.setHeader", path: "/api/res?case=wrapped-set-header", wantStatus: 200,
		wantHeader: map[string]string{"Content-Type": "application/vnd.custom+json"}, wantBody: `{"custom":true}`},
	{name: "writableFinished after end", path: "/api/res?case=finished-timing", wantStatus: 200, wantBody: "ended"},
	{name: "writableFinished turns true after the ending task", path: "/api/res?case=finished-report", wantStatus: 200,
		wantBody: "false false true true"},
}

func TestNodeAPIResponse(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Production, ""), nodeResponseExchanges)
}

// Spec §1.6 in production: errors are a plain 500, warnings are silent.
var nodeProductionLifecycle = []nodeExchange{
	{name: "sync throw keeps headers set before it", path: "/api/lifecycle/throws", wantStatus: 500,
		wantHeader: map[string]string{"X-Before": "kept", "Content-Type": ""}, wantBody: "Internal Server Error",
		wantLog: []string{"⨯ Error: boom"}},
	{name: "async throw", path: "/api/lifecycle/throws-async", wantStatus: 500,
		wantHeader: map[string]string{"X-Before": "kept"}, wantBody: "Internal Server Error", wantLog: []string{"⨯ TypeError: async boom"}},
	{name: "throw after the head: sendError ends the body", path: "/api/lifecycle/throws-after-write", wantStatus: 200,
		wantBody: "partial;Internal Server Error", wantLog: []string{"⨯ Error: late boom"}},
	{name: "a returned value is silent", path: "/api/lifecycle/returns-value", wantStatus: 200, wantBody: `{"ok":true}`,
		noLog: []string{"API handler should not return a value"}},
	{name: "late response is silent", path: "/api/lifecycle/late", wantStatus: 200, wantBody: "late",
		noLog: []string{"API resolved without sending a response"}},
	{name: "response limit warns in production too", path: "/api/lifecycle/big", wantStatus: 200, wantInBody: "xxxxxxxx",
		wantLog: []string{"API response for /api/lifecycle/big exceeds 4MB. API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit"}},
	{name: "responseLimit false", path: "/api/lifecycle/big-unlimited", wantStatus: 200, wantInBody: "xxxxxxxx",
		noLog: []string{"API response for"}},
	{name: "responseLimit '1kb' counts write and end", path: "/api/lifecycle/big-custom", wantStatus: 200, wantBody: strings.Repeat("y", 1200),
		wantLog: []string{"API response for /api/lifecycle/big-custom exceeds 1KB. API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit"}},
}

func TestNodeAPIProductionLifecycle(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Production, ""), nodeProductionLifecycle)
}

// Spec §1.6 in development: the error page and Next's warnings.
var nodeDevLifecycle = []nodeExchange{
	{name: "throw renders the dev error page with the .ts location", path: "/api/lifecycle/throws", wantStatus: 500,
		wantHeader: map[string]string{"Content-Type": "text/html; charset=utf-8"}, wantInBody: "pages/api/lifecycle/throws.ts:3",
		wantLog: []string{"⨯ Error: boom"}},
	{name: "async throw", path: "/api/lifecycle/throws-async", wantStatus: 500, wantInBody: "TypeError: async boom"},
	{name: "returned value warns with its typeof", path: "/api/lifecycle/returns-value", wantStatus: 200, wantBody: `{"ok":true}`,
		wantLog: []string{"API handler should not return a value, received number."}},
	{name: "return res.redirect() warns object", path: "/api/lifecycle/returns-redirect", wantStatus: 307, wantBody: "/api/elsewhere",
		wantLog: []string{"API handler should not return a value, received object."}},
	{name: "return res.json() does not warn", path: "/api/lifecycle/returns-json", wantStatus: 200, wantBody: `{"ok":true}`,
		noLog: []string{"API handler should not return a value"}},
	{name: "returned Response is an error", path: "/api/lifecycle/returns-response", wantStatus: 500,
		wantInBody: "API route returned a Response object in the Node.js runtime, this is not supported. Please use `runtime: &#34;edge&#34;` instead: https://nextjs.org/docs/api-routes/edge-api-routes"},
	{name: "resolved without a response warns, the response still comes", path: "/api/lifecycle/late", wantStatus: 200, wantBody: "late",
		wantLog: []string{"API resolved without sending a response for /api/lifecycle/late, this may result in stalled requests."}},
	{name: "externalResolver suppresses the warning", path: "/api/lifecycle/external", wantStatus: 200, wantBody: "external",
		noLog: []string{"API resolved without sending a response"}},
	{name: "a piped response does not warn", path: "/api/lifecycle/piped", wantStatus: 200, wantBody: "piped",
		noLog: []string{"API resolved without sending a response"}},
	{name: "204 with a body warns in dev", path: "/api/res?case=status-204", wantStatus: 204, wantBody: "",
		wantLog: []string{"A body was attempted to be set with a 204 statusCode for /api/res?case=status-204, this is invalid and the body was ignored.\nSee more info here https://nextjs.org/docs/messages/invalid-api-status-body"}},
	{name: "redirect with bad arguments shows the message", path: "/api/res?case=redirect-bad", wantStatus: 500,
		wantInBody: "Invalid redirect arguments. Please use a single argument URL"},
	{name: "draft mode cookie is lax and not secure in dev", path: "/api/res?case=draft-on", wantStatus: 200, wantBody: "draft on"},
	{name: "invalid JSON is the same in dev", method: "POST", path: "/api/echo", header: jsonHeader, body: `{`,
		wantStatus: 400, wantReason: "Invalid JSON", wantBody: "Invalid JSON"},
}

func TestNodeAPIDevLifecycle(t *testing.T) {
	runNode(t, startNodeAPI(t, edgerun.Development, ""), nodeDevLifecycle)
}

// A handler that never responds leaves the request open (and warns in
// dev); the client's own deadline ends it.
func TestNodeAPIStalledRequest(t *testing.T) {
	s := startNodeAPI(t, edgerun.Development, "")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.URL+"/api/stall", nil)
	resp, err := rawClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("a handler that never responds answered %d", resp.StatusCode)
	}
	s.barrier(t)
	if !containsPrefix(s.logs.messages(), "API resolved without sending a response for /api/stall, this may result in stalled requests.") {
		t.Fatalf("no warning in %q", s.logs.messages())
	}
}

// Preview mode: cookies per Next's api-utils, and req.previewData read
// back from them.
func TestNodeAPIPreviewMode(t *testing.T) {
	for _, mode := range []edgerun.Mode{edgerun.Production, edgerun.Development} {
		name, attrs := "production", "HttpOnly; Secure; SameSite=None"
		if mode == edgerun.Development {
			name, attrs = "development", "HttpOnly; SameSite=Lax"
		}
		t.Run(name, func(t *testing.T) {
			s := startNodeAPI(t, mode, "")
			resp, _ := s.do(t, "GET", "/api/res?case=draft-on", nil, nil, "")
			on := resp.Header.Values("Set-Cookie")
			re := regexp.MustCompile(`^__prerender_bypass=([0-9a-f]{32}); Path=/; ` + regexp.QuoteMeta(attrs) + `$`)
			if len(on) != 1 || !re.MatchString(on[0]) {
				t.Fatalf("draft-on Set-Cookie %q", on)
			}
			id := re.FindStringSubmatch(on[0])[1]

			resp, _ = s.do(t, "GET", "/api/res?case=draft-off", nil, nil, "")
			want := "__prerender_bypass=" + id + "; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; " + attrs
			if got := resp.Header.Values("Set-Cookie"); len(got) != 1 || got[0] != want {
				t.Fatalf("draft-off Set-Cookie %q, want %q", got, want)
			}

			// Draft mode alone: previewData is {}.
			_, body := s.do(t, "GET", "/api/res?case=preview-read", map[string]string{"Cookie": "__prerender_bypass=" + id}, nil, "")
			if string(body) != `{"previewData":{},"preview":true,"draftMode":true}` {
				t.Fatalf("draft mode read: %s", body)
			}

			resp, _ = s.do(t, "GET", "/api/res?case=preview-set", nil, nil, "")
			set := resp.Header.Values("Set-Cookie")
			if len(set) != 2 {
				t.Fatalf("preview-set Set-Cookie %q", set)
			}
			if want := "__prerender_bypass=" + id + "; Max-Age=60; Path=/api; " + attrs; set[0] != want {
				t.Errorf("bypass cookie %q, want %q", set[0], want)
			}
			tokenRE := regexp.MustCompile(`^__next_preview_data=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+); Max-Age=60; Path=/api; ` + regexp.QuoteMeta(attrs) + `$`)
			m := tokenRE.FindStringSubmatch(set[1])
			if m == nil {
				t.Fatalf("data cookie %q", set[1])
			}
			token := m[1]
			parts := strings.Split(token, ".")
			header, _ := base64.RawURLEncoding.DecodeString(parts[0])
			if string(header) != `{"alg":"HS256","typ":"JWT"}` {
				t.Errorf("JWT header %s", header)
			}
			payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
			var claims struct {
				Data string  `json:"data"`
				Iat  float64 `json:"iat"`
				Exp  float64 `json:"exp"`
			}
			if err := json.Unmarshal(payload, &claims); err != nil {
				t.Fatalf("JWT payload %s: %v", payload, err)
			}
			// salt(64) | iv(16) | tag(16) | ciphertext, in hex.
			if len(claims.Data) != 2*(96+len(`{"user":"ada"}`)) || claims.Exp-claims.Iat != 60 {
				t.Errorf("claims %s", payload)
			}

			cookies := "__prerender_bypass=" + id + "; __next_preview_data=" + token
			resp, body = s.do(t, "GET", "/api/res?case=preview-read", map[string]string{"Cookie": cookies}, nil, "")
			if string(body) != `{"previewData":{"user":"ada"},"preview":true,"draftMode":true}` {
				t.Fatalf("preview read: %s", body)
			}
			if got := resp.Header.Values("Set-Cookie"); len(got) != 0 {
				t.Errorf("a valid preview session set cookies %q", got)
			}

			// A tampered token, or a bypass id from another server, clears both cookies.
			tampered := "__prerender_bypass=" + id + "; __next_preview_data=" + token[:len(token)-2] + "AA"
			otherID := "__prerender_bypass=0123456789abcdef0123456789abcdef; __next_preview_data=" + token
			for _, c := range []string{tampered, otherID, "__next_preview_data=" + token} {
				resp, body = s.do(t, "GET", "/api/res?case=preview-read", map[string]string{"Cookie": c}, nil, "")
				if string(body) != `{"previewData":false,"preview":null,"draftMode":null}` {
					t.Fatalf("rejected preview read: %s", body)
				}
				got := resp.Header.Values("Set-Cookie")
				if len(got) != 2 || !strings.HasPrefix(got[0], "__prerender_bypass=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT") ||
					!strings.HasPrefix(got[1], "__next_preview_data=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT") {
					t.Fatalf("rejected preview cookies not cleared: %q", got)
				}
			}
		})
	}
}

// gunzip decodes a Content-Encoding.
func decodeBody(t *testing.T, encoding string, b []byte) string {
	t.Helper()
	var r io.Reader
	switch encoding {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "deflate":
		r = flate.NewReader(bytes.NewReader(b))
	default:
		return string(b)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s body: %v", encoding, err)
	}
	return string(out)
}

func itemsJSON(n int) string {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"item %d"}`, i, i)
	}
	b.WriteString("]}")
	return b.String()
}

// Spec §1.6/§5: compress (default true) through Next's compression
// middleware rules.
func TestNodeAPICompression(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, "")
	big := itemsJSON(100)
	tests := []struct {
		name, method, path, acceptEncoding string
		wantEncoding, wantVary, wantLength string
		wantChunked                        bool
		wantBody                           string
	}{
		{"large JSON is gzipped", "GET", "/api/compress/json?n=100", "gzip, deflate, br", "gzip", "Accept-Encoding", "", true, big},
		{"deflate when gzip is refused", "GET", "/api/compress/json?n=100", "gzip;q=0, deflate", "deflate", "Accept-Encoding", "", true, big},
		{"gzip preferred over deflate", "GET", "/api/compress/json?n=100", "deflate, gzip", "gzip", "Accept-Encoding", "", true, big},
		{"* means gzip", "GET", "/api/compress/json?n=100", "*", "gzip", "Accept-Encoding", "", true, big},
		{"br only: identity", "GET", "/api/compress/json?n=100", "br", "", "Accept-Encoding", fmt.Sprint(len(big)), false, big},
		{"no Accept-Encoding: identity, still Vary", "GET", "/api/compress/json?n=100", "", "", "Accept-Encoding", fmt.Sprint(len(big)), false, big},
		{"under 1kb: identity, still Vary", "GET", "/api/compress/json?n=1", "gzip", "", "Accept-Encoding", fmt.Sprint(len(itemsJSON(1))), false, itemsJSON(1)},
		{"HEAD: identity", "HEAD", "/api/compress/json?n=100", "gzip", "", "Accept-Encoding", fmt.Sprint(len(big)), false, ""},
		{"no-transform", "GET", "/api/compress/no-transform", "gzip", "", "", fmt.Sprint(len(`{"text":""}`) + 4000), false, `{"text":"` + strings.Repeat("z", 4000) + `"}`},
		{"binary is not compressible", "GET", "/api/compress/binary", "gzip", "", "", "4000", false, strings.Repeat("\x01", 4000)},
		{"a streamed text body of unknown length", "GET", "/api/compress/stream", "gzip", "gzip", "Accept-Encoding", "", true, "chunk one\nchunk two\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{}
			if tt.acceptEncoding != "" {
				h["Accept-Encoding"] = tt.acceptEncoding
			}
			resp, b := s.do(t, tt.method, tt.path, h, nil, "")
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if g := resp.Header.Get("Content-Encoding"); g != tt.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", g, tt.wantEncoding)
			}
			if g := resp.Header.Get("Vary"); g != tt.wantVary {
				t.Errorf("Vary %q, want %q", g, tt.wantVary)
			}
			if g := resp.Header.Get("Content-Length"); g != tt.wantLength {
				t.Errorf("Content-Length %q, want %q", g, tt.wantLength)
			}
			if isChunked := len(resp.TransferEncoding) > 0; isChunked != tt.wantChunked {
				t.Errorf("chunked %v, want %v", isChunked, tt.wantChunked)
			}
			if got := decodeBody(t, tt.wantEncoding, b); got != tt.wantBody {
				t.Errorf("body %.80q..., want %.80q...", got, tt.wantBody)
			}
		})
	}
}

// With compress: false Node frames a body sent with one end(data) with
// Content-Length, and nothing is compressed.
func TestNodeAPICompressOff(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "nodeapi"), dir)
	if err := os.WriteFile(filepath.Join(dir, "next.config.js"), []byte("module.exports = { compress: false };\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startNodeAPI(t, edgerun.Production, dir)
	gzipOK := map[string]string{"Accept-Encoding": "gzip"}
	runNode(t, s, []nodeExchange{
		{name: "large JSON stays plain", path: "/api/compress/json?n=100", header: gzipOK, wantStatus: 200,
			wantHeader: map[string]string{"Content-Encoding": "", "Vary": "", "Content-Length": fmt.Sprint(len(itemsJSON(100)))}, wantBody: itemsJSON(100)},
		{name: "end(data) alone gets Content-Length", path: "/api/res?case=end-only", wantStatus: 200,
			wantHeader: map[string]string{"Content-Length": "3"}, wantChunked: notChunked, wantBody: "abc"},
		{name: "sendError gets Content-Length", method: "POST", path: "/api/echo", header: jsonHeader, body: "{",
			wantStatus: 400, wantReason: "Invalid JSON", wantHeader: map[string]string{"Content-Length": "12"}, wantChunked: notChunked, wantBody: "Invalid JSON"},
		{name: "bare end() is Content-Length: 0", path: "/api/res?case=send-null", wantStatus: 200,
			wantHeader: map[string]string{"Content-Length": "0"}, wantChunked: notChunked, wantBody: ""},
		{name: "write then end is chunked", path: "/api/res?case=write-end", wantStatus: 200, wantChunked: chunked, wantBody: "one two three"},
		{name: "writeHead then end is chunked", path: "/api/res?case=write-head", wantStatus: 201, wantChunked: chunked, wantBody: "ab"},
	})
}

// rawExchange sends request bytes on a fresh TCP connection and returns
// everything the server writes until it closes the connection.
func rawExchange(t *testing.T, addr, request string) string {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(bufio.NewReader(conn))
	if err != nil {
		t.Fatalf("reading: %v (got %q)", err, b)
	}
	return string(b)
}

// headLines splits a raw response into its status line, header lines
// (Date removed, it changes) and body.
func headLines(t *testing.T, raw string) (string, []string, string) {
	t.Helper()
	head, body, ok := strings.Cut(raw, "\r\n\r\n")
	if !ok {
		t.Fatalf("no end of head in %q", raw)
	}
	lines := strings.Split(head, "\r\n")
	var hdr []string
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "Date: ") {
			hdr = append(hdr, l)
		}
	}
	return lines[0], hdr, body
}

// What goes on the wire: header-name casing as the route wrote it, repeated
// lines for arrays, and Node's reason phrases.
func TestNodeAPIWire(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, "")
	addr := s.Listener.Addr().String()
	tests := []struct {
		name, request string
		wantStatus    string
		wantHeader    []string
		wantBody      string
	}{
		{"header casing and repeated lines",
			"GET /api/res?case=set-header HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"HTTP/1.1 200 OK",
			[]string{"X-Multi: a", "X-Multi: b", "X-Num: 42", "x-CamelCase: kept", "Connection: close", "Transfer-Encoding: chunked"},
			"2\r\nok\r\n0\r\n\r\n"},
		{"ETag casing as Next writes it",
			"GET /api/res?case=send-string HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"HTTP/1.1 200 OK",
			[]string{"Content-Length: 5", "ETag: \"2caikvdqo85\"", "Connection: close"},
			"hello"},
		{"body-parse errors carry their message as the reason phrase",
			"POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n{",
			"HTTP/1.1 400 Invalid JSON",
			[]string{"Connection: close", "Transfer-Encoding: chunked"},
			"c\r\nInvalid JSON\r\n0\r\n\r\n"},
		{"413 reason",
			"POST /api/body/limit HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n0123456789!",
			"HTTP/1.1 413 Body exceeded 10b limit",
			[]string{"Connection: close", "Transfer-Encoding: chunked"},
			"17\r\nBody exceeded 10b limit\r\n0\r\n\r\n"},
		{"statusMessage with a known length",
			"GET /api/res?case=write-head-reason HTTP/1.1\r\nHost: x\r\n\r\n",
			"HTTP/1.1 202 Custom Reason",
			[]string{"Content-Type: text/plain", "Vary: Accept-Encoding", "Connection: close", "Transfer-Encoding: chunked"},
			"8\r\naccepted\r\n0\r\n\r\n"},
		{"HTTP/1.0 client: the body runs to the close",
			"GET /api/res?case=status-message HTTP/1.0\r\nHost: x\r\n\r\n",
			"HTTP/1.1 200 Totally Fine",
			[]string{"Connection: close"},
			"ok"},
		{"HEAD with a reason: no body",
			"HEAD /api/res?case=status-message HTTP/1.1\r\nHost: x\r\n\r\n",
			"HTTP/1.1 200 Totally Fine",
			[]string{"Connection: close"},
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, hdr, body := headLines(t, rawExchange(t, addr, tt.request))
			if status != tt.wantStatus {
				t.Errorf("status line %q, want %q", status, tt.wantStatus)
			}
			if strings.Join(hdr, "\n") != strings.Join(tt.wantHeader, "\n") {
				t.Errorf("header lines\n%s\nwant\n%s", strings.Join(hdr, "\n"), strings.Join(tt.wantHeader, "\n"))
			}
			if body != tt.wantBody {
				t.Errorf("body %q, want %q", body, tt.wantBody)
			}
		})
	}
}

// The connection stays usable for the next request when no custom reason
// forces a hand-written response.
func TestNodeAPIKeepAlive(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, "")
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}}
	for i := 0; i < 3; i++ {
		body, err := httpGetWith(client, s.URL+"/api/res?case=send-string")
		if err != nil || body != "hello" {
			t.Fatalf("request %d: %q %v", i, body, err)
		}
		// A hand-written response closes its connection; the client reconnects.
		resp, err := client.Get(s.URL + "/api/res?case=status-message")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Status != "200 Totally Fine" || string(b) != "ok" {
			t.Fatalf("request %d: %s %q", i, resp.Status, b)
		}
	}
}

func httpGetWith(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Over HTTP/2 there is no reason phrase and no connection to hijack: a
// custom statusMessage is dropped (as Node's http2 compatibility layer
// does), and everything else is the same.
func TestNodeAPIHTTP2(t *testing.T) {
	srv, err := edgerun.New(filepath.Join("testdata", "nodeapi"), edgerun.WithLogger(testLogger()), edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewUnstartedServer(srv)
	ts.EnableHTTP2 = true
	ts.StartTLS()
	defer ts.Close()
	client := ts.Client()
	for _, tt := range []struct {
		path, method, body string
		wantStatus         int
		wantBody           string
	}{
		{"/api/res?case=status-message", "GET", "", 200, "ok"},
		{"/api/echo", "POST", "{", 400, "Invalid JSON"},
		{"/api/stream/pipe", "POST", "full duplex", 200, "full duplex"},
	} {
		req, _ := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(tt.body))
		if tt.path == "/api/echo" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.ProtoMajor != 2 || resp.StatusCode != tt.wantStatus || string(b) != tt.wantBody {
			t.Errorf("%s: %s %s %q", tt.path, resp.Proto, resp.Status, b)
		}
	}
}

// The request log shows the status of a response written on a hijacked
// connection (custom reason phrase), not net/http's default.
func TestNodeAPIRequestLogStatus(t *testing.T) {
	logs := &logCapture{}
	srv, err := edgerun.New(filepath.Join("testdata", "nodeapi"), edgerun.WithLogger(slog.New(logs)), edgerun.WithRequestLog(true),
		edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	resp, err := http.Post(ts.URL+"/api/echo", "application/json", strings.NewReader("{"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Status != "400 Invalid JSON" {
		t.Fatalf("status %q", resp.Status)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !containsPrefix(logs.messages(), "POST /api/echo 400 in ") {
		if time.Now().After(deadline) {
			t.Fatalf("no request line in %q", logs.messages())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// req and res emit 'close' when the response is done, and 'aborted' and
// 'close' when the client leaves first, so streaming routes can clean up.
func TestNodeAPICloseEvents(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, "")
	_, body := s.do(t, "GET", "/api/lifecycle/close-events", nil, nil, "")
	if string(body) != "done" {
		t.Fatalf("body %q", body)
	}
	// Both emit 'close' after 'finish' (their relative order is not part
	// of the contract).
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, got := s.do(t, "GET", "/api/lifecycle/close-events?read", nil, nil, "")
		if g := string(got); g == `["res finish","req close","res close"]` || g == `["res finish","res close","req close"]` {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("close events %s", g)
		}
		time.Sleep(5 * time.Millisecond)
	}

	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", s.URL+"/api/lifecycle/sse", nil)
	resp, err := rawClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(resp.Body)
	for _, want := range []string{"data: hello\n", "\n", "data: tick\n"} {
		line, err := r.ReadString('\n')
		if err != nil || line != want {
			t.Fatalf("read %q, %v; want %q", line, err, want)
		}
	}
	cancel()
	resp.Body.Close()
	deadline = time.Now().Add(5 * time.Second)
	for {
		_, got := s.do(t, "GET", "/api/lifecycle/sse?read", nil, nil, "")
		if g := string(got); g == `["req aborted","req close","res close finished=false"]` || g == `["req aborted","res close finished=false","req close"]` {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("abort events %s", g)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Preview-mode secrets belong to the server, not to a generation of the
// Node bundle: a draft-mode cookie survives a dev reload, as under next dev.
func TestNodeAPIPreviewSurvivesReload(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "nodeapi"), dir)
	srv, err := edgerun.New(dir, edgerun.WithMode(edgerun.Development), edgerun.WithLogger(testLogger()),
		edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	s := &nodeAPIServer{Server: ts, logs: &logCapture{}}
	resp, _ := s.do(t, "GET", "/api/res?case=draft-on", nil, nil, "")
	cookie, _, _ := strings.Cut(resp.Header.Get("Set-Cookie"), ";")
	if !strings.HasPrefix(cookie, "__prerender_bypass=") {
		t.Fatalf("Set-Cookie %q", resp.Header.Get("Set-Cookie"))
	}
	// An edit to a Node route rebuilds the Node bundle and its isolate.
	file := filepath.Join(dir, "pages", "api", "echo.ts")
	src, _ := os.ReadFile(file)
	if err := os.WriteFile(file, append(src, []byte("\n// edited\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	_, body := s.do(t, "GET", "/api/res?case=preview-read", map[string]string{"Cookie": cookie}, nil, "")
	if string(body) != `{"previewData":{},"preview":true,"draftMode":true}` {
		t.Fatalf("after reload: %s", body)
	}
}

// A route that streams its body (bodyParser: false) and answers before
// reading all of it leaves the connection usable: net/http's full-duplex
// mode would otherwise break the next request on it (golang/go#68560).
func TestNodeAPIUnreadBodyKeepsConnectionUsable(t *testing.T) {
	s := startNodeAPI(t, edgerun.Production, "")
	var serverErrors bytes.Buffer
	s.Config.ErrorLog = log.New(&serverErrors, "", 0)
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}}
	for _, path := range []string{"/api/stream/unread", "/api/stream/unread?throw=1", "/api/stream/unread?read=one"} {
		for _, size := range []int{10, 300 << 10, 4 << 20} {
			for i := 0; i < 3; i++ {
				resp, err := client.Post(s.URL+path, "application/octet-stream", strings.NewReader(strings.Repeat("x", size)))
				if err != nil {
					t.Fatalf("%s, %d bytes, request %d: %v", path, size, i, err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if want := map[bool]int{true: 500, false: 200}[strings.Contains(path, "throw")]; resp.StatusCode != want {
					t.Fatalf("%s, %d bytes: status %d, want %d", path, size, resp.StatusCode, want)
				}
			}
		}
	}
	if strings.Contains(serverErrors.String(), "panic") {
		t.Fatalf("server log: %s", serverErrors.String())
	}
}
