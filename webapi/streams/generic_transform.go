package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// GenericTransformStream (https://streams.spec.whatwg.org/#other-specs-ts-wrapping)
// is the readable/writable pair that TextEncoderStream, TextDecoderStream,
// CompressionStream and DecompressionStream expose.

// transformHolder is implemented by the Go values behind those classes.
type transformHolder interface {
	transformStream() *TransformStream
}

// genericTransformMembers returns the mixin's readable and writable getters
// for a class whose Go value is T.
func genericTransformMembers[T transformHolder]() []jsclass.Member {
	return []jsclass.Member{
		jsclass.Getter("readable", func(self T, iso *runtime.Isolate) goja.Value {
			// The readable getter steps are to return this's transform.[[readable]].
			return self.transformStream().readable.object()
		}),
		jsclass.Getter("writable", func(self T, iso *runtime.Isolate) goja.Value {
			// The writable getter steps are to return this's transform.[[writable]].
			return self.transformStream().writable.object()
		}),
	}
}

// enqueueBytes enqueues b as a Uint8Array that takes ownership of b.
func (c *TransformController) enqueueBytes(b []byte) goja.Value {
	return c.enqueue(webidlUint8Array(c.stream.r, b))
}
