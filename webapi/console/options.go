package console

import (
	"math"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// optionsObject is the options argument custom inspect methods receive.
func optionsObject(vm *goja.Runtime, o InspectOptions) *goja.Object {
	obj := vm.NewObject()
	num := func(n int) goja.Value {
		if n >= math.MaxInt32 || n < 0 {
			return vm.ToValue(math.Inf(1))
		}
		return vm.ToValue(n)
	}
	_ = obj.Set("depth", num(o.Depth))
	_ = obj.Set("showHidden", o.ShowHidden)
	_ = obj.Set("colors", false)
	_ = obj.Set("customInspect", o.CustomInspect)
	_ = obj.Set("showProxy", false)
	_ = obj.Set("maxArrayLength", num(o.MaxArrayLength))
	_ = obj.Set("maxStringLength", num(o.MaxStringLength))
	_ = obj.Set("breakLength", num(o.BreakLength))
	_ = obj.Set("compact", o.Compact)
	_ = obj.Set("sorted", o.Sorted)
	_ = obj.Set("getters", false)
	_ = obj.Set("numericSeparator", false)
	_ = obj.Set("stylize", func(call goja.FunctionCall) goja.Value { return call.Argument(0).ToString() })
	return obj
}

// ParseInspectOptions reads a util.inspect options object over defaults.
func ParseInspectOptions(v goja.Value, defaults InspectOptions) InspectOptions {
	o := defaults
	obj, ok := v.(*goja.Object)
	if !ok {
		return o
	}
	intOpt := func(name string, dst *int) {
		x := obj.Get(name)
		if x == nil || goja.IsUndefined(x) {
			return
		}
		if goja.IsNull(x) {
			*dst = -1
			return
		}
		f := x.ToFloat()
		if math.IsInf(f, 1) || f > math.MaxInt32 {
			*dst = -1
			return
		}
		*dst = int(f)
	}
	boolOpt := func(name string, dst *bool) {
		if x := obj.Get(name); x != nil && !goja.IsUndefined(x) {
			*dst = x.ToBoolean()
		}
	}
	intOpt("depth", &o.Depth)
	intOpt("maxArrayLength", &o.MaxArrayLength)
	intOpt("maxStringLength", &o.MaxStringLength)
	intOpt("breakLength", &o.BreakLength)
	if o.BreakLength < 0 {
		o.BreakLength = math.MaxInt32
	}
	if c := obj.Get("compact"); c != nil && !goja.IsUndefined(c) {
		if b, ok := c.Export().(bool); ok {
			if b {
				o.Compact = 3 // compact: true is approximated by the default mode
			} else {
				o.Compact = 0
			}
		} else {
			o.Compact = int(c.ToInteger())
		}
	}
	boolOpt("showHidden", &o.ShowHidden)
	boolOpt("sorted", &o.Sorted)
	boolOpt("customInspect", &o.CustomInspect)
	return o
}

type inspectFnKey struct{}

// inspectFunction is a JS util.inspect(value, options) backed by
// InspectWith, handed to custom inspect methods as their third argument.
func inspectFunction(iso *runtime.Isolate) *goja.Object {
	if f, ok := iso.Value(inspectFnKey{}).(*goja.Object); ok {
		return f
	}
	vm := iso.VM()
	f := jsclass.Function(vm, "inspect", 2, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(InspectWith(iso, call.Argument(0), ParseInspectOptions(call.Argument(1), DefaultInspectOptions())))
	})
	_ = f.SetSymbol(helpersOf(iso).customSym, f)
	_ = f.Set("custom", helpersOf(iso).customSym)
	iso.SetValue(inspectFnKey{}, f)
	return f
}

// InspectFunction returns a JS function with util.inspect's signature,
// for the Node shim's util module.
func InspectFunction(iso *runtime.Isolate) *goja.Object { return inspectFunction(iso) }
