package streams

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists every interface the package exposes as a global.
var Classes = []*jsclass.Class{
	ReadableStreamClass,
	ReadableStreamDefaultReaderClass,
	ReadableStreamBYOBReaderClass,
	ReadableStreamDefaultControllerClass,
	ReadableByteStreamControllerClass,
	ReadableStreamBYOBRequestClass,
	WritableStreamClass,
	WritableStreamDefaultWriterClass,
	WritableStreamDefaultControllerClass,
	TransformStreamClass,
	TransformStreamDefaultControllerClass,
	ByteLengthQueuingStrategyClass,
	CountQueuingStrategyClass,
	TextEncoderStreamClass,
	TextDecoderStreamClass,
	CompressionStreamClass,
	DecompressionStreamClass,
}

// Install exposes the Streams Standard's globals in iso, lazily. It also
// defines Symbol.asyncIterator when goja lacks it, so that esbuild's
// lowered for-await loops find ReadableStream's async iterator.
func Install(iso *runtime.Isolate) {
	realmOf(iso)
	jsclass.Install(iso, Classes...)
}
