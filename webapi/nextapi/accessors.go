package nextapi

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// The accessors the host puts on the req and res prototypes: properties
// Node and Next make own data properties, computed from the request's Go
// state on first read (so a request that never reads them does not pay for
// them), and the Go state api.js reads.

// installRequest puts on IncomingMessage.prototype what the host gives
// req: headers and query, Node's and Next's own properties, built on first
// read (most routes never read headers; until the handler runs nobody can
// tell query was not set before), and what api.js reads of the Go state.
func (m *apiModule) installRequest() {
	vm, proto := m.vm, m.reqProto
	m.exchangeAccessor(proto, "headers", func(x *exchange) goja.Value {
		x.reqHeaders = headersObject(vm, x.req.header())
		return x.reqHeaders
	}, true, m.shadowSetter("headers", func(x *exchange, v goja.Value) {
		// Next's ETag check reads req.headers: a route's own object.
		x.reqHeaders, _ = v.(*goja.Object)
		if x.reqHeaders == nil {
			x.reqHeaders = vm.NewObject()
		}
	}))
	m.exchangeAccessor(proto, "query", func(x *exchange) goja.Value { return queryObject(vm, x.req.Query) },
		true, m.shadowSetter("query", nil))

	m.exchangeAccessor(proto, "_res", func(x *exchange) goja.Value { return x.resObj }, false, nil)
	m.exchangeAccessor(proto, "_apiContext", func(x *exchange) goja.Value { return x.ctx }, false, nil)
	m.exchangeAccessor(proto, "_consumed", func(x *exchange) goja.Value { return vm.ToValue(x.consumed) }, false, nil)
}

// exchangeAccessor defines name on proto as an accessor whose getter reads
// the exchange of `this` (undefined for an object without one). With keep,
// the value read becomes an own data property, so get runs once per
// object: a lazy property. set is the setter, or nil for read-only.
func (m *apiModule) exchangeAccessor(proto *goja.Object, name string, get func(*exchange) goja.Value, keep bool, set goja.Value) {
	g := jsclass.Function(m.vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
		obj, ok := call.This.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		x := exchangeOf(obj)
		if x == nil {
			return goja.Undefined()
		}
		v := get(x)
		if keep {
			_ = obj.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		return v
	})
	_ = proto.DefineAccessorProperty(name, g, set, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// shadowSetter is the setter of a property Node or Next makes an own data
// property: assigning defines one on the object, after onSet (if any) has
// seen the value.
func (m *apiModule) shadowSetter(name string, onSet func(x *exchange, v goja.Value)) goja.Value {
	return jsclass.Function(m.vm, "set "+name, 1, func(call goja.FunctionCall) goja.Value {
		obj, ok := call.This.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		if onSet != nil {
			if x := exchangeOf(obj); x != nil {
				onSet(x, call.Argument(0))
			}
		}
		_ = obj.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return goja.Undefined()
	})
}
