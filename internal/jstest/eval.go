package jstest

import (
	"fmt"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Runner runs the snippet src in iso and returns its result as a string:
// Eval, Call or CallAsync.
type Runner func(t testing.TB, iso *runtime.Isolate, src string) string

// errorString is the JS expression that formats a caught error e as
// "<name>: <message>" (Call and CallAsync).
const errorString = "(e && e.name) + ': ' + (e && e.message)"

// Eval runs src as the body of an async function and returns String() of
// its result, or "throws: " + String() of the rejection.
func Eval(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	return settle(t, iso, "(async () => {\n"+src+"\n})()")
}

// CallAsync runs src as the body of an async function and returns
// String() of its result, or "<name>: <message>" of the rejection.
func CallAsync(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	return settle(t, iso, "(async () => {\n"+src+"\n})().then(v => String(v), e => "+errorString+")")
}

// Call runs src as the body of a plain function and returns String() of
// its result ("undefined" when it returns nothing), or "<name>: <message>"
// of the error it throws.
func Call(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	return call(t, iso, src, nil)
}

// call is Call after setting each of globals as a global variable.
func call(t testing.TB, iso *runtime.Isolate, src string, globals map[string]any) string {
	t.Helper()
	var out string
	err := iso.Do(func() error {
		vm := iso.VM()
		for k, v := range globals {
			if err := vm.Set(k, v); err != nil {
				return err
			}
		}
		v, err := vm.RunString("(() => { try {\n" + src + "\n} catch (e) { return " + errorString + " } })()")
		if err != nil {
			return err
		}
		if v == nil || goja.IsUndefined(v) {
			out = "undefined"
		} else {
			out = v.String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// settle runs script, whose completion value must be a promise, and waits
// for the event loop to settle it: String() of the value it fulfils with,
// or "throws: " + String() of the reason it rejects with.
func settle(t testing.TB, iso *runtime.Isolate, script string) string {
	t.Helper()
	done := make(chan string, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		v, err := vm.RunString(script)
		if err != nil {
			return err
		}
		if _, ok := v.Export().(*goja.Promise); !ok {
			return fmt.Errorf("not a promise: %v", v)
		}
		then, _ := goja.AssertFunction(v.(*goja.Object).Get("then"))
		_, err = then(v,
			vm.ToValue(func(c goja.FunctionCall) goja.Value { done <- str(vm, c.Argument(0)); return goja.Undefined() }),
			vm.ToValue(func(c goja.FunctionCall) goja.Value {
				done <- "throws: " + str(vm, c.Argument(0))
				return goja.Undefined()
			}))
		return err
	})
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	select {
	case s := <-done:
		return s
	case <-time.After(Timeout):
		t.Fatalf("snippet did not settle within %v", Timeout)
		return ""
	}
}

// str is String() of v, or "<unprintable>" when converting it throws (an
// object whose toString throws), so such a result still gives the test a
// string to compare.
func str(vm *goja.Runtime, v goja.Value) string {
	var s string
	if ex := vm.Try(func() { s = v.String() }); ex != nil {
		return "<unprintable>"
	}
	return s
}
