package crypto

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

type typedArrayTagKey struct{}

// typedArrayName returns the [[TypedArrayName]] of v ("Uint8Array",
// "Float32Array", ...) or "" when v is not a typed array. It calls the
// %TypedArray%.prototype[@@toStringTag] getter, which reads the internal
// slot, so subclasses and objects that fake Symbol.toStringTag are judged
// correctly.
func typedArrayName(iso *runtime.Isolate, v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	get, ok := iso.Value(typedArrayTagKey{}).(goja.Callable)
	if !ok {
		g, err := iso.VM().RunString(`Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get`)
		if err != nil {
			panic(err)
		}
		get, _ = goja.AssertFunction(g)
		iso.SetValue(typedArrayTagKey{}, get)
	}
	name, err := get(obj)
	if err != nil || name == nil || goja.IsUndefined(name) {
		return ""
	}
	return name.String()
}
