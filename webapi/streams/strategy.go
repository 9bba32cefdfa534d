package streams

import (
	"math"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/webidl"
)

// sizeAlgorithm measures a chunk; thrown is the exception the strategy's
// size function threw.
type sizeAlgorithm func(chunk goja.Value) (size float64, thrown goja.Value)

// queuingStrategy is the QueuingStrategy dictionary after WebIDL conversion.
type queuingStrategy struct {
	highWaterMark *float64
	size          goja.Callable
	hasSize       bool
}

// convertQueuingStrategy converts a QueuingStrategy dictionary: members in
// lexicographic order (highWaterMark, size), each converted as it is read.
func convertQueuingStrategy(r *realm, ctx webidl.Context, v goja.Value) queuingStrategy {
	var qs queuingStrategy
	dict := ctx.Dictionary(r.vm, v, "QueuingStrategy")
	if dict == nil {
		return qs
	}
	if hwm := webidl.Member(dict, "highWaterMark"); hwm != nil {
		f := ctx.UnrestrictedDouble(r.vm, hwm)
		qs.highWaterMark = &f
	}
	if size := webidl.Member(dict, "size"); size != nil {
		fn, ok := goja.AssertFunction(size)
		if !ok {
			ctx.TypeError(r.vm, "Failed to read the 'size' property from 'QueuingStrategy': The provided value is not of type 'Function'.")
		}
		qs.size = fn
		qs.hasSize = true
	}
	return qs
}

// extractHighWaterMark is ExtractHighWaterMark(strategy, defaultHWM).
func extractHighWaterMark(r *realm, ctx webidl.Context, qs queuingStrategy, defaultHWM float64) float64 {
	// 1. If strategy["highWaterMark"] does not exist, return defaultHWM.
	if qs.highWaterMark == nil {
		return defaultHWM
	}
	// 2. Let highWaterMark be strategy["highWaterMark"].
	hwm := *qs.highWaterMark
	// 3. If highWaterMark is NaN or highWaterMark < 0, throw a RangeError exception.
	if math.IsNaN(hwm) || hwm < 0 {
		throw(r.newRangeError(string(ctx) + ": Cannot construct stream with negative or NaN highWaterMark"))
	}
	// 4. Return highWaterMark.
	return hwm
}

// extractSizeAlgorithm is ExtractSizeAlgorithm(strategy).
func extractSizeAlgorithm(r *realm, qs queuingStrategy) sizeAlgorithm {
	// 1. If strategy["size"] does not exist, return an algorithm that returns 1.
	if !qs.hasSize {
		return nil
	}
	// 2. Return an algorithm that performs the following steps, taking a chunk argument:
	//   1. Return the result of invoking strategy["size"] with argument list « chunk ».
	size := qs.size
	return func(chunk goja.Value) (float64, goja.Value) {
		v, thrown := r.call(size, goja.Undefined(), chunk)
		if thrown != nil {
			return 0, thrown
		}
		var f float64
		if thrown := r.try(func() { f = webidl.Context("").UnrestrictedDouble(r.vm, v) }); thrown != nil {
			return 0, thrown
		}
		return f, nil
	}
}
