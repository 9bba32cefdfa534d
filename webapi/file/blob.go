package file

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/encoding"
	"github.com/edgerun/edgerun/webapi/streams"
)

// Blob backs a Blob or File object (https://w3c.github.io/FileAPI/#blob-section).
// Its bytes never change once created, so slices share them.
type Blob struct {
	jsclass.Shell
	data []byte
	typ  string
	file *fileInfo // non-nil for File objects
}

// fileInfo holds what a File adds to a Blob.
type fileInfo struct {
	name         string
	lastModified int64
}

// Bytes returns the blob's bytes. They are shared with the blob (and any
// slice of it): do not modify them.
func (b *Blob) Bytes() []byte { return b.data }

// Type returns the blob's type (an ASCII-lowercase MIME type or "").
func (b *Blob) Type() string { return b.typ }

// Size returns the blob's size in bytes.
func (b *Blob) Size() int64 { return int64(len(b.data)) }

// IsFile reports whether the blob is a File.
func (b *Blob) IsFile() bool { return b.file != nil }

// Name returns a File's name ("" for a plain Blob).
func (b *Blob) Name() string {
	if b.file == nil {
		return ""
	}
	return b.file.name
}

// LastModified returns a File's last modification time in milliseconds
// since the Unix epoch (0 for a plain Blob).
func (b *Blob) LastModified() int64 {
	if b.file == nil {
		return 0
	}
	return b.file.lastModified
}

// NewBlob creates a Blob object holding data (the blob owns data from then
// on) with the given type.
//
// contentType is used as given: the constructor's lowercasing rule is for
// script-supplied types, while host-made blobs carry an already-serialized
// MIME type whose parameter values keep their case (fetch's body.blob(),
// structured clone).
func NewBlob(iso *runtime.Isolate, data []byte, contentType string) *goja.Object {
	return jsclass.New(iso, BlobClass, &Blob{data: data, typ: contentType})
}

// BlobOf returns the Blob behind a Blob or File object.
func BlobOf(iso *runtime.Isolate, v goja.Value) (*Blob, bool) {
	return jsclass.Unwrap[*Blob](iso, v)
}

var blobCtor = webidl.Construct("Blob")

// BlobClass is the Blob interface.
var BlobClass = &jsclass.Class{
	Name:   "Blob",
	Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		// 1. If invoked with zero parameters, return a new Blob object consisting
		//    of 0 bytes, with size set to 0, and with type set to the empty string.
		// 2. Let bytes be the result of processing blob parts given blobParts and options.
		parts := convertBlobParts(iso, blobCtor, call.Argument(0))
		opts := convertBlobPropertyBag(vm, blobCtor, call.Argument(1))
		data := processBlobParts(parts, opts.nativeEndings)
		// 3. If the type member of the options argument is not the empty string,
		//    run the following sub-steps: normalise it.
		// 4. Return a Blob object referring to bytes as its associated byte
		//    sequence, with its size set to the length of bytes, and its type set
		//    to the value of t from the substeps above.
		return &Blob{data: data, typ: normalizeType(opts.typ)}
	},
	Members: []jsclass.Member{
		jsclass.Getter("size", func(b *Blob, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(len(b.data))
		}),
		jsclass.Getter("type", func(b *Blob, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(b.typ)
		}),
		jsclass.Method("stream", 0, func(b *Blob, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// The stream owns its chunk, which JS may modify: give it a copy.
			return streams.NewReadableFromBytes(iso, append([]byte(nil), b.data...))
		}),
		// text, arrayBuffer and bytes are redefined by promiseMethods (Init);
		// these entries fix their place in the prototype's property order.
		jsclass.Method("text", 0, (*Blob).jsText),
		jsclass.Method("arrayBuffer", 0, (*Blob).jsArrayBuffer),
		jsclass.Method("bytes", 0, (*Blob).jsBytes),
	},
}

func init() {
	// Added here rather than in the literal: slice creates Blob objects and
	// the promise methods brand-check, both of which refer back to BlobClass.
	// The position keeps the IDL order.
	m := append([]jsclass.Member(nil), BlobClass.Members[:2]...)
	m = append(m, jsclass.Method("slice", 0, (*Blob).jsSlice))
	BlobClass.Members = append(m, BlobClass.Members[2:]...)
	BlobClass.Init = promiseMethods
}

