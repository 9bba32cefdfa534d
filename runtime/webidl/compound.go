package webidl

import (
	"github.com/dop251/goja"
)

// IsNullish reports whether v is undefined or null (or absent).
func IsNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// Object requires v to be an object.
func (c Context) Object(vm *goja.Runtime, v goja.Value, what string) *goja.Object {
	o, ok := v.(*goja.Object)
	if !ok {
		c.TypeError(vm, "The provided value is not of type '%s'.", what)
	}
	return o
}

// Dictionary returns v as a dictionary source: nil for undefined/null,
// otherwise the object. Non-objects throw.
func (c Context) Dictionary(vm *goja.Runtime, v goja.Value, name string) *goja.Object {
	if IsNullish(v) {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		c.TypeError(vm, "The provided value is not of type '%s'.", name)
	}
	return o
}

// Member reads a dictionary member; nil when the dictionary or member is absent.
func Member(dict *goja.Object, name string) goja.Value {
	if dict == nil {
		return nil
	}
	v := dict.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v
}

// Iterate walks v with the iterator protocol (v[Symbol.iterator]()),
// calling fn for each value. It returns false when v is not iterable.
func Iterate(vm *goja.Runtime, v goja.Value, fn func(goja.Value)) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	method := obj.GetSymbol(goja.SymIterator)
	if IsNullish(method) {
		return false
	}
	call, ok := goja.AssertFunction(method)
	if !ok {
		panic(vm.NewTypeError("Symbol.iterator is not a function"))
	}
	itv, err := call(obj)
	if err != nil {
		panic(err)
	}
	it, ok := itv.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Result of the Symbol.iterator method is not an object"))
	}
	next, ok := goja.AssertFunction(it.Get("next"))
	if !ok {
		panic(vm.NewTypeError("iterator.next is not a function"))
	}
	for {
		rv, err := next(it)
		if err != nil {
			panic(err)
		}
		r, ok := rv.(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Iterator result is not an object"))
		}
		if r.Get("done").ToBoolean() {
			return true
		}
		fn(r.Get("value"))
	}
}

// Sequence converts an iterable to a slice of values.
func (c Context) Sequence(vm *goja.Runtime, v goja.Value) []goja.Value {
	var out []goja.Value
	if !Iterate(vm, v, func(x goja.Value) { out = append(out, x) }) {
		c.TypeError(vm, "The provided value cannot be converted to a sequence.")
	}
	return out
}

// RecordKeys returns the own enumerable string keys of a record<K, V>
// source in property order (WebIDL's record conversion).
func RecordKeys(obj *goja.Object) []string {
	return obj.Keys()
}
