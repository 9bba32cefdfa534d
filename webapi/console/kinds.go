package console

import (
	"encoding/hex"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// maxHoleScan bounds how far a run of array holes is walked one index at a
// time; beyond it the rest of the array is summarised.
const maxHoleScan = 10000

// formatArray is Node's formatArray / formatSpecialArray.
func (in *inspector) formatArray(obj *goja.Object, recurseTimes int) []string {
	h := in.h
	vm := in.vm
	length := obj.Get("length").ToInteger()
	var output []string
	i := int64(0)
	for i < length && len(output) < in.o.MaxArrayLength {
		key := vm.ToValue(strconv.FormatInt(i, 10))
		if !h.call(h.hasOwn, obj, key).ToBoolean() {
			j := i + 1
			for j < length && j-i < maxHoleScan && !h.call(h.hasOwn, obj, vm.ToValue(strconv.FormatInt(j, 10))).ToBoolean() {
				j++
			}
			if j-i >= maxHoleScan {
				// A long run of holes: ask for the next element directly.
				j = max(j, min(length, h.call(h.nextIndex, obj, vm.ToValue(j)).ToInteger()))
			}
			n := j - i
			output = append(output, "<"+strconv.FormatInt(n, 10)+" empty item"+plural(int(min(n, 2)))+">")
			i = j
			continue
		}
		output = append(output, in.formatProperty(obj, recurseTimes, key, arrayType))
		i++
	}
	if remaining := length - i; remaining > 0 {
		output = append(output, "... "+strconv.FormatInt(remaining, 10)+" more item"+plural(int(min(remaining, 2))))
	}
	return output
}

// allNumeric reports whether obj[0..n-1] are all numbers or bigints (Node
// right-aligns grouped columns of numbers).
func (in *inspector) allNumeric(obj *goja.Object, n int) bool {
	for i := 0; i < n; i++ {
		v := obj.Get(strconv.Itoa(i))
		if !goja.IsNumber(v) && !goja.IsBigInt(v) {
			return false
		}
	}
	return true
}

func (in *inspector) formatTypedArray(obj *goja.Object, length int) []string {
	max := min(in.o.MaxArrayLength, length)
	arr := in.h.call(in.h.taSlice, obj, in.vm.ToValue(max)).(*goja.Object)
	output := make([]string, max)
	for i := range output {
		output[i] = in.formatPrimitive(arr.Get(strconv.Itoa(i)))
	}
	if remaining := length - max; remaining > 0 {
		output = append(output, "... "+strconv.Itoa(remaining)+" more item"+plural(remaining))
	}
	return output
}

func (in *inspector) formatArrayBuffer(obj *goja.Object) []string {
	length := int(in.h.call(in.h.abLen, obj).ToInteger())
	view := in.h.call(in.h.abBytes, obj, in.vm.ToValue(in.o.MaxArrayLength)).(*goja.Object)
	n := int(view.Get("length").ToInteger())
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(view.Get(strconv.Itoa(i)).ToInteger())
	}
	hx := hex.EncodeToString(b)
	var sb strings.Builder
	for i := 0; i < len(hx); i += 2 {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(hx[i : i+2])
	}
	if remaining := length - n; remaining > 0 {
		sb.WriteString(" ... " + strconv.Itoa(remaining) + " more byte" + plural(remaining))
	}
	return []string{"[Uint8Contents]: <" + sb.String() + ">"}
}

func (in *inspector) formatMap(obj *goja.Object, size, recurseTimes int) []string {
	max := min(in.o.MaxArrayLength, size)
	arr := in.h.call(in.h.mapEntries, obj, in.vm.ToValue(max)).(*goja.Object)
	output := make([]string, 0, max+1)
	in.indentationLvl += 2
	for i := 0; i < max; i++ {
		e := arr.Get(strconv.Itoa(i)).(*goja.Object)
		k := in.formatValue(e.Get("0"), recurseTimes, false)
		v := in.formatValue(e.Get("1"), recurseTimes, false)
		output = append(output, k+" => "+v)
	}
	in.indentationLvl -= 2
	if remaining := size - max; remaining > 0 {
		output = append(output, "... "+strconv.Itoa(remaining)+" more item"+plural(remaining))
	}
	return output
}

