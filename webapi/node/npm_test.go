package node

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgerun/edgerun/runtime"
)

// npmPackageTests run real npm packages that lean on Node built-ins
// (streams, fs, crypto, os) the way API routes use them. Each entry in
// testdata/npm/entries exports a function taking done(result).
var npmPackageTests = []struct {
	entry string
	want  string // the result must start with this
}{
	{"busboy.js", "field:a=value-a|file:f:hello.txt:text/plain:file contents here"},
	{"formidable.js", `fields={"a":["value-a"]} file=hello.txt:18:file contents here`},
	{"multer.js", `body={"a":"value-a"} file=hello.txt:18:file contents here`},
	{"multerdisk.js", "file=disk.txt:100000:100000"},
	{"jwt.js", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSJ9.e1nQDHRa3tJWY02MUXI8-wDl0Q6cpqw0JpzJLvJOUZk u1 1 2 3 JsonWebTokenError:invalid signature"},
	{"bcrypt.js", "true false true true"},
}

// TestNPMPackages needs `npm ci` in testdata/npm; it skips otherwise.
func TestNPMPackages(t *testing.T) {
	dir, err := filepath.Abs("testdata/npm")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		t.Skip("run `npm ci` in webapi/node/testdata/npm to test against real npm packages")
	}
	for _, tt := range npmPackageTests {
		t.Run(tt.entry, func(t *testing.T) {
			if tt.entry == "bcrypt.js" && testing.Short() {
				t.Skip("bcryptjs is pure JS and takes seconds at its minimum cost under goja")
			}
			res := api.Build(api.BuildOptions{
				EntryPoints:   []string{filepath.Join(dir, "entries", tt.entry)},
				AbsWorkingDir: dir,
				Bundle:        true,
				Write:         false,
				Format:        api.FormatCommonJS,
				Platform:      api.PlatformNode,
				Target:        api.ES2022,
				Supported:     map[string]bool{"async-generator": false, "for-await": false, "using": false},
				Banner:        map[string]string{"js": "(function (module, exports, require) {"},
				Footer:        map[string]string{"js": "})"},
				LogLevel:      api.LogLevelSilent,
			})
			if len(res.Errors) > 0 {
				t.Fatalf("bundling: %v", res.Errors)
			}
			iso := newTestIsolateWith(t, Options{Dir: dir}, runtime.Options{CPUDeadline: -1})
			out := make(chan string, 1)
			err := iso.Do(func() error {
				vm := iso.VM()
				f, err := vm.RunScript(tt.entry, string(res.OutputFiles[0].Contents))
				if err != nil {
					return err
				}
				wrapper, _ := goja.AssertFunction(f)
				module := vm.NewObject()
				_ = module.Set("exports", vm.NewObject())
				if _, err := wrapper(goja.Undefined(), module, module.Get("exports"), vm.Get("require")); err != nil {
					return err
				}
				fn, ok := goja.AssertFunction(module.Get("exports"))
				if !ok {
					t.Fatal("entry does not export a function")
				}
				_, err = fn(goja.Undefined(), vm.ToValue(func(s string) { out <- s }))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := <-out; !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
