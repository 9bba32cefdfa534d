package console

// Node's util.inspect, as documented at
// https://nodejs.org/api/util.html#utilinspectobject-options and observable
// in its output: the shapes (`Map(1) { 'a' => 1 }`, `[Function: f]`,
// `<ref *1>`), the depth cut-off (`[Object]`), and the line-breaking rules
// (entries on one line while they fit in breakLength and the object is at
// most `compact` levels from its innermost nesting; arrays of more than six
// short items grouped in aligned columns). Written in Go against goja
// because there is no library for it: goja_nodejs's util only implements
// format's %s/%d/%j.

import (
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// InspectOptions are util.inspect's options.
type InspectOptions struct {
	// Depth is how many levels of nesting are shown; negative is unlimited.
	Depth int
	// ShowHidden includes non-enumerable keys.
	ShowHidden bool
	// BreakLength is the line length at which entries are split across lines.
	BreakLength int
	// Compact is Node's numeric compact mode: up to this many inner levels
	// are put on one line. 0 is compact: false (one entry per line).
	Compact int
	// MaxArrayLength limits the items shown of arrays, typed arrays, Maps
	// and Sets; negative is unlimited.
	MaxArrayLength int
	// MaxStringLength limits the characters shown of strings; negative is unlimited.
	MaxStringLength int
	// Sorted sorts object keys.
	Sorted bool
	// CustomInspect honours [Symbol.for('nodejs.util.inspect.custom')] methods.
	CustomInspect bool
}

// DefaultInspectOptions returns util.inspect's defaults.
func DefaultInspectOptions() InspectOptions {
	return InspectOptions{Depth: 2, BreakLength: 80, Compact: 3, MaxArrayLength: 100, MaxStringLength: 10000, CustomInspect: true}
}

// Inspect renders v as util.inspect(v) does. It may run user code (custom
// inspect methods, proxies) and panics with a JS exception if that throws.
// Call on the isolate's goroutine.
func Inspect(iso *runtime.Isolate, v goja.Value) string {
	return InspectWith(iso, v, DefaultInspectOptions())
}

// InspectWith is Inspect with explicit options.
func InspectWith(iso *runtime.Isolate, v goja.Value, opts InspectOptions) string {
	in := newInspector(iso, opts)
	return in.formatValue(v, 0, false)
}

type inspector struct {
	iso            *runtime.Isolate
	vm             *goja.Runtime
	h              *helpers
	o              InspectOptions
	seen           []*goja.Object
	circular       map[*goja.Object]int
	indentationLvl int
	currentDepth   int
	budget         map[int]int
	exhausted      bool
}

func newInspector(iso *runtime.Isolate, opts InspectOptions) *inspector {
	if opts.BreakLength <= 0 {
		opts.BreakLength = math.MaxInt32
	}
	if opts.MaxArrayLength < 0 {
		opts.MaxArrayLength = math.MaxInt32
	}
	if opts.MaxStringLength < 0 {
		opts.MaxStringLength = math.MaxInt32
	}
	return &inspector{iso: iso, vm: iso.VM(), h: helpersOf(iso), o: opts, budget: map[int]int{}}
}

func (in *inspector) depthExceeded(recurseTimes int) bool {
	return in.exhausted || in.o.Depth >= 0 && recurseTimes > in.o.Depth
}

// formatValue is Node's formatValue.
func (in *inspector) formatValue(v goja.Value, recurseTimes int, typedArray bool) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return in.formatPrimitive(v)
	}
	if in.o.CustomInspect {
		if s, ok := in.customInspect(obj, recurseTimes); ok {
			return s
		}
	}
	for _, s := range in.seen {
		if s == obj {
			if in.circular == nil {
				in.circular = map[*goja.Object]int{}
			}
			idx, ok := in.circular[obj]
			if !ok {
				idx = len(in.circular) + 1
				in.circular[obj] = idx
			}
			return "[Circular *" + strconv.Itoa(idx) + "]"
		}
	}
	return in.formatRaw(obj, recurseTimes, typedArray)
}