func (in *inspector) formatSet(obj *goja.Object, size, recurseTimes int) []string {
	max := min(in.o.MaxArrayLength, size)
	arr := in.h.call(in.h.setValues, obj, in.vm.ToValue(max)).(*goja.Object)
	output := make([]string, 0, max+1)
	in.indentationLvl += 2
	for i := 0; i < max; i++ {
		output = append(output, in.formatValue(arr.Get(strconv.Itoa(i)), recurseTimes, false))
	}
	in.indentationLvl -= 2
	if remaining := size - max; remaining > 0 {
		output = append(output, "... "+strconv.Itoa(remaining)+" more item"+plural(remaining))
	}
	return output
}

func (in *inspector) formatPromise(obj *goja.Object, recurseTimes int) []string {
	p := obj.Export().(*goja.Promise)
	switch p.State() {
	case goja.PromiseStatePending:
		return []string{"<pending>"}
	case goja.PromiseStateRejected:
		in.indentationLvl += 2
		s := in.formatValue(p.Result(), recurseTimes, false)
		in.indentationLvl -= 2
		return []string{"<rejected> " + s}
	default:
		in.indentationLvl += 2
		s := in.formatValue(p.Result(), recurseTimes, false)
		in.indentationLvl -= 2
		return []string{s}
	}
}

var classHeadRE = regexp.MustCompile(`^(\s+[^(]*?)\s*{`)

// functionBase is Node's getFunctionBase / getClassBase.
func (in *inspector) functionBase(fn *goja.Object, constructor string, hasCtor bool, tag string) string {
	src := in.h.call(in.h.fnSource, fn).String()
	if strings.HasPrefix(src, "class") && strings.HasSuffix(src, "}") {
		slice := src[5 : len(src)-1]
		if i := strings.IndexByte(slice, '{'); i != -1 && (!strings.Contains(slice[:i], "(") || classHeadRE.MatchString(slice)) {
			return in.classBase(fn, constructor, hasCtor, tag)
		}
	}
	typ := "Function"
	switch constructor {
	case "GeneratorFunction", "AsyncFunction", "AsyncGeneratorFunction":
		typ = constructor
	}
	base := "[" + typ
	if !hasCtor {
		base += " (null prototype)"
	}
	if name := fn.Get("name"); name == nil || !goja.IsString(name) || name.String() == "" {
		base += " (anonymous)"
	} else {
		base += ": " + name.String()
	}
	base += "]"
	if hasCtor && constructor != typ && constructor != "Function" {
		base += " " + constructor
	}
	if tag != "" && constructor != tag {
		base += " [" + tag + "]"
	}
	return base
}

func (in *inspector) classBase(fn *goja.Object, constructor string, hasCtor bool, tag string) string {
	name := "(anonymous)"
	if in.h.call(in.h.hasOwn, fn, in.vm.ToValue("name")).ToBoolean() {
		if n := fn.Get("name"); n != nil && n.ToBoolean() {
			name = n.String()
		}
	}
	base := "class " + name
	if constructor != "Function" && hasCtor {
		base += " [" + constructor + "]"
	}
	if tag != "" && constructor != tag {
		base += " [" + tag + "]"
	}
	if hasCtor {
		if p, ok := in.h.call(in.h.proto, fn).(*goja.Object); ok {
			if sn := p.Get("name"); sn != nil && sn.ToBoolean() {
				base += " extends " + sn.String()
			}
		}
	} else {
		base += " extends [null prototype]"
	}
	return "[" + base + "]"
}

// boxedBase is Node's getBoxedBase.
func (in *inspector) boxedBase(obj *goja.Object, kind, constructor string, hasCtor bool, tag string) string {
	typ := strings.ToUpper(kind[:1]) + kind[1:]
	if kind == "bigint" {
		typ = "BigInt"
	}
	prim := in.h.call(in.h.boxed, obj, in.vm.ToValue(kind))
	base := "[" + typ
	if typ != constructor {
		if !hasCtor {
			base += " (null prototype)"
		} else {
			base += " (" + constructor + ")"
		}
	}
	saved := in.o.Compact
	base += ": " + in.formatPrimitive(prim) + "]"
	in.o.Compact = saved
	if tag != "" && tag != constructor {
		base += " [" + tag + "]"
	}
	return base
}

var gojaFrameRE = regexp.MustCompile(`(?m)^\tat (.*?)(?:\(\d+\))?(\)?)$`)

// nodeStack rewrites goja's stack frames ("\tat f (file:1:2(3))") the way
// V8 prints them ("    at f (file:1:2)") and drops the trailing newline.
func nodeStack(stack string) string {
	stack = strings.TrimRight(stack, "\n")
	if !strings.Contains(stack, "\n\tat ") {
		return stack
	}
	return gojaFrameRE.ReplaceAllString(stack, "    at $1$2")
}

