package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// ReadableStreamDefaultControllerClass is the JS shape of ReadableStreamDefaultController.
var ReadableStreamDefaultControllerClass = &jsclass.Class{
	Name: "ReadableStreamDefaultController",
}

func closeError(closeRequested bool, state streamState) string {
	switch {
	case closeRequested:
		return "Cannot close a readable stream that has already been requested to be closed"
	case state == stateErrored:
		return "Cannot close an errored readable stream"
	default:
		return "Cannot close a closed readable stream"
	}
}

func enqueueError(closeRequested bool, state streamState) string {
	switch {
	case closeRequested:
		return "Cannot enqueue a chunk into a readable stream that is closed or has been requested to be closed"
	case state == stateErrored:
		return "Cannot enqueue a chunk into an errored readable stream"
	default:
		return "Cannot enqueue a chunk into a closed readable stream"
	}
}

// ReadableByteStreamControllerClass is the JS shape of ReadableByteStreamController.
var ReadableByteStreamControllerClass = &jsclass.Class{
	Name: "ReadableByteStreamController",
}

// ReadableStreamBYOBRequestClass is the JS shape of ReadableStreamBYOBRequest.
var ReadableStreamBYOBRequestClass = &jsclass.Class{
	Name: "ReadableStreamBYOBRequest",
}

