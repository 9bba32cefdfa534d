package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// https://streams.spec.whatwg.org/#qs

// queuingStrategyValue backs ByteLengthQueuingStrategy and CountQueuingStrategy.
type queuingStrategyValue struct {
	jsclass.Shell
	highWaterMark float64
}

// ByteLengthQueuingStrategyClass is the JS shape of ByteLengthQueuingStrategy.
var ByteLengthQueuingStrategyClass = &jsclass.Class{Name: "ByteLengthQueuingStrategy", Length: 1}

// CountQueuingStrategyClass is the JS shape of CountQueuingStrategy.
var CountQueuingStrategyClass = &jsclass.Class{Name: "CountQueuingStrategy", Length: 1}

type sizeFunctionKey struct{ byteLength bool }

// strategySizeFunction returns the realm's "byte length queuing strategy
// size function" or "count queuing strategy size function": one function
// object per global, named "size", of length 1, not a constructor.
func strategySizeFunction(iso *runtime.Isolate, byteLength bool) goja.Value {
	key := sizeFunctionKey{byteLength}
	if fn, ok := iso.Value(key).(goja.Value); ok {
		return fn
	}
	vm := iso.VM()
	var fn *goja.Object
	if byteLength {
		// 1. Let steps be the following steps, given chunk: return ? GetV(chunk, "byteLength").
		fn = jsclass.Function(vm, "size", 1, func(call goja.FunctionCall) goja.Value {
			chunk := call.Argument(0)
			obj := chunk.ToObject(vm) // GetV throws a TypeError for undefined and null
			return obj.Get("byteLength")
		})
	} else {
		// 1. Let steps be the following steps: return 1.
		fn = jsclass.Function(vm, "size", 0, func(goja.FunctionCall) goja.Value { return vm.ToValue(1) })
	}
	iso.SetValue(key, fn)
	return fn
}

func constructStrategy(name string) func(iso *runtime.Isolate, call goja.ConstructorCall) any {
	return func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct(name)
		ctx.RequireConstructArgs(vm, call, 1)
		// QueuingStrategyInit { required unrestricted double highWaterMark; }
		init := ctx.Dictionary(vm, call.Argument(0), "QueuingStrategyInit")
		hwm := webidl.Member(init, "highWaterMark")
		if hwm == nil {
			ctx.TypeError(vm, "Failed to read the 'highWaterMark' property from 'QueuingStrategyInit': Required member is undefined.")
		}
		// 1. Set this.[[highWaterMark]] to init["highWaterMark"].
		return &queuingStrategyValue{highWaterMark: ctx.UnrestrictedDouble(vm, hwm)}
	}
}

func init() {
	for _, c := range []struct {
		class      *jsclass.Class
		byteLength bool
	}{{ByteLengthQueuingStrategyClass, true}, {CountQueuingStrategyClass, false}} {
		byteLength := c.byteLength
		c.class.Construct = constructStrategy(c.class.Name)
		c.class.Members = []jsclass.Member{
			jsclass.Getter("highWaterMark", func(q *queuingStrategyValue, iso *runtime.Isolate) goja.Value {
				// 1. Return this.[[highWaterMark]].
				return iso.VM().ToValue(q.highWaterMark)
			}),
			jsclass.Getter("size", func(q *queuingStrategyValue, iso *runtime.Isolate) goja.Value {
				// 1. Return this's relevant global object's size function.
				return strategySizeFunction(iso, byteLength)
			}),
		}
	}
}
