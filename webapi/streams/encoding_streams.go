package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/encoding"
)

// TextEncoderStream and TextDecoderStream
// (https://encoding.spec.whatwg.org/#interface-textencoderstream), over
// webapi/encoding's StreamEncoder and streaming Decoder.

type textEncoderStream struct {
	jsclass.Shell
	ts      *TransformStream
	encoder encoding.StreamEncoder
}

func (t *textEncoderStream) transformStream() *TransformStream { return t.ts }

type textDecoderStream struct {
	jsclass.Shell
	ts      *TransformStream
	decoder *encoding.Decoder
}

func (t *textDecoderStream) transformStream() *TransformStream { return t.ts }

// TextEncoderStreamClass is the JS shape of TextEncoderStream.
var TextEncoderStreamClass = &jsclass.Class{Name: "TextEncoderStream", Length: 0}

// TextDecoderStreamClass is the JS shape of TextDecoderStream.
var TextDecoderStreamClass = &jsclass.Class{Name: "TextDecoderStream", Length: 0}

func init() {
	TextEncoderStreamClass.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		r := realmOf(iso)
		t := &textEncoderStream{}
		// 1. Set this's encoder to an instance of the UTF-8 encoder.
		// 2. Let transformAlgorithm be an algorithm which takes a chunk argument and runs the
		//    encode and enqueue a chunk algorithm with this and chunk.
		// 3. Let flushAlgorithm be an algorithm which runs the encode and flush algorithm with this.
		// 4-6. Let transformStream be a new TransformStream, set it up, and set this's transform to it.
		t.ts = newGoTransformStream(r, t.encodeAndEnqueue, t.encodeAndFlush, nil)
		return t
	}
	TextEncoderStreamClass.Members = append([]jsclass.Member{
		jsclass.Getter("encoding", func(t *textEncoderStream, iso *runtime.Isolate) goja.Value {
			// The encoding getter steps are to return "utf-8".
			return iso.VM().ToValue("utf-8")
		}),
	}, genericTransformMembers[*textEncoderStream]()...)

	TextDecoderStreamClass.Construct = func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		r := realmOf(iso)
		vm := r.vm
		ctx := webidl.Construct("TextDecoderStream")
		// constructor(optional DOMString label = "utf-8", optional TextDecoderOptions options = {})
		label := "utf-8"
		if v := call.Argument(0); !goja.IsUndefined(v) {
			label = ctx.DOMString(vm, v)
		}
		fatal, ignoreBOM := false, false
		if opts := ctx.Dictionary(vm, call.Argument(1), "TextDecoderOptions"); opts != nil {
			// Members in lexicographic order: fatal, ignoreBOM.
			fatal = boolMember(opts, "fatal")
			ignoreBOM = boolMember(opts, "ignoreBOM")
		}
		// 1. Let encoding be the result of getting an encoding from label.
		// 2. If encoding is failure or replacement, then throw a RangeError.
		dec, err := encoding.NewDecoder(label, fatal, ignoreBOM)
		if err != nil {
			throw(r.newRangeError(string(ctx) + ": The encoding label provided ('" + label + "') is invalid."))
		}
		// 3-5. Set this's encoding, error mode, ignore BOM, decoder and I/O queue.
		t := &textDecoderStream{decoder: dec}
		// 6-10. Set up this's transform with decode-and-enqueue and flush-and-enqueue.
		t.ts = newGoTransformStream(r, t.decodeAndEnqueue, t.flushAndEnqueue, nil)
		return t
	}
	TextDecoderStreamClass.Members = append([]jsclass.Member{
		jsclass.Getter("encoding", func(t *textDecoderStream, iso *runtime.Isolate) goja.Value {
			// The encoding getter steps are to return this's encoding's name, in ASCII lowercase.
			return iso.VM().ToValue(t.decoder.Encoding().LowerName())
		}),
		jsclass.Getter("fatal", func(t *textDecoderStream, iso *runtime.Isolate) goja.Value {
			// The fatal getter steps are to return true if this's error mode is "fatal".
			return iso.VM().ToValue(t.decoder.Fatal())
		}),
		jsclass.Getter("ignoreBOM", func(t *textDecoderStream, iso *runtime.Isolate) goja.Value {
			// The ignoreBOM getter steps are to return this's ignore BOM.
			return iso.VM().ToValue(t.decoder.IgnoreBOM())
		}),
	}, genericTransformMembers[*textDecoderStream]()...)
}

// encodeAndEnqueue is "encode and enqueue a chunk".
func (t *textEncoderStream) encodeAndEnqueue(c *TransformController, chunk goja.Value) goja.Value {
	r := c.stream.r
	// 1. Let input be the result of converting chunk to a DOMString.
	var input goja.String
	if thrown := r.try(func() {
		if _, isSym := chunk.(*goja.Symbol); isSym {
			throw(r.newTypeError("Cannot convert a Symbol value to a string"))
		}
		v := chunk.ToString()
		s, ok := v.(goja.String)
		if !ok {
			// goja returns primitives other than strings unchanged from
			// ToString; their String() is the ECMAScript ToString.
			s, _ = r.vm.ToValue(v.String()).(goja.String)
		}
		input = s
	}); thrown != nil {
		return thrown
	}
	// 2-4. Convert input to an I/O queue of code units and encode it.
	out := t.encoder.Encode(input)
	// 4.2. If output is not empty, then: let chunk be a Uint8Array object wrapping an
	//      ArrayBuffer containing output, and enqueue chunk into encoder's transform.
	if len(out) == 0 {
		return nil
	}
	return c.enqueueBytes(out)
}

// encodeAndFlush is "encode and flush".
func (t *textEncoderStream) encodeAndFlush(c *TransformController) goja.Value {
	// 1. If encoder's leading surrogate is non-null, enqueue « 0xEF, 0xBF, 0xBD ».
	if out := t.encoder.Flush(); len(out) > 0 {
		return c.enqueueBytes(out)
	}
	return nil
}

// decodeAndEnqueue is "decode and enqueue a chunk".
func (t *textDecoderStream) decodeAndEnqueue(c *TransformController, chunk goja.Value) goja.Value {
	r := c.stream.r
	// 1. Let bufferSource be the result of converting chunk to an AllowSharedBufferSource.
	b, ok := webidl.AllowSharedBufferSource(r.iso, chunk)
	if !ok {
		return r.newTypeError("Failed to execute 'transform' on 'TextDecoderStream': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
	}
	// 2. Push a copy of bufferSource to decoder's I/O queue (Decode copies what it keeps).
	// 3-4. Process items until end-of-queue; a fatal error throws a TypeError.
	out, err := t.decoder.Decode(b, true)
	if err != nil {
		return r.newTypeError("Failed to execute 'transform' on 'TextDecoderStream': The encoded data was not valid.")
	}
	// 4.2.2. If outputChunk is not the empty string, then enqueue outputChunk in decoder's transform.
	if out == "" {
		return nil
	}
	return c.enqueue(r.vm.ToValue(out))
}

// flushAndEnqueue is "flush and enqueue".
func (t *textDecoderStream) flushAndEnqueue(c *TransformController) goja.Value {
	r := c.stream.r
	// 1-2. Process end-of-queue; a fatal error throws a TypeError.
	out, err := t.decoder.Decode(nil, false)
	if err != nil {
		return r.newTypeError("Failed to execute 'flush' on 'TextDecoderStream': The encoded data was not valid.")
	}
	// 3. If output is not the empty string, enqueue it.
	if out == "" {
		return nil
	}
	return c.enqueue(r.vm.ToValue(out))
}
