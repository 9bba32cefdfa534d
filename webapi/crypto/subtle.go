package crypto

// https://w3c.github.io/webcrypto/#subtlecrypto-interface

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
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

// cipherMethod implements encrypt and decrypt
// (https://w3c.github.io/webcrypto/#SubtleCrypto-method-encrypt).
func cipherMethod(method, op string, usage usageSet) func(*subtleCrypto, *runtime.Isolate, goja.FunctionCall) goja.Value {
	return func(_ *subtleCrypto, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		return promiseMethod(iso, func() *task {
			vm := iso.VM()
			ctx := methodContext(method)
			ctx.RequireArgs(vm, call, 3)
			alg := argAlgorithm(vm, ctx, call.Argument(0))
			key := argKey(iso, ctx, call.Argument(1), 2)
			data := argBuffer(vm, ctx, call.Argument(2), 3)
			p := mustNormalize(iso, ctx, op, alg)
			data = copyBytes(data)
			return &task{heavy: isHeavy(p.impl, op, p, key, len(data)), run: func() (result, error) {
				if err := checkKey(p, key, usage); err != nil {
					return nil, err
				}
				e := p.impl.(encrypter)
				var out []byte
				var err error
				if op == opEncrypt {
					out, err = e.encrypt(p, key, data)
				} else {
					out, err = e.decrypt(p, key, data)
				}
				if err != nil {
					return nil, err
				}
				return bytesResult(out), nil
			}}
		})
	}
}

// sign implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-sign.
func (*subtleCrypto) sign(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("sign")
		ctx.RequireArgs(vm, call, 3)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		data := argBuffer(vm, ctx, call.Argument(2), 3)
		p := mustNormalize(iso, ctx, opSign, alg)
		data = copyBytes(data)
		return &task{heavy: isHeavy(p.impl, opSign, p, key, len(data)), run: func() (result, error) {
			if err := checkKey(p, key, useSign); err != nil {
				return nil, err
			}
			sig, err := p.impl.(signer).sign(p, key, data)
			if err != nil {
				return nil, err
			}
			return bytesResult(sig), nil
		}}
	})
}

// verify implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-verify.
func (*subtleCrypto) verify(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("verify")
		ctx.RequireArgs(vm, call, 4)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		sig := argBuffer(vm, ctx, call.Argument(2), 3)
		data := argBuffer(vm, ctx, call.Argument(3), 4)
		p := mustNormalize(iso, ctx, opVerify, alg)
		sig = copyBytes(sig)
		data = copyBytes(data)
		return &task{heavy: isHeavy(p.impl, opVerify, p, key, len(data)), run: func() (result, error) {
			if err := checkKey(p, key, useVerify); err != nil {
				return nil, err
			}
			ok, err := p.impl.(signer).verify(p, key, sig, data)
			if err != nil {
				return nil, err
			}
			return boolResult(ok), nil
		}}
	})
}

// digest implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-digest.
func (*subtleCrypto) digest(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("digest")
		ctx.RequireArgs(vm, call, 2)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		data := argBuffer(vm, ctx, call.Argument(1), 2)
		p := mustNormalize(iso, ctx, opDigest, alg)
		data = copyBytes(data)
		return &task{heavy: len(data) > heavyDigestSize, run: func() (result, error) {
			out, err := p.impl.(digester).digest(p, data)
			if err != nil {
				return nil, err
			}
			return bytesResult(out), nil
		}}
	})
}

// heavyDigestSize is the input size from which digests run off the isolate
// goroutine (hashing 1 MiB takes about a millisecond).
const heavyDigestSize = 1 << 20

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
	if b, ok := bufferSource(vm, v); ok {
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

// deriveBits implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-deriveBits.
func (*subtleCrypto) deriveBits(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("deriveBits")
		ctx.RequireArgs(vm, call, 2)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		// optional unsigned long? length = null
		length := int64(-1)
		if lv := call.Argument(2); !webidl.IsNullish(lv) {
			length = int64(ctx.UnsignedLong(vm, lv, webidl.IntOptions{}))
		}
		p := mustNormalize(iso, ctx, opDeriveBits, alg)
		return &task{heavy: isHeavy(p.impl, opDeriveBits, p, key, int(length)), run: func() (result, error) {
			if err := checkKey(p, key, useDeriveBits); err != nil {
				return nil, err
			}
			bits, err := p.impl.(bitsDeriver).deriveBits(p, key, length)
			if err != nil {
				return nil, err
			}
			return bytesResult(bits), nil
		}}
	})
}

