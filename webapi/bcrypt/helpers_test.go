package bcrypt

import (
	"io"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/node"
)

// newTestIsolate starts an isolate with Node's globals (Buffer, process)
// and a global require serving the bcrypt modules by their package names
// ("bcryptjs", "bcryptjs@2", "bcrypt") and Node's built-ins.
func newTestIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	return newTestIsolateWith(t, runtime.Options{})
}

// newTestIsolateWith is newTestIsolate with runtime options.
func newTestIsolateWith(t testing.TB, opts runtime.Options) *runtime.Isolate {
	t.Helper()
	opts.Setup = func(iso *runtime.Isolate) error {
		events.Install(iso)
		node.Install(iso, node.Options{Stdout: io.Discard, Stderr: io.Discard})
		vm := iso.VM()
		return vm.Set("require", func(call goja.FunctionCall) goja.Value {
			id := call.Argument(0).String()
			if f, ok := testModules[id]; ok {
				id = f.ModuleID()
			}
			var v goja.Value
			var err error
			if IsModule(id) {
				v, err = Require(iso, id)
			} else {
				v, err = node.Require(iso, id)
			}
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return v
		})
	}
	iso, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

// testModules maps the vector files' module names to flavours.
var testModules = map[string]Flavor{"bcryptjs": BcryptJS, "bcryptjs@2": BcryptJS2, "bcrypt": Native}

// runAsyncJS evaluates src in an async function with done(value) in scope
// and waits for done; a rejection of the function's promise or a
// synchronous throw is reported as "reject: ..." / "throw: ...".
func runAsyncJS(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	out := make(chan string, 1)
	send := func(s string) {
		select {
		case out <- s:
		default:
		}
	}
	err := iso.Do(func() error {
		vm := iso.VM()
		done := func(call goja.FunctionCall) goja.Value {
			send(call.Argument(0).String())
			return goja.Undefined()
		}
		fail := func(call goja.FunctionCall) goja.Value {
			send("reject: " + call.Argument(0).String())
			return goja.Undefined()
		}
		f, err := vm.RunString("(async function (done) {\n" + src + "\n})")
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(f)
		p, err := fn(goja.Undefined(), vm.ToValue(done))
		if err != nil {
			send("throw: " + err.Error())
			return nil
		}
		then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
		_, err = then(p, goja.Undefined(), vm.ToValue(fail))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-out:
		return s
	case <-time.After(20 * time.Second):
		t.Fatal("async test never called done")
	}
	return ""
}