// promiseMethods redefines text(), arrayBuffer() and bytes() so that a
// failed brand check rejects the returned promise instead of throwing, as
// WebIDL requires of operations that return a promise.
func promiseMethods(iso *runtime.Isolate, b *jsclass.Built) {
	vm := iso.VM()
	for _, m := range []struct {
		name string
		read func(*Blob, *runtime.Isolate, goja.FunctionCall) goja.Value
	}{{"text", (*Blob).jsText}, {"arrayBuffer", (*Blob).jsArrayBuffer}, {"bytes", (*Blob).jsBytes}} {
		read := m.read
		fn := jsclass.Function(vm, m.name, 0, func(call goja.FunctionCall) goja.Value {
			blob, ok := BlobOf(iso, call.This)
			if !ok {
				p, _, reject := vm.NewPromise()
				_ = reject(vm.NewTypeError("Illegal invocation"))
				return vm.ToValue(p)
			}
			return read(blob, iso, call)
		})
		// (writable, configurable, enumerable), as for every WebIDL operation.
		_ = b.Proto.DefineDataProperty(m.name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}

// jsText reads all bytes and UTF-8 decodes them.
func (b *Blob) jsText(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
	return resolved(iso, iso.VM().ToValue(encoding.UTF8Decode(b.data)))
}

// jsArrayBuffer resolves with a new ArrayBuffer of the bytes (a copy: the
// blob's bytes are immutable and shared).
func (b *Blob) jsArrayBuffer(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
	return resolved(iso, webidl.ArrayBuffer(iso.VM(), append([]byte(nil), b.data...)))
}

// jsBytes resolves with a new Uint8Array of the bytes.
func (b *Blob) jsBytes(iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
	return resolved(iso, webidl.Uint8Array(iso.VM(), append([]byte(nil), b.data...)))
}

// resolved returns a promise already fulfilled with v.
func resolved(iso *runtime.Isolate, v goja.Value) goja.Value {
	p, resolve, _ := iso.VM().NewPromise()
	_ = resolve(v)
	return iso.VM().ToValue(p)
}

var sliceContext = webidl.Method("Blob", "slice")

// jsSlice implements https://w3c.github.io/FileAPI/#dfn-slice.
func (b *Blob) jsSlice(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	size := int64(len(b.data))
	clamp := webidl.IntOptions{Clamp: true}
	// 1-2. relativeStart: 0 if start is absent; max(size + start, 0) if
	//      start is negative; min(start, size) otherwise.
	relativeStart := int64(0)
	if v := call.Argument(0); !goja.IsUndefined(v) {
		relativeStart = relative(int64(sliceContext.Integer(vm, v, 64, true, clamp)), size)
	}
	// 3. relativeEnd, likewise, defaulting to size.
	relativeEnd := size
	if v := call.Argument(1); !goja.IsUndefined(v) {
		relativeEnd = relative(int64(sliceContext.Integer(vm, v, 64, true, clamp)), size)
	}
	// 4. relativeContentType: "" if contentType is absent, else normalised.
	relativeContentType := ""
	if v := call.Argument(2); !goja.IsUndefined(v) {
		relativeContentType = normalizeType(sliceContext.DOMString(vm, v))
	}
	// 5. Let span be max((relativeEnd − relativeStart), 0).
	span := max(relativeEnd-relativeStart, 0)
	// 6-7. A new Blob of span bytes from relativeStart, with type relativeContentType.
	return NewBlob(iso, b.data[relativeStart:relativeStart+span:relativeStart+span], relativeContentType)
}

func relative(n, size int64) int64 {
	if n < 0 {
		return max(size+n, 0)
	}
	return min(n, size)
}

// normalizeType applies the constructor's (and slice's) type rules: a type
// with a code point outside U+0020..U+007E becomes ""; otherwise it is
// ASCII-lowercased.
func normalizeType(t string) string {
	lower := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < 0x20 || c > 0x7E {
			return ""
		}
		if 'A' <= c && c <= 'Z' {
			lower = true
		}
	}
	if !lower {
		return t
	}
	b := []byte(t)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
