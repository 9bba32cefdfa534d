package node

import (
	"bytes"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// bufferState holds what Go needs to mint Buffers in an isolate.
type bufferState struct {
	proto  *goja.Object // FastBuffer.prototype (== Buffer.prototype)
	u8ctor goja.Value   // %Uint8Array%
}

type bufferKey struct{}

func (e *env) buffers() *bufferState {
	if s, ok := e.iso.Value(bufferKey{}).(*bufferState); ok {
		return s
	}
	e.require("buffer") // runs setPrototype
	return e.iso.Value(bufferKey{}).(*bufferState)
}

// newBuffer returns a Buffer viewing b (no copy; JS owns b afterwards).
func (e *env) newBuffer(b []byte) *goja.Object {
	s := e.buffers()
	if b == nil {
		b = []byte{}
	}
	obj, err := e.vm.New(s.u8ctor, e.vm.ToValue(e.vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	_ = obj.SetPrototype(s.proto)
	return obj
}

// bytesArg returns the bytes a Uint8Array (or Buffer) argument views.
// Other typed arrays, DataViews and ArrayBuffers are accepted too.
func bytesArg(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	// webidl.BufferSource takes any view or ArrayBuffer, and gives no bytes
	// for a detached one (goja's own export would point at freed memory).
	return webidl.BufferSource(vm, v)
}

func mustBytes(vm *goja.Runtime, v goja.Value) []byte {
	b, ok := bytesArg(vm, v)
	if !ok {
		throwCoded(vm, "TypeError", "ERR_INVALID_ARG_TYPE", "argument must be a buffer")
	}
	return b
}

func encodingArg(vm *goja.Runtime, v goja.Value) bufEncoding {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return encUTF8
	}
	enc := parseEncoding(v.String())
	if enc == encInvalid {
		throwCoded(vm, "TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+v.String())
	}
	return enc
}

// clampRange turns (start, end) arguments into a valid slice range of n.
func clampRange(start, end goja.Value, n int) (int, int) {
	s, t := 0, n
	if !goja.IsUndefined(start) {
		s = int(start.ToInteger())
	}
	if !goja.IsUndefined(end) {
		t = int(end.ToInteger())
	}
	if s < 0 {
		s = 0
	}
	if t > n {
		t = n
	}
	if s > t {
		s = t
	}
	return s, t
}

// bufferBinding gives buffer.js its natives. All byte-level work
// (encodings, search, compare, copy) happens in Go on the memory the
// Uint8Array views.
func bufferBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		_ = b.Set(name, jsclass.Function(vm, name, length, f))
	}
	fn("setPrototype", 1, func(call goja.FunctionCall) goja.Value {
		e.iso.SetValue(bufferKey{}, &bufferState{proto: call.Argument(0).(*goja.Object), u8ctor: vm.Get("Uint8Array")})
		return goja.Undefined()
	})
	fn("normalizeEncoding", 1, func(call goja.FunctionCall) goja.Value {
		enc := parseEncoding(call.Argument(0).String())
		if enc == encInvalid {
			return goja.Undefined()
		}
		return vm.ToValue(enc.String())
	})
	// fromString(str, enc) → Buffer
	fn("fromString", 2, func(call goja.FunctionCall) goja.Value {
		return e.newBuffer(encodeString(call.Argument(0), encodingArg(vm, call.Argument(1))))
	})
	// byteLength(str, enc) → number
	fn("byteLength", 2, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(encodedLength(call.Argument(0), encodingArg(vm, call.Argument(1))))
	})
	// toString(buf, enc, start, end) → string
	fn("toString", 4, func(call goja.FunctionCall) goja.Value {
		buf := mustBytes(vm, call.Argument(0))
		enc := encodingArg(vm, call.Argument(1))
		s, t := clampRange(call.Argument(2), call.Argument(3), len(buf))
		return decodeBytes(vm, buf[s:t], enc)
	})
	// write(buf, str, offset, length, enc) → bytes written. Node never
	// writes part of a multi-byte UTF-8 character or UTF-16 unit.
	fn("write", 5, func(call goja.FunctionCall) goja.Value {
		buf := mustBytes(vm, call.Argument(0))
		enc := encodingArg(vm, call.Argument(4))
		off := int(call.Argument(2).ToInteger())
		max := int(call.Argument(3).ToInteger())
		if off < 0 || off > len(buf) {
			return vm.ToValue(0)
		}
		if max > len(buf)-off {
			max = len(buf) - off
		}
		src := encodeString(call.Argument(1), enc)
		if len(src) > max {
			src = src[:max]
			switch enc {
			case encUTF8:
				for len(src) > 0 && !utf8.Valid(src[lastRuneStart(src):]) {
					src = src[:lastRuneStart(src)]
				}
			case encUTF16LE:
				src = src[:len(src)&^1]
			}
		}
		return vm.ToValue(copy(buf[off:], src))
	})
	// compare(a, b) → -1 | 0 | 1
	fn("compare", 2, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bytes.Compare(mustBytes(vm, call.Argument(0)), mustBytes(vm, call.Argument(1))))
	})
	// indexOf(buf, needle, byteOffset, forward) → index | -1
	fn("indexOf", 4, func(call goja.FunctionCall) goja.Value {
		buf := mustBytes(vm, call.Argument(0))
		needle := mustBytes(vm, call.Argument(1))
		off := int(call.Argument(2).ToInteger())
		forward := call.Argument(3).ToBoolean()
		return vm.ToValue(indexBytes(buf, needle, off, forward))
	})
	// fill(buf, pattern, start, end): repeat pattern over buf[start:end].
	fn("fill", 4, func(call goja.FunctionCall) goja.Value {
		buf := mustBytes(vm, call.Argument(0))
		pat := mustBytes(vm, call.Argument(1))
		s, t := clampRange(call.Argument(2), call.Argument(3), len(buf))
		if len(pat) == 0 || s >= t {
			return goja.Undefined()
		}
		dst := buf[s:t]
		n := copy(dst, pat)
		for n < len(dst) {
			n += copy(dst[n:], dst[:n])
		}
		return goja.Undefined()
	})
	// copy(src, dst, targetStart, sourceStart, sourceEnd) → bytes copied (memmove).
	fn("copy", 5, func(call goja.FunctionCall) goja.Value {
		src := mustBytes(vm, call.Argument(0))
		dst := mustBytes(vm, call.Argument(1))
		ts := int(call.Argument(2).ToInteger())
		s, t := clampRange(call.Argument(3), call.Argument(4), len(src))
		if ts < 0 || ts >= len(dst) {
			return vm.ToValue(0)
		}
		return vm.ToValue(copy(dst[ts:], src[s:t]))
	})
	// concat(list, total) → Buffer
	fn("concat", 2, func(call goja.FunctionCall) goja.Value {
		list := call.Argument(0).(*goja.Object)
		total := int(call.Argument(1).ToInteger())
		out := make([]byte, total)
		n := int(list.Get("length").ToInteger())
		pos := 0
		for i := 0; i < n && pos < total; i++ {
			pos += copy(out[pos:], mustBytes(vm, list.Get(itoa(i))))
		}
		return e.newBuffer(out)
	})
	fn("isUtf8", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8.Valid(mustBytes(vm, call.Argument(0))))
	})
	fn("isAscii", 1, func(call goja.FunctionCall) goja.Value {
		for _, c := range mustBytes(vm, call.Argument(0)) {
			if c >= 0x80 {
				return vm.ToValue(false)
			}
		}
		return vm.ToValue(true)
	})
	return b
}

func lastRuneStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && b[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// indexBytes finds needle in buf starting at off (forward) or ending at or
// before off (backward), with Node's rules for empty needles.
func indexBytes(buf, needle []byte, off int, forward bool) int {
	n := len(buf)
	if off < 0 {
		off += n
		if off < 0 {
			if forward {
				off = 0
			} else {
				return -1
			}
		}
	}
	if len(needle) == 0 {
		if off > n {
			return n
		}
		return off
	}
	if forward {
		if off >= n {
			return -1
		}
		i := bytes.Index(buf[off:], needle)
		if i < 0 {
			return -1
		}
		return i + off
	}
	end := off + len(needle)
	if end > n {
		end = n
	}
	return bytes.LastIndex(buf[:end], needle)
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}
