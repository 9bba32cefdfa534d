package crypto

// https://w3c.github.io/webcrypto/#cryptokey-interface

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// keyType is the [[type]] internal slot.
type keyType uint8

const (
	keySecret keyType = iota
	keyPublic
	keyPrivate
)

func (t keyType) String() string {
	switch t {
	case keyPublic:
		return "public"
	case keyPrivate:
		return "private"
	}
	return "secret"
}

// Key is the Go value behind a CryptoKey. Everything but the cached JS
// objects is immutable once the key is handed to JS, so the in-parallel
// steps of an operation may read it from any goroutine.
type Key struct {
	jsclass.Shell
	typ         keyType
	extractable bool
	alg         keyAlgorithm
	usages      usageSet
	// handle is the key material; its Go type depends on the algorithm
	// ([]byte for secret keys, *rsa.PrivateKey, *ecdsa.PublicKey, ...).
	handle any

	// [[algorithm_cached]] and [[usages_cached]]: isolate goroutine only.
	algObj    *goja.Object
	usagesObj *goja.Object
}

// Type returns "secret", "public" or "private".
func (k *Key) Type() string { return k.typ.String() }

// Extractable reports the key's [[extractable]] slot.
func (k *Key) Extractable() bool { return k.extractable }

// Algorithm returns the name of the key's algorithm ("HMAC", "ECDSA", ...).
func (k *Key) Algorithm() string { return k.alg.name }

// Usages lists the key's usages in the specification's order.
func (k *Key) Usages() []string { return k.usages.names() }

// CryptoKeyClass is the CryptoKey interface. Only the host creates keys.
var CryptoKeyClass = &jsclass.Class{
	Name: "CryptoKey",
	Members: []jsclass.Member{
		jsclass.Getter("type", func(k *Key, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(k.typ.String())
		}),
		jsclass.Getter("extractable", func(k *Key, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(k.extractable)
		}),
		// The algorithm and usages getters return the same object on every
		// call ([[algorithm_cached]], [[usages_cached]]).
		jsclass.Getter("algorithm", func(k *Key, iso *runtime.Isolate) goja.Value {
			if k.algObj == nil {
				k.algObj = k.alg.toJS(iso.VM())
			}
			return k.algObj
		}),
		jsclass.Getter("usages", func(k *Key, iso *runtime.Isolate) goja.Value {
			if k.usagesObj == nil {
				vm := iso.VM()
				names := k.usages.names()
				vals := make([]any, len(names))
				for i, n := range names {
					vals[i] = n
				}
				k.usagesObj = vm.NewArray(vals...)
			}
			return k.usagesObj
		}),
	},
}

// KeyOf returns the Go value of a CryptoKey.
func KeyOf(iso *runtime.Isolate, v goja.Value) (*Key, bool) {
	return jsclass.Unwrap[*Key](iso, v)
}

// wrapKey makes the JS CryptoKey for k (once per key).
func wrapKey(iso *runtime.Isolate, k *Key) *goja.Object {
	return jsclass.New(iso, CryptoKeyClass, k)
}

// keyPair is the result of generating an asymmetric key.
type keyPair struct {
	public, private *Key
}

// toJS converts a CryptoKeyPair dictionary (members in lexicographic order).
func (p keyPair) toJS(iso *runtime.Isolate) goja.Value {
	obj := iso.VM().NewObject()
	_ = obj.Set("privateKey", wrapKey(iso, p.private))
	_ = obj.Set("publicKey", wrapKey(iso, p.public))
	return obj
}
