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

// uint8ArrayBytes converts encodeInto's destination, an [AllowShared]
// Uint8Array: a view on a SharedArrayBuffer is accepted, and a view on a
// detached buffer has no room (runtime.ViewBytes; goja's own export would
// hand out a dangling slice). The slice aliases JS memory.
func uint8ArrayBytes(iso *runtime.Isolate, v goja.Value) ([]byte, bool) {
	if runtime.TypedArrayName(iso, v) != "Uint8Array" {
		return nil, false
	}
	return runtime.ViewBytes(iso, v)
}