// formatError is Node's formatError.
func (in *inspector) formatError(err *goja.Object, constructor string, hasCtor bool, tag string, keys *[]goja.Value) string {
	vm := in.vm
	var stack string
	if st := err.Get("stack"); st != nil && st.ToBoolean() {
		stack = st.String()
	} else {
		stack = errorToString(vm, err)
	}
	stack = nodeStack(stack)
	name := "Error"
	if n := err.Get("name"); n != nil && !goja.IsUndefined(n) && !goja.IsNull(n) {
		name = n.String()
	}
	stack = improveStack(stack, constructor, hasCtor, name, tag)
	// removeDuplicateErrorKeys: name, message and stack are not listed when
	// the stack already shows them.
	if !in.o.ShowHidden && len(*keys) > 0 {
		kept := (*keys)[:0]
		for _, k := range *keys {
			if ks, ok := k.(goja.String); ok {
				switch n := ks.String(); n {
				case "name", "message", "stack":
					if v := err.Get(n); v != nil && strings.Contains(stack, v.String()) {
						continue
					}
				}
			}
			kept = append(kept, k)
		}
		*keys = kept
	}
	has := func(name string) bool {
		for _, k := range *keys {
			if ks, ok := k.(goja.String); ok && ks.String() == name {
				return true
			}
		}
		return false
	}
	if hasProperty(vm, err, "cause") && !has("cause") {
		*keys = append(*keys, vm.ToValue("cause"))
	}
	if errs, ok := err.Get("errors").(*goja.Object); ok && errs.ClassName() == "Array" && !has("errors") {
		*keys = append(*keys, vm.ToValue("errors"))
	}
	// Wrap the error in brackets in case it has no stack trace.
	pos := -1
	if m := err.Get("message"); m != nil && m.ToBoolean() {
		if p := strings.Index(stack, m.String()); p != -1 {
			pos = p + len(m.String())
		}
	}
	if pos < 0 {
		pos = 0
	}
	if !strings.Contains(stack[pos:], "\n    at") {
		stack = "[" + stack + "]"
	}
	if in.indentationLvl != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", in.indentationLvl))
	}
	return stack
}

func hasProperty(vm *goja.Runtime, obj *goja.Object, name string) bool {
	for o := obj; o != nil; o = o.Prototype() {
		for _, k := range o.GetOwnPropertyNames() {
			if k == name {
				return true
			}
		}
	}
	return false
}

// errorToString is Error.prototype.toString.
func errorToString(vm *goja.Runtime, err *goja.Object) string {
	fn, _ := goja.AssertFunction(vm.Get("Error").(*goja.Object).Get("prototype").(*goja.Object).Get("toString"))
	v, e := fn(err)
	if e != nil {
		panic(e)
	}
	return v.String()
}

func sortKeys(keys []goja.Value) {
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
}

var (
	errorStartRE     = regexp.MustCompile(`^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)`)
	errorStartOnlyRE = regexp.MustCompile(`^([a-z_A-Z0-9-]*Error)$`)
)

// improveStack is Node's improveStack: when the constructor or tag says
// more than the name at the head of the stack, it is shown too
// ("DOMException [AbortError]: ...", "MyError: ...").
func improveStack(stack, constructor string, hasCtor bool, name, tag string) string {
	l := len(name)
	if hasCtor && !(strings.HasSuffix(name, "Error") && strings.HasPrefix(stack, name) &&
		(len(stack) == l || stack[l] == ':' || stack[l] == '\n')) {
		return stack
	}
	fallback := "Error"
	if !hasCtor {
		m := errorStartRE.FindStringSubmatch(stack)
		if m == nil {
			m = errorStartOnlyRE.FindStringSubmatch(stack)
		}
		fallback = ""
		if m != nil {
			fallback = m[1]
		}
		l = len(fallback)
		if fallback == "" {
			fallback = "Error"
		}
	}
	prefix := strings.TrimSuffix(getPrefix(constructor, hasCtor, tag, fallback, ""), " ")
	if name == prefix {
		return stack
	}
	if strings.Contains(prefix, name) {
		if l == 0 {
			return prefix + ": " + stack
		}
		return prefix + stack[l:]
	}
	return prefix + " [" + name + "]" + stack[l:]
}