// customInspect calls obj[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect).
func (in *inspector) customInspect(obj *goja.Object, recurseTimes int) (string, bool) {
	fn, ok := goja.AssertFunction(obj.GetSymbol(in.h.customSym))
	if !ok {
		return "", false
	}
	// Skip prototypes: `value.constructor.prototype === value`.
	if c, ok := obj.Get("constructor").(*goja.Object); ok {
		if p, ok := c.Get("prototype").(*goja.Object); ok && p == obj {
			return "", false
		}
	}
	var depth goja.Value
	if in.o.Depth < 0 {
		depth = in.vm.ToValue(math.Inf(1))
	} else {
		depth = in.vm.ToValue(in.o.Depth - recurseTimes)
	}
	opts := optionsObject(in.vm, in.o)
	_ = opts.Set("depth", depth)
	ret, err := fn(obj, depth, opts, inspectFunction(in.iso))
	if err != nil {
		panic(err)
	}
	if r, ok := ret.(*goja.Object); ok && r == obj {
		return "", false
	}
	if goja.IsString(ret) {
		return strings.ReplaceAll(ret.String(), "\n", "\n"+strings.Repeat(" ", in.indentationLvl)), true
	}
	return in.formatValue(ret, recurseTimes, false), true
}

// formatPrimitive is Node's formatPrimitive.
func (in *inspector) formatPrimitive(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsString(v):
		u := units(v)
		trailer := ""
		if len(u) > in.o.MaxStringLength {
			remaining := len(u) - in.o.MaxStringLength
			u = u[:in.o.MaxStringLength]
			trailer = "... " + strconv.Itoa(remaining) + " more character" + plural(remaining)
		}
		if in.o.Compact != 0 && len(u) > 16 && len(u) > in.o.BreakLength-in.indentationLvl-4 {
			lines := splitNewLines(u)
			if len(lines) > 1 {
				parts := make([]string, len(lines))
				for i, l := range lines {
					parts[i] = strEscape(l)
				}
				return strings.Join(parts, " +\n"+strings.Repeat(" ", in.indentationLvl+2)) + trailer
			}
		}
		return strEscape(u) + trailer
	case goja.IsNumber(v):
		return formatNumber(v)
	case goja.IsBigInt(v):
		return v.String() + "n"
	}
	if s, ok := v.(*goja.Symbol); ok {
		return symbolString(s)
	}
	return v.String() // boolean
}

func symbolString(s *goja.Symbol) string { return "Symbol(" + s.String() + ")" }

