package bcrypt

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// The exports of the native bcrypt package (bcrypt.js in node.bcrypt.js 5
// and 6, which wraps the C addon), with its argument checks and messages.
// Where the addon would run on a libuv worker (gen_salt, encrypt,
// compare), the work runs on a goroutine; callbacks get undefined, not
// null, as their error argument on success, as N-API's AsyncWorker passes.

const (
	msgDataSalt        = "data must be a string or Buffer and salt must either be a salt string or a number of rounds"
	msgDataSaltMissing = "data and salt arguments required"
	msgDataHash        = "data must be a string or Buffer and hash must be a string"
	msgDataHashMissing = "data and hash arguments required"
	msgDataHashAsync   = "data and hash must be strings"
	msgCallback        = "cb must be a function or null to return a Promise"
	msgRounds          = "rounds must be a number"
	msgMinor           = `minor must be either "a" or "b"`
)

type nativeModule struct {
	iso *runtime.Isolate
	vm  *goja.Runtime
}

func nativeExports(iso *runtime.Isolate) *goja.Object {
	m := &nativeModule{iso: iso, vm: iso.VM()}
	obj := m.vm.NewObject()
	def := func(name string, length int, fn func(goja.FunctionCall) goja.Value) {
		_ = obj.Set(name, jsclass.Function(m.vm, name, length, fn))
	}
	def("genSaltSync", 2, m.genSaltSync)
	def("genSalt", 3, m.genSalt)
	def("hashSync", 2, m.hashSync)
	def("hash", 3, m.hash)
	def("compareSync", 2, m.compareSync)
	def("compare", 3, m.compare)
	def("getRounds", 1, m.getRounds)
	return obj
}

// saltOptions applies genSalt's defaults and checks: a falsy rounds is
// 10, a falsy minor "b". It returns the error message, if any.
func saltOptions(rounds, minor goja.Value) (float64, byte, string) {
	r := 10.0
	if truthy(rounds) {
		if typeOf(rounds) != "number" {
			return 0, 0, msgRounds
		}
		r = rounds.ToFloat()
	}
	mi := byte('b')
	if truthy(minor) {
		switch {
		case typeOf(minor) == "string" && minor.String() == "a":
			mi = 'a'
		case typeOf(minor) == "string" && minor.String() == "b":
		default:
			return 0, 0, msgMinor
		}
	}
	return r, mi, ""
}

func (m *nativeModule) genSaltSync(call goja.FunctionCall) goja.Value {
	r, minor, msg := saltOptions(call.Argument(0), call.Argument(1))
	if msg != "" {
		throwError(m.vm, msg)
	}
	return m.vm.ToValue(genSaltNative(minor, r, randomSalt()))
}

// genSalt([rounds], [minor], [cb]): the callback may come first or second.
func (m *nativeModule) genSalt(call goja.FunctionCall) goja.Value {
	rounds, minor, cb := call.Argument(0), call.Argument(1), call.Argument(2)
	switch {
	case typeOf(rounds) == "function":
		cb, rounds, minor = rounds, m.vm.ToValue(10), m.vm.ToValue("b")
	case typeOf(minor) == "function":
		cb, minor = minor, m.vm.ToValue("b")
	}
	c, ret := newCompletion(m.iso, cb, goja.Undefined())
	r, mi, msg := saltOptions(rounds, minor)
	later(m.iso, func() {
		if msg != "" {
			c.fail(newError(m.vm, m.vm.ToValue(msg)))
			return
		}
		c.succeed(m.vm.ToValue(genSaltNative(mi, r, randomSalt())))
	})
	return ret
}

// password returns data's bytes: UTF-8 for a string, a copy of a Buffer's
// contents; ok is false for anything else.
func (m *nativeModule) password(data goja.Value) ([]byte, bool) {
	if typeOf(data) == "string" {
		return utf8Native(units(data)), true
	}
	buf, ok := m.vm.Get("Buffer").(*goja.Object)
	if !ok || typeOf(buf) != "function" || typeOf(data) != "object" || !m.vm.InstanceOf(data, buf) {
		return nil, false
	}
	return webidl.CopyBufferSource(m.vm, data)
}

func (m *nativeModule) hashSync(call goja.FunctionCall) goja.Value {
	data, salt := call.Argument(0), call.Argument(1)
	if isNullish(data) || isNullish(salt) {
		throwError(m.vm, msgDataSaltMissing)
	}
	pw, ok := m.password(data)
	if !ok || (typeOf(salt) != "string" && typeOf(salt) != "number") {
		throwError(m.vm, msgDataSalt)
	}
	saltBytes := m.saltBytes(salt)
	h, ok, err := hashNative(pw, saltBytes, interruptCheck(m.iso))
	if err != nil {
		panic(err)
	}
	if !ok {
		throwError(m.vm, errNativeSalt)
	}
	return m.vm.ToValue(h)
}

