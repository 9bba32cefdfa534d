package crypto

// SubtleCrypto.supports
// (https://wicg.github.io/webcrypto-modern-algos/#SubtleCrypto-method-supports).

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

var supportsOperations = map[string]bool{
	"encrypt": true, "decrypt": true, "sign": true, "verify": true, "digest": true,
	"generateKey": true, "deriveKey": true, "deriveBits": true, "importKey": true,
	"exportKey": true, "wrapKey": true, "unwrapKey": true, "encapsulateKey": true,
	"encapsulateBits": true, "decapsulateKey": true, "decapsulateBits": true, "getPublicKey": true,
}

// supports implements both overloads: supports(operation, algorithm,
// optional unsigned long? length = null) and supports(operation, algorithm,
// AlgorithmIdentifier additionalAlgorithm). WebIDL overload resolution
// picks the second for objects and strings (and booleans, which convert to
// strings), the first for numbers, null and undefined.
func supports(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := methodContext("supports")
	ctx.RequireArgs(vm, call, 2)
	op := ctx.DOMString(vm, call.Argument(0))
	alg := argAlgorithm(vm, ctx, call.Argument(1))
	length := int64(-1)
	var additional goja.Value
	if third := call.Argument(2); !webidl.IsNullish(third) {
		if _, isObj := third.(*goja.Object); isObj {
			additional = third
		} else if isNumber(third) {
			length = int64(ctx.UnsignedLong(vm, third, webidl.IntOptions{}))
		} else {
			additional = argAlgorithm(vm, ctx, third)
		}
	}
	if !supportsOperations[op] {
		return vm.ToValue(false)
	}
	if additional != nil {
		switch op {
		case "deriveKey", "unwrapKey", "encapsulateKey", "decapsulateKey":
			if !checkSupport(iso, ctx, opImportKey, additional, -1) {
				return vm.ToValue(false)
			}
		case "wrapKey":
			if !checkSupport(iso, ctx, opExportKey, additional, -1) {
				return vm.ToValue(false)
			}
		}
		if op == "deriveKey" {
			if !checkSupport(iso, ctx, opGetKeyLength, additional, -1) {
				return vm.ToValue(false)
			}
			kl, err := normalize(iso, ctx, opGetKeyLength, additional)
			if err != nil {
				return vm.ToValue(false)
			}
			n, err := kl.impl.(keyLengther).keyLength(kl)
			if err != nil {
				return vm.ToValue(false)
			}
			length = n
			op = opDeriveBits
		}
	} else if op == "deriveKey" {
		// Without a derived key type there is nothing to derive.
		return vm.ToValue(false)
	}
	return vm.ToValue(checkSupport(iso, ctx, op, alg, length))
}

func isNumber(v goja.Value) bool {
	switch v.Export().(type) {
	case int64, float64:
		return true
	}
	return false
}

// checkSupport is "check support for an algorithm": normalize for op, then
// run the operation's steps until one needs a key or data.
func checkSupport(iso *runtime.Isolate, ctx webidl.Context, op string, alg goja.Value, length int64) bool {
	switch op {
	case "encapsulateKey", "encapsulateBits":
		op = opEncapsulate
	case "decapsulateKey", "decapsulateBits":
		op = opDecapsulate
	case "getPublicKey":
		p, err := normalize(iso, ctx, opExportKey, alg)
		if err != nil {
			return false
		}
		_, ok := p.impl.(publicKeyDeriver)
		return ok
	}
	p, err := normalize(iso, ctx, op, alg)
	if err != nil {
		switch op {
		case opWrapKey:
			return checkSupport(iso, ctx, opEncrypt, alg, length)
		case opUnwrapKey:
			return checkSupport(iso, ctx, opDecrypt, alg, length)
		}
		return false
	}
	if pc, ok := p.impl.(paramChecker); ok {
		if err := pc.checkParams(op, p, length); err != nil {
			return false
		}
	}
	return true
}
