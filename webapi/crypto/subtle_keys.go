package crypto

// generateKey, importKey, exportKey and getPublicKey.

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// generateKey implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-generateKey.
func (*subtleCrypto) generateKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("generateKey")
		ctx.RequireArgs(vm, call, 3)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		extractable := call.Argument(1).ToBoolean()
		usages, _ := argUsages(vm, ctx, call.Argument(2))
		p := mustNormalize(iso, ctx, opGenerateKey, alg)
		return &task{heavy: isHeavy(p.impl, opGenerateKey, p, nil, 0), run: func() (result, error) {
			res, err := p.impl.(keyGenerator).generateKey(p, extractable, usages)
			if err != nil {
				return nil, err
			}
			switch r := res.(type) {
			case *Key:
				// If the [[type]] internal slot of result is "secret" or
				// "private" and usages is empty, then throw a SyntaxError.
				if r.usages == 0 {
					return nil, errEmptyUsages
				}
				return keyResult(r), nil
			case keyPair:
				// If the [[usages]] internal slot of the privateKey attribute
				// of result is the empty sequence, then throw a SyntaxError.
				if r.private.usages == 0 {
					return nil, errEmptyUsages
				}
				return r.toJS, nil
			}
			return nil, errOperationFail
		}}
	})
}

// importKey implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-importKey.
func (*subtleCrypto) importKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("importKey")
		ctx.RequireArgs(vm, call, 5)
		format := argFormat(vm, ctx, call.Argument(0))
		raw, jwkData := argKeyData(iso, ctx, call.Argument(1))
		alg := argAlgorithm(vm, ctx, call.Argument(2))
		extractable := call.Argument(3).ToBoolean()
		usages, empty := argUsages(vm, ctx, call.Argument(4))
		p := mustNormalize(iso, ctx, opImportKey, alg)
		var data keyData
		if format == "jwk" {
			// If the keyData parameter is not a JsonWebKey dictionary,
			// throw a TypeError.
			if jwkData == nil {
				throw(errorf(errType, "%s: Key data must be an object for JWK import", ctx))
			}
			data = jwkData
		} else {
			// If the keyData parameter is a JsonWebKey dictionary, throw a
			// TypeError.
			if jwkData != nil {
				throw(errorf(errType, "%s: Key data must be a BufferSource for non-JWK formats", ctx))
			}
			data = copyBytes(raw)
		}
		return &task{run: func() (result, error) {
			k, err := importKeyStep(p, format, data, extractable, usages, empty)
			if err != nil {
				return nil, err
			}
			return keyResult(k), nil
		}}
	})
}

// importKeyStep performs the import key operation and the steps importKey,
// unwrapKey, deriveKey and decapsulateKey share after it.
func importKeyStep(p *params, format string, data keyData, extractable bool, usages usageSet, empty bool) (*Key, error) {
	imp, ok := p.impl.(keyImporter)
	if !ok {
		return nil, errorf(errNotSupported, "The algorithm does not support importKey")
	}
	k, err := imp.importKey(p, format, data, extractable, usages)
	if err != nil {
		return nil, err
	}
	// If the [[type]] internal slot of result is "secret" or "private" and
	// usages is empty, then throw a SyntaxError.
	if k.typ != keyPublic && empty {
		return nil, errEmptyUsages
	}
	// Set [[extractable]] to extractable and [[usages]] to the normalized
	// value of usages.
	k.extractable = extractable
	k.usages = usages
	return k, nil
}

// argKeyData converts importKey's (BufferSource or JsonWebKey) argument.
// Exactly one of the results is set.
func argKeyData(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) ([]byte, *jwk) {
	vm := iso.VM()
	if b, ok := bufferSource(iso, ctx, v); ok {
		if b == nil {
			b = []byte{}
		}
		return b, nil
	}
	if _, ok := v.(*goja.Object); ok || webidl.IsNullish(v) {
		return nil, jwkFromJS(iso, ctx, v)
	}
	ctx.TypeError(vm, "parameter 2 is not of type '(ArrayBuffer or ArrayBufferView or JsonWebKey)'.")
	return nil, nil
}

// exportKey implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-exportKey.
func (*subtleCrypto) exportKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("exportKey")
		ctx.RequireArgs(vm, call, 2)
		format := argFormat(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		return &task{run: func() (result, error) {
			out, err := exportKeyStep(format, key)
			if err != nil {
				return nil, err
			}
			if j, ok := out.(*jwk); ok {
				return j.toJS, nil
			}
			return bytesResult(out.([]byte)), nil
		}}
	})
}

// exportKeyStep checks that key may be exported and exports it.
func exportKeyStep(format string, key *Key) (any, error) {
	// If the name member of the [[algorithm]] internal slot of key does not
	// identify a registered algorithm that supports the export key
	// operation, then throw a NotSupportedError.
	reg := lookup(opExportKey, key.alg.name)
	if reg == nil {
		return nil, errorf(errNotSupported, "The key's algorithm does not support exportKey")
	}
	// If the [[extractable]] internal slot of key is false, then throw an
	// InvalidAccessError.
	if !key.extractable {
		return nil, errNotExtract
	}
	return reg.impl.(keyExporter).exportKey(format, key)
}

// getPublicKey implements
// https://wicg.github.io/webcrypto-modern-algos/#SubtleCrypto-method-getPublicKey.
func (*subtleCrypto) getPublicKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("getPublicKey")
		ctx.RequireArgs(vm, call, 2)
		key := argKey(iso, ctx, call.Argument(0), 1)
		usages, _ := argUsages(vm, ctx, call.Argument(1))
		// If the cryptographic algorithm identified by algorithm does not
		// support deriving a public key from a private key, then return a
		// Promise rejected with a NotSupportedError.
		reg := lookup(opExportKey, key.alg.name)
		var deriver publicKeyDeriver
		if reg != nil {
			deriver, _ = reg.impl.(publicKeyDeriver)
		}
		if deriver == nil {
			throw(errorf(errNotSupported, "%s: The key's algorithm does not support deriving a public key", ctx))
		}
		return &task{run: func() (result, error) {
			// If the [[type]] internal slot of key is not "private", then
			// throw an InvalidAccessError.
			if key.typ != keyPrivate {
				return nil, errorf(errInvalidAccess, "The key is not a private key")
			}
			// If usages contains an entry which is not supported for a
			// public key by the algorithm, then throw a SyntaxError.
			allowed, _ := publicUsagesOf(key.alg.name)
			if !usages.subsetOf(allowed) {
				return nil, errUsages
			}
			pub, err := deriver.publicKey(key)
			if err != nil {
				return nil, errorf(errOperation, "%s", err)
			}
			pub.typ = keyPublic
			pub.alg = key.alg
			pub.extractable = true
			pub.usages = usages
			return keyResult(pub), nil
		}}
	})
}
