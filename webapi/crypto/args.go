package crypto

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// WebIDL conversions of SubtleCrypto's arguments, with Chrome's messages.

var keyFormats = []string{"raw-public", "raw-private", "raw-seed", "raw-secret", "raw", "spki", "pkcs8", "jwk"}

// argFormat converts a KeyFormat enum value.
func argFormat(vm *goja.Runtime, ctx webidl.Context, v goja.Value) string {
	s := ctx.DOMString(vm, v)
	for _, f := range keyFormats {
		if f == s {
			return s
		}
	}
	ctx.TypeError(vm, "The provided value '%s' is not a valid enum value of type KeyFormat.", s)
	return ""
}

// argKey converts a CryptoKey argument (1-based index n for the message).
func argKey(iso *runtime.Isolate, ctx webidl.Context, v goja.Value, n int) *Key {
	k, ok := KeyOf(iso, v)
	if !ok {
		ctx.TypeError(iso.VM(), "parameter %d is not of type 'CryptoKey'.", n)
	}
	return k
}

// argBuffer converts a BufferSource argument without copying; copy it with
// copyBytes at the step where the specification gets a copy of the bytes.
func argBuffer(iso *runtime.Isolate, ctx webidl.Context, v goja.Value, n int) []byte {
	b, ok := bufferSource(iso, ctx, v)
	if !ok {
		ctx.TypeError(iso.VM(), "parameter %d is not of type '(ArrayBuffer or ArrayBufferView)'.", n)
	}
	return b
}

func copyBytes(b []byte) []byte { return append(make([]byte, 0, len(b)), b...) }

// argUsages converts a sequence<KeyUsage>. empty reports an empty sequence
// (the specification tests the sequence, not the normalized set).
func argUsages(vm *goja.Runtime, ctx webidl.Context, v goja.Value) (u usageSet, empty bool) {
	if _, ok := v.(*goja.Object); !ok {
		ctx.TypeError(vm, "The provided value cannot be converted to a sequence.")
	}
	n := 0
	if !webidl.Iterate(vm, v, func(x goja.Value) {
		n++
		s := ctx.DOMString(vm, x)
		bit, ok := parseUsage(s)
		if !ok {
			ctx.TypeError(vm, "The provided value '%s' is not a valid enum value of type KeyUsage.", s)
		}
		u |= bit
	}) {
		ctx.TypeError(vm, "The provided value cannot be converted to a sequence.")
	}
	return u, n == 0
}

// argAlgorithm converts an AlgorithmIdentifier: objects stay objects,
// anything else is a DOMString. The ToString itself happens in
// normalization (which any conversion error rejects the same way).
func argAlgorithm(vm *goja.Runtime, ctx webidl.Context, v goja.Value) goja.Value {
	return orUndefined(v)
}

// Method contexts ("Failed to execute 'sign' on 'SubtleCrypto'"), built
// once rather than with fmt.Sprintf on every call.
var (
	methodContexts         = map[string]webidl.Context{}
	getRandomValuesContext = webidl.Method("Crypto", "getRandomValues")
)

func init() {
	for _, m := range []string{"encrypt", "decrypt", "sign", "verify", "digest", "generateKey", "deriveKey",
		"deriveBits", "importKey", "exportKey", "wrapKey", "unwrapKey", "encapsulateKey", "encapsulateBits",
		"decapsulateKey", "decapsulateBits", "getPublicKey", "supports"} {
		methodContexts[m] = webidl.Method("SubtleCrypto", m)
	}
}

func methodContext(method string) webidl.Context { return methodContexts[method] }

// bufferSource converts a BufferSource (WebCrypto's arguments lack
// [AllowShared]: a view on a SharedArrayBuffer throws ctx's TypeError, and
// a SharedArrayBuffer is not a BufferSource). A view on a detached buffer
// has no bytes.
func bufferSource(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) ([]byte, bool) {
	b, sharedView, ok := webidl.UnsharedBufferSource(iso, v)
	if sharedView {
		ctx.TypeError(iso.VM(), "%s", webidl.SharedViewMessage)
	}
	return b, ok
}
