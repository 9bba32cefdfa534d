package bcrypt

import (
	"crypto/rand"

	"github.com/dop251/goja"
)

// typeOf is the typeof operator.
func typeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	case goja.IsString(v):
		return "string"
	case goja.IsNumber(v):
		return "number"
	case goja.IsBigInt(v):
		return "bigint"
	}
	switch v.(type) {
	case *goja.Symbol:
		return "symbol"
	case *goja.Object:
		if _, ok := goja.AssertFunction(v); ok {
			return "function"
		}
		return "object"
	}
	if _, ok := v.Export().(bool); ok {
		return "boolean"
	}
	return "object"
}

// isNullish is `v == null`.
func isNullish(v goja.Value) bool { return v == nil || goja.IsUndefined(v) || goja.IsNull(v) }

// truthy is ToBoolean(v).
func truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }

// units returns a string value's UTF-16 code units, lone surrogates kept.
func units(v goja.Value) []uint16 {
	s, ok := v.(goja.String)
	if !ok {
		s = v.ToString().(goja.String)
	}
	n := s.Length()
	u := make([]uint16, n)
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u
}

// fromUnits makes a JS string from UTF-16 code units.
func fromUnits(vm *goja.Runtime, u []uint16) goja.Value {
	ascii := true
	for _, c := range u {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		return vm.ToValue(goja.StringFromUTF16(u))
	}
	b := make([]byte, len(u))
	for i, c := range u {
		b[i] = byte(c)
	}
	return vm.ToValue(string(b))
}

// newError is `Error(msg)` with the global Error, as both libraries write
// it (so a page that replaced Error sees its own class, as under Node).
func newError(vm *goja.Runtime, msg goja.Value) *goja.Object {
	if ctor, ok := goja.AssertConstructor(vm.Get("Error")); ok {
		if obj, err := ctor(nil, msg); err == nil {
			return obj
		}
	}
	return vm.NewGoError(errorString(msg.String()))
}

type errorString string

func (e errorString) Error() string { return string(e) }

// throwError panics with Error(msg); goja turns the panic into a throw.
func throwError(vm *goja.Runtime, msg string) {
	panic(newError(vm, vm.ToValue(msg)))
}

// randomSalt draws the 16 salt bytes from crypto/rand (both libraries use
// a CSPRNG: crypto.getRandomValues or crypto.randomBytes).
func randomSalt() *[saltLen]byte {
	var b [saltLen]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return &b
}
