package webidl

import (
	"math"

	"github.com/dop251/goja"
)

// IntOptions select WebIDL's [EnforceRange] and [Clamp] extended attributes.
type IntOptions struct {
	EnforceRange bool
	Clamp        bool
}

// Integer converts v to an integer in [min, max] by the WebIDL
// ConvertToInt algorithm (https://webidl.spec.whatwg.org/#abstract-opdef-converttoint)
// for a type of the given bit width (signed when min < 0).
func (c Context) Integer(vm *goja.Runtime, v goja.Value, bits int, signed bool, opts IntOptions) float64 {
	var lower, upper float64
	if bits == 64 {
		upper = 1<<53 - 1
		if signed {
			lower = -(1<<53 - 1)
		}
	} else if signed {
		lower = -math.Pow(2, float64(bits-1))
		upper = math.Pow(2, float64(bits-1)) - 1
	} else {
		upper = math.Pow(2, float64(bits)) - 1
	}
	// 1. Let x be ? ToNumber(V).
	if isSymbol(v) {
		c.TypeError(vm, "Cannot convert a Symbol value to a number")
	}
	x := v.ToFloat()
	// 2. If x is −0, then set x to +0.
	if x == 0 {
		x = 0
	}
	// 3. If the conversion is to an IDL type associated with [EnforceRange]:
	if opts.EnforceRange {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			c.TypeError(vm, "Value is not a finite number.")
		}
		x = math.Trunc(x)
		if x < lower || x > upper {
			c.TypeError(vm, "Value is outside the '%s' value range.", intTypeName(bits, signed))
		}
		return x
	}
	// 4. If x is not NaN and the conversion is to an IDL type associated with [Clamp]:
	if !math.IsNaN(x) && opts.Clamp {
		x = math.Min(math.Max(x, lower), upper)
		// Round to nearest, ties to even.
		x = math.RoundToEven(x)
		if x == 0 {
			x = 0
		}
		return x
	}
	// 5. If x is NaN, +0, +∞, or −∞, then return +0.
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return 0
	}
	// 6. Set x to IntegerPart(x).
	x = math.Trunc(x)
	if bits == 64 {
		return x // values beyond 2^53 are not representable exactly anyway
	}
	// 7. Set x to x modulo 2^bitLength.
	mod := math.Pow(2, float64(bits))
	x = math.Mod(x, mod)
	if x < 0 {
		x += mod
	}
	// 8. If signedness is "signed" and x ≥ 2^(bitLength − 1), then return x − 2^bitLength.
	if signed && x >= mod/2 {
		return x - mod
	}
	return x
}

func intTypeName(bits int, signed bool) string {
	names := map[int]string{8: "octet", 16: "short", 32: "long", 64: "long long"}
	n := names[bits]
	if !signed {
		return "unsigned " + n
	}
	if bits == 8 {
		return "byte"
	}
	return n
}

// UnsignedLong converts v to a WebIDL unsigned long.
func (c Context) UnsignedLong(vm *goja.Runtime, v goja.Value, opts IntOptions) uint32 {
	return uint32(c.Integer(vm, v, 32, false, opts))
}

// UnsignedShort converts v to a WebIDL unsigned short.
func (c Context) UnsignedShort(vm *goja.Runtime, v goja.Value, opts IntOptions) uint16 {
	return uint16(c.Integer(vm, v, 16, false, opts))
}

// Long converts v to a WebIDL long.
func (c Context) Long(vm *goja.Runtime, v goja.Value, opts IntOptions) int32 {
	return int32(c.Integer(vm, v, 32, true, opts))
}

// UnsignedLongLong converts v to a WebIDL unsigned long long.
func (c Context) UnsignedLongLong(vm *goja.Runtime, v goja.Value, opts IntOptions) uint64 {
	return uint64(c.Integer(vm, v, 64, false, opts))
}

// UnrestrictedDouble converts v with ToNumber.
func (c Context) UnrestrictedDouble(vm *goja.Runtime, v goja.Value) float64 {
	if isSymbol(v) {
		c.TypeError(vm, "Cannot convert a Symbol value to a number")
	}
	return v.ToFloat()
}

// Double converts v with ToNumber and rejects NaN and infinities.
func (c Context) Double(vm *goja.Runtime, v goja.Value) float64 {
	x := c.UnrestrictedDouble(vm, v)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		c.TypeError(vm, "The provided double value is non-finite.")
	}
	return x
}
