package crypto

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/webidl"
)

// keyAlgorithm is the [[algorithm]] internal slot of a key: a KeyAlgorithm
// dictionary or one of its descendants (AesKeyAlgorithm, HmacKeyAlgorithm,
// RsaHashedKeyAlgorithm, EcKeyAlgorithm, KmacKeyAlgorithm).
type keyAlgorithm struct {
	name           string
	length         int    // AES, HMAC and KMAC keys; 0 otherwise
	hash           string // HMAC and RSA keys
	namedCurve     string // ECDSA and ECDH keys
	modulusLength  int    // RSA keys
	publicExponent []byte // RSA keys
}

// toJS converts the dictionary to a new JS object, members of each
// dictionary level in lexicographic order as WebIDL does.
func (a keyAlgorithm) toJS(vm *goja.Runtime) *goja.Object {
	obj := vm.NewObject()
	_ = obj.Set("name", a.name)
	switch {
	case a.modulusLength > 0: // RsaHashedKeyAlgorithm
		_ = obj.Set("modulusLength", a.modulusLength)
		_ = obj.Set("publicExponent", webidl.Uint8Array(vm, append([]byte(nil), a.publicExponent...)))
		_ = obj.Set("hash", hashObject(vm, a.hash))
	case a.namedCurve != "": // EcKeyAlgorithm
		_ = obj.Set("namedCurve", a.namedCurve)
	case a.hash != "": // HmacKeyAlgorithm
		_ = obj.Set("hash", hashObject(vm, a.hash))
		_ = obj.Set("length", a.length)
	case a.length > 0: // AesKeyAlgorithm, KmacKeyAlgorithm
		_ = obj.Set("length", a.length)
	}
	return obj
}

func hashObject(vm *goja.Runtime, name string) *goja.Object {
	h := vm.NewObject()
	_ = h.Set("name", name)
	return h
}
