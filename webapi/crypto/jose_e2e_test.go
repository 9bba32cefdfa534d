package crypto_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/edge"
)

// joseNodeModules finds the npm fixture's node_modules (installed by
// `npm ci` in conformance/apps/npm), or "" when jose is not installed.
func joseNodeModules(t *testing.T) string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			nm := filepath.Join(d, "conformance", "apps", "npm", "node_modules")
			if _, err := os.Stat(filepath.Join(nm, "jose", "package.json")); err == nil {
				return nm
			}
			return ""
		}
	}
	return ""
}

var joseWant = `HS256 u1
RS256 RS256 RS256
PS256 PS256 PS256
ES256 ES256 ES256
ES384 ES384 ES384
ES512 ES512 ES512
EdDSA EdDSA EdDSA
dir dir payload
A256KW kw payload
ECDH-ES P-256
ECDH-ES P-384
ECDH-ES P-521
ECDH-ES X25519
RSA-OAEP-256+A128CBC-HS256 oaep
PBES2 pbes
tampered ERR_JWS_SIGNATURE_VERIFICATION_FAILED`

// TestJoseLibrary runs the real jose package in an edge isolate: JWTs with
// every JWS algorithm family, PEM and JWK(S) import and export, and JWE
// with dir, A256KW, ECDH-ES (all curves), RSA-OAEP-256 and PBES2.
func TestJoseLibrary(t *testing.T) {
	nm := joseNodeModules(t)
	if nm == "" {
		t.Skip("jose is not installed (run npm ci in conformance/apps/npm)")
	}
	entry, _ := filepath.Abs("testdata/jose_entry.js")
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{entry}, Bundle: true, Write: false, NodePaths: []string{nm},
		Platform: api.PlatformBrowser, Format: api.FormatIIFE, Target: api.ES2022,
		Supported: map[string]bool{"async-generator": false, "for-await": false, "using": false, "decorators": false},
	})
	if len(res.Errors) > 0 {
		t.Fatalf("bundle: %v", res.Errors)
	}
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		return edge.Install(iso, edge.Options{})
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	done := make(chan string, 1)
	err = iso.Do(func() error {
		vm := iso.VM()
		if _, err := vm.RunString(string(res.OutputFiles[0].Contents)); err != nil {
			return err
		}
		_ = vm.Set("__done", func(c goja.FunctionCall) goja.Value { done <- c.Argument(0).String(); return goja.Undefined() })
		_, err := vm.RunString(`runJose().then(__done, e => __done("ERROR " + e + "\n" + e.stack))`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := <-done; strings.TrimSpace(got) != joseWant {
		t.Fatalf("got:\n%s\nwant:\n%s", got, joseWant)
	}
}
