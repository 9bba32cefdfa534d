package nextserver

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// newError makes a plain JS Error, as Next's `new Error(...)` and its
// `class X extends Error` errors are (goja's NewGoError would name it
// "GoError").
func newError(iso *runtime.Isolate, msg string) *goja.Object {
	vm := iso.VM()
	if ctor, ok := goja.AssertConstructor(vm.GlobalObject().Get("Error")); ok {
		if e, err := ctor(nil, vm.ToValue(msg)); err == nil {
			return e
		}
	}
	return vm.NewGoError(fmt.Errorf("%s", msg))
}

// ResponseAborted returns the abort reason Next gives request.signal when
// the client disconnects: an Error named "ResponseAborted" with an empty
// message (server/web/spec-extension/adapters/next-request.ts).
func ResponseAborted(iso *runtime.Isolate) goja.Value {
	e := newError(iso, "")
	_ = e.DefineDataProperty("name", iso.VM().ToValue("ResponseAborted"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	return e
}
