package console

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// Format renders console arguments as Node's util.format does: a leading
// string may hold %s %d %i %f %j %o %O %c and %% directives; the remaining
// arguments follow, separated by spaces, strings as they are and anything
// else through Inspect. Call on the isolate's goroutine.
func Format(iso *runtime.Isolate, args []goja.Value) string {
	return FormatWith(iso, DefaultInspectOptions(), args)
}

// FormatWith is util.formatWithOptions.
func FormatWith(iso *runtime.Isolate, opts InspectOptions, args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	vm := iso.VM()
	h := helpersOf(iso)
	a := 0
	var str strings.Builder
	join := ""
	if goja.IsString(args[0]) {
		if len(args) == 1 {
			return args[0].String()
		}
		first := units(args[0])
		lastPos := 0
		for i := 0; i < len(first)-1; i++ {
			if first[i] != '%' {
				continue
			}
			i++
			next := first[i]
			if a+1 == len(args) {
				if next == '%' {
					str.WriteString(utf8(first[lastPos:i]))
					lastPos = i + 1
				}
				continue
			}
			var tmp string
			switch next {
			case 's':
				a++
				tmp = formatS(iso, opts, args[a])
			case 'j':
				a++
				tmp = tryStringify(vm, h, args[a])
			case 'd':
				a++
				switch v := args[a]; {
				case goja.IsBigInt(v):
					tmp = v.String() + "n"
				case isSymbol(v):
					tmp = "NaN"
				default:
					tmp = formatNumber(h.call(h.number, v))
				}
			case 'O':
				a++
				tmp = InspectWith(iso, args[a], opts)
			case 'o':
				a++
				o := opts
				o.ShowHidden = true
				o.Depth = 4
				tmp = InspectWith(iso, args[a], o)
			case 'i':
				a++
				switch v := args[a]; {
				case goja.IsBigInt(v):
					tmp = v.String() + "n"
				case isSymbol(v):
					tmp = "NaN"
				default:
					tmp = formatNumber(h.call(h.parseInt, v))
				}
			case 'f':
				a++
				if isSymbol(args[a]) {
					tmp = "NaN"
				} else {
					tmp = formatNumber(h.call(h.parseFloat, args[a]))
				}
			case 'c':
				a++
				tmp = ""
			case '%':
				str.WriteString(utf8(first[lastPos:i]))
				lastPos = i + 1
				continue
			default:
				continue
			}
			if lastPos != i-1 {
				str.WriteString(utf8(first[lastPos : i-1]))
			}
			str.WriteString(tmp)
			lastPos = i + 1
		}
		if lastPos != 0 {
			a++
			join = " "
			if lastPos < len(first) {
				str.WriteString(utf8(first[lastPos:]))
			}
		}
	}
	for ; a < len(args); a++ {
		v := args[a]
		str.WriteString(join)
		if goja.IsString(v) {
			str.WriteString(v.String())
		} else {
			str.WriteString(InspectWith(iso, v, opts))
		}
		join = " "
	}
	return str.String()
}

func isSymbol(v goja.Value) bool {
	_, ok := v.(*goja.Symbol)
	return ok
}

// formatS is %s: String(v), except numbers (-0), bigints (1n) and objects
// without a user-defined toString, which are inspected shallowly.
func formatS(iso *runtime.Isolate, opts InspectOptions, v goja.Value) string {
	switch {
	case goja.IsNumber(v):
		return formatNumber(v)
	case goja.IsBigInt(v):
		return v.String() + "n"
	case isSymbol(v):
		return symbolString(v.(*goja.Symbol))
	}
	obj, ok := v.(*goja.Object)
	if !ok || !hasBuiltInToString(iso, obj) {
		return v.String()
	}
	o := opts
	o.Depth = 0
	o.Compact = 3
	return InspectWith(iso, v, o)
}

// builtIns are the ECMAScript constructors whose toString counts as
// built-in for %s (Node takes the capitalised globals of a fresh realm).
var builtIns = map[string]bool{
	"Object": true, "Function": true, "Array": true, "Number": true, "Boolean": true, "String": true,
	"Symbol": true, "Date": true, "Promise": true, "RegExp": true, "Error": true, "AggregateError": true,
	"EvalError": true, "RangeError": true, "ReferenceError": true, "SyntaxError": true, "TypeError": true,
	"URIError": true, "ArrayBuffer": true, "Uint8Array": true, "Int8Array": true, "Uint16Array": true,
	"Int16Array": true, "Uint32Array": true, "Int32Array": true, "Float32Array": true, "Float64Array": true,
	"Uint8ClampedArray": true, "BigUint64Array": true, "BigInt64Array": true, "DataView": true, "Map": true,
	"BigInt": true, "Set": true, "WeakMap": true, "WeakSet": true, "Proxy": true, "Reflect": true,
	"WeakRef": true, "FinalizationRegistry": true, "SharedArrayBuffer": true,
}

// hasBuiltInToString is Node's hasBuiltInToString.
func hasBuiltInToString(iso *runtime.Isolate, obj *goja.Object) bool {
	h := helpersOf(iso)
	vm := iso.VM()
	if _, ok := goja.AssertFunction(obj.GetSymbol(goja.SymToPrimitive)); ok {
		return false
	}
	if _, ok := goja.AssertFunction(obj.Get("toString")); !ok {
		return true
	}
	if h.call(h.hasOwn, obj, vm.ToValue("toString")).ToBoolean() {
		return false
	}
	p := obj
	for {
		next, ok := h.call(h.proto, p).(*goja.Object)
		if !ok {
			return true
		}
		p = next
		if h.call(h.hasOwn, p, vm.ToValue("toString")).ToBoolean() {
			break
		}
	}
	d, ok := h.call(h.desc, p, vm.ToValue("constructor")).(*goja.Object)
	if !ok {
		return false
	}
	c, ok := d.Get("value").(*goja.Object)
	if !ok {
		return false
	}
	if _, isFn := goja.AssertFunction(c); !isFn {
		return false
	}
	return builtIns[c.Get("name").String()]
}

// tryStringify is %j: JSON.stringify, with '[Circular]' for cyclic values.
func tryStringify(vm *goja.Runtime, h *helpers, v goja.Value) string {
	r, err := h.json(goja.Undefined(), v)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			if o, ok := ex.Value().(*goja.Object); ok && strings.Contains(strings.ToLower(o.Get("message").String()), "circular") {
				return "[Circular]"
			}
		}
		panic(err)
	}
	if goja.IsUndefined(r) {
		return "undefined"
	}
	return r.String()
}
