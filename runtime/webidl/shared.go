package webidl

// Buffer source conversions that honour [AllowShared].
// https://webidl.spec.whatwg.org/#AllowShared
// https://webidl.spec.whatwg.org/#BufferSource
//
// WebIDL's BufferSource is (ArrayBuffer or ArrayBufferView) where neither
// may be backed by a SharedArrayBuffer; AllowSharedBufferSource (and an
// [AllowShared] ArrayBufferView) also admits shared memory. A
// SharedArrayBuffer here is a goja ArrayBuffer the runtime marks as shared
// (see runtime/sharedarraybuffer.go), so BufferSource alone cannot tell the
// two apart: these conversions ask the runtime.
//
// Both also handle views on detached buffers, which hold no bytes (goja
// would export a dangling slice for them; see runtime.ViewBytes).

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// SharedViewMessage is Chrome's TypeError text for an ArrayBufferView on a
// SharedArrayBuffer passed where [AllowShared] is absent; callers prefix it
// with their context ("Failed to execute 'write' on ...: ").
const SharedViewMessage = "The provided ArrayBufferView value must not be shared."

// SharedBufferMessage is the same for a SharedArrayBuffer converted to
// ArrayBuffer, as a union with a BufferSource member does.
const SharedBufferMessage = "The provided ArrayBuffer value must not be shared."

// AllowSharedBufferSource converts an AllowSharedBufferSource (ArrayBuffer,
// SharedArrayBuffer, or a view on either) without copying; the slice aliases
// JS memory, as BufferSource's does. A view on a detached buffer gives no
// bytes. ok is false for any other value.
func AllowSharedBufferSource(iso *runtime.Isolate, v goja.Value) (b []byte, ok bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	if obj.ExportType() == arrayBufferType {
		return obj.Export().(goja.ArrayBuffer).Bytes(), true
	}
	return runtime.ViewBytes(iso, obj)
}

// UnsharedBufferSource converts a BufferSource where [AllowShared] is absent
// (an ArrayBuffer or a view on one) without copying. For a view on a
// SharedArrayBuffer ok is false and sharedView true: the caller throws a
// TypeError with SharedViewMessage. A SharedArrayBuffer itself is simply
// not a BufferSource (ok and sharedView false), so the caller's usual
// "is not of type '(ArrayBuffer or ArrayBufferView)'" error applies.
func UnsharedBufferSource(iso *runtime.Isolate, v goja.Value) (b []byte, sharedView, ok bool) {
	b, ok = AllowSharedBufferSource(iso, v)
	if !ok || !runtime.IsShared(iso, v) {
		return b, false, ok
	}
	if runtime.IsSharedArrayBuffer(iso, v) {
		return nil, false, false
	}
	return nil, true, false
}

// RejectShared throws c's TypeError when v is a SharedArrayBuffer or a view
// on one. Union conversions with a BufferSource member (BodyInit, BlobPart)
// call it first: WebIDL converts anything with an [[ArrayBufferData]] slot
// to the ArrayBuffer member, which refuses shared memory, so such a value
// must not fall through to a string member.
func (c Context) RejectShared(iso *runtime.Isolate, v goja.Value) {
	if !runtime.IsShared(iso, v) {
		return
	}
	if runtime.IsSharedArrayBuffer(iso, v) {
		c.TypeError(iso.VM(), "%s", SharedBufferMessage)
	}
	c.TypeError(iso.VM(), "%s", SharedViewMessage)
}
