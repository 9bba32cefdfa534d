package bcrypt

import (
	"math"
	"strconv"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// The bcryptjs exports, argument handling and messages as in bcryptjs
// 2.4 and 3.0 (its README documents the API; the sources were read for
// the exact checks). Hashing runs in Go (hashJS), asynchronously off the
// isolate goroutine for hash() and compare().

const genSaltDefaultRounds = 10

type jsModule struct {
	iso *runtime.Isolate
	vm  *goja.Runtime
	f   Flavor
}

// bcryptjsExports builds the module object. 3.x's CommonJS build exports
// its default object (named functions); 2.x assigns anonymous functions,
// except encodeBase64/decodeBase64, which are its base64_encode/_decode.
func bcryptjsExports(iso *runtime.Isolate, f Flavor) *goja.Object {
	m := &jsModule{iso: iso, vm: iso.VM(), f: f}
	obj := m.vm.NewObject()
	def := func(prop string, length int, fn func(goja.FunctionCall) goja.Value) {
		name := prop
		if f == BcryptJS2 {
			name = ""
		}
		_ = obj.Set(prop, jsclass.Function(m.vm, name, length, fn))
	}
	def("setRandomFallback", 1, m.setRandomFallback)
	def("genSaltSync", 2, m.genSaltSyncJS)
	def("genSalt", 3, m.genSalt)
	def("hashSync", 2, m.hashSync)
	def("hash", 4, m.hash)
	def("compareSync", 2, m.compareSync)
	def("compare", 4, m.compare)
	def("getRounds", 1, m.getRounds)
	def("getSalt", 1, m.getSalt)
	if f != BcryptJS2 {
		def("truncates", 1, m.truncates)
	}
	if f == BcryptJS2 {
		_ = obj.Set("encodeBase64", jsclass.Function(m.vm, "base64_encode", 2, m.encodeBase64))
		_ = obj.Set("decodeBase64", jsclass.Function(m.vm, "base64_decode", 2, m.decodeBase64))
	} else {
		def("encodeBase64", 2, m.encodeBase64)
		def("decodeBase64", 2, m.decodeBase64)
	}
	return obj
}

// illegalArguments is bcryptjs's "Illegal arguments: <typeof a>, <typeof b>".
func illegalArguments(a, b goja.Value) string {
	return "Illegal arguments: " + typeOf(a) + ", " + typeOf(b)
}

// setRandomFallback(random) is accepted and ignored. bcryptjs only calls
// the fallback when neither crypto.getRandomValues nor Node's
// crypto.randomBytes exists; edgerun always draws salts from Go's
// crypto/rand, so the fallback would never be called there either.
func (m *jsModule) setRandomFallback(goja.FunctionCall) goja.Value { return goja.Undefined() }

func (m *jsModule) genSaltSyncJS(call goja.FunctionCall) goja.Value {
	return m.vm.ToValue(m.genSaltSync(call.Argument(0), call.Argument(1)))
}

// genSaltSync(rounds = 10, seed_length): rounds are clamped to 4..31 and
// printed with Number's toString, so 10.5 gives "$2b$10.5$…" (which
// hashing then rejects with "Missing salt rounds", as in bcryptjs).
func (m *jsModule) genSaltSync(rounds, seedLength goja.Value) string {
	if !truthy(rounds) {
		rounds = m.vm.ToValue(genSaltDefaultRounds)
	}
	if typeOf(rounds) != "number" {
		throwError(m.vm, illegalArguments(rounds, seedLength))
	}
	r := rounds.ToFloat()
	if r < 4 {
		r = 4
	} else if r > 31 {
		r = 31
	}
	prefix := "$2b$"
	if m.f == BcryptJS2 {
		prefix = "$2a$"
	}
	if r < 10 {
		prefix += "0"
	}
	return prefix + m.vm.ToValue(r).String() + "$" + encodeRadix64(randomSalt()[:])
}

// genSalt(rounds?, seed_length?, callback?): a promise without callback.
// As in bcryptjs, a callback that throws is called a second time with
// its own exception (the library's try/catch wraps the call).
func (m *jsModule) genSalt(call goja.FunctionCall) goja.Value {
	rounds, seedLength, cb := call.Argument(0), call.Argument(1), call.Argument(2)
	if typeOf(seedLength) == "function" {
		cb = seedLength
	}
	if typeOf(rounds) == "function" {
		cb, rounds = rounds, goja.Undefined()
	}
	if goja.IsUndefined(rounds) {
		rounds = m.vm.ToValue(genSaltDefaultRounds)
	} else if typeOf(rounds) != "number" {
		throwError(m.vm, "illegal arguments: "+typeOf(rounds))
	}
	m.checkCallback(cb)
	c, ret := newCompletion(m.iso, cb, goja.Null())
	later(m.iso, func() {
		salt := m.vm.ToValue(m.genSaltSync(rounds, goja.Undefined()))
		if c.cb == nil {
			c.succeed(salt)
			return
		}
		fn, _ := goja.AssertFunction(c.cb)
		if _, err := fn(goja.Undefined(), goja.Null(), salt); err != nil {
			if ex, ok := err.(*goja.Exception); ok && !runtime.Interrupted(err) {
				invoke(m.iso, c.cb, ex.Value())
				return
			}
			reportError(m.iso, err)
		}
	})
	return ret
}

// checkCallback throws "Illegal callback: <typeof>" for a truthy
// non-function callback.
func (m *jsModule) checkCallback(cb goja.Value) {
	if truthy(cb) && typeOf(cb) != "function" {
		throwError(m.vm, "Illegal callback: "+typeOf(cb))
	}
}

// hashSync(s, salt = 10): a number salt is a cost for a new salt.
func (m *jsModule) hashSync(call goja.FunctionCall) goja.Value {
	s, salt := call.Argument(0), call.Argument(1)
	if goja.IsUndefined(salt) {
		salt = m.vm.ToValue(genSaltDefaultRounds)
	}
	if typeOf(salt) == "number" {
		salt = m.vm.ToValue(m.genSaltSync(salt, goja.Undefined()))
	}
	if typeOf(s) != "string" || typeOf(salt) != "string" {
		throwError(m.vm, illegalArguments(s, salt))
	}
	h, err := hashJS(units(s), units(salt), m.f, interruptCheck(m.iso))
	if err != nil {
		panic(m.jsError(err))
	}
	return m.vm.ToValue(h)
}

// jsError converts a hashing error to the Error bcryptjs throws. An
// interrupt (the CPU deadline, seen by interruptCheck) keeps unwinding.
func (m *jsModule) jsError(err error) *goja.Object {
	if runtime.Interrupted(err) {
		panic(err)
	}
	if se, ok := err.(*jsSaltError); ok {
		return newError(m.vm, fromUnits(m.vm, se.units()))
	}
	return newError(m.vm, m.vm.ToValue(err.Error()))
}

// hash(s, salt, callback?, progressCallback?).
func (m *jsModule) hash(call goja.FunctionCall) goja.Value {
	s, salt, cb, progress := call.Argument(0), call.Argument(1), call.Argument(2), call.Argument(3)
	m.checkCallback(cb)
	c, ret := newCompletion(m.iso, cb, goja.Null())
	if typeOf(s) != "string" || (typeOf(salt) != "number" && typeOf(salt) != "string") {
		err := newError(m.vm, m.vm.ToValue(illegalArguments(s, salt)))
		later(m.iso, func() { c.fail(err) })
		return ret
	}
	fromCost := typeOf(salt) == "number"
	if fromCost {
		salt = m.vm.ToValue(m.genSaltSync(salt, goja.Undefined()))
	}
	if thrown := m.hashAsync(units(s), units(salt), fromCost, progress, c.failCrypt, func(h string) { c.succeed(m.vm.ToValue(h)) }); thrown != nil {
		if c.cb != nil {
			panic(thrown)
		}
		settle(m.iso, c.reject, thrown)
	}
	return ret
}

// failCrypt passes a hashing error the way _hash does: cb(err) for salt
// syntax errors, cb(err, null) for _crypt's rounds and length errors.
func (c *completion) failCrypt(err goja.Value, crypt bool) {
	if crypt && c.cb != nil {
		c.fail(err, goja.Null())
		return
	}
	c.fail(err)
}

// hashAsync validates salt, reports progress 0 (synchronously, as
// bcryptjs's first slice does, unless the salt was generated from a cost,
// where bcryptjs is already a tick later), hashes off the isolate
// goroutine, reports progress 1 and calls ok. Errors go to fail later. A
// value thrown by the synchronous progress callback is returned; the
// caller throws it (callback form) or rejects with it (promise form).
func (m *jsModule) hashAsync(password, salt []uint16, fromCost bool, progress goja.Value,
	fail func(err goja.Value, crypt bool), ok func(hash string)) goja.Value {
	p, err := parseJSSalt(salt)
	var key []byte
	if err == nil {
		key, err = p.key(password, m.f)
	}
	if err != nil {
		jsErr := m.jsError(err)
		se, _ := err.(*jsSaltError)
		later(m.iso, func() { fail(jsErr, se != nil && se.crypt) })
		return nil
	}
	report := func(f float64) goja.Value {
		if !truthy(progress) {
			return nil
		}
		fn, isFn := goja.AssertFunction(progress)
		if !isFn {
			return m.vm.NewTypeError("progressCallback is not a function")
		}
		if _, err := fn(goja.Undefined(), m.vm.ToValue(f)); err != nil {
			if ex, ok := err.(*goja.Exception); ok && !runtime.Interrupted(err) {
				return ex.Value()
			}
			panic(err)
		}
		return nil
	}
	if !fromCost {
		if thrown := report(0); thrown != nil {
			return thrown
		}
	}
	gone := isolateGone(m.iso)
	offload(m.iso, func() [hashLen]byte {
		sum, _ := eksBlowfish(key, &p.salt, p.iterations(), gone) // an error means nobody is waiting
		return sum
	}, func(sum [hashLen]byte) {
		if fromCost {
			if thrown := report(0); thrown != nil {
				reportUncaught(m.iso, thrown)
				return
			}
		}
		if thrown := report(1); thrown != nil {
			reportUncaught(m.iso, thrown)
			return
		}
		ok(p.format(sum))
	})
	return nil
}

// compareSync(s, hash): false unless hash has 60 code units; a 60-unit
// string that is not a bcrypt hash throws the salt error, as in bcryptjs.
func (m *jsModule) compareSync(call goja.FunctionCall) goja.Value {
	s, hash := call.Argument(0), call.Argument(1)
	if typeOf(s) != "string" || typeOf(hash) != "string" {
		throwError(m.vm, illegalArguments(s, hash))
	}
	hu := units(hash)
	if len(hu) != 60 {
		return m.vm.ToValue(false)
	}
	h, err := hashJS(units(s), hu[:29], m.f, interruptCheck(m.iso))
	if err != nil {
		panic(m.jsError(err))
	}
	return m.vm.ToValue(safeStringCompareJS(h, hu, m.f))
}

// compare(s, hash, callback?, progressCallback?).
func (m *jsModule) compare(call goja.FunctionCall) goja.Value {
	s, hash, cb, progress := call.Argument(0), call.Argument(1), call.Argument(2), call.Argument(3)
	m.checkCallback(cb)
	c, ret := newCompletion(m.iso, cb, goja.Null())
	if typeOf(s) != "string" || typeOf(hash) != "string" {
		err := newError(m.vm, m.vm.ToValue(illegalArguments(s, hash)))
		later(m.iso, func() { c.fail(err) })
		return ret
	}
	hu := units(hash)
	if len(hu) != 60 {
		later(m.iso, func() { c.succeed(m.vm.ToValue(false)) })
		return ret
	}
	// compare's own callback passes errors on with one argument.
	fail := func(err goja.Value, _ bool) { c.fail(err) }
	ok := func(h string) { c.succeed(m.vm.ToValue(safeStringCompareJS(h, hu, m.f))) }
	if thrown := m.hashAsync(units(s), hu[:29], false, progress, fail, ok); thrown != nil {
		if c.cb != nil {
			panic(thrown)
		}
		settle(m.iso, c.reject, thrown)
	}
	return ret
}

// getRounds(hash) is parseInt(hash.split("$")[2], 10): NaN when absent.
func (m *jsModule) getRounds(call goja.FunctionCall) goja.Value {
	hash := call.Argument(0)
	if typeOf(hash) != "string" {
		throwError(m.vm, "Illegal arguments: "+typeOf(hash))
	}
	return m.vm.ToValue(getRoundsJS(units(hash)))
}

// getSalt(hash): the first 29 code units of a 60-unit string.
func (m *jsModule) getSalt(call goja.FunctionCall) goja.Value {
	hash := call.Argument(0)
	if typeOf(hash) != "string" {
		throwError(m.vm, "Illegal arguments: "+typeOf(hash))
	}
	hu := units(hash)
	if len(hu) != 60 {
		throwError(m.vm, "Illegal hash length: "+m.vm.ToValue(len(hu)).String()+" != 60")
	}
	return fromUnits(m.vm, hu[:29])
}

// truncates(password) (3.x): whether the UTF-8 password exceeds 72 bytes.
func (m *jsModule) truncates(call goja.FunctionCall) goja.Value {
	pw := call.Argument(0)
	if typeOf(pw) != "string" {
		throwError(m.vm, "Illegal arguments: "+typeOf(pw))
	}
	return m.vm.ToValue(utf8LengthBcryptJS3(units(pw)) > 72)
}

// encodeBase64(bytes, length): radix-64 of the first length elements,
// each taken as ToInt32(x) & 0xff.
func (m *jsModule) encodeBase64(call goja.FunctionCall) goja.Value {
	b, lengthV := call.Argument(0), call.Argument(1)
	if isNullish(b) {
		panic(m.vm.NewTypeError("Cannot read properties of %s (reading 'length')", typeOfNullish(b)))
	}
	obj := b.ToObject(m.vm)
	length := lengthV.ToFloat()
	if length <= 0 || length > prop(obj, "length").ToFloat() {
		throwError(m.vm, "Illegal len: "+lengthV.String())
	}
	if math.IsNaN(length) {
		return m.vm.ToValue("")
	}
	n := int(math.Ceil(length))
	bytes := make([]byte, n)
	for i := range bytes {
		bytes[i] = byte(toInt32(prop(obj, strconv.Itoa(i)).ToFloat()))
	}
	return m.vm.ToValue(encodeRadix64(bytes))
}

// decodeBase64(string, length): up to length values (see decodeRadix64).
func (m *jsModule) decodeBase64(call goja.FunctionCall) goja.Value {
	s, lengthV := call.Argument(0), call.Argument(1)
	length := lengthV.ToFloat()
	if length <= 0 {
		throwError(m.vm, "Illegal len: "+lengthV.String())
	}
	limit := 0
	switch {
	case math.IsNaN(length):
	case length > 1<<30:
		limit = 1 << 30
	default:
		limit = int(math.Ceil(length))
	}
	var su []uint16
	if typeOf(s) == "string" {
		su = units(s)
	} else if !isNullish(s) && limit > 0 && prop(s.ToObject(m.vm), "length").ToFloat() > 1 {
		panic(m.vm.NewTypeError("s.charCodeAt is not a function"))
	} else if isNullish(s) {
		panic(m.vm.NewTypeError("Cannot read properties of %s (reading 'length')", typeOfNullish(s)))
	}
	vals := decodeRadix64(su, limit)
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = int64(v)
	}
	return m.vm.NewArray(out...)
}

func typeOfNullish(v goja.Value) string {
	if goja.IsNull(v) {
		return "null"
	}
	return "undefined"
}

// prop is obj[key], undefined when absent.
func prop(obj *goja.Object, key string) goja.Value {
	if v := obj.Get(key); v != nil {
		return v
	}
	return goja.Undefined()
}
