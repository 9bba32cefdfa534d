package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// TransformStreamClass is the JS shape of TransformStream.
var TransformStreamClass = &jsclass.Class{Name: "TransformStream", Length: 0}

// TransformStreamDefaultControllerClass is the JS shape of TransformStreamDefaultController.
var TransformStreamDefaultControllerClass = &jsclass.Class{Name: "TransformStreamDefaultController"}

func init() {
	TransformStreamClass.Construct = constructTransformStream
	TransformStreamClass.Members = []jsclass.Member{
		jsclass.Getter("readable", func(ts *TransformStream, iso *runtime.Isolate) goja.Value {
			// 1. Return this.[[readable]].
			return ts.readable.object()
		}),
		jsclass.Getter("writable", func(ts *TransformStream, iso *runtime.Isolate) goja.Value {
			// 1. Return this.[[writable]].
			return ts.writable.object()
		}),
	}
	TransformStreamDefaultControllerClass.Members = []jsclass.Member{
		jsclass.Getter("desiredSize", func(c *TransformController, iso *runtime.Isolate) goja.Value {
			// 1. Let readableController be this.[[stream]].[[readable]].[[controller]].
			// 2. Return ! ReadableStreamDefaultControllerGetDesiredSize(readableController).
			ds, ok := c.stream.readableController().desiredSize()
			return nullableDouble(iso.VM(), ds, ok)
		}),
		jsclass.Method("enqueue", 0, func(c *TransformController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// 1. Perform ? TransformStreamDefaultControllerEnqueue(this, chunk).
			if thrown := c.enqueue(call.Argument(0)); thrown != nil {
				throw(thrown)
			}
			return goja.Undefined()
		}),
		jsclass.Method("error", 0, func(c *TransformController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// 1. Perform ? TransformStreamDefaultControllerError(this, e).
			c.error(call.Argument(0))
			return goja.Undefined()
		}),
		jsclass.Method("terminate", 0, func(c *TransformController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			// 1. Perform ? TransformStreamDefaultControllerTerminate(this).
			c.terminate()
			return goja.Undefined()
		}),
	}
}

// transformer is the Transformer dictionary after conversion.
type transformer struct {
	obj                              *goja.Object
	cancel, flush, start, transform  goja.Callable
	hasReadableType, hasWritableType bool
}

func convertTransformer(r *realm, ctx webidl.Context, v goja.Value) transformer {
	var t transformer
	dict := ctx.Dictionary(r.vm, v, "Transformer")
	if dict == nil {
		return t
	}
	t.obj = dict
	// Members in lexicographic order.
	t.cancel = callbackMember(r, ctx, dict, "cancel", "Transformer")
	t.flush = callbackMember(r, ctx, dict, "flush", "Transformer")
	t.hasReadableType = webidl.Member(dict, "readableType") != nil
	t.start = callbackMember(r, ctx, dict, "start", "Transformer")
	t.transform = callbackMember(r, ctx, dict, "transform", "Transformer")
	t.hasWritableType = webidl.Member(dict, "writableType") != nil
	return t
}

