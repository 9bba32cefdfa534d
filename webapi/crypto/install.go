package crypto

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

type cryptoInstanceKey struct{}

// Install exposes the crypto global and the Crypto, CryptoKey and
// SubtleCrypto interfaces, all built lazily.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, CryptoClass, CryptoKeyClass, SubtleCryptoClass)
	iso.DefineLazyGlobal("crypto", func() goja.Value { return Crypto(iso) })
}

// Crypto returns the isolate's Crypto instance: the object the crypto
// global holds (Node's shim exposes it as require('crypto').webcrypto, and
// its subtle as crypto.subtle). Call on the isolate's goroutine.
func Crypto(iso *runtime.Isolate) *goja.Object {
	if obj, ok := iso.Value(cryptoInstanceKey{}).(*goja.Object); ok {
		return obj
	}
	obj := jsclass.New(iso, CryptoClass, &cryptoObject{})
	iso.SetValue(cryptoInstanceKey{}, obj)
	return obj
}
