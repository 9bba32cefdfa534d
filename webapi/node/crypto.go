package node

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/dop251/goja"
	"golang.org/x/crypto/scrypt"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// cryptoErrorValue turns a Go error into the JS error Node would throw.
func (e *env) cryptoErrorValue(err error) goja.Value {
	var ce *cryptoError
	if errors.As(err, &ce) {
		ctor := ce.ctor
		if ctor == "" {
			ctor = "Error"
		}
		return newCodedError(e.vm, ctor, ce.code, ce.msg)
	}
	return newCodedError(e.vm, "Error", "", err.Error())
}

func (e *env) throwCrypto(err error) {
	panic(e.cryptoErrorValue(err))
}

// handle wraps a Go value for JS; unwrapHandle reads it back.
func (e *env) handle(v goja.DynamicObject) *goja.Object { return e.vm.NewDynamicObject(v) }

func unwrapHandle[T any](e *env, v goja.Value) T {
	var zero T
	if o, ok := v.(*goja.Object); ok {
		if t, ok := o.Export().(T); ok {
			return t
		}
	}
	throwCoded(e.vm, "TypeError", "ERR_INVALID_ARG_TYPE", "invalid crypto handle")
	return zero
}

func hashByName(e *env, name string) hashAlgorithm {
	alg, ok := lookupHash(name)
	if !ok {
		throwCoded(e.vm, "TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+name)
	}
	return alg
}

func cryptoBinding(e *env) *goja.Object {
	vm := e.vm
	b := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		_ = b.Set(name, jsclass.Function(vm, name, length, f))
	}
	bufOut := func(res any) goja.Value { return e.newBuffer(res.([]byte)) }
	errValue := e.cryptoErrorValue
	mustData := func(v goja.Value, enc goja.Value) []byte {
		d, ok := dataArg(vm, v, enc)
		if !ok {
			throwCoded(vm, "TypeError", "ERR_INVALID_ARG_TYPE", "The \"data\" argument must be of type string or an instance of Buffer, TypedArray, or DataView.")
		}
		return d
	}
	copyData := func(v goja.Value) []byte { return append([]byte(nil), mustData(v, goja.Undefined())...) }

	fn("hashNew", 2, func(call goja.FunctionCall) goja.Value {
		alg := hashByName(e, call.Argument(0).String())
		h := alg.new()
		if sh, ok := h.(*shakeHash); ok && !goja.IsUndefined(call.Argument(1)) {
			sh.n = int(call.Argument(1).ToInteger())
		}
		return e.handle(&hashState{h: h})
	})
	fn("hmacNew", 2, func(call goja.FunctionCall) goja.Value {
		alg := hashByName(e, call.Argument(0).String())
		key := copyData(call.Argument(1))
		return e.handle(&hashState{h: newHMAC(alg, key)})
	})
	fn("hashUpdate", 3, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*hashState](e, call.Argument(0))
		_, _ = s.h.Write(mustData(call.Argument(1), call.Argument(2)))
		return goja.Undefined()
	})
	fn("hashDigest", 1, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*hashState](e, call.Argument(0))
		s.finalized = true
		return e.newBuffer(s.digest())
	})
	fn("hashCopy", 1, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*hashState](e, call.Argument(0))
		c, err := s.clone()
		if err != nil {
			e.throwCrypto(err)
		}
		return e.handle(c)
	})
	fn("hashSupported", 1, func(call goja.FunctionCall) goja.Value {
		_, ok := lookupHash(call.Argument(0).String())
		return vm.ToValue(ok)
	})
	fn("hashSize", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(hashByName(e, call.Argument(0).String()).new().Size())
	})
	fn("getHashes", 0, func(goja.FunctionCall) goja.Value { return stringArray(vm, hashNames) })
	fn("getCiphers", 0, func(goja.FunctionCall) goja.Value { return stringArray(vm, cipherNames) })
	fn("randomFill", 3, func(call goja.FunctionCall) goja.Value {
		buf := mustBytes(vm, call.Argument(0))
		off := int(call.Argument(1).ToInteger())
		n := int(call.Argument(2).ToInteger())
		if off < 0 || n < 0 || off+n > len(buf) {
			throwCoded(vm, "RangeError", "ERR_OUT_OF_RANGE", "The value of \"size\" is out of range.")
		}
		_, _ = rand.Read(buf[off : off+n])
		return goja.Undefined()
	})
	fn("randomUUID", 0, func(goja.FunctionCall) goja.Value {
		u := randomBytes(16)
		u[6] = u[6]&0x0f | 0x40
		u[8] = u[8]&0x3f | 0x80
		return vm.ToValue(fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16]))
	})
	fn("timingSafeEqual", 2, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(timingSafeEqual(mustBytes(vm, call.Argument(0)), mustBytes(vm, call.Argument(1))))
	})
	// pbkdf2(password, salt, iterations, keylen, digest, cb)
	fn("pbkdf2", 6, func(call goja.FunctionCall) goja.Value {
		pw, salt := copyData(call.Argument(0)), copyData(call.Argument(1))
		iter, keylen := int(call.Argument(2).ToInteger()), int(call.Argument(3).ToInteger())
		alg := hashByName(e, call.Argument(4).String())
		return e.maybeAsync(call.Argument(5), func() (any, error) {
			if keylen == 0 {
				return []byte{}, nil
			}
			return pbkdf2.Key(alg.new, string(pw), salt, iter, keylen)
		}, bufOut, errValue)
	})
	// scrypt(password, salt, keylen, N, r, p, maxmem, cb)
	fn("scrypt", 8, func(call goja.FunctionCall) goja.Value {
		pw, salt := copyData(call.Argument(0)), copyData(call.Argument(1))
		keylen := int(call.Argument(2).ToInteger())
		n, r, p := int(call.Argument(3).ToInteger()), int(call.Argument(4).ToInteger()), int(call.Argument(5).ToInteger())
		maxmem := call.Argument(6).ToInteger()
		if int64(128)*int64(n)*int64(r) > maxmem || n < 2 || n&(n-1) != 0 {
			panic(newCodedError(vm, "RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params"))
		}
		return e.maybeAsync(call.Argument(7), func() (any, error) {
			if keylen == 0 {
				return []byte{}, nil
			}
			return scrypt.Key(pw, salt, n, r, p, keylen)
		}, bufOut, errValue)
	})
	// hkdf(digest, ikm, salt, info, keylen, cb) → ArrayBuffer
	fn("hkdf", 6, func(call goja.FunctionCall) goja.Value {
		alg := hashByName(e, call.Argument(0).String())
		ikm, salt, info := copyData(call.Argument(1)), copyData(call.Argument(2)), copyData(call.Argument(3))
		keylen := int(call.Argument(4).ToInteger())
		return e.maybeAsync(call.Argument(5), func() (any, error) {
			return hkdf.Key(alg.new, ikm, salt, string(info), keylen)
		}, func(res any) goja.Value { return vm.ToValue(vm.NewArrayBuffer(res.([]byte))) }, errValue)
	})

	// ---- keys ----
	fn("keySecret", 1, func(call goja.FunctionCall) goja.Value {
		return e.handle(&keyObject{kind: "secret", key: copyData(call.Argument(0))})
	})
	// keyParse(kind, format, type, data) → handle; kind is "public" or "private".
	fn("keyParse", 4, func(call goja.FunctionCall) goja.Value {
		kind, format, typ := call.Argument(0).String(), call.Argument(1).String(), call.Argument(2).String()
		data := copyData(call.Argument(3))
		var key any
		var err error
		if kind == "public" {
			key, err = parsePublicKey(format, typ, data)
		} else {
			key, err = parsePrivateKey(format, typ, data)
		}
		if err != nil {
			if errors.Is(err, errKeyFormat) {
				panic(newCodedError(vm, "Error", "ERR_OSSL_UNSUPPORTED", err.Error()))
			}
			if errors.Is(err, errInvalidJWK) {
				panic(newCodedError(vm, "TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data"))
			}
			e.throwCrypto(err)
		}
		if s, ok := key.([]byte); ok {
			return e.handle(&keyObject{kind: "secret", key: s})
		}
		return e.handle(&keyObject{kind: kind, key: key})
	})
	fn("keyPublicOf", 1, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		return e.handle(&keyObject{kind: "public", key: publicOf(k.key)})
	})
	// keyInfo(handle) → {type, asymmetricKeyType, modulusLength, publicExponent, namedCurve, symmetricKeySize}
	fn("keyInfo", 1, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		o := vm.NewObject()
		_ = o.Set("type", k.kind)
		if sk, ok := k.key.([]byte); ok {
			_ = o.Set("symmetricKeySize", len(sk))
			return o
		}
		_ = o.Set("asymmetricKeyType", k.keyType())
		details := vm.NewObject()
		switch key := publicOf(k.key).(type) {
		case *rsa.PublicKey:
			_ = details.Set("modulusLength", key.N.BitLen())
			_ = details.Set("publicExponent", vm.ToValue(big.NewInt(int64(key.E))))
		case *ecdsa.PublicKey:
			_ = details.Set("namedCurve", curveName(key.Curve))
		}
		_ = o.Set("asymmetricKeyDetails", details)
		return o
	})
	// keyExport(handle, format, type) → Buffer | string (pem) | JWK object
	fn("keyExport", 3, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		format, typ := call.Argument(1).String(), call.Argument(2).String()
		if format == "jwk" {
			m, order, err := exportJWK(k)
			if err != nil {
				panic(newCodedError(vm, "Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type."))
			}
			o := vm.NewObject()
			for _, f := range order {
				_ = o.Set(f, m[f])
			}
			return o
		}
		if sk, ok := k.key.([]byte); ok {
			return e.newBuffer(append([]byte(nil), sk...))
		}
		out, err := exportKey(k, format, typ)
		if err != nil {
			panic(newCodedError(vm, "TypeError", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", err.Error()))
		}
		if format == "pem" {
			return vm.ToValue(string(out))
		}
		return e.newBuffer(out)
	})
	fn("keyEquals", 2, func(call goja.FunctionCall) goja.Value {
		a := unwrapHandle[*keyObject](e, call.Argument(0))
		b := unwrapHandle[*keyObject](e, call.Argument(1))
		if a.kind != b.kind {
			return vm.ToValue(false)
		}
		if x, ok := a.key.([]byte); ok {
			y, ok := b.key.([]byte)
			return vm.ToValue(ok && timingSafeEqual(x, y))
		}
		type equaler interface{ Equal(crypto.PublicKey) bool }
		if eq, ok := a.key.(equaler); ok {
			return vm.ToValue(eq.Equal(b.key))
		}
		return vm.ToValue(false)
	})
	// generateKeyPair(type, modulusLength, publicExponent, namedCurve, cb) → [public, private]
	fn("generateKeyPair", 5, func(call goja.FunctionCall) goja.Value {
		typ := call.Argument(0).String()
		bits := int(call.Argument(1).ToInteger())
		exp := call.Argument(2).ToInteger()
		curve := call.Argument(3).String()
		switch typ {
		case "rsa":
			if exp != 65537 && exp != 0 {
				panic(newCodedError(vm, "Error", "ERR_NOT_SUPPORTED", notSupportedMessage("crypto", "generateKeyPair")+" (RSA public exponents other than 65537)"))
			}
		case "ec":
			if _, ok := curveByName(curve); !ok {
				panic(newCodedError(vm, "TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name"))
			}
		case "ed25519", "x25519":
		default:
			panic(newCodedError(vm, "Error", "ERR_NOT_SUPPORTED", notSupportedMessage("crypto", "generateKeyPair")+" (key type '"+typ+"')"))
		}
		return e.maybeAsync(call.Argument(4), func() (any, error) {
			switch typ {
			case "rsa":
				return rsa.GenerateKey(rand.Reader, bits)
			case "ec":
				c, _ := curveByName(curve)
				return ecdsa.GenerateKey(c, rand.Reader)
			case "ed25519":
				_, priv, err := ed25519.GenerateKey(rand.Reader)
				return priv, err
			default:
				return ecdh.X25519().GenerateKey(rand.Reader)
			}
		}, func(res any) goja.Value {
			return vm.NewArray(e.handle(&keyObject{kind: "public", key: publicOf(res)}), e.handle(&keyObject{kind: "private", key: res}))
		}, errValue)
	})
	// signDigest(key, hashName, digest, padding, saltLength, dsaEncoding)
	fn("signDigest", 6, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		alg := hashByName(e, call.Argument(1).String())
		sig, err := signDigest(k.key, alg.id, mustBytes(vm, call.Argument(2)), signOpts(call, 3))
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(sig)
	})
	fn("verifyDigest", 7, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		alg := hashByName(e, call.Argument(1).String())
		ok, err := verifyDigest(publicOf(k.key), alg.id, mustBytes(vm, call.Argument(2)), mustBytes(vm, call.Argument(3)), signOpts(call, 4))
		if err != nil {
			e.throwCrypto(err)
		}
		return vm.ToValue(ok)
	})
	fn("signRaw", 2, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		sig, err := signRaw(k.key, mustBytes(vm, call.Argument(1)))
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(sig)
	})
	fn("verifyRaw", 3, func(call goja.FunctionCall) goja.Value {
		k := unwrapHandle[*keyObject](e, call.Argument(0))
		ok, err := verifyRaw(publicOf(k.key), mustBytes(vm, call.Argument(1)), mustBytes(vm, call.Argument(2)))
		if err != nil {
			e.throwCrypto(err)
		}
		return vm.ToValue(ok)
	})
	fn("keyKind", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(unwrapHandle[*keyObject](e, call.Argument(0)).keyType())
	})
	// rsaCrypt(op, key, data, padding, oaepHash, oaepLabel)
	fn("rsaCrypt", 6, func(call goja.FunctionCall) goja.Value {
		op := call.Argument(0).String()
		k := unwrapHandle[*keyObject](e, call.Argument(1))
		data := mustBytes(vm, call.Argument(2))
		padding := int(call.Argument(3).ToInteger())
		oaep := hashByName(e, call.Argument(4).String())
		var label []byte
		if l, ok := bytesArg(vm, call.Argument(5)); ok {
			label = l
		}
		var out []byte
		var err error
		switch op {
		case "publicEncrypt":
			out, err = publicEncrypt(k.key, data, padding, oaep.new, label)
		case "privateDecrypt":
			out, err = privateDecrypt(k.key, data, padding, oaep.new, label)
		case "privateEncrypt":
			out, err = privateEncrypt(k.key, data)
		case "publicDecrypt":
			out, err = publicDecrypt(k.key, data)
		}
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(out)
	})
	fn("diffieHellman", 2, func(call goja.FunctionCall) goja.Value {
		priv := unwrapHandle[*keyObject](e, call.Argument(0))
		pub := unwrapHandle[*keyObject](e, call.Argument(1))
		secret, err := sharedSecret(priv.key, pub.key)
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(secret)
	})

	// ---- ECDH objects ----
	fn("ecdhNew", 1, func(call goja.FunctionCall) goja.Value {
		c, named, ok := ecdhCurve(call.Argument(0).String())
		if !ok {
			panic(newCodedError(vm, "TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name"))
		}
		return e.handle(&ecdhState{curve: c, named: named})
	})
	fn("ecdhGenerate", 1, func(call goja.FunctionCall) goja.Value {
		if err := unwrapHandle[*ecdhState](e, call.Argument(0)).generate(); err != nil {
			e.throwCrypto(err)
		}
		return goja.Undefined()
	})
	fn("ecdhPublic", 2, func(call goja.FunctionCall) goja.Value {
		out, err := unwrapHandle[*ecdhState](e, call.Argument(0)).publicPoint(call.Argument(1).String())
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(out)
	})
	fn("ecdhPrivate", 1, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*ecdhState](e, call.Argument(0))
		if s.priv == nil {
			panic(newCodedError(vm, "Error", "ERR_CRYPTO_INVALID_STATE", "Failed to get ECDH private key"))
		}
		return e.newBuffer(s.priv.Bytes())
	})
	fn("ecdhSetPrivate", 2, func(call goja.FunctionCall) goja.Value {
		if err := unwrapHandle[*ecdhState](e, call.Argument(0)).setPrivateKey(mustBytes(vm, call.Argument(1))); err != nil {
			e.throwCrypto(err)
		}
		return goja.Undefined()
	})
	fn("ecdhCompute", 2, func(call goja.FunctionCall) goja.Value {
		out, err := unwrapHandle[*ecdhState](e, call.Argument(0)).computeSecret(mustBytes(vm, call.Argument(1)))
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(out)
	})
	fn("ecdhConvert", 3, func(call goja.FunctionCall) goja.Value {
		_, named, ok := ecdhCurve(call.Argument(1).String())
		if !ok {
			panic(newCodedError(vm, "TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name"))
		}
		out, err := convertPoint(named, mustBytes(vm, call.Argument(0)), call.Argument(2).String())
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(out)
	})

	// ---- ciphers ----
	fn("cipherNew", 5, func(call goja.FunctionCall) goja.Value {
		key, _ := bytesArg(vm, call.Argument(1))
		iv, _ := bytesArg(vm, call.Argument(2))
		s, err := newCipherState(call.Argument(0).String(), key, iv, call.Argument(3).ToBoolean(), int(call.Argument(4).ToInteger()))
		if err != nil {
			e.throwCrypto(err)
		}
		return e.handle(s)
	})
	fn("cipherUpdate", 3, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*cipherState](e, call.Argument(0))
		out, err := s.update(mustData(call.Argument(1), call.Argument(2)))
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(out)
	})
	fn("cipherFinal", 1, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*cipherState](e, call.Argument(0))
		out, err := s.final()
		if err != nil {
			e.throwCrypto(err)
		}
		return e.newBuffer(out)
	})
	fn("cipherSetAutoPadding", 2, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*cipherState](e, call.Argument(0))
		s.padding = call.Argument(1).ToBoolean()
		return goja.Undefined()
	})
	fn("cipherSetAAD", 2, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*cipherState](e, call.Argument(0))
		if s.aead == nil || len(s.msg) > 0 {
			e.throwCrypto(errCipherState)
		}
		s.aad = append(s.aad, mustBytes(vm, call.Argument(1))...)
		return goja.Undefined()
	})
	fn("cipherGetAuthTag", 1, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*cipherState](e, call.Argument(0))
		if s.decrypt || s.aead == nil || !s.finalized || s.tag == nil {
			e.throwCrypto(errCipherState)
		}
		return e.newBuffer(append([]byte(nil), s.tag...))
	})
	fn("cipherSetAuthTag", 2, func(call goja.FunctionCall) goja.Value {
		s := unwrapHandle[*cipherState](e, call.Argument(0))
		if err := s.setAuthTag(mustBytes(vm, call.Argument(1))); err != nil {
			e.throwCrypto(err)
		}
		return goja.Undefined()
	})
	fn("cipherInfo", 1, func(call goja.FunctionCall) goja.Value {
		info, ok := cipherTable[call.Argument(0).String()]
		if !ok {
			return goja.Undefined()
		}
		o := vm.NewObject()
		_ = o.Set("keyLength", info.keyLen)
		_ = o.Set("ivLength", info.ivLen)
		_ = o.Set("blockSize", info.blockSz)
		_ = o.Set("mode", info.mode)
		return o
	})
	return b
}

