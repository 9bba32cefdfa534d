package streams

import (
	"bytes"
	"io"

	"github.com/andybalholm/brotli"
	"github.com/dop251/goja"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// CompressionStream and DecompressionStream
// (https://compression.spec.whatwg.org/) over github.com/klauspost/compress
// (flate, zlib, gzip: the standard library's API, several times faster at
// the same compression level, which is what bounds pipeThrough throughput)
// and github.com/andybalholm/brotli (a pure-Go port of the reference brotli
// library; the standard library has none): "deflate" is
// the zlib format (RFC 1950), "deflate-raw" raw DEFLATE (RFC 1951), "gzip"
// RFC 1952 and "brotli" RFC 7932.

// CompressionStreamClass is the JS shape of CompressionStream.
var CompressionStreamClass = &jsclass.Class{Name: "CompressionStream", Length: 1}

// DecompressionStreamClass is the JS shape of DecompressionStream.
var DecompressionStreamClass = &jsclass.Class{Name: "DecompressionStream", Length: 1}

// compressionLevel is zlib's default level, which browsers use. (klauspost's
// DefaultCompression means level 5, which stores some inputs zlib shrinks.)
const compressionLevel = 6

type compressionStream struct {
	jsclass.Shell
	ts  *TransformStream
	w   io.WriteCloser // the compressor, writing into buf
	buf bytes.Buffer
}

func (c *compressionStream) transformStream() *TransformStream { return c.ts }

type decompressionStream struct {
	jsclass.Shell
	ts *TransformStream
	in *inflater
}

func (d *decompressionStream) transformStream() *TransformStream { return d.ts }

// compressionFormat converts the CompressionFormat enum argument.
func compressionFormat(r *realm, ctx webidl.Context, call goja.ConstructorCall) string {
	ctx.RequireConstructArgs(r.vm, call, 1)
	format := ctx.DOMString(r.vm, call.Argument(0))
	switch format {
	case "deflate", "deflate-raw", "gzip", "brotli":
		return format
	}
	ctx.TypeError(r.vm, "The provided value '%s' is not a valid enum value of type CompressionFormat.", format)
	return ""
}

func init() {
	CompressionStreamClass.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		r := realmOf(iso)
		// 1. If format is unsupported in CompressionStream, then throw a TypeError.
		format := compressionFormat(r, webidl.Construct("CompressionStream"), call)
		// 2. Set this's format to format.
		cs := &compressionStream{}
		switch format {
		case "deflate":
			cs.w, _ = zlib.NewWriterLevel(&cs.buf, compressionLevel)
		case "deflate-raw":
			cs.w, _ = flate.NewWriter(&cs.buf, compressionLevel)
		case "gzip":
			cs.w, _ = gzip.NewWriterLevel(&cs.buf, compressionLevel)
		case "brotli":
			cs.w = brotli.NewWriter(&cs.buf)
		}
		// 3-6. Set up this's transform with "compress and enqueue a chunk" and
		//      "compress flush and enqueue".
		cs.ts = newGoTransformStream(r, cs.compressAndEnqueue, cs.flushAndEnqueue, nil)
		return cs
	}
	CompressionStreamClass.Members = genericTransformMembers[*compressionStream]()

	DecompressionStreamClass.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		r := realmOf(iso)
		// 1. If format is unsupported in DecompressionStream, then throw a TypeError.
		format := compressionFormat(r, webidl.Construct("DecompressionStream"), call)
		ds := &decompressionStream{in: newInflater(format)}
		// 3-6. Set up this's transform with "decompress and enqueue a chunk" and
		//      "decompress flush and enqueue". Canceling stops the inflater early.
		ds.ts = newGoTransformStream(r, ds.decompressAndEnqueue, ds.flushAndEnqueue, func(goja.Value) goja.Value {
			ds.in.stop()
			return nil
		})
		return ds
	}
	DecompressionStreamClass.Members = genericTransformMembers[*decompressionStream]()
}

