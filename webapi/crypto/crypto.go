package crypto

// https://w3c.github.io/webcrypto/#crypto-interface

import (
	"crypto/rand"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// maxRandomBytes is getRandomValues' quota.
const maxRandomBytes = 65536

// cryptoObject is the Go value behind the Crypto instance.
type cryptoObject struct {
	jsclass.Shell
	subtle *goja.Object
}

// CryptoClass is the Crypto interface; its only instance is the crypto
// global. It has no constructor.
var CryptoClass = &jsclass.Class{
	Name: "Crypto",
	Members: []jsclass.Member{
		jsclass.Getter("subtle", func(c *cryptoObject, iso *runtime.Isolate) goja.Value {
			if c.subtle == nil {
				c.subtle = jsclass.New(iso, SubtleCryptoClass, &subtleCrypto{})
			}
			return c.subtle
		}),
		jsclass.Method("getRandomValues", 1, (*cryptoObject).getRandomValues),
		jsclass.Method("randomUUID", 0, (*cryptoObject).randomUUID),
	},
}

// getRandomValues implements
// https://w3c.github.io/webcrypto/#Crypto-method-getRandomValues.
func (c *cryptoObject) getRandomValues(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := getRandomValuesContext
	ctx.RequireArgs(vm, call, 1)
	array := call.Argument(0)
	// runtime.ViewBytes rather than an export: a view on a detached buffer
	// must get no bytes, not a dangling slice to fill with random data.
	b, isView := runtime.ViewBytes(iso, array)
	if !isView {
		ctx.TypeError(vm, "parameter 1 is not of type 'ArrayBufferView'.")
	}
	// 1. If array is not an Int8Array, Uint8Array, Uint8ClampedArray,
	//    Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array,
	//    or BigUint64Array, then throw a TypeMismatchError and terminate
	//    the algorithm.
	switch typedArrayName(iso, array) {
	case "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
		"Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array":
	default:
		panic(domException(iso, string(ctx)+": The provided ArrayBufferView is of type '"+viewTypeName(iso, array)+"', which is not an integer array type.", "TypeMismatchError"))
	}
	// 2. If the byteLength of array is greater than 65536, throw a
	//    QuotaExceededError and terminate the algorithm.
	if len(b) > maxRandomBytes {
		panic(quotaExceeded(iso, string(ctx)+": The ArrayBufferView's byte length ("+itoa(len(b))+") exceeds the number of bytes of entropy available via this API (65536)."))
	}
	// 3. Overwrite all elements of array with cryptographically strong
	//    random values of the appropriate type.
	_, _ = rand.Read(b)
	// 4. Return array.
	return array
}

func viewTypeName(iso *runtime.Isolate, v goja.Value) string {
	if n := typedArrayName(iso, v); n != "" {
		return n
	}
	return "DataView"
}

// randomUUID implements https://w3c.github.io/webcrypto/#Crypto-method-randomUUID
// (a version 4 UUID from 16 random bytes).
func (c *cryptoObject) randomUUID(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
	return iso.VM().ToValue(newUUID())
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // variant 10
	const hexdigits = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, x := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexdigits[x>>4], hexdigits[x&0xf])
	}
	return string(out)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
