package encoding

import (
	"encoding/base64"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

// atob and btoa (https://html.spec.whatwg.org/multipage/webappapis.html#atob).

// ForgivingBase64Decode implements forgiving-base64 decode
// (https://infra.spec.whatwg.org/#forgiving-base64-decode) on a string of
// code units given as bytes; ok is false on failure. Go's decoder is
// stricter about padding and laxer about whitespace, so the standard's
// normalisation runs first and the rest goes to RawStdEncoding (which, not
// in strict mode, discards nonzero trailing bits as the standard says).
func ForgivingBase64Decode(data []byte) ([]byte, bool) {
	// 1. Remove all ASCII whitespace from data.
	buf := make([]byte, 0, len(data))
	for _, c := range data {
		switch c {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			buf = append(buf, c)
		}
	}
	// 2. If data's code point length divides by 4 leaving no remainder, then:
	//    if data ends with one or two U+003D (=) code points, then remove them.
	if len(buf)%4 == 0 && len(buf) > 0 && buf[len(buf)-1] == '=' {
		buf = buf[:len(buf)-1]
		if len(buf) > 0 && buf[len(buf)-1] == '=' {
			buf = buf[:len(buf)-1]
		}
	}
	// 3. If data's code point length divides by 4 leaving a remainder of 1, return failure.
	if len(buf)%4 == 1 {
		return nil, false
	}
	// 4. If data contains a code point that is not one of U+002B (+), U+002F (/)
	//    or ASCII alphanumeric, then return failure.
	for _, c := range buf {
		if !(c == '+' || c == '/' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return nil, false
		}
	}
	// 5-9. Decode 6 bits per code point, discarding leftover bits.
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(buf)))
	n, err := base64.RawStdEncoding.Decode(out, buf)
	if err != nil {
		return nil, false
	}
	return out[:n], true
}

var (
	atobContext = webidl.Method("Window", "atob")
	btoaContext = webidl.Method("Window", "btoa")
)

// throwInvalidCharacter throws the DOMException atob and btoa throw.
func throwInvalidCharacter(iso *runtime.Isolate, ctx webidl.Context, msg string) {
	events.ThrowDOMException(iso, string(ctx)+": "+msg, "InvalidCharacterError")
}

func atob(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	atobContext.RequireArgs(vm, call, 1)
	data, ok := latin1Bytes(atobContext, vm, call.Argument(0))
	// 1. Let decodedData be the result of running forgiving-base64 decode on data.
	var decoded []byte
	if ok {
		decoded, ok = ForgivingBase64Decode(data)
	}
	// 2. If decodedData is failure, then throw an "InvalidCharacterError" DOMException.
	if !ok {
		throwInvalidCharacter(iso, atobContext, "The string to be decoded is not correctly encoded.")
	}
	// 3-4. Convert each byte to the code point with the same value and return the result.
	return webidl.FromByteString(vm, string(decoded))
}

func btoa(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	btoaContext.RequireArgs(vm, call, 1)
	// 1. If data contains any code unit whose value is greater than U+00FF,
	//    then throw an "InvalidCharacterError" DOMException.
	data, ok := latin1Bytes(btoaContext, vm, call.Argument(0))
	if !ok {
		throwInvalidCharacter(iso, btoaContext, "The string to be encoded contains characters outside of the Latin1 range.")
	}
	// 2-3. Base64-encode the bytes whose values are the code units of data.
	return vm.ToValue(base64.StdEncoding.EncodeToString(data))
}

// latin1Bytes converts a DOMString to one byte per code unit; ok is false
// if a code unit exceeds 0xFF.
func latin1Bytes(ctx webidl.Context, vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	if _, ok := v.(*goja.Symbol); ok {
		ctx.TypeError(vm, "Cannot convert a Symbol value to a string")
	}
	sv := v.ToString()
	gs, isString := sv.(goja.String)
	if !isString {
		return []byte(sv.String()), true
	}
	n := gs.Length()
	out := make([]byte, n)
	for i := 0; i < n; i++ {
		u := gs.CharAt(i)
		if u > 0xFF {
			return nil, false
		}
		out[i] = byte(u)
	}
	return out, true
}

// installBase64 defines atob and btoa on the global object.
func installBase64(iso *runtime.Isolate) {
	vm := iso.VM()
	iso.DefineGlobal("atob", jsclass.Function(vm, "atob", 1, func(call goja.FunctionCall) goja.Value { return atob(iso, call) }))
	iso.DefineGlobal("btoa", jsclass.Function(vm, "btoa", 1, func(call goja.FunctionCall) goja.Value { return btoa(iso, call) }))
}