// takeOutput hands the compressor's output to the caller (no copy) and
// starts a fresh buffer.
func (cs *compressionStream) takeOutput() []byte {
	out := cs.buf.Bytes()
	cs.buf = bytes.Buffer{}
	return out
}

// compressAndEnqueue is "compress and enqueue a chunk".
func (cs *compressionStream) compressAndEnqueue(c *TransformController, chunk goja.Value) goja.Value {
	r := c.stream.r
	// 1. If chunk is not a BufferSource type, then throw a TypeError (BufferSource
	//    lacks [AllowShared]: a view on a SharedArrayBuffer is rejected too).
	b, sharedView, ok := webidl.UnsharedBufferSource(r.iso, chunk)
	if sharedView {
		return r.newTypeError("Failed to execute 'write' on 'CompressionStream': " + webidl.SharedViewMessage)
	}
	if !ok {
		return r.newTypeError("Failed to execute 'write' on 'CompressionStream': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
	}
	// 2. Let buffer be the result of compressing chunk with cs's format and context.
	if _, err := cs.w.Write(b); err != nil {
		return r.newTypeError("Failed to compress: " + err.Error())
	}
	// 3. If buffer is empty, return.
	if cs.buf.Len() == 0 {
		return nil
	}
	// 4-5. Split buffer into non-empty Uint8Arrays (here: one) and enqueue them.
	return c.enqueueBytes(cs.takeOutput())
}

// flushAndEnqueue is "compress flush and enqueue".
func (cs *compressionStream) flushAndEnqueue(c *TransformController) goja.Value {
	r := c.stream.r
	// 1. Let buffer be the result of compressing an empty input with cs's format and
	//    context, with the finish flag.
	if err := cs.w.Close(); err != nil {
		return r.newTypeError("Failed to compress: " + err.Error())
	}
	// 2. If buffer is empty, return.
	if cs.buf.Len() == 0 {
		return nil
	}
	// 3-4. Split buffer into non-empty Uint8Arrays and enqueue them.
	return c.enqueueBytes(cs.takeOutput())
}

// decompressAndEnqueue is "decompress and enqueue a chunk".
func (ds *decompressionStream) decompressAndEnqueue(c *TransformController, chunk goja.Value) goja.Value {
	r := c.stream.r
	// 1. If chunk is not a BufferSource type, then throw a TypeError (BufferSource
	//    lacks [AllowShared]: a view on a SharedArrayBuffer is rejected too).
	b, sharedView, ok := webidl.UnsharedBufferSource(r.iso, chunk)
	if sharedView {
		return r.newTypeError("Failed to execute 'write' on 'DecompressionStream': " + webidl.SharedViewMessage)
	}
	if !ok {
		return r.newTypeError("Failed to execute 'write' on 'DecompressionStream': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
	}
	// 2. Let buffer be the result of decompressing chunk with ds's format and context.
	//    If this results in an error, then throw a TypeError.
	res := ds.in.push(b)
	// 3. If buffer is empty, return. 4-5. Otherwise split and enqueue it.
	if len(res.out) > 0 {
		if thrown := c.enqueueBytes(res.out); thrown != nil {
			return thrown
		}
	}
	if res.err != nil {
		return r.newTypeError(res.err.Error())
	}
	return nil
}

// flushAndEnqueue is "decompress flush and enqueue".
func (ds *decompressionStream) flushAndEnqueue(c *TransformController) goja.Value {
	r := c.stream.r
	// 1. Let buffer be the result of decompressing an empty input with ds's format and
	//    context, and the finish flag.
	res := ds.in.finish()
	// 2-3. If buffer is not empty, split it into Uint8Arrays and enqueue them.
	if len(res.out) > 0 {
		if thrown := c.enqueueBytes(res.out); thrown != nil {
			return thrown
		}
	}
	// 4. If the end of the compressed input has not been reached, then throw a TypeError.
	if res.err != nil {
		return r.newTypeError(res.err.Error())
	}
	return nil
}
