package fetch

import (
	"reflect"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

var (
	arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})
	mapType         = reflect.TypeOf(map[string]any(nil))
)

// isBufferSource reports whether obj may be an ArrayBuffer or view, without
// exporting ordinary objects (goja's Export of an ordinary object builds a
// map of all its properties).
func isBufferSource(iso *runtime.Isolate, obj *goja.Object) bool {
	t := obj.ExportType()
	switch {
	case t == nil:
		return false
	case t == mapType:
		// goja exports a DataView like an ordinary object.
		dv := stateOf(iso).dataViewProto
		for p := obj.Prototype(); p != nil; p = p.Prototype() {
			if p == dv {
				return true
			}
		}
		return false
	}
	return t == arrayBufferType || t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface
}

// extractBody implements "extract" for a BodyInit
// (https://fetch.spec.whatwg.org/#concept-bodyinit-extract). The returned
// type is "" when the standard's type is null.
func extractBody(iso *runtime.Isolate, ctx webidl.Context, v goja.Value, keepalive bool) (*body, string) {
	vm := iso.VM()
	if obj, ok := v.(*goja.Object); ok {
		// ReadableStream
		if isReadableStream(iso, obj) {
			// If keepalive is true, then throw a TypeError.
			if keepalive {
				ctx.TypeError(vm, "Keepalive request cannot have a ReadableStream body.")
			}
			// If object is disturbed or locked, then throw a TypeError.
			if streamDisturbed(iso, obj) || streamLocked(iso, obj) {
				ctx.TypeError(vm, "Cannot use a ReadableStream that has been read or is locked as a body.")
			}
			return newStreamBody(obj), ""
		}
		// Blob: source is the blob, length its size, type its type if not empty.
		if data, typ, ok := blobBody(iso, obj); ok {
			return newBytesBody(data, true), typ
		}
		// BufferSource: source is a copy of the bytes held by object.
		// (BufferSource lacks [AllowShared]: shared memory is a TypeError.)
		if isBufferSource(iso, obj) {
			ctx.RejectShared(iso, obj)
			if b, ok := webidl.AllowSharedBufferSource(iso, obj); ok {
				return newBytesBody(append([]byte(nil), b...), false), ""
			}
		}
		// FormData: the multipart/form-data encoding of its entry list.
		if data, typ, ok := formDataBody(iso, obj); ok {
			return newBytesBody(data, false), typ
		}
		// URLSearchParams: the application/x-www-form-urlencoded serialization.
		if data, ok := urlSearchParamsBody(iso, obj); ok {
			return newBytesBody(data, false), "application/x-www-form-urlencoded;charset=UTF-8"
		}
	}
	// scalar value string: the UTF-8 encoding of object.
	s := ctx.USVString(vm, v)
	return newBytesBody([]byte(s), false), "text/plain;charset=UTF-8"
}
