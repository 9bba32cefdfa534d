package events

import (
	"math"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// QuotaExceededErrorClass is WebIDL's QuotaExceededError, the DOMException
// subclass that carries the quota and the requested amount
// (https://webidl.spec.whatwg.org/#quotaexceedederror). Its Go value is a
// *DOMException, so DOMException's own attributes work on it.
var QuotaExceededErrorClass = &jsclass.Class{
	Name:    "QuotaExceededError",
	Extends: DOMExceptionClass,
	Length:  0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		ctx := webidl.Construct("QuotaExceededError")
		vm := iso.VM()
		// 1. Set this's name to "QuotaExceededError".
		// 2. Set this's message to message.
		e := &DOMException{name: "QuotaExceededError"}
		if m := call.Argument(0); !goja.IsUndefined(m) {
			e.message = ctx.DOMString(vm, m)
		}
		opts := ctx.Dictionary(vm, call.Argument(1), "QuotaExceededErrorOptions")
		read := func(name string) *float64 {
			v := webidl.Member(opts, name)
			if v == nil {
				return nil
			}
			x := ctx.Double(vm, v)
			return &x
		}
		e.quota, e.requested = read("quota"), read("requested")
		// 3. If options["quota"] is present: if it is less than 0, throw a RangeError.
		if e.quota != nil && *e.quota < 0 {
			jsclass.Throw(vm, "RangeError", "Failed to construct 'QuotaExceededError': The quota value must be nonnegative.")
		}
		// 4. Likewise for options["requested"].
		if e.requested != nil && *e.requested < 0 {
			jsclass.Throw(vm, "RangeError", "Failed to construct 'QuotaExceededError': The requested value must be nonnegative.")
		}
		// 5. If both are present and requested is less than quota, throw a RangeError.
		if e.quota != nil && e.requested != nil && *e.requested < *e.quota {
			jsclass.Throw(vm, "RangeError", "Failed to construct 'QuotaExceededError': The requested value must not be less than the quota value.")
		}
		setStack(iso, call.This, e)
		return e
	},
	Members: []jsclass.Member{
		jsclass.Getter("quota", func(e *DOMException, iso *runtime.Isolate) goja.Value { return nullableDouble(iso, e.quota) }),
		jsclass.Getter("requested", func(e *DOMException, iso *runtime.Isolate) goja.Value { return nullableDouble(iso, e.requested) }),
	},
}

func nullableDouble(iso *runtime.Isolate, x *float64) goja.Value {
	if x == nil || math.IsNaN(*x) {
		return goja.Null()
	}
	return iso.VM().ToValue(*x)
}
