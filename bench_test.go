package edgerun_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/edgerun/edgerun"
)

// benchServe measures one route through Server.ServeHTTP (no network), as
// warm requests: the first request builds the isolate.
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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

func BenchmarkEdgeHello(b *testing.B) { benchServe(b, "/api/edge/hello") }
func BenchmarkNodeHello(b *testing.B) { benchServe(b, "/api/hello") }

// BenchmarkEdgeHelloParallel runs requests concurrently, as a server does.
func BenchmarkEdgeHelloParallel(b *testing.B) {
	srv, err := edgerun.New(filepath.Join("testdata", "hello"), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, "/api/edge/hello", nil)
		for pb.Next() {
			w := &discardWriter{h: http.Header{}}
			srv.ServeHTTP(w, req)
		}
	})
}

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