func init() {
	{
		c := ReadableStreamDefaultControllerClass
		c.Members = []jsclass.Member{
			jsclass.Getter("desiredSize", func(c *DefaultController, iso *runtime.Isolate) goja.Value {
				// 1. Return ! ReadableStreamDefaultControllerGetDesiredSize(this).
				ds, ok := c.desiredSize()
				return nullableDouble(iso.VM(), ds, ok)
			}),
			jsclass.Method("close", 0, func(c *DefaultController, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
				// 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(this) is false, throw a TypeError exception.
				if !c.canCloseOrEnqueue() {
					webidl.Method("ReadableStreamDefaultController", "close").TypeError(iso.VM(), "%s", closeError(c.closeRequested, c.stream.state))
				}
				// 2. Perform ! ReadableStreamDefaultControllerClose(this).
				c.close()
				return goja.Undefined()
			}),
			jsclass.Method("enqueue", 0, func(c *DefaultController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
				// 1. If ! ReadableStreamDefaultControllerCanCloseOrEnqueue(this) is false, throw a TypeError exception.
				if !c.canCloseOrEnqueue() {
					webidl.Method("ReadableStreamDefaultController", "enqueue").TypeError(iso.VM(), "%s", enqueueError(c.closeRequested, c.stream.state))
				}
				// 2. Perform ? ReadableStreamDefaultControllerEnqueue(this, chunk).
				if thrown := c.enqueue(call.Argument(0)); thrown != nil {
					throw(thrown)
				}
				return goja.Undefined()
			}),
			jsclass.Method("error", 0, func(c *DefaultController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
				// 1. Perform ! ReadableStreamDefaultControllerError(this, e).
				c.error(call.Argument(0))
				return goja.Undefined()
			}),
		}
	}
	{
		c := ReadableByteStreamControllerClass
		c.Members = []jsclass.Member{
			jsclass.Getter("byobRequest", func(c *ByteController, iso *runtime.Isolate) goja.Value {
				// 1. Return ! ReadableByteStreamControllerGetBYOBRequest(this).
				req := c.getBYOBRequest()
				if req == nil {
					return goja.Null()
				}
				return req.object()
			}),
			jsclass.Getter("desiredSize", func(c *ByteController, iso *runtime.Isolate) goja.Value {
				ds, ok := c.desiredSize()
				return nullableDouble(iso.VM(), ds, ok)
			}),
			jsclass.Method("close", 0, func(c *ByteController, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
				ctx := webidl.Method("ReadableByteStreamController", "close")
				// 1. If this.[[closeRequested]] is true, throw a TypeError exception.
				// 2. If this.[[stream]].[[state]] is not "readable", throw a TypeError exception.
				if c.closeRequested || c.stream.state != stateReadable {
					ctx.TypeError(iso.VM(), "%s", closeError(c.closeRequested, c.stream.state))
				}
				// 3. Perform ? ReadableByteStreamControllerClose(this).
				if thrown := c.close(); thrown != nil {
					throw(thrown)
				}
				return goja.Undefined()
			}),
			jsclass.Method("enqueue", 1, func(c *ByteController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
				r := c.stream.r
				ctx := webidl.Method("ReadableByteStreamController", "enqueue")
				ctx.RequireArgs(r.vm, call, 1)
				chunk, ok := r.view(call.Argument(0))
				if !ok {
					ctx.TypeError(r.vm, "parameter 1 is not of type 'ArrayBufferView'.")
				}
				// 1. If chunk.[[ByteLength]] is 0, throw a TypeError exception.
				if chunk.byteLength == 0 {
					ctx.TypeError(r.vm, "chunk is empty")
				}
				// 2. If chunk.[[ViewedArrayBuffer]].[[ByteLength]] is 0, throw a TypeError exception.
				if bufferByteLength(chunk.buffer) == 0 {
					ctx.TypeError(r.vm, "chunk's buffer is detached or empty")
				}
				// 3. If this.[[closeRequested]] is true, throw a TypeError exception.
				// 4. If this.[[stream]].[[state]] is not "readable", throw a TypeError exception.
				if c.closeRequested || c.stream.state != stateReadable {
					ctx.TypeError(r.vm, "%s", enqueueError(c.closeRequested, c.stream.state))
				}
				// 5. Return ? ReadableByteStreamControllerEnqueue(this, chunk).
				if thrown := c.enqueue(chunk); thrown != nil {
					throw(thrown)
				}
				return goja.Undefined()
			}),
			jsclass.Method("error", 0, func(c *ByteController, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
				// 1. Perform ! ReadableByteStreamControllerError(this, e).
				c.error(call.Argument(0))
				return goja.Undefined()
			}),
		}
	}
	{
		c := ReadableStreamBYOBRequestClass
		c.Members = []jsclass.Member{
			jsclass.Getter("view", func(b *BYOBRequest, iso *runtime.Isolate) goja.Value {
				// 1. Return this.[[view]].
				if b.view == nil {
					return goja.Null()
				}
				return b.view
			}),
			jsclass.Method("respond", 1, func(b *BYOBRequest, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
				r := b.r
				ctx := webidl.Method("ReadableStreamBYOBRequest", "respond")
				ctx.RequireArgs(r.vm, call, 1)
				n := uint64(ctx.Integer(r.vm, call.Argument(0), 64, false, webidl.IntOptions{EnforceRange: true}))
				// 1. If this.[[controller]] is undefined, throw a TypeError exception.
				if b.controller == nil {
					ctx.TypeError(r.vm, "This BYOB request has been invalidated")
				}
				// 2. If ! IsDetachedBuffer(this.[[view]].[[ArrayBuffer]]) is true, throw a TypeError exception.
				v, _ := r.view(b.view)
				if isDetached(v.buffer) {
					ctx.TypeError(r.vm, "The BYOB request's buffer has been detached and so cannot be used as a response")
				}
				// 5. Perform ? ReadableByteStreamControllerRespond(this.[[controller]], bytesWritten).
				if thrown := b.controller.respond(n); thrown != nil {
					throw(thrown)
				}
				return goja.Undefined()
			}),
			jsclass.Method("respondWithNewView", 1, func(b *BYOBRequest, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
				r := b.r
				ctx := webidl.Method("ReadableStreamBYOBRequest", "respondWithNewView")
				ctx.RequireArgs(r.vm, call, 1)
				view, ok := r.view(call.Argument(0))
				if !ok {
					ctx.TypeError(r.vm, "parameter 1 is not of type 'ArrayBufferView'.")
				}
				// 1. If this.[[controller]] is undefined, throw a TypeError exception.
				if b.controller == nil {
					ctx.TypeError(r.vm, "This BYOB request has been invalidated")
				}
				// 2. If ! IsDetachedBuffer(view.[[ViewedArrayBuffer]]) is true, throw a TypeError exception.
				if isDetached(view.buffer) {
					ctx.TypeError(r.vm, "The given view's buffer has been detached and so cannot be used as a response")
				}
				// 3. Return ? ReadableByteStreamControllerRespondWithNewView(this.[[controller]], view).
				if thrown := b.controller.respondWithNewView(view); thrown != nil {
					throw(thrown)
				}
				return goja.Undefined()
			}),
		}
	}
}