func signOpts(call goja.FunctionCall, i int) signOptions {
	o := signOptions{padding: rsaPKCS1Padding, saltLength: pssSaltLenMaxSign, dsaEncoding: "der"}
	if v := call.Argument(i); !goja.IsUndefined(v) && !goja.IsNull(v) {
		o.padding = int(v.ToInteger())
	}
	if v := call.Argument(i + 1); !goja.IsUndefined(v) && !goja.IsNull(v) {
		o.saltLength = int(v.ToInteger())
	}
	if v := call.Argument(i + 2); !goja.IsUndefined(v) && !goja.IsNull(v) {
		o.dsaEncoding = v.String()
	}
	return o
}

func stringArray(vm *goja.Runtime, list []string) goja.Value {
	vals := make([]any, len(list))
	for i, s := range list {
		vals[i] = s
	}
	return vm.NewArray(vals...)
}

// sharedSecret is crypto.diffieHellman for EC and X25519 keys.
func sharedSecret(priv, pub any) ([]byte, error) {
	switch p := priv.(type) {
	case *ecdh.PrivateKey:
		q, ok := pub.(*ecdh.PublicKey)
		if !ok {
			return nil, errWrongKeyType
		}
		return p.ECDH(q)
	case *ecdsa.PrivateKey:
		q, ok := pub.(*ecdsa.PublicKey)
		if !ok {
			return nil, errWrongKeyType
		}
		a, err := p.ECDH()
		if err != nil {
			return nil, err
		}
		b, err := q.ECDH()
		if err != nil {
			return nil, err
		}
		return a.ECDH(b)
	}
	return nil, errWrongKeyType
}
