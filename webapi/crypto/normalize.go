package crypto

// https://w3c.github.io/webcrypto/#algorithm-normalization-normalize-an-algorithm

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// Operation names of supportedAlgorithms. "get key length", "encapsulate"
// and "decapsulate" are internal operations.
const (
	opEncrypt      = "encrypt"
	opDecrypt      = "decrypt"
	opSign         = "sign"
	opVerify       = "verify"
	opDigest       = "digest"
	opGenerateKey  = "generateKey"
	opDeriveBits   = "deriveBits"
	opImportKey    = "importKey"
	opExportKey    = "exportKey"
	opWrapKey      = "wrapKey"
	opUnwrapKey    = "unwrapKey"
	opGetKeyLength = "get key length"
	opEncapsulate  = "encapsulate"
	opDecapsulate  = "decapsulate"
)

// registration is one entry of supportedAlgorithms[op]: the recognized
// algorithm name, the IDL dictionary its parameters convert to, and the Go
// implementation of the algorithm.
type registration struct {
	name string
	dict *dictType
	impl any
}

// supportedAlgorithms maps op → algorithm name → registration. Names are
// stored as registered and upper-cased, for the case-insensitive lookup.
var supportedAlgorithms = map[string]map[string]*registration{}

// upperASCII upper-cases ASCII letters only, as "case-insensitive" means in
// the Infra standard.
func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func lookup(op, name string) *registration {
	regs := supportedAlgorithms[op]
	if r, ok := regs[name]; ok {
		return r
	}
	return regs[upperASCII(name)]
}

// normalize runs "normalize an algorithm" and reports its error (a
// TypeError or NotSupportedError *opError, or a JS exception raised by a
// getter) instead of throwing it. ctx prefixes messages as Chrome does.
func normalize(iso *runtime.Isolate, ctx webidl.Context, op string, alg goja.Value) (*params, error) {
	var p *params
	err := catch(iso.VM(), func() { p = mustNormalize(iso, ctx, op, alg) })
	return p, err
}

// mustNormalize is normalize that throws.
func mustNormalize(iso *runtime.Isolate, ctx webidl.Context, op string, alg goja.Value) *params {
	vm := iso.VM()
	// AlgorithmIdentifier is (object or DOMString): anything that is not an
	// object converts to a string.
	obj, isObj := alg.(*goja.Object)
	var name string
	if !isObj {
		// If alg is an instance of a DOMString: return the result of
		// normalizing a new Algorithm dictionary whose name is alg.
		name = ctx.DOMString(vm, orUndefined(alg))
	} else {
		// Let initialAlg be the result of converting alg to the IDL
		// dictionary type Algorithm.
		v := obj.Get("name")
		if v == nil || goja.IsUndefined(v) {
			throw(errorf(errType, "%s: Algorithm: name: Missing or not a string", ctx))
		}
		name = ctx.DOMString(vm, v)
	}
	// If registeredAlgorithms contains a key that is a case-insensitive
	// string match for algName, set algName to it; otherwise return a
	// NotSupportedError.
	reg := lookup(op, name)
	if reg == nil {
		throw(errorf(errNotSupported, "%s: Algorithm: Unrecognized name", ctx))
	}
	// Let normalizedAlgorithm be the result of converting alg to desiredType,
	// then set its name to algName. BufferSource members are copied and
	// HashAlgorithmIdentifier members normalized for "digest" as they are
	// converted.
	p := &params{impl: reg.impl}
	convertDict(iso, ctx, reg.dict, obj, p)
	p.name = reg.name
	return p
}

// convertDict converts obj (nil for a dictionary that only has a name) to
// the dictionary type d, inherited members first.
func convertDict(iso *runtime.Isolate, ctx webidl.Context, d *dictType, obj *goja.Object, p *params) {
	vm := iso.VM()
	if d.parent != nil {
		convertDict(iso, ctx, d.parent, obj, p)
	}
	for _, m := range d.members {
		if d == dictAlgorithm {
			if obj != nil {
				ctx.DOMString(vm, orUndefined(obj.Get(m.name)))
			}
			continue
		}
		var v goja.Value
		if obj != nil {
			v = obj.Get(m.name)
		}
		if v == nil || goja.IsUndefined(v) {
			if m.required {
				throw(errorf(errType, "%s: %s: %s: Missing required property", ctx, d.name, m.name))
			}
			continue
		}
		p.set(m.name, convertMember(iso, ctx, d, m, v))
	}
}

func convertMember(iso *runtime.Isolate, ctx webidl.Context, d *dictType, m member, v goja.Value) any {
	vm := iso.VM()
	switch m.kind {
	case mString:
		return ctx.DOMString(vm, v)
	case mHash:
		return mustNormalize(iso, ctx, opDigest, v).name
	case mULong:
		return uint32(ctx.Integer(vm, v, 32, false, webidl.IntOptions{EnforceRange: true}))
	case mUShort:
		return uint32(ctx.Integer(vm, v, 16, false, webidl.IntOptions{EnforceRange: true}))
	case mOctet:
		return uint32(ctx.Integer(vm, v, 8, false, webidl.IntOptions{EnforceRange: true}))
	case mBuffer:
		b, ok := bufferSource(iso, ctx, v)
		if !ok {
			throw(errorf(errType, "%s: %s: %s: Not a BufferSource", ctx, d.name, m.name))
		}
		return copyBytes(b)
	case mBigInteger:
		if typedArrayName(iso, v) != "Uint8Array" {
			throw(errorf(errType, "%s: %s: %s: Not a Uint8Array", ctx, d.name, m.name))
		}
		b, _ := bufferSource(iso, ctx, v)
		return copyBytes(b)
	case mKey:
		k, ok := KeyOf(iso, v)
		if !ok {
			throw(errorf(errType, "%s: %s: %s: Must be a CryptoKey", ctx, d.name, m.name))
		}
		return k
	}
	return nil
}

func orUndefined(v goja.Value) goja.Value {
	if v == nil {
		return goja.Undefined()
	}
	return v
}
