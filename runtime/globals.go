package runtime

import "github.com/dop251/goja"

// DefineLazyGlobal installs a global whose value is built on first access.
//
// Building all Web API classes eagerly costs ~250 µs and ~230 KiB per isolate
// (notes §3); most routes touch a handful. The global starts as an accessor
// that builds the value and redefines itself as an ordinary writable,
// configurable, non-enumerable data property (the WebIDL shape of interface
// objects). Assigning to it before first use also just defines the data
// property. Call on the isolate's goroutine.
func (iso *Isolate) DefineLazyGlobal(name string, build func() goja.Value) {
	g := iso.vm.GlobalObject()
	var getter, setter goja.Value
	getter = iso.vm.ToValue(func(goja.FunctionCall) goja.Value {
		v := build()
		_ = g.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return v
	})
	setter = iso.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		_ = g.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return goja.Undefined()
	})
	_ = g.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// DefineGlobal installs a global data property with the WebIDL attributes
// (writable, configurable, not enumerable).
func (iso *Isolate) DefineGlobal(name string, v goja.Value) {
	_ = iso.vm.GlobalObject().DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// ForceGlobals materialises every lazily defined global. Conformance runs use
// it so that property descriptors on the global object are data properties.
func (iso *Isolate) ForceGlobals() {
	g := iso.vm.GlobalObject()
	for _, k := range g.Keys() {
		_ = g.Get(k)
	}
	for _, k := range g.GetOwnPropertyNames() {
		_ = g.Get(k)
	}
}
