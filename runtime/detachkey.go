package runtime

import (
	goruntime "runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// nonDetachable holds the ArrayBuffers scripts must not detach: those with
// an [[ArrayBufferDetachKey]] (https://tc39.es/ecma262/#sec-detacharraybuffer),
// such as a WebAssembly.Memory's buffer, which only the memory may detach
// (on grow). Only the host detaches them, with goja's ArrayBuffer.Detach.
var nonDetachable sync.Map // weak.Pointer[goja.Object] → struct{}

// SetNonDetachable gives the ArrayBuffer obj a detach key:
// ArrayBuffer.prototype.transfer and structured-clone transfer refuse it.
// Call it on the isolate's goroutine.
func SetNonDetachable(iso *Isolate, obj *goja.Object) {
	iso.sharedState().guard(iso.vm)
	k := weak.Make(obj)
	nonDetachable.Store(k, struct{}{})
	goruntime.AddCleanup(obj, func(k weak.Pointer[goja.Object]) { nonDetachable.Delete(k) }, k)
}

// IsNonDetachable reports whether obj has a detach key (see SetNonDetachable).
func IsNonDetachable(obj *goja.Object) bool {
	_, ok := nonDetachable.Load(weak.Make(obj))
	return ok
}
