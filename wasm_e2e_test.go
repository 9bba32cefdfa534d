package edgerun_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/edgerun/edgerun"
)

// addWasm is a module exporting add(i32, i32) i32.
var addWasm = []byte{0x0, 0x61, 0x73, 0x6d, 0x1, 0x0, 0x0, 0x0, 0x1, 0x7, 0x1, 0x60, 0x2, 0x7f, 0x7f, 0x1, 0x7f, 0x3, 0x2, 0x1, 0x0,
	0x7, 0x7, 0x1, 0x3, 0x61, 0x64, 0x64, 0x0, 0x0, 0xa, 0x9, 0x1, 0x7, 0x0, 0x20, 0x0, 0x20, 0x1, 0x6a, 0xb}

// wasmProject writes an edge-route project using WebAssembly two ways: a
// precompiled `.wasm?module` import (allowed in production) and compiling
// bytes at run time (refused in production).
func wasmProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"package.json":       `{"name":"wasm-e2e","private":true}`,
		"pages/api/add.wasm": string(addWasm),
		"pages/api/precompiled.ts": `import mod from './add.wasm?module';
export const config = { runtime: 'edge' };
export default async function handler() {
  const instance = await WebAssembly.instantiate(mod);
  return new Response(String((instance.exports.add as any)(40, 2)) + ' ' + (mod instanceof WebAssembly.Module));
}`,
		"pages/api/frombytes.ts": `export const config = { runtime: 'edge' };
const bytes = new Uint8Array([` + byteList(addWasm) + `]);
export default async function handler() {
  try {
    const { instance } = await WebAssembly.instantiate(bytes);
    return new Response('compiled ' + (instance.exports.add as any)(1, 2));
  } catch (e: any) {
    return new Response(e.name + ': ' + e.message, { status: 500 });
  }
}`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func byteList(b []byte) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = strconv.Itoa(int(c))
	}
	return strings.Join(parts, ",")
}

var wasmE2ETests = []struct {
	name    string
	profile edgerun.EdgeProfile
	path    string
	status  int
	body    string
}{
	{"precompiled module", edgerun.ProfileNext, "/api/precompiled", 200, "42 true"},
	{"bytes refused as in production", edgerun.ProfileNext, "/api/frombytes", 500, "CompileError: WebAssembly.instantiate(): Wasm code generation disallowed by embedder"},
	{"bytes allowed in the full profile", edgerun.ProfileFull, "/api/frombytes", 200, "compiled 3"},
}

func TestWasmEndToEnd(t *testing.T) {
	dir := wasmProject(t)
	for _, tt := range wasmE2ETests {
		t.Run(tt.name, func(t *testing.T) {
			srv, err := edgerun.New(dir, edgerun.WithEdgeProfile(tt.profile), edgerun.WithProcessEnv(map[string]string{}))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Close() })
			ts := httptest.NewServer(srv)
			t.Cleanup(ts.Close)
			res, err := http.Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.status || string(b) != tt.body {
				t.Fatalf("got %d %q, want %d %q", res.StatusCode, b, tt.status, tt.body)
			}
		})
	}
}
