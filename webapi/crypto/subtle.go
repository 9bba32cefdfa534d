package crypto

// https://w3c.github.io/webcrypto/#subtlecrypto-interface

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

type subtleCrypto struct{ jsclass.Shell }

// SubtleCryptoClass is the SubtleCrypto interface (with the encapsulation,
// getPublicKey and supports extensions of the Modern Algorithms draft). It
// has no constructor; crypto.subtle is its instance.
var SubtleCryptoClass = &jsclass.Class{
	Name: "SubtleCrypto",
	Members: []jsclass.Member{
		promiseMember("encrypt", 3, cipherMethod("encrypt", opEncrypt, useEncrypt)),
		promiseMember("decrypt", 3, cipherMethod("decrypt", opDecrypt, useDecrypt)),
		promiseMember("sign", 3, (*subtleCrypto).sign),
		promiseMember("verify", 4, (*subtleCrypto).verify),
		promiseMember("digest", 2, (*subtleCrypto).digest),
		promiseMember("generateKey", 3, (*subtleCrypto).generateKey),
		promiseMember("deriveKey", 5, (*subtleCrypto).deriveKey),
		promiseMember("deriveBits", 2, (*subtleCrypto).deriveBits),
		promiseMember("importKey", 5, (*subtleCrypto).importKey),
		promiseMember("exportKey", 2, (*subtleCrypto).exportKey),
		promiseMember("wrapKey", 4, (*subtleCrypto).wrapKey),
		promiseMember("unwrapKey", 7, (*subtleCrypto).unwrapKey),
		promiseMember("encapsulateKey", 5, (*subtleCrypto).encapsulateKey),
		promiseMember("encapsulateBits", 2, (*subtleCrypto).encapsulateBits),
		promiseMember("decapsulateKey", 6, (*subtleCrypto).decapsulateKey),
		promiseMember("decapsulateBits", 3, (*subtleCrypto).decapsulateBits),
		promiseMember("getPublicKey", 2, (*subtleCrypto).getPublicKey),
	},
	Statics: []jsclass.Member{
		jsclass.Static("supports", 2, supports),
	},
}

// promiseMember declares a promise-returning operation. WebIDL turns every
// exception such an operation raises into a rejected promise, the failed
// brand check of its receiver included, so the receiver is checked here
// rather than by jsclass.Method (which throws).
func promiseMember(name string, length int, fn func(*subtleCrypto, *runtime.Isolate, goja.FunctionCall) goja.Value) jsclass.Member {
	return jsclass.Static(name, length, func(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		s, ok := jsclass.Unwrap[*subtleCrypto](iso, call.This)
		if !ok {
			return promiseMethod(iso, func() *task {
				throw(errorf(errType, "Illegal invocation"))
				return nil
			})
		}
		return fn(s, iso, call)
	})
}

// isHeavy asks the algorithm whether op should leave the isolate goroutine.
func isHeavy(impl any, op string, p *params, k *Key, size int) bool {
	h, ok := impl.(heavyOp)
	return ok && h.heavy(op, p, k, size)
}

// checkKey runs the two checks every keyed operation starts its in-parallel
// steps with.
func checkKey(p *params, k *Key, usage usageSet) error {
	// If the name member of normalizedAlgorithm is not equal to the name
	// attribute of the [[algorithm]] internal slot of key then throw an
	// InvalidAccessError.
	if p.name != k.alg.name {
		return errorf(errInvalidAccess, "key.algorithm does not match that of operation")
	}
	// If the [[usages]] internal slot of key does not contain an entry that
	// is usage, then throw an InvalidAccessError.
	if !k.usages.has(usage) {
		return errorf(errInvalidAccess, "key.usages does not permit this operation")
	}
	return nil
}
