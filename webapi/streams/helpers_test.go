package streams

import (
	"fmt"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/edgerun/edgerun/runtime"
)

func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		Install(iso)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

type asyncResult struct {
	value string
	err   string
}

// runAsync runs src as the body of an async function and waits for the
// returned promise. A rejection is reported as "throws <Name>: <message>".
func runAsync(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	out := make(chan asyncResult, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		v, err := vm.RunString("(async () => {\n" + src + "\n})()")
		if err != nil {
			return err
		}
		then, _ := goja.AssertFunction(v.(*goja.Object).Get("then"))
		_, err = then(v, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			out <- asyncResult{value: call.Argument(0).String()}
			return goja.Undefined()
		}), vm.ToValue(func(call goja.FunctionCall) goja.Value {
			e := call.Argument(0)
			msg := e.String()
			if o, ok := e.(*goja.Object); ok && o.Get("name") != nil && o.Get("message") != nil {
				msg = o.Get("name").String() + ": " + o.Get("message").String()
			}
			out <- asyncResult{err: msg}
			return goja.Undefined()
		}))
		return err
	})
	if err != nil {
		t.Fatalf("script failed: %v", err)
	}
	select {
	case r := <-out:
		if r.err != "" {
			return "throws " + r.err
		}
		return r.value
	case <-time.After(20 * time.Second):
		t.Fatalf("script never settled:\n%s", src)
		return ""
	}
}

// lowerForAwait compiles src with the esbuild settings edgerun bundles
// with, so for-await loops become Symbol.asyncIterator calls as in real routes.
func lowerForAwait(t testing.TB, src string) string {
	t.Helper()
	res := api.Transform("const __test = async () => {\n"+src+"\n};", api.TransformOptions{
		Target:    api.ES2022,
		Supported: map[string]bool{"async-generator": false, "for-await": false},
	})
	if len(res.Errors) > 0 {
		t.Fatalf("esbuild: %v", res.Errors)
	}
	return fmt.Sprintf("%s\nreturn __test();", res.Code)
}