// splitNewLines splits after each "\n", keeping it.
func splitNewLines(u []uint16) [][]uint16 {
	var out [][]uint16
	start := 0
	for i, c := range u {
		if c == '\n' {
			out = append(out, u[start:i+1])
			start = i + 1
		}
	}
	if start < len(u) {
		out = append(out, u[start:])
	}
	return out
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// constructorName is Node's getConstructorName: the name of the first
// `constructor` on the prototype chain that the value is an instance of;
// ok is false for objects whose chain ends without one ("null prototype").
func (in *inspector) constructorName(obj *goja.Object) (string, bool) {
	first := true
	var firstProto *goja.Object
	for o := obj; o != nil; {
		d := in.h.call(in.h.desc, o, in.vm.ToValue("constructor"))
		if dobj, ok := d.(*goja.Object); ok {
			if c, ok := dobj.Get("value").(*goja.Object); ok {
				if _, isFn := goja.AssertFunction(c); isFn {
					if name := c.Get("name"); name != nil && goja.IsString(name) && name.String() != "" &&
						in.h.call(in.h.instanceOf, obj, c).ToBoolean() {
						return name.String(), true
					}
				}
			}
		}
		p := in.h.call(in.h.proto, o)
		next, _ := p.(*goja.Object)
		if first {
			firstProto = next
			first = false
		}
		o = next
	}
	if firstProto == nil {
		return "", false
	}
	return "Object", true
}

// getPrefix is Node's getPrefix.
func getPrefix(constructor string, hasCtor bool, tag, fallback, size string) string {
	if !hasCtor {
		if tag != "" && fallback != tag {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && constructor != tag {
		return constructor + size + " [" + tag + "] "
	}
	return constructor + size + " "
}

type extrasType int

const (
	objectType      extrasType = iota
	arrayType                  // array elements: the value alone
	arrayExtrasType            // other keys of arrays: "key: value"
)

// frame collects what formatRaw decides about one object.
type frame struct {
	keys      []goja.Value
	base      string
	braces    [2]string
	extras    extrasType
	formatter func(recurseTimes int) []string
	numeric   func(n int) bool // for array grouping: are the first n items numbers?
}

// formatRaw is Node's formatRaw.
func (in *inspector) formatRaw(obj *goja.Object, recurseTimes int, typedArray bool) string {
	h := in.h
	vm := in.vm
	constructor, hasCtor := in.constructorName(obj)
	// Only list the tag when it is not an own enumerable property
	// (otherwise it would be printed twice).
	tag := ""
	if t := obj.GetSymbol(goja.SymToStringTag); t != nil && goja.IsString(t) && t.String() != "" {
		own := h.isEnum
		if in.o.ShowHidden {
			own = h.hasOwn
		}
		if !h.call(own, obj, goja.SymToStringTag).ToBoolean() {
			tag = t.String()
		}
	}
	f := frame{braces: [2]string{"{", "}"}}
	class := obj.ClassName()
	kind := ""
	switch class {
	case "Array", "Function", "Date", "RegExp", "Error":
	case "Arguments":
		kind = "arguments"
	default:
		kind = h.call(h.kind, obj).String()
	}
	keysOf := func(arrayLike bool) {
		arr := h.call(h.keys, obj, vm.ToValue(arrayLike), vm.ToValue(in.o.ShowHidden)).(*goja.Object)
		n := int(arr.Get("length").ToInteger())
		f.keys = make([]goja.Value, n)
		for i := range f.keys {
			f.keys[i] = arr.Get(strconv.Itoa(i))
		}
	}
	noKeys := func() bool { return len(f.keys) == 0 }

	switch {
	case class == "Array":
		prefix := ""
		if constructor != "Array" || tag != "" || !hasCtor {
			prefix = getPrefix(constructor, hasCtor, tag, "Array", "("+strconv.FormatInt(obj.Get("length").ToInteger(), 10)+")")
		}
		keysOf(true)
		f.braces = [2]string{prefix + "[", "]"}
		if obj.Get("length").ToInteger() == 0 && noKeys() {
			return f.braces[0] + "]"
		}
		f.extras = arrayExtrasType
		f.formatter = func(rt int) []string { return in.formatArray(obj, rt) }
		f.numeric = func(n int) bool { return in.allNumeric(obj, n) }
	case kind == "set" || kind == "map":
		size := int(h.call(h.size, obj, vm.ToValue(kind)).ToInteger())
		fallback := "Set"
		if kind == "map" {
			fallback = "Map"
		}
		prefix := getPrefix(constructor, hasCtor, tag, fallback, "("+strconv.Itoa(size)+")")
		keysOf(false)
		if size == 0 && noKeys() {
			return prefix + "{}"
		}
		f.braces = [2]string{prefix + "{", "}"}
		if kind == "map" {
			f.formatter = func(rt int) []string { return in.formatMap(obj, size, rt) }
		} else {
			f.formatter = func(rt int) []string { return in.formatSet(obj, size, rt) }
		}
	case kind == "typedarray":
		keysOf(true)
		size := int(obj.Get("length").ToInteger())
		name := h.call(h.taName, obj).String()
		prefix := getPrefix(constructor, hasCtor, tag, name, "("+strconv.Itoa(size)+")")
		f.braces = [2]string{prefix + "[", "]"}
		if size == 0 && noKeys() && !in.o.ShowHidden {
			return f.braces[0] + "]"
		}
		f.formatter = func(rt int) []string { return in.formatTypedArray(obj, size) }
		f.extras = arrayExtrasType
		f.numeric = func(int) bool { return true }
	default:
		keysOf(kind == "string")
		if _, isFn := goja.AssertFunction(obj); isFn {
			f.base = in.functionBase(obj, constructor, hasCtor, tag)
			if noKeys() {
				return f.base
			}
			break
		}
		switch {
		case class == "RegExp":
			f.base = h.call(h.regexpString, obj).String()
			if p := getPrefix(constructor, hasCtor, tag, "RegExp", ""); p != "RegExp " {
				f.base = p + f.base
			}
			if noKeys() || in.depthExceeded(recurseTimes) {
				return f.base
			}
		case class == "Date":
			f.base = h.call(h.dateString, obj).String()
			if p := getPrefix(constructor, hasCtor, tag, "Date", ""); p != "Date " {
				f.base = p + f.base
			}
			if noKeys() {
				return f.base
			}
		case class == "Error" || h.call(h.instanceOf, obj, vm.Get("Error")).ToBoolean():
			f.base = in.formatError(obj, constructor, hasCtor, tag, &f.keys)
			if noKeys() {
				return f.base
			}
		case kind == "arguments":
			f.braces[0] = "[Arguments] {"
			if noKeys() {
				return "[Arguments] {}"
			}
		case kind == "arraybuffer":
			prefix := getPrefix(constructor, hasCtor, tag, "ArrayBuffer", "")
			if typedArray {
				if noKeys() {
					return prefix + "{ byteLength: " + formatNumber(h.call(h.abLen, obj)) + " }"
				}
			} else {
				f.formatter = func(int) []string { return in.formatArrayBuffer(obj) }
			}
			f.braces[0] = prefix + "{"
			f.keys = append([]goja.Value{vm.ToValue("byteLength")}, f.keys...)
		case kind == "dataview":
			f.braces[0] = getPrefix(constructor, hasCtor, tag, "DataView", "") + "{"
			f.keys = append([]goja.Value{vm.ToValue("byteLength"), vm.ToValue("byteOffset"), vm.ToValue("buffer")}, f.keys...)
		case isPromise(obj):
			f.braces[0] = getPrefix(constructor, hasCtor, tag, "Promise", "") + "{"
			f.formatter = func(rt int) []string { return in.formatPromise(obj, rt) }
		case kind == "weakset" || kind == "weakmap":
			fallback := "WeakSet"
			if kind == "weakmap" {
				fallback = "WeakMap"
			}
			f.braces[0] = getPrefix(constructor, hasCtor, tag, fallback, "") + "{"
			f.formatter = func(int) []string { return []string{"<items unknown>"} }
		case kind == "number" || kind == "string" || kind == "boolean" || kind == "symbol" || kind == "bigint":
			f.base = in.boxedBase(obj, kind, constructor, hasCtor, tag)
			if noKeys() {
				return f.base
			}
		case hasCtor && constructor == "Object":
			if tag != "" {
				f.braces[0] = getPrefix(constructor, hasCtor, tag, "Object", "") + "{"
			}
			if noKeys() {
				return f.braces[0] + "}"
			}
		default:
			if noKeys() {
				return getPrefix(constructor, hasCtor, tag, "Object", "") + "{}"
			}
			f.braces[0] = getPrefix(constructor, hasCtor, tag, "Object", "") + "{"
		}
	}

	if in.depthExceeded(recurseTimes) {
		name := strings.TrimSuffix(getPrefix(constructor, hasCtor, tag, "Object", ""), " ")
		if hasCtor {
			name = "[" + name + "]"
		}
		return name
	}
	recurseTimes++
	in.seen = append(in.seen, obj)
	in.currentDepth = recurseTimes
	var output []string
	if f.formatter != nil {
		output = f.formatter(recurseTimes)
	}
	if in.o.Sorted && f.extras == objectType {
		sortKeys(f.keys)
	}
	for _, k := range f.keys {
		output = append(output, in.formatProperty(obj, recurseTimes, k, f.extras))
	}
	if idx, ok := in.circular[obj]; ok {
		ref := "<ref *" + strconv.Itoa(idx) + ">"
		if f.base == "" {
			f.base = ref
		} else {
			f.base = ref + " " + f.base
		}
	}
	in.seen = in.seen[:len(in.seen)-1]
	res := in.reduceToSingleString(output, f.base, f.braces, f.extras, recurseTimes, f.numeric)
	in.budget[in.indentationLvl] += len(res)
	if in.budget[in.indentationLvl] > 1<<27 {
		// Node stops descending once the output gets this big.
		in.exhausted = true
	}
	return res
}

var promiseType = reflect.TypeOf((*goja.Promise)(nil))

// isPromise checks the export type (Export itself would copy plain objects).
func isPromise(obj *goja.Object) bool { return obj.ExportType() == promiseType }

var keyStrRE = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

// formatProperty is Node's formatProperty.
func (in *inspector) formatProperty(obj *goja.Object, recurseTimes int, key goja.Value, typ extrasType) string {
	h := in.h
	var str string
	enumerable := true
	d, _ := h.call(h.desc, obj, key).(*goja.Object)
	var value goja.Value
	if d == nil {
		value = obj.Get(key.String())
		if s, ok := key.(*goja.Symbol); ok {
			value = obj.GetSymbol(s)
		}
	} else {
		value = d.Get("value")
		enumerable = d.Get("enumerable").ToBoolean()
	}
	switch {
	case value != nil && !goja.IsUndefined(value):
		in.indentationLvl += 2
		str = in.formatValue(value, recurseTimes, false)
		in.indentationLvl -= 2
	case d != nil && present(d.Get("get")):
		if present(d.Get("set")) {
			str = "[Getter/Setter]"
		} else {
			str = "[Getter]"
		}
	case d != nil && present(d.Get("set")):
		str = "[Setter]"
	default:
		str = "undefined"
	}
	if typ == arrayType {
		return str
	}
	var name string
	if s, ok := key.(*goja.Symbol); ok {
		name = "[" + symbolString(s) + "]"
	} else {
		k := key.String()
		switch {
		case k == "__proto__":
			name = "['__proto__']"
		case !enumerable:
			name = "[" + k + "]"
		case keyStrRE.MatchString(k):
			name = k
		default:
			name = strEscape(units(key))
		}
	}
	return name + ": " + str
}

// jsLen is the length of s in UTF-16 code units, as JS's .length.
func jsLen(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// present reports whether a property read found something other than undefined.
func present(v goja.Value) bool { return v != nil && !goja.IsUndefined(v) }
