package crypto

// wrapKey and unwrapKey.

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

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
		wrapped := argBuffer(iso, ctx, call.Argument(1), 2)
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
