package encoding

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// textDecoder backs a TextDecoder object.
type textDecoder struct {
	jsclass.Shell
	d *Decoder
}

var (
	decoderCtor   = webidl.Construct("TextDecoder")
	decodeContext = webidl.Method("TextDecoder", "decode")
)

// TextDecoderClass is the TextDecoder interface
// (https://encoding.spec.whatwg.org/#interface-textdecoder).
var TextDecoderClass = &jsclass.Class{
	Name:      "TextDecoder",
	Length:    0,
	Construct: constructTextDecoder,
	Members: []jsclass.Member{
		jsclass.Getter("encoding", func(t *textDecoder, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(t.d.enc.LowerName())
		}),
		jsclass.Getter("fatal", func(t *textDecoder, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(t.d.fatal)
		}),
		jsclass.Getter("ignoreBOM", func(t *textDecoder, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(t.d.ignoreBOM)
		}),
		jsclass.Method("decode", 0, (*textDecoder).jsDecode),
	},
}

func constructTextDecoder(iso *runtime.Isolate, call goja.ConstructorCall) any {
	vm := iso.VM()
	label := "utf-8"
	if v := call.Argument(0); !goja.IsUndefined(v) {
		label = decoderCtor.DOMString(vm, v)
	}
	// TextDecoderOptions: boolean fatal = false; boolean ignoreBOM = false
	// (members are read in lexicographic order, as WebIDL dictionaries are).
	opts := decoderCtor.Dictionary(vm, call.Argument(1), "TextDecoderOptions")
	fatal := webidl.Member(opts, "fatal")
	ignoreBOM := webidl.Member(opts, "ignoreBOM")
	// 1. Let encoding be the result of getting an encoding from label.
	// 2. If encoding is failure or replacement, then throw a RangeError.
	d, err := NewDecoder(label, fatal != nil && fatal.ToBoolean(), ignoreBOM != nil && ignoreBOM.ToBoolean())
	if err != nil {
		jsclass.Throw(vm, "RangeError", "Failed to construct 'TextDecoder': The encoding label provided ('"+label+"') is invalid.")
	}
	return &textDecoder{d: d}
}

func (t *textDecoder) jsDecode(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	var input []byte
	if v := call.Argument(0); !goja.IsUndefined(v) {
		b, ok := bufferSource(iso, v)
		if !ok {
			decodeContext.TypeError(vm, "The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
		}
		input = b
	}
	opts := decodeContext.Dictionary(vm, call.Argument(1), "TextDecodeOptions")
	stream := false
	if v := webidl.Member(opts, "stream"); v != nil {
		stream = v.ToBoolean()
	}
	s, err := t.d.Decode(input, stream)
	if err != nil {
		decodeContext.TypeError(vm, "The encoded data was not valid.")
	}
	return vm.ToValue(s)
}

// bufferSource converts decode's input, an AllowSharedBufferSource
// (https://encoding.spec.whatwg.org/#dom-textdecoder-decode): views on a
// SharedArrayBuffer are accepted. An ArrayBuffer exports without any call
// into JS; a view goes through runtime.ViewBytes, which also gives a view
// on a detached buffer no bytes (goja's own export would hand out a
// dangling slice).
func bufferSource(iso *runtime.Isolate, v goja.Value) ([]byte, bool) {
	return webidl.AllowSharedBufferSource(iso, v)
}
