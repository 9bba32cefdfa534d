package edgerun_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/edgerun/edgerun"
)

// benchServe measures one route through Server.ServeHTTP (no network), as
// warm requests: the first request builds the isolate. Besides ns/op it
// reports process CPU time per request (user+sys, GC workers included),
// the figure the CPU budgets are set in.
func benchServe(b *testing.B, path string) {
	srv, err := edgerun.New(filepath.Join("testdata", "hello"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, req)
	if w.Code != 200 {
		b.Fatalf("status %d: %s", w.Code, w.Body)
	}
	b.ReportAllocs()
	cpu0 := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

func BenchmarkEdgeHello(b *testing.B) { benchServe(b, "/api/edge/hello") }
func BenchmarkNodeHello(b *testing.B) { benchServe(b, "/api/hello") }

// benchServeParallel runs requests concurrently, as a loaded server sees
// them. Its CPU per request leaves out what a lone request pays for the
// Go scheduler waking an idle processor at each goroutine hand-off (the
// sequential benchmarks include it).
func benchServeParallel(b *testing.B, path string) {
	srv, err := edgerun.New(filepath.Join("testdata", "hello"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	warm := httptest.NewRecorder()
	srv.ServeHTTP(warm, httptest.NewRequest(http.MethodGet, path, nil))
	if warm.Code != 200 {
		b.Fatalf("status %d: %s", warm.Code, warm.Body)
	}
	b.ReportAllocs()
	b.SetParallelism(4)
	cpu0 := processCPU()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for pb.Next() {
			w := &discardWriter{h: http.Header{}}
			srv.ServeHTTP(w, req)
			if w.code != 200 {
				b.Errorf("status %d", w.code)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

func BenchmarkEdgeHelloParallel(b *testing.B) { benchServeParallel(b, "/api/edge/hello") }
func BenchmarkNodeHelloParallel(b *testing.B) { benchServeParallel(b, "/api/hello") }

type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}
func (w *discardWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = 200
	}
	return io.Discard.Write(b)
}

// BenchmarkEdgeJSONBody is an edge route that parses a JSON request body
// and answers with NextResponse.json (testdata/edgeapi/pages/api/json-echo.ts),
// through Server.ServeHTTP. Besides ns/op it reports process CPU time per
// request (user+sys, GC workers included), which stays meaningful when the
// machine is shared.
func BenchmarkEdgeJSONBody(b *testing.B) {
	srv, err := edgerun.New(filepath.Join("testdata", "edgeapi"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	const body = `{"id":7,"name":"ada","tags":["a","b","c"]}`
	const want = `{"id":7,"name":"ADA","tags":3}`
	serve := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/json-echo", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		return w
	}
	if w := serve(); w.Code != 200 || w.Body.String() != want || w.Header().Get("Content-Type") != "application/json" {
		b.Fatalf("status %d %q %q", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	b.ReportAllocs()
	cpu0 := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest(http.MethodPost, "/api/json-echo", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

// processCPU is the process's user+system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchNodeAPI measures one Node-runtime route of testdata/nodeapi through
// Server.ServeHTTP (no network) and reports process CPU time per request.
func benchNodeAPI(b *testing.B, method, path, contentType, body, want string) {
	srv, err := edgerun.New(filepath.Join("testdata", "nodeapi"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	newReq := func() *http.Request {
		var rb io.Reader
		if body != "" {
			rb = strings.NewReader(body)
		}
		req := httptest.NewRequest(method, path, rb)
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		return req
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, newReq())
	if w.Code != 200 || w.Body.String() != want {
		b.Fatalf("status %d %q", w.Code, w.Body)
	}
	b.ReportAllocs()
	cpu0 := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, newReq())
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

// BenchmarkNodeJSONBody: a Node route that reads a JSON body (parsed by
// the body parser) and answers with res.json.
func BenchmarkNodeJSONBody(b *testing.B) {
	benchNodeAPI(b, http.MethodPost, "/api/bench/json-echo", "application/json",
		`{"id":7,"name":"ada","tags":["a","b","c"]}`, `{"id":7,"name":"ADA","tags":3}`)
}

// BenchmarkNodeDynamicRoute: a dynamic route ([id]) with a search param
// that collides with it, so req.query and req.url are rebuilt.
func BenchmarkNodeDynamicRoute(b *testing.B) {
	benchNodeAPI(b, http.MethodGet, "/api/users/42?id=x&page=2", "", "",
		`{"query":{"page":"2","id":"42"},"url":"/api/users/42?page=2"}`)
}
