package crypto

// deriveBits and deriveKey.

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

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
