package structuredclone

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// Clone is structuredClone(value, {transfer}) for Go callers: serialize
// then deserialize into the same realm. Errors throw into the running script.
func Clone(iso *runtime.Isolate, ctx webidl.Context, value goja.Value, transfer []goja.Value) goja.Value {
	v, _ := Deserialize(iso, Serialize(iso, ctx, value, transfer))
	return v
}

// Install defines the structuredClone(value, options) global
// (https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone).
func Install(iso *runtime.Isolate) {
	vm := iso.VM()
	iso.DefineGlobal("structuredClone", jsclass.Function(vm, "structuredClone", 1, func(call goja.FunctionCall) goja.Value {
		ctx := webidl.Method("Window", "structuredClone")
		ctx.RequireArgs(vm, call, 1)
		// optional StructuredSerializeOptions options = {}: sequence<object> transfer = [].
		var transfer []goja.Value
		if dict := ctx.Dictionary(vm, call.Argument(1), "StructuredSerializeOptions"); dict != nil {
			if t := webidl.Member(dict, "transfer"); t != nil {
				ctx2 := webidl.Context(string(ctx) + ": Failed to read the 'transfer' property from 'StructuredSerializeOptions'")
				for _, x := range ctx2.Sequence(vm, t) {
					if _, ok := x.(*goja.Object); !ok {
						ctx2.TypeError(vm, "The provided value is not of type 'object'.")
					}
					transfer = append(transfer, x)
				}
			}
		}
		// 1. Let serialized be ? StructuredSerializeWithTransfer(value, options["transfer"]).
		// 2. Let deserializeRecord be ? StructuredDeserializeWithTransfer(serialized, this's relevant realm).
		// 3. Return deserializeRecord.[[Deserialized]].
		return Clone(iso, ctx, call.Argument(0), transfer)
	}))
}
