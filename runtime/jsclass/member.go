package jsclass

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

type memberKind int

const (
	kindMethod memberKind = iota
	kindAccessor
	kindConstant
	kindAlias
	kindValue
)

// A Member is one entry of a class's prototype or constructor.
type Member struct {
	kind   memberKind
	name   string
	symbol *goja.Symbol // for symbol-keyed members
	length int
	call   func(iso *runtime.Isolate, c *Class, call goja.FunctionCall) goja.Value
	get    func(iso *runtime.Isolate, c *Class, call goja.FunctionCall) goja.Value
	set    func(iso *runtime.Isolate, c *Class, call goja.FunctionCall) goja.Value
	value  func(iso *runtime.Isolate) goja.Value
	target string // alias target
}

// receiver brand-checks this and returns its Go value as T.
func receiver[T any](iso *runtime.Isolate, this goja.Value) T {
	t, ok := Unwrap[T](iso, this)
	if !ok {
		Throw(iso.VM(), "TypeError", "Illegal invocation")
	}
	return t
}

// Method declares a prototype method whose receiver must carry a T.
func Method[T any](name string, length int, fn func(self T, iso *runtime.Isolate, call goja.FunctionCall) goja.Value) Member {
	return Member{kind: kindMethod, name: name, length: length,
		call: func(iso *runtime.Isolate, _ *Class, call goja.FunctionCall) goja.Value {
			return fn(receiver[T](iso, call.This), iso, call)
		}}
}

// Getter declares a read-only attribute.
func Getter[T any](name string, get func(self T, iso *runtime.Isolate) goja.Value) Member {
	return Member{kind: kindAccessor, name: name,
		get: func(iso *runtime.Isolate, _ *Class, call goja.FunctionCall) goja.Value {
			return get(receiver[T](iso, call.This), iso)
		}}
}

// Accessor declares a read-write attribute.
func Accessor[T any](name string, get func(self T, iso *runtime.Isolate) goja.Value, set func(self T, iso *runtime.Isolate, v goja.Value)) Member {
	return Member{kind: kindAccessor, name: name,
		get: func(iso *runtime.Isolate, _ *Class, call goja.FunctionCall) goja.Value {
			return get(receiver[T](iso, call.This), iso)
		},
		set: func(iso *runtime.Isolate, _ *Class, call goja.FunctionCall) goja.Value {
			set(receiver[T](iso, call.This), iso, call.Argument(0))
			return goja.Undefined()
		}}
}

// Static declares a method on the constructor (no receiver check).
func Static(name string, length int, fn func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value) Member {
	return Member{kind: kindMethod, name: name, length: length,
		call: func(iso *runtime.Isolate, _ *Class, call goja.FunctionCall) goja.Value {
			return fn(iso, call)
		}}
}

// StaticGetter declares a read-only attribute on the constructor.
func StaticGetter(name string, get func(iso *runtime.Isolate) goja.Value) Member {
	return Member{kind: kindAccessor, name: name,
		get: func(iso *runtime.Isolate, _ *Class, _ goja.FunctionCall) goja.Value { return get(iso) }}
}

// Constant declares a WebIDL constant (on both prototype and constructor).
func Constant(name string, v any) Member {
	return Member{kind: kindConstant, name: name,
		value: func(iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(v) }}
}

// Value declares a plain data property (writable, configurable, not
// enumerable) computed once per isolate.
func Value(name string, v func(iso *runtime.Isolate) goja.Value) Member {
	return Member{kind: kindValue, name: name, value: v}
}

// Alias makes a symbol-keyed member that is the same function object as the
// named method (e.g. Headers.prototype[Symbol.iterator] === entries).
func Alias(sym *goja.Symbol, method string) Member {
	return Member{kind: kindAlias, symbol: sym, target: method}
}

// SymbolMethod declares a symbol-keyed method (e.g. Symbol.asyncIterator).
func SymbolMethod[T any](sym *goja.Symbol, name string, length int, fn func(self T, iso *runtime.Isolate, call goja.FunctionCall) goja.Value) Member {
	m := Method(name, length, fn)
	m.symbol = sym
	return m
}

// define installs the member; DefineDataProperty's flags are (writable, configurable, enumerable).
func (m Member) define(iso *runtime.Isolate, target *goja.Object, c *Class) {
	vm := iso.VM()
	switch m.kind {
	case kindMethod:
		call := m.call
		fn := Function(vm, m.name, m.length, func(fc goja.FunctionCall) goja.Value { return call(iso, c, fc) })
		if m.symbol != nil {
			_ = target.DefineDataPropertySymbol(m.symbol, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			return
		}
		_ = target.DefineDataProperty(m.name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	case kindAccessor:
		var getter, setter goja.Value
		if m.get != nil {
			get := m.get
			getter = Function(vm, "get "+m.name, 0, func(fc goja.FunctionCall) goja.Value { return get(iso, c, fc) })
		}
		if m.set != nil {
			set := m.set
			setter = Function(vm, "set "+m.name, 1, func(fc goja.FunctionCall) goja.Value { return set(iso, c, fc) })
		}
		_ = target.DefineAccessorProperty(m.name, getter, setter, goja.FLAG_TRUE, goja.FLAG_TRUE)
	case kindConstant:
		_ = target.DefineDataProperty(m.name, m.value(iso), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	case kindValue:
		_ = target.DefineDataProperty(m.name, m.value(iso), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	case kindAlias:
		_ = target.DefineDataPropertySymbol(m.symbol, target.Get(m.target), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}
