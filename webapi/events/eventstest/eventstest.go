// Package eventstest runs JavaScript snippets in a fresh isolate for the
// tests of the Web API packages: Eval returns the completion value of an
// async function body once its promise settles, after the event loop has
// run the timers and tasks it waited for.
package eventstest

import (
	"fmt"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Timeout bounds how long Eval waits for a snippet's promise. It guards
// against hangs only; tests never assert on timing.
var Timeout = 10 * time.Second

// New starts an isolate whose Setup runs install, and closes it when the
// test ends.
func New(t testing.TB, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) *runtime.Isolate {
	t.Helper()
	o := runtime.Options{Setup: func(iso *runtime.Isolate) error {
		install(iso)
		return nil
	}}
	for _, f := range opts {
		f(&o)
	}
	iso, err := runtime.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

// Eval runs src as the body of an async function and returns String() of
// its result, or "throws: " + String() of the rejection.
func Eval(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	done := make(chan string, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		v, err := vm.RunString("(async () => {\n" + src + "\n})()")
		if err != nil {
			return err
		}
		p, ok := v.Export().(*goja.Promise)
		if !ok {
			return fmt.Errorf("not a promise: %v", v)
		}
		then, _ := goja.AssertFunction(v.(*goja.Object).Get("then"))
		_, err = then(v,
			vm.ToValue(func(c goja.FunctionCall) goja.Value { done <- str(vm, c.Argument(0)); return goja.Undefined() }),
			vm.ToValue(func(c goja.FunctionCall) goja.Value {
				done <- "throws: " + str(vm, c.Argument(0))
				return goja.Undefined()
			}))
		_ = p
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

func str(vm *goja.Runtime, v goja.Value) string {
	var s string
	if ex := vm.Try(func() { s = v.String() }); ex != nil {
		return "<unprintable>"
	}
	return s
}

// Case is one row of a snippet table: a name, the snippet and String() of
// its expected result. It is an alias of an unnamed struct so tables in
// other packages can use positional literals.
type Case = struct {
	Name string
	Src  string
	Want string
}

// Run runs each case in its own isolate built by install.
func Run(t *testing.T, cases []Case, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) {
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) {
			iso := New(t, install, opts...)
			if got := Eval(t, iso, tt.Src); got != tt.Want {
				t.Errorf("got  %q\nwant %q", got, tt.Want)
			}
		})
	}
}
