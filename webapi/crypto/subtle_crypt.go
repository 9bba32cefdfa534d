package crypto

// encrypt, decrypt, sign, verify and digest.

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

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
			data := argBuffer(iso, ctx, call.Argument(2), 3)
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
		data := argBuffer(iso, ctx, call.Argument(2), 3)
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
		sig := argBuffer(iso, ctx, call.Argument(2), 3)
		data := argBuffer(iso, ctx, call.Argument(3), 4)
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
		data := argBuffer(iso, ctx, call.Argument(1), 2)
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
