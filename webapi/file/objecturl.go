package file

import (
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// The blob URL store (https://w3c.github.io/FileAPI/#url-model): blob: URLs
// made by URL.createObjectURL map to their blobs, per isolate (an isolate
// is one environment). The url package exposes these as URL's statics;
// fetch resolves blob: URLs through ResolveObjectURL.

type storeKey struct{}
type originKey struct{}

func store(iso *runtime.Isolate) map[string]*Blob {
	m, ok := iso.Value(storeKey{}).(map[string]*Blob)
	if !ok {
		m = make(map[string]*Blob)
		iso.SetValue(storeKey{}, m)
	}
	return m
}

// SetOrigin sets the serialized origin of the isolate's environment, which
// blob URLs embed ("blob:https://example.com/<uuid>"). Without it the
// global location's origin is used if the host defines location, else "null".
func SetOrigin(iso *runtime.Isolate, origin string) { iso.SetValue(originKey{}, origin) }

func origin(iso *runtime.Isolate) string {
	if o, ok := iso.Value(originKey{}).(string); ok {
		return o
	}
	if loc, ok := iso.VM().GlobalObject().Get("location").(*goja.Object); ok {
		if o, ok := loc.Get("origin").Export().(string); ok {
			return o
		}
	}
	return "null"
}

// CreateObjectURL adds blob to the blob URL store and returns its new URL
// (https://w3c.github.io/FileAPI/#unicodeBlobURL): "blob:", the serialized
// origin, "/", and a UUID.
func CreateObjectURL(iso *runtime.Isolate, blob *Blob) string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0F | 0x40 // version 4
	u[8] = u[8]&0x3F | 0x80 // variant 10
	url := fmt.Sprintf("blob:%s/%x-%x-%x-%x-%x", origin(iso), u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
	store(iso)[url] = blob
	return url
}

// RevokeObjectURL removes a blob URL from the store. The URL must match
// exactly, without fragment (callers strip it, as the URL parser does).
func RevokeObjectURL(iso *runtime.Isolate, url string) {
	delete(store(iso), url)
}

// ResolveObjectURL returns the blob a blob: URL (serialized without its
// fragment) refers to, if it has not been revoked.
func ResolveObjectURL(iso *runtime.Isolate, url string) (*Blob, bool) {
	if !strings.HasPrefix(url, "blob:") {
		return nil, false
	}
	b, ok := store(iso)[url]
	return b, ok
}
