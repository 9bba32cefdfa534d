package file

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// blobPart is one converted (BufferSource or Blob or USVString) item.
type blobPart struct {
	bytes  []byte // a copy of a BufferSource, or a Blob's (immutable) bytes
	str    string // a USVString
	isText bool
}

// convertBlobParts converts the optional sequence<BlobPart> argument.
func convertBlobParts(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) []blobPart {
	vm := iso.VM()
	if goja.IsUndefined(v) {
		return nil
	}
	var parts []blobPart
	if !webidl.Iterate(vm, v, func(item goja.Value) {
		parts = append(parts, convertBlobPart(iso, ctx, item))
	}) {
		ctx.TypeError(vm, "The provided value cannot be converted to a sequence.")
	}
	return parts
}

// convertBlobPart runs the WebIDL union conversion for
// (BufferSource or Blob or USVString): a Blob, then an ArrayBuffer or view,
// then anything else as a string.
func convertBlobPart(iso *runtime.Isolate, ctx webidl.Context, v goja.Value) blobPart {
	vm := iso.VM()
	if obj, ok := v.(*goja.Object); ok {
		if b, ok := BlobOf(iso, obj); ok {
			return blobPart{bytes: b.data}
		}
		// "Get a copy of the bytes held by the buffer source": the caller
		// may change the buffer after the constructor returns.
		// BufferSource lacks [AllowShared]: shared memory is a TypeError.
		ctx.RejectShared(iso, obj)
		if b, ok := webidl.AllowSharedBufferSource(iso, obj); ok {
			return blobPart{bytes: append([]byte(nil), b...)}
		}
	}
	return blobPart{str: ctx.USVString(vm, v), isText: true}
}

// blobOptions is a converted BlobPropertyBag.
type blobOptions struct {
	typ           string
	nativeEndings bool
}

// convertBlobPropertyBag converts a BlobPropertyBag (members in
// lexicographic order: endings, type). extra, if given, reads the members
// of a derived dictionary afterwards.
func convertBlobPropertyBag(vm *goja.Runtime, ctx webidl.Context, v goja.Value) blobOptions {
	dict := ctx.Dictionary(vm, v, "BlobPropertyBag")
	var opts blobOptions
	if e := webidl.Member(dict, "endings"); e != nil {
		switch s := ctx.DOMString(vm, e); s {
		case "transparent":
		case "native":
			opts.nativeEndings = true
		default:
			ctx.TypeError(vm, "The provided value '%s' is not a valid enum value of type EndingType.", s)
		}
	}
	if t := webidl.Member(dict, "type"); t != nil {
		opts.typ = ctx.DOMString(vm, t)
	}
	return opts
}

// processBlobParts implements https://w3c.github.io/FileAPI/#process-blob-parts.
func processBlobParts(parts []blobPart, nativeEndings bool) []byte {
	n := 0
	for _, p := range parts {
		n += len(p.bytes) + len(p.str)
	}
	// 1. Let bytes be an empty sequence of bytes.
	bytes := make([]byte, 0, n)
	// 2. For each element in parts:
	for _, p := range parts {
		// 2.1. If element is a USVString: if the endings member of options is
		//      "native", convert line endings to native; append the result of
		//      UTF-8 encoding s to bytes.
		if p.isText {
			s := p.str
			if nativeEndings {
				s = convertLineEndingsToNative(s)
			}
			bytes = append(bytes, s...)
			continue
		}
		// 2.2-2.3. If element is a BufferSource or a Blob, append its bytes.
		bytes = append(bytes, p.bytes...)
	}
	return bytes
}

// convertLineEndingsToNative implements
// https://w3c.github.io/FileAPI/#convert-line-endings-to-native with "\n"
// as the native line ending (edgerun runs on Unix-like systems, as Chrome
// on Linux and macOS does): every "\r\n" and lone "\r" becomes "\n".
func convertLineEndingsToNative(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
