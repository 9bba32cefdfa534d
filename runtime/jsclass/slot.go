package jsclass

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Shell can be embedded in a Go type that backs a JS object to make it a
// goja.DynamicObject with no properties of its own; such a value is stored in
// the internal slot directly, without an extra wrapper allocation.
type Shell struct{}

func (Shell) Get(string) goja.Value       { return nil }
func (Shell) Set(string, goja.Value) bool { return false }
func (Shell) Has(string) bool             { return false }
func (Shell) Delete(string) bool          { return true }
func (Shell) Keys() []string              { return nil }

// box wraps Go values that do not embed Shell.
type box struct {
	Shell
	v any
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

// Brand stores v in obj's internal slot. An object is branded once.
func Brand(iso *runtime.Isolate, obj *goja.Object, v any) {
	var holder goja.DynamicObject
	if d, ok := v.(goja.DynamicObject); ok {
		holder = d
	} else {
		holder = &box{v: v}
	}
	_ = obj.DefineDataPropertySymbol(slotSymbol(iso), iso.VM().NewDynamicObject(holder), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// Slot returns the Go value in v's internal slot, or nil.
func Slot(iso *runtime.Isolate, v goja.Value) any {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	s := obj.GetSymbol(slotSymbol(iso))
	if s == nil {
		return nil
	}
	so, ok := s.(*goja.Object)
	if !ok {
		return nil
	}
	switch x := so.Export().(type) {
	case *box:
		return x.v
	default:
		return x
	}
}

// Unwrap returns the Go value of type T in v's internal slot.
func Unwrap[T any](iso *runtime.Isolate, v goja.Value) (T, bool) {
	t, ok := Slot(iso, v).(T)
	return t, ok
}
