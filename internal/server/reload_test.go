package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func copyProject(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// A reload that fails (a broken next.config) keeps its changes for the
// next one: a route edited in the same burst is rebuilt once the config
// loads again.
func TestReloadKeepsFailedChanges(t *testing.T) {
	dir := copyProject(t, filepath.Join("..", "..", "testdata", "devloop"))
	s, err := New(Config{Dir: dir, Mode: Development, ProcessEnv: map[string]string{}, Console: io.Discard,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s)
	defer ts.Close()
	if got := getBody(t, ts.URL+"/api/hello"); got != `{"msg":"hello v1"}` {
		t.Fatalf("before: %q", got)
	}
	config := filepath.Join(dir, "next.config.js")
	good, _ := os.ReadFile(config)
	hello := filepath.Join(dir, "pages", "api", "hello.ts")
	src, _ := os.ReadFile(hello)
	os.WriteFile(config, []byte("module.exports = {{;\n"), 0o644)
	os.WriteFile(hello, []byte(strings.Replace(string(src), "hello v1", "hello v2", 1)), 0o644)
	if err := s.reload([]string{config, hello}); err == nil {
		t.Fatal("a broken next.config reloaded")
	}
	if got := getBody(t, ts.URL+"/api/hello"); got != `{"msg":"hello v1"}` {
		t.Fatalf("the failed reload changed what is served: %q", got)
	}
	os.WriteFile(config, good, 0o644)
	if err := s.reload([]string{config}); err != nil {
		t.Fatal(err)
	}
	if got := getBody(t, ts.URL+"/api/hello"); got != `{"msg":"hello v2"}` {
		t.Fatalf("the edit made with the broken config was lost: %q", got)
	}
}

// A request that arrives while the watcher holds unapplied changes (inside
// the debounce) is served the saved code, not the previous generation.
func TestWatchRequestAwaitsPendingChanges(t *testing.T) {
	dir := copyProject(t, filepath.Join("..", "..", "testdata", "devloop"))
	s, err := New(Config{Dir: dir, Mode: Development, Watch: true, ProcessEnv: map[string]string{}, Console: io.Discard,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s)
	defer ts.Close()
	hello := filepath.Join(dir, "pages", "api", "hello.ts")
	src, _ := os.ReadFile(hello)
	for i, version := range []string{"v2", "v3", "v4"} {
		if got := getBody(t, ts.URL+"/api/hello"); !strings.Contains(got, "hello v") {
			t.Fatalf("edit %d: before: %q", i, got)
		}
		os.WriteFile(hello, []byte(strings.Replace(string(src), "hello v1", "hello "+version, 1)), 0o644)
		// Once the watcher has seen the write, the next request waits for it.
		deadline := time.Now().Add(10 * time.Second)
		for !s.watcher.Load().dirty.Load() {
			if time.Now().After(deadline) {
				t.Fatal("the watcher did not see the write")
			}
			time.Sleep(100 * time.Microsecond)
		}
		if got := getBody(t, ts.URL+"/api/hello"); got != `{"msg":"hello `+version+`"}` {
			t.Fatalf("edit %d: served %q right after the save", i, got)
		}
	}
}

// syncBuffer is a log destination safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// In development the routes build in the background after startup, and
// one that fails to compile is reported without any request, once.
func TestStartupReportsCompileErrors(t *testing.T) {
	dir := copyProject(t, filepath.Join("..", "..", "testdata", "devloop"))
	os.WriteFile(filepath.Join(dir, "pages", "api", "broken.ts"), []byte("export default function handler(req, res) {\n  res.send(\"x\";\n}\n"), 0o644)
	var log syncBuffer
	s, err := New(Config{Dir: dir, Mode: Development, ProcessEnv: map[string]string{}, Console: io.Discard,
		Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(log.String(), "pages/api/broken.ts:2:") {
		if time.Now().After(deadline) {
			t.Fatalf("no compile error reported; log:\n%s", log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // a second report would come now
	if n := strings.Count(log.String(), "pages/api/broken.ts:2:"); n != 1 {
		t.Errorf("reported %d times:\n%s", n, log.String())
	}
}

// A reload that rebuilds the Node bundle keeps the Node isolate (next dev
// keeps its process), and the replaced bundle is released from it once
// its generation is retired. An env change replaces the isolate.
func TestReloadKeepsNodeIsolate(t *testing.T) {
	dir := copyProject(t, filepath.Join("..", "..", "testdata", "devloop"))
	s, err := New(Config{Dir: dir, Mode: Development, ProcessEnv: map[string]string{}, Console: io.Discard,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s)
	defer ts.Close()
	if got := getBody(t, ts.URL+"/api/hello"); got != `{"msg":"hello v1"}` {
		t.Fatalf("before: %q", got)
	}
	old := s.current.Load()
	hello := filepath.Join(dir, "pages", "api", "hello.ts")
	src, _ := os.ReadFile(hello)
	os.WriteFile(hello, []byte(strings.Replace(string(src), "hello v1", "hello v2", 1)), 0o644)
	if err := s.reload([]string{hello}); err != nil {
		t.Fatal(err)
	}
	if got := getBody(t, ts.URL+"/api/hello"); got != `{"msg":"hello v2"}` {
		t.Fatalf("after the edit: %q", got)
	}
	p := s.current.Load()
	if p.node == old.node || p.node.pool != old.node.pool {
		t.Fatalf("Node bundle replaced: %v, isolate kept: %v", p.node != old.node, p.node.pool == old.node.pool)
	}

	s.retireNow() // what the grace period would do
	iso, inv, err := p.node.pool.Acquire(func(error) {})
	if err != nil {
		t.Fatal(err)
	}
	var released, tableGone bool
	done := make(chan struct{})
	iso.Run(inv, func() { // after the release queued by the retirement
		defer close(done)
		defer inv.End()
		released = old.node.program == nil && old.node.bundle == nil
		tableGone = iso.Value(nodeServerKey{old.node}) == nil
	})
	<-done
	if !released || !tableGone {
		t.Errorf("replaced bundle released: %v, its module table emptied: %v", released, tableGone)
	}

	env := filepath.Join(dir, ".env")
	os.WriteFile(env, []byte("EXTRA=1\n"), 0o644)
	if err := s.reload([]string{env}); err != nil {
		t.Fatal(err)
	}
	if s.current.Load().node.pool == p.node.pool {
		t.Error("an env change kept the Node isolate")
	}
}

// The Node bundle is first built from the routes that look like Node
// routes (likelyNodeRoutes); a Node route that mentions `runtime` and
// `edge` is still served, once the configs tell.
func TestNodeRouteThatLooksLikeEdge(t *testing.T) {
	dir := copyProject(t, filepath.Join("..", "..", "testdata", "devloop"))
	os.WriteFile(filepath.Join(dir, "pages", "api", "nodeish.ts"), []byte(`// Not an edge route, whatever this comment says.
export const config = { runtime: "nodejs" };
export default function handler(req, res) { res.send("node after all") }
`), 0o644)
	s, err := New(Config{Dir: dir, Mode: Development, ProcessEnv: map[string]string{}, Console: io.Discard,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, c := range []struct{ path, want string }{{"/api/nodeish", "node after all"}, {"/api/hello", `{"msg":"hello v1"}`}, {"/api/edge", "edge v1"}} {
		if got := getBody(t, ts.URL+c.path); got != c.want {
			t.Errorf("%s: %q, want %q", c.path, got, c.want)
		}
	}
}