func constructTransformStream(iso *runtime.Isolate, call goja.ConstructorCall) any {
	r := realmOf(iso)
	ctx := webidl.Construct("TransformStream")
	tv := call.Argument(0)
	if !goja.IsUndefined(tv) {
		if _, ok := tv.(*goja.Object); !ok {
			ctx.TypeError(r.vm, "parameter 1 is not of type 'object'.")
		}
	}
	writableStrategy := convertQueuingStrategy(r, ctx, call.Argument(1))
	readableStrategy := convertQueuingStrategy(r, ctx, call.Argument(2))
	// 1. If transformer is missing, set it to null.
	// 2. Let transformerDict be transformer, converted to an IDL value of type Transformer.
	t := convertTransformer(r, ctx, tv)
	// 3. If transformerDict["readableType"] exists, throw a RangeError exception.
	if t.hasReadableType {
		throw(r.newRangeError(string(ctx) + ": Invalid readableType specified"))
	}
	// 4. If transformerDict["writableType"] exists, throw a RangeError exception.
	if t.hasWritableType {
		throw(r.newRangeError(string(ctx) + ": Invalid writableType specified"))
	}
	// 5. Let readableHighWaterMark be ? ExtractHighWaterMark(readableStrategy, 0).
	readableHWM := extractHighWaterMark(r, ctx, readableStrategy, 0)
	// 6. Let readableSizeAlgorithm be ! ExtractSizeAlgorithm(readableStrategy).
	readableSize := extractSizeAlgorithm(r, readableStrategy)
	// 7. Let writableHighWaterMark be ? ExtractHighWaterMark(writableStrategy, 1).
	writableHWM := extractHighWaterMark(r, ctx, writableStrategy, 1)
	// 8. Let writableSizeAlgorithm be ! ExtractSizeAlgorithm(writableStrategy).
	writableSize := extractSizeAlgorithm(r, writableStrategy)
	// 9. Let startPromise be a new promise.
	startPromise := r.newPromise()
	ts := &TransformStream{r: r, obj: call.This}
	// 10. Perform ! InitializeTransformStream(this, startPromise, writableHighWaterMark,
	//     writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm).
	initializeTransformStream(ts, startPromise.obj, writableHWM, writableSize, readableHWM, readableSize)
	// 11. Perform ? SetUpTransformStreamDefaultControllerFromTransformer(this, transformer, transformerDict).
	setUpTransformControllerFromTransformer(r, ts, t)
	// 12. If transformerDict["start"] exists, then resolve startPromise with the result of invoking
	//     transformerDict["start"] with argument list « this.[[controller]] » and callback this value transformer.
	if fn := t.start; fn != nil {
		v, thrown := r.call(fn, t.obj, ts.controller.object())
		if thrown != nil {
			throw(thrown)
		}
		startPromise.resolve(v)
	} else {
		// 13. Otherwise, resolve startPromise with undefined.
		startPromise.resolve(goja.Undefined())
	}
	return ts
}

// setUpTransformControllerFromTransformer is SetUpTransformStreamDefaultControllerFromTransformer.
func setUpTransformControllerFromTransformer(r *realm, ts *TransformStream, t transformer) {
	// 1. Let controller be a new TransformStreamDefaultController.
	c := &TransformController{stream: ts}
	this := goja.Value(t.obj)
	// 2. Let transformAlgorithm be the following steps, taking a chunk argument:
	transform := func(chunk goja.Value) *goja.Object {
		// 1. Let result be TransformStreamDefaultControllerEnqueue(controller, chunk).
		// 2. If result is an abrupt completion, return a promise rejected with result.[[Value]].
		if thrown := c.enqueue(chunk); thrown != nil {
			return r.rejectedWith(thrown)
		}
		// 3. Otherwise, return a promise resolved with undefined.
		return r.fulfilled()
	}
	// 3. Let flushAlgorithm be an algorithm which returns a promise resolved with undefined.
	flush := func() *goja.Object { return r.fulfilled() }
	// 4. Let cancelAlgorithm be an algorithm which returns a promise resolved with undefined.
	cancel := func(goja.Value) *goja.Object { return r.fulfilled() }
	// 5. If transformerDict["transform"] exists, invoke it with « chunk, controller ».
	if fn := t.transform; fn != nil {
		transform = func(chunk goja.Value) *goja.Object { return r.promiseCall(fn, this, chunk, c.object()) }
	}
	// 6. If transformerDict["flush"] exists, invoke it with « controller ».
	if fn := t.flush; fn != nil {
		flush = func() *goja.Object { return r.promiseCall(fn, this, c.object()) }
	}
	// 7. If transformerDict["cancel"] exists, invoke it with « reason ».
	if fn := t.cancel; fn != nil {
		cancel = func(reason goja.Value) *goja.Object { return r.promiseCall(fn, this, reason) }
	}
	// 8. Perform ! SetUpTransformStreamDefaultController(stream, controller, transformAlgorithm,
	//    flushAlgorithm, cancelAlgorithm).
	setUpTransformController(ts, c, transform, flush, cancel)
}