// deriveKey implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-deriveKey.
func (*subtleCrypto) deriveKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("deriveKey")
		ctx.RequireArgs(vm, call, 5)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		derivedType := argAlgorithm(vm, ctx, call.Argument(2))
		extractable := call.Argument(3).ToBoolean()
		usages, empty := argUsages(vm, ctx, call.Argument(4))
		p := mustNormalize(iso, ctx, opDeriveBits, alg)
		imp := mustNormalize(iso, ctx, opImportKey, derivedType)
		kl := mustNormalize(iso, ctx, opGetKeyLength, derivedType)
		return &task{heavy: isHeavy(p.impl, opDeriveBits, p, key, 256), run: func() (result, error) {
			if err := checkKey(p, key, useDeriveKey); err != nil {
				return nil, err
			}
			// Let length be the result of performing the get key length
			// algorithm specified by normalizedDerivedKeyAlgorithmLength.
			length, err := kl.impl.(keyLengther).keyLength(kl)
			if err != nil {
				return nil, err
			}
			secret, err := p.impl.(bitsDeriver).deriveBits(p, key, length)
			if err != nil {
				return nil, err
			}
			// Import with "raw-secret" (the Modern Algorithms draft's
			// replacement for "raw" here).
			k, err := importKeyStep(imp, "raw-secret", secret, extractable, usages, empty)
			if err != nil {
				return nil, err
			}
			return keyResult(k), nil
		}}
	})
}

// wrapKey implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-wrapKey.
func (*subtleCrypto) wrapKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("wrapKey")
		ctx.RequireArgs(vm, call, 4)
		format := argFormat(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		wrappingKey := argKey(iso, ctx, call.Argument(2), 3)
		alg := argAlgorithm(vm, ctx, call.Argument(3))
		// Normalize for "wrapKey"; if an error occurred, for "encrypt".
		p, err := normalize(iso, ctx, opWrapKey, alg)
		if err != nil {
			p = mustNormalize(iso, ctx, opEncrypt, alg)
		}
		return &task{heavy: isHeavy(p.impl, opEncrypt, p, wrappingKey, 0), run: func() (result, error) {
			if err := checkKey(p, wrappingKey, useWrapKey); err != nil {
				return nil, err
			}
			exported, err := exportKeyStep(format, key)
			if err != nil {
				return nil, err
			}
			var bytes []byte
			if j, ok := exported.(*jwk); ok {
				bytes = j.marshal()
				// AES-KW takes multiples of 8 bytes: pad the JSON with
				// trailing spaces, which JSON allows (as Chrome does; the
				// specification invites adapting the serialization).
				if _, kw := p.impl.(keyWrapper); kw {
					for len(bytes)%8 != 0 {
						bytes = append(bytes, ' ')
					}
				}
			} else {
				bytes = exported.([]byte)
			}
			var out []byte
			if w, ok := p.impl.(keyWrapper); ok {
				out, err = w.wrapKey(p, wrappingKey, bytes)
			} else if e, ok := p.impl.(encrypter); ok {
				out, err = e.encrypt(p, wrappingKey, bytes)
			} else {
				err = errorf(errNotSupported, "The algorithm does not support wrapKey")
			}
			if err != nil {
				return nil, err
			}
			return bytesResult(out), nil
		}}
	})
}

// unwrapKey implements https://w3c.github.io/webcrypto/#SubtleCrypto-method-unwrapKey.
func (*subtleCrypto) unwrapKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		ctx := methodContext("unwrapKey")
		ctx.RequireArgs(vm, call, 7)
		format := argFormat(vm, ctx, call.Argument(0))
		wrapped := argBuffer(vm, ctx, call.Argument(1), 2)
		unwrappingKey := argKey(iso, ctx, call.Argument(2), 3)
		alg := argAlgorithm(vm, ctx, call.Argument(3))
		keyAlg := argAlgorithm(vm, ctx, call.Argument(4))
		extractable := call.Argument(5).ToBoolean()
		usages, empty := argUsages(vm, ctx, call.Argument(6))
		// Normalize for "unwrapKey"; if an error occurred, for "decrypt".
		p, err := normalize(iso, ctx, opUnwrapKey, alg)
		if err != nil {
			p = mustNormalize(iso, ctx, opDecrypt, alg)
		}
		imp := mustNormalize(iso, ctx, opImportKey, keyAlg)
		wrapped = copyBytes(wrapped)
		return &task{heavy: isHeavy(p.impl, opDecrypt, p, unwrappingKey, len(wrapped)), run: func() (result, error) {
			if err := checkKey(p, unwrappingKey, useUnwrapKey); err != nil {
				return nil, err
			}
			var bytes []byte
			var err error
			if w, ok := p.impl.(keyWrapper); ok {
				bytes, err = w.unwrapKey(p, unwrappingKey, wrapped)
			} else if e, ok := p.impl.(encrypter); ok {
				bytes, err = e.decrypt(p, unwrappingKey, wrapped)
			} else {
				err = errorf(errNotSupported, "The algorithm does not support unwrapKey")
			}
			if err != nil {
				return nil, err
			}
			var data keyData = bytes
			if format == "jwk" {
				j, err := parseJWK(bytes)
				if err != nil {
					return nil, err
				}
				data = j
			}
			k, err := importKeyStep(imp, format, data, extractable, usages, empty)
			if err != nil {
				return nil, err
			}
			return keyResult(k), nil
		}}
	})
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
