package crypto

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
)

// domException creates the DOMException a WebCrypto step throws. It is the
// package's only dependency on webapi/events.
func domException(iso *runtime.Isolate, msg, name string) *goja.Object {
	return events.NewDOMException(iso, msg, name)
}

// quotaExceeded creates the error getRandomValues throws for more than
// 65,536 bytes. WebIDL now has a QuotaExceededError interface (a
// DOMException subclass with quota and requested attributes); when the
// global defines it, it is used, otherwise a DOMException named
// "QuotaExceededError" (code 22) is thrown as older engines do.
func quotaExceeded(iso *runtime.Isolate, msg string) goja.Value {
	vm := iso.VM()
	if ctor, ok := goja.AssertConstructor(vm.GlobalObject().Get("QuotaExceededError")); ok {
		if obj, err := ctor(nil, vm.ToValue(msg)); err == nil {
			return obj
		}
	}
	return domException(iso, msg, "QuotaExceededError")
}
