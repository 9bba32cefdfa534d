package jsclass

import (
	"reflect"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Shell makes a Go type that backs JS objects a goja.DynamicObject: embed it
// (by value) and use the type through a pointer. Instances created by the
// host, or by `new X()` for the class itself, are then the Go value: goja
// asks it for own properties, Export() returns it, and there is no separate
// internal-slot property to allocate. Own properties scripts add ("expandos")
// are kept here, in insertion order.
//
// A dynamic object cannot hold symbol-keyed or accessor own properties, be
// frozen, or carry private fields; instances of user subclasses (class X
// extends Response) are therefore ordinary objects with the Go value in a
// symbol-keyed internal slot instead (see Brand).
type Shell struct {
	props map[string]goja.Value
	order []string
}

// Get returns an expando property (nil: look up the prototype chain).
func (s *Shell) Get(key string) goja.Value {
	if s.props == nil {
		return nil
	}
	return s.props[key]
}

// Set stores an expando property.
func (s *Shell) Set(key string, v goja.Value) bool {
	if s.props == nil {
		s.props = make(map[string]goja.Value, 2)
	}
	if _, ok := s.props[key]; !ok {
		s.order = append(s.order, key)
	}
	s.props[key] = v
	return true
}

// Has reports an expando property.
func (s *Shell) Has(key string) bool {
	_, ok := s.props[key]
	return ok
}

// Delete removes an expando property.
func (s *Shell) Delete(key string) bool {
	if _, ok := s.props[key]; !ok {
		return true
	}
	delete(s.props, key)
	for i, k := range s.order {
		if k == key {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
	return true
}

// Keys lists expando properties in insertion order.
func (s *Shell) Keys() []string {
	return append([]string(nil), s.order...)
}

// box makes a DynamicObject of a Go value that does not embed Shell.
type box struct {
	Shell
	v any
}

// handler returns the DynamicObject for v.
func handler(v any) goja.DynamicObject {
	if d, ok := v.(goja.DynamicObject); ok {
		return d
	}
	return &box{v: v}
}

// newInstance creates a dynamic-object instance of v with the given prototype.
func newInstance(vm *goja.Runtime, proto *goja.Object, v any) *goja.Object {
	obj := vm.NewDynamicObject(handler(v))
	_ = obj.SetPrototype(proto)
	return obj
}

type slotKey struct{}

func slotSymbol(iso *runtime.Isolate) *goja.Symbol {
	if s, ok := iso.Value(slotKey{}).(*goja.Symbol); ok {
		return s
	}
	s := goja.NewSymbol("[[edgerun internal slot]]")
	iso.SetValue(slotKey{}, s)
	return s
}

// Brand stores v in the internal slot of an ordinary object (a user
// subclass instance). The slot is a non-enumerable, non-configurable
// symbol-keyed property holding a dynamic-object shell of v.
func Brand(iso *runtime.Isolate, obj *goja.Object, v any) {
	_ = obj.DefineDataPropertySymbol(slotSymbol(iso), iso.VM().NewDynamicObject(handler(v)), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// Slot returns the Go value backing v, or nil.
func Slot(iso *runtime.Isolate, v goja.Value) any {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	// A dynamic object exports its handler (a pointer) without copying;
	// an ordinary object would export a map, so check the type first.
	if t := obj.ExportType(); t != nil && t.Kind() == reflect.Pointer {
		if x := unbox(obj.Export()); x != nil {
			return x
		}
	}
	s := obj.GetSymbol(slotSymbol(iso))
	if s == nil {
		return nil
	}
	so, ok := s.(*goja.Object)
	if !ok {
		return nil
	}
	return unbox(so.Export())
}

func unbox(x any) any {
	switch h := x.(type) {
	case *box:
		return h.v
	case goja.DynamicObject:
		return h
	}
	return nil
}

// Unwrap returns the Go value of type T backing v.
func Unwrap[T any](iso *runtime.Isolate, v goja.Value) (T, bool) {
	t, ok := Slot(iso, v).(T)
	return t, ok
}
