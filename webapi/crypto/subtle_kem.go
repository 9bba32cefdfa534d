package crypto

// The key encapsulation methods of
// https://wicg.github.io/webcrypto-modern-algos/#partial-subtlecrypto-interface.

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// encapsulation is an EncapsulatedKey or EncapsulatedBits dictionary.
type encapsulation struct {
	sharedKey  *Key   // EncapsulatedKey
	sharedBits []byte // EncapsulatedBits
	ciphertext []byte
}

func (e encapsulation) toJS(iso *runtime.Isolate) goja.Value {
	vm := iso.VM()
	obj := vm.NewObject()
	_ = obj.Set("ciphertext", vm.NewArrayBuffer(e.ciphertext))
	if e.sharedKey != nil {
		_ = obj.Set("sharedKey", wrapKey(iso, e.sharedKey))
	} else {
		_ = obj.Set("sharedKey", vm.NewArrayBuffer(e.sharedBits))
	}
	return obj
}

func (*subtleCrypto) encapsulateKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return encapsulateMethod(iso, call, true)
}

func (*subtleCrypto) encapsulateBits(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return encapsulateMethod(iso, call, false)
}

func encapsulateMethod(iso *runtime.Isolate, call goja.FunctionCall, toKey bool) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		method, nargs, usage := "encapsulateBits", 2, useEncapsulateBits
		if toKey {
			method, nargs, usage = "encapsulateKey", 5, useEncapsulateKey
		}
		ctx := methodContext(method)
		ctx.RequireArgs(vm, call, nargs)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		var sharedAlg goja.Value
		var extractable, empty bool
		var usages usageSet
		if toKey {
			sharedAlg = argAlgorithm(vm, ctx, call.Argument(2))
			extractable = call.Argument(3).ToBoolean()
			usages, empty = argUsages(vm, ctx, call.Argument(4))
		}
		p := mustNormalize(iso, ctx, opEncapsulate, alg)
		var imp *params
		if toKey {
			imp = mustNormalize(iso, ctx, opImportKey, sharedAlg)
		}
		return &task{run: func() (result, error) {
			if err := checkKey(p, key, usage); err != nil {
				return nil, err
			}
			shared, ct, err := p.impl.(kem).encapsulate(p, key)
			if err != nil {
				return nil, err
			}
			out := encapsulation{sharedBits: shared, ciphertext: ct}
			if toKey {
				k, err := importKeyStep(imp, "raw-secret", shared, extractable, usages, empty)
				if err != nil {
					return nil, err
				}
				out.sharedKey = k
			}
			return out.toJS, nil
		}}
	})
}

func (*subtleCrypto) decapsulateKey(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return decapsulateMethod(iso, call, true)
}

func (*subtleCrypto) decapsulateBits(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	return decapsulateMethod(iso, call, false)
}

func decapsulateMethod(iso *runtime.Isolate, call goja.FunctionCall, toKey bool) goja.Value {
	return promiseMethod(iso, func() *task {
		vm := iso.VM()
		method, nargs, usage := "decapsulateBits", 3, useDecapsulateBits
		if toKey {
			method, nargs, usage = "decapsulateKey", 6, useDecapsulateKey
		}
		ctx := methodContext(method)
		ctx.RequireArgs(vm, call, nargs)
		alg := argAlgorithm(vm, ctx, call.Argument(0))
		key := argKey(iso, ctx, call.Argument(1), 2)
		ct := argBuffer(iso, ctx, call.Argument(2), 3)
		var sharedAlg goja.Value
		var extractable, empty bool
		var usages usageSet
		if toKey {
			sharedAlg = argAlgorithm(vm, ctx, call.Argument(3))
			extractable = call.Argument(4).ToBoolean()
			usages, empty = argUsages(vm, ctx, call.Argument(5))
		}
		p := mustNormalize(iso, ctx, opDecapsulate, alg)
		var imp *params
		if toKey {
			imp = mustNormalize(iso, ctx, opImportKey, sharedAlg)
		}
		ct = copyBytes(ct)
		return &task{run: func() (result, error) {
			if err := checkKey(p, key, usage); err != nil {
				return nil, err
			}
			shared, err := p.impl.(kem).decapsulate(p, key, ct)
			if err != nil {
				return nil, err
			}
			if !toKey {
				return bytesResult(shared), nil
			}
			k, err := importKeyStep(imp, "raw-secret", shared, extractable, usages, empty)
			if err != nil {
				return nil, err
			}
			return keyResult(k), nil
		}}
	})
}
