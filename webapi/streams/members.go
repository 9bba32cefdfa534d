package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// WebIDL operations and attributes whose type is a promise never throw:
// every exception, including a failed brand check, becomes a rejected
// promise. jsclass's Method and Getter throw "Illegal invocation", so these
// helpers build the promise-returning members by hand.

const errIllegalInvocation = "Illegal invocation"

// promiseMethod declares a prototype method returning a promise.
func promiseMethod[T any](name string, length int, fn func(self T, r *realm, call goja.FunctionCall) *goja.Object) jsclass.Member {
	return jsclass.Static(name, length, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		r := realmOf(iso)
		self, ok := jsclass.Unwrap[T](iso, call.This)
		if !ok {
			return r.rejectedWith(r.newTypeError(errIllegalInvocation))
		}
		var out *goja.Object
		if thrown := r.try(func() { out = fn(self, r, call) }); thrown != nil {
			return r.rejectedWith(thrown)
		}
		return out
	})
}

// promiseGetter declares, from a class's Init, a read-only attribute whose
// type is a promise.
func promiseGetter[T any](iso *runtime.Isolate, b *jsclass.Built, name string, get func(self T, r *realm) *goja.Object) {
	r := realmOf(iso)
	fn := jsclass.Function(iso.VM(), "get "+name, 0, func(call goja.FunctionCall) goja.Value {
		self, ok := jsclass.Unwrap[T](iso, call.This)
		if !ok {
			return r.rejectedWith(r.newTypeError(errIllegalInvocation))
		}
		return get(self, r)
	})
	_ = b.Proto.DefineAccessorProperty(name, fn, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// nullableDouble converts a desiredSize result (ok=false for null).
func nullableDouble(vm *goja.Runtime, v float64, ok bool) goja.Value {
	if !ok {
		return goja.Null()
	}
	return vm.ToValue(v)
}
