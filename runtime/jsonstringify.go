package runtime

import (
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// StringifyJSON is JSON.stringify(value) without a replacer or indent:
// ECMA-262 SerializeJSONProperty with the same toJSON calls, getter reads
// and errors as goja's builtin, in the same order. The result is a string,
// or undefined when value serialises to nothing (a function, a symbol,
// undefined). A JS exception (a throwing getter or toJSON, a cycle, a
// BigInt) is returned as a *goja.Exception.
//
// Hosts serialise every JSON response with it: goja's builtin allocates a
// few dozen objects for a small object, which shows in the cost of a
// request; this one writes into one buffer.
func StringifyJSON(vm *goja.Runtime, value goja.Value) (result goja.Value, err error) {
	s := jsonSerializer{vm: vm}
	if ex := vm.Try(func() {
		var b strings.Builder
		b.Grow(128)
		s.b = &b
		if s.property(value, "") {
			result = vm.ToValue(b.String())
		} else {
			result = goja.Undefined()
		}
	}); ex != nil {
		return nil, ex
	}
	return result, nil
}

// jsonMaxDepth bounds nesting as the call stack bounds goja's builtin.
const jsonMaxDepth = 10000

type jsonSerializer struct {
	vm    *goja.Runtime
	b     *strings.Builder
	stack []*goja.Object
}

// property serialises one value (SerializeJSONProperty from step 2, the
// value already read from its holder) and reports whether it wrote
// anything.
func (s *jsonSerializer) property(value goja.Value, key string) bool {
	value = s.resolve(value, key)
	if value == nil {
		return false
	}
	s.write(value)
	return true
}

// resolve is SerializeJSONProperty's steps 2 to 4: toJSON(key), then
// Number, String, Boolean and BigInt objects unwrapped. It returns nil for
// what serialises to nothing (missing, undefined, a function, a symbol).
func (s *jsonSerializer) resolve(value goja.Value, key string) goja.Value {
	if value == nil { // a missing property, as Get gives it
		return nil
	}
	// 2. If value is an Object or a BigInt, call its toJSON(key).
	if obj, ok := value.(*goja.Object); ok {
		if toJSON, ok := goja.AssertFunction(obj.Get("toJSON")); ok {
			v, err := toJSON(obj, s.vm.ToValue(key))
			if err != nil {
				panic(err)
			}
			value = v
		}
	} else if isBigInt(value) {
		if toJSON, ok := goja.AssertFunction(value.ToObject(s.vm).Get("toJSON")); ok {
			v, err := toJSON(value, s.vm.ToValue(key))
			if err != nil {
				panic(err)
			}
			value = v
		}
	}
	// 4. Unwrap Number, String, Boolean and BigInt objects.
	switch v := value.(type) {
	case nil, *goja.Symbol:
		return nil
	case *goja.Object:
		switch v.ClassName() {
		case "Number":
			return s.vm.ToValue(v.ToNumber())
		case "String":
			return v.ToString()
		case "Boolean", "BigInt":
			return s.vm.ToValue(v.Export())
		}
		if _, callable := goja.AssertFunction(v); callable {
			return nil
		}
	}
	if goja.IsUndefined(value) {
		return nil
	}
	return value
}

// write serialises a value resolve kept.
func (s *jsonSerializer) write(value goja.Value) {
	switch v := value.(type) {
	case *goja.Object:
		if v.ClassName() == "Array" {
			s.array(v)
		} else {
			s.object(v)
		}
		return
	case goja.String:
		s.quote(v)
		return
	}
	switch {
	case goja.IsNull(value):
		s.b.WriteString("null")
		return
	case isBigInt(value):
		panic(s.vm.NewTypeError("Do not know how to serialize a BigInt"))
	}
	// ExportType tells the primitive kind without boxing the value.
	switch value.ExportType().Kind() {
	case reflect.Bool:
		if value.ToBoolean() {
			s.b.WriteString("true")
		} else {
			s.b.WriteString("false")
		}
	case reflect.Int64:
		var buf [24]byte
		s.b.Write(strconv.AppendInt(buf[:0], value.ToInteger(), 10))
	case reflect.Float64:
		if f := value.ToFloat(); math.IsNaN(f) || math.IsInf(f, 0) {
			s.b.WriteString("null")
		} else {
			s.b.WriteString(value.String())
		}
	}
}

// enter checks for a cycle and the depth, and pushes obj.
func (s *jsonSerializer) enter(obj *goja.Object) {
	for _, o := range s.stack {
		if o == obj {
			panic(s.vm.NewTypeError("Converting circular structure to JSON"))
		}
	}
	if len(s.stack) >= jsonMaxDepth {
		throwRangeError(s.vm, "Maximum call stack size exceeded")
	}
	s.stack = append(s.stack, obj)
}

func (s *jsonSerializer) leave() { s.stack = s.stack[:len(s.stack)-1] }

// object is SerializeJSONObject: the own enumerable string keys in order,
// members whose value serialises to nothing left out.
func (s *jsonSerializer) object(obj *goja.Object) {
	s.enter(obj)
	s.b.WriteByte('{')
	first := true
	for _, k := range obj.Keys() {
		v := s.resolve(obj.Get(k), k)
		if v == nil {
			continue
		}
		if !first {
			s.b.WriteByte(',')
		}
		first = false
		s.quoteGo(k)
		s.b.WriteByte(':')
		s.write(v)
	}
	s.b.WriteByte('}')
	s.leave()
}

// array is SerializeJSONArray: every index up to length, with null for
// what serialises to nothing.
func (s *jsonSerializer) array(arr *goja.Object) {
	s.enter(arr)
	s.b.WriteByte('[')
	n := arr.Get("length").ToInteger()
	for i := int64(0); i < n; i++ {
		if i > 0 {
			s.b.WriteByte(',')
		}
		key := strconv.FormatInt(i, 10)
		if !s.property(arr.Get(key), key) {
			s.b.WriteString("null")
		}
	}
	s.b.WriteByte(']')
	s.leave()
}

// quote is QuoteJSONString over the string's UTF-16 code units: lone
// surrogates are escaped, pairs are written as UTF-8.
func (s *jsonSerializer) quote(str goja.String) {
	n := str.Length()
	s.b.WriteByte('"')
	for i := 0; i < n; i++ {
		c := str.CharAt(i)
		switch {
		case c < 0x80:
			s.ascii(byte(c))
		case c >= 0xD800 && c <= 0xDBFF && i+1 < n && str.CharAt(i+1) >= 0xDC00 && str.CharAt(i+1) <= 0xDFFF:
			r := (rune(c)-0xD800)<<10 + (rune(str.CharAt(i+1)) - 0xDC00) + 0x10000
			s.b.WriteRune(r)
			i++
		case c >= 0xD800 && c <= 0xDFFF:
			s.b.WriteString(`\u`)
			s.b.WriteString(strconv.FormatUint(uint64(c), 16))
		default:
			s.b.WriteRune(rune(c))
		}
	}
	s.b.WriteByte('"')
}

// quoteGo quotes a key, which goja gives as UTF-8 (lone surrogates
// already replaced by U+FFFD, so there are none to escape).
func (s *jsonSerializer) quoteGo(str string) {
	s.b.WriteByte('"')
	for i := 0; i < len(str); {
		c := str[i]
		if c < utf8.RuneSelf {
			s.ascii(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(str[i:])
		s.b.WriteRune(r)
		i += size
	}
	s.b.WriteByte('"')
}

const hexDigits = "0123456789abcdef"

func (s *jsonSerializer) ascii(c byte) {
	switch c {
	case '"':
		s.b.WriteString(`\"`)
	case '\\':
		s.b.WriteString(`\\`)
	case '\b':
		s.b.WriteString(`\b`)
	case '\f':
		s.b.WriteString(`\f`)
	case '\n':
		s.b.WriteString(`\n`)
	case '\r':
		s.b.WriteString(`\r`)
	case '\t':
		s.b.WriteString(`\t`)
	default:
		if c < 0x20 {
			s.b.WriteString(`\u00`)
			s.b.WriteByte(hexDigits[c>>4])
			s.b.WriteByte(hexDigits[c&0xF])
			return
		}
		s.b.WriteByte(c)
	}
}

func isBigInt(v goja.Value) bool {
	return v.ExportType() == bigIntType && !isObject(v)
}

var bigIntType = reflect.TypeFor[*big.Int]()

func isObject(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok
}
