package bundler_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/dop251/goja"
	"github.com/edgerun/edgerun/bundler"
)

func ExampleBuilder() {
	dir, err := os.MkdirTemp("", "edgerun-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	route := filepath.Join(dir, "pages", "api", "hello.ts")
	_ = os.MkdirAll(filepath.Dir(route), 0o755)
	_ = os.WriteFile(route, []byte(`
export const config = { api: { bodyParser: { sizeLimit: '2mb' } } }
export default function handler(req: { query: { name?: string } }) {
  return 'hello ' + (req.query.name ?? 'world')
}
`), 0o644)

	pagesDir, err := bundler.FindPagesDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	b := bundler.NewBuilder(bundler.Options{Dir: dir, PagesDir: pagesDir, Mode: bundler.Development})
	defer b.Close()
	bundle, err := b.Build("api/hello.ts")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(bundle.Path, bundle.Runtime, bundle.Config.SizeLimitBytes)

	// What the runtime does: compile once, get the wrapper, call it with
	// module objects, then call the handler.
	prg := goja.MustCompile(bundle.Path, bundle.Code, false)
	vm := goja.New()
	wrapper, _ := goja.AssertFunction(must(vm.RunProgram(prg)))
	module := vm.NewObject()
	_ = module.Set("exports", vm.NewObject())
	_, err = wrapper(goja.Undefined(), module.Get("exports"), goja.Undefined(), module, vm.ToValue(route), vm.ToValue(filepath.Dir(route)))
	if err != nil {
		log.Fatal(err)
	}
	handler, _ := goja.AssertFunction(module.Get("exports").ToObject(vm).Get("default"))
	res, _ := handler(goja.Undefined(), vm.ToValue(map[string]any{"query": map[string]any{"name": "goja"}}))
	fmt.Println(res)
	// Output:
	// pages/api/hello.ts nodejs 2097152
	// hello goja
}

func must(v goja.Value, err error) goja.Value {
	if err != nil {
		log.Fatal(err)
	}
	return v
}

func ExampleLoadEnv() {
	dir, _ := os.MkdirTemp("", "edgerun-env")
	defer os.RemoveAll(dir)
	_ = os.WriteFile(filepath.Join(dir, ".env"), []byte("HOST=localhost\nURL=http://${HOST}:3000\n"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, ".env.local"), []byte("HOST=example.com\n"), 0o644)

	env, err := bundler.LoadEnv(dir, "development", map[string]string{"PORT": "8080"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(env.Files)
	fmt.Println(env.Vars["URL"], env.Vars["PORT"])
	// Output:
	// [.env.local .env]
	// http://example.com:3000 8080
}

func ExampleParseBytes() {
	n, _ := bundler.ParseBytes("1mb")
	fmt.Println(n, bundler.FormatBytes(4*1024*1024))
	// Output: 1048576 4MB
}
