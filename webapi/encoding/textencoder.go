package encoding

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// textEncoder backs a TextEncoder object; it has no state.
type textEncoder struct{ jsclass.Shell }

var (
	encodeContext     = webidl.Method("TextEncoder", "encode")
	encodeIntoContext = webidl.Method("TextEncoder", "encodeInto")
)

// TextEncoderClass is the TextEncoder interface
// (https://encoding.spec.whatwg.org/#interface-textencoder).
var TextEncoderClass = &jsclass.Class{
	Name:   "TextEncoder",
	Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		return &textEncoder{}
	},
	Members: []jsclass.Member{
		jsclass.Getter("encoding", func(_ *textEncoder, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue("utf-8")
		}),
		jsclass.Method("encode", 0, func(_ *textEncoder, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			// encode(optional USVString input = ""): the UTF-8 encoding of input.
			var s string
			if v := call.Argument(0); !goja.IsUndefined(v) {
				s = encodeContext.USVString(vm, v)
			}
			return webidl.Uint8Array(vm, []byte(s))
		}),
		jsclass.Method("encodeInto", 2, jsEncodeInto),
	},
}

// jsEncodeInto implements https://encoding.spec.whatwg.org/#dom-textencoder-encodeinto.
func jsEncodeInto(_ *textEncoder, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	encodeIntoContext.RequireArgs(vm, call, 2)
	src := call.Argument(0)
	if _, ok := src.(*goja.Symbol); ok {
		encodeIntoContext.TypeError(vm, "Cannot convert a Symbol value to a string")
	}
	s := src.ToString() // arguments convert in order: source first
	dest, ok := uint8ArrayBytes(iso, call.Argument(1))
	if !ok {
		encodeIntoContext.TypeError(vm, "parameter 2 is not of type 'Uint8Array'.")
	}
	read, written := 0, 0
	gs, isString := s.(goja.String)
	if !isString {
		gs = goja.StringFromUTF16(utf16.Encode([]rune(s.String())))
	}
	// 1-3. Let read and written be 0; for each scalar value of source (lone
	//      surrogates count as U+FFFD), stop when its UTF-8 bytes do not fit
	//      in the space left in destination; otherwise write them and add the
	//      code units consumed to read.
	n := gs.Length()
	var buf [4]byte
	for i := 0; i < n; {
		u := rune(gs.CharAt(i))
		units := 1
		r := u
		if utf16.IsSurrogate(u) {
			r = utf8.RuneError
			if u < 0xDC00 && i+1 < n {
				if lo := rune(gs.CharAt(i + 1)); lo >= 0xDC00 && lo <= 0xDFFF {
					r = utf16.DecodeRune(u, lo)
					units = 2
				}
			}
		}
		if r < utf8.RuneSelf {
			if written >= len(dest) {
				break
			}
			dest[written] = byte(r)
			written++
		} else {
			size := utf8.EncodeRune(buf[:], r)
			if written+size > len(dest) {
				break
			}
			copy(dest[written:], buf[:size])
			written += size
		}
		read += units
		i += units
	}
	res := vm.NewObject()
	_ = res.Set("read", read)
	_ = res.Set("written", written)
	return res
}

// uint8ArrayBytes returns the bytes of a Uint8Array (aliasing JS memory).
func uint8ArrayBytes(iso *runtime.Isolate, v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok || !isUint8Array(iso, obj) {
		return nil, false
	}
	return webidl.BufferSource(iso.VM(), obj)
}

type isUint8ArrayKey struct{}

// isUint8Array checks the [[TypedArrayName]] slot through the
// %TypedArray%.prototype[@@toStringTag] getter (captured once per isolate),
// which user code cannot spoof the way it can spoof prototypes.
func isUint8Array(iso *runtime.Isolate, obj *goja.Object) bool {
	fn, ok := iso.Value(isUint8ArrayKey{}).(goja.Callable)
	if !ok {
		v, err := iso.VM().RunString(`(function () {
			const get = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
			return function (o) { return get.call(o) === "Uint8Array" };
		})()`)
		if err != nil {
			panic(err)
		}
		fn, _ = goja.AssertFunction(v)
		iso.SetValue(isUint8ArrayKey{}, fn)
	}
	r, err := fn(goja.Undefined(), obj)
	return err == nil && r.ToBoolean()
}