// saltBytes is the salt string's UTF-8, or a new $2b$ salt for a number
// of rounds (module.exports.genSaltSync(salt) in bcrypt.js).
func (m *nativeModule) saltBytes(salt goja.Value) []byte {
	if typeOf(salt) == "number" {
		r, _, _ := saltOptions(salt, goja.Undefined())
		return []byte(genSaltNative('b', r, randomSalt()))
	}
	return utf8Native(units(salt))
}

// rejected is Promise.reject(new Error(msg)).
func (m *nativeModule) rejected(msg string) goja.Value {
	p, _, reject := m.vm.NewPromise()
	settle(m.iso, reject, newError(m.vm, m.vm.ToValue(msg)))
	return m.vm.ToValue(p)
}

// hash(data, salt, [cb]).
func (m *nativeModule) hash(call goja.FunctionCall) goja.Value {
	data, salt, cb := call.Argument(0), call.Argument(1), call.Argument(2)
	if fn := firstFunction(data, salt); fn != nil {
		err := newError(m.vm, m.vm.ToValue(msgDataSalt))
		later(m.iso, func() { invoke(m.iso, fn, err) })
		return goja.Undefined()
	}
	if truthy(cb) && typeOf(cb) != "function" {
		return m.rejected(msgCallback)
	}
	c, ret := newCompletion(m.iso, cb, goja.Undefined())
	fail := func(msg string) goja.Value {
		err := newError(m.vm, m.vm.ToValue(msg))
		later(m.iso, func() { c.fail(err) })
		return ret
	}
	if isNullish(data) || isNullish(salt) {
		return fail(msgDataSaltMissing)
	}
	pw, ok := m.password(data)
	if !ok || (typeOf(salt) != "string" && typeOf(salt) != "number") {
		return fail(msgDataSalt)
	}
	saltBytes := m.saltBytes(salt)
	type result struct {
		hash string
		ok   bool
	}
	gone := isolateGone(m.iso)
	offload(m.iso, func() result {
		h, ok, _ := hashNative(pw, saltBytes, gone) // an error means nobody is waiting
		return result{h, ok}
	}, func(r result) {
		if !r.ok {
			c.fail(newError(m.vm, m.vm.ToValue(errNativeSalt)))
			return
		}
		c.succeed(m.vm.ToValue(r.hash))
	})
	return ret
}

// firstFunction is bcrypt.js's check that data, then the second argument,
// is not a function (the callback in the wrong place); it gets the error.
func firstFunction(a, b goja.Value) goja.Value {
	if typeOf(a) == "function" {
		return a
	}
	if typeOf(b) == "function" {
		return b
	}
	return nil
}

func (m *nativeModule) compareSync(call goja.FunctionCall) goja.Value {
	data, hash := call.Argument(0), call.Argument(1)
	if isNullish(data) || isNullish(hash) {
		throwError(m.vm, msgDataHashMissing)
	}
	pw, ok := m.password(data)
	if !ok || typeOf(hash) != "string" {
		throwError(m.vm, msgDataHash)
	}
	same, err := compareNative(pw, utf8Native(units(hash)), interruptCheck(m.iso))
	if err != nil {
		panic(err)
	}
	return m.vm.ToValue(same)
}

// compare(data, hash, [cb]).
func (m *nativeModule) compare(call goja.FunctionCall) goja.Value {
	data, hash, cb := call.Argument(0), call.Argument(1), call.Argument(2)
	if fn := firstFunction(data, hash); fn != nil {
		err := newError(m.vm, m.vm.ToValue(msgDataHashMissing))
		later(m.iso, func() { invoke(m.iso, fn, err) })
		return goja.Undefined()
	}
	if truthy(cb) && typeOf(cb) != "function" {
		return m.rejected(msgCallback)
	}
	c, ret := newCompletion(m.iso, cb, goja.Undefined())
	fail := func(msg string) goja.Value {
		err := newError(m.vm, m.vm.ToValue(msg))
		later(m.iso, func() { c.fail(err) })
		return ret
	}
	if isNullish(data) || isNullish(hash) {
		return fail(msgDataHashMissing)
	}
	pw, ok := m.password(data)
	if !ok || typeOf(hash) != "string" {
		return fail(msgDataHashAsync)
	}
	hashBytes := utf8Native(units(hash))
	gone := isolateGone(m.iso)
	offload(m.iso, func() bool {
		same, _ := compareNative(pw, hashBytes, gone) // an error means nobody is waiting
		return same
	}, func(same bool) {
		c.succeed(m.vm.ToValue(same))
	})
	return ret
}

func (m *nativeModule) getRounds(call goja.FunctionCall) goja.Value {
	hash := call.Argument(0)
	if isNullish(hash) {
		throwError(m.vm, "hash argument required")
	}
	if typeOf(hash) != "string" {
		throwError(m.vm, "hash must be a string")
	}
	r := getRoundsNative(utf8Native(units(hash)))
	if r == 0 {
		throwError(m.vm, "invalid hash provided")
	}
	return m.vm.ToValue(r)
}
