package fetch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/file"
	weburl "github.com/edgerun/edgerun/webapi/url"
)

// The bridges to webapi/file (Blob), webapi/formdata (FormData) and
// webapi/url (URLSearchParams). Until webapi/formdata lands, FormData bodies
// are refused with a TypeError that says so (recognised by their
// Symbol.toStringTag, since the class does not exist yet).

func toStringTag(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	t := obj.GetSymbol(goja.SymToStringTag)
	if t == nil || goja.IsUndefined(t) {
		return ""
	}
	return t.String()
}

func notYetSupported(iso *runtime.Isolate, what string) {
	jsclass.Throw(iso.VM(), "TypeError", what+" is not supported yet by edgerun's fetch")
}

// blobBody returns a Blob's bytes (shared with the blob: not to be
// modified) and type.
func blobBody(iso *runtime.Isolate, v goja.Value) (data []byte, typ string, ok bool) {
	b, ok := file.BlobOf(iso, v)
	if !ok {
		return nil, "", false
	}
	return b.Bytes(), b.Type(), true
}

// formDataBody serialises a FormData as multipart/form-data.
func formDataBody(iso *runtime.Isolate, v goja.Value) (data []byte, contentType string, ok bool) {
	if toStringTag(v) == "FormData" {
		notYetSupported(iso, "A FormData body")
	}
	return nil, "", false
}

// urlSearchParamsBody serialises a URLSearchParams as application/x-www-form-urlencoded.
func urlSearchParamsBody(iso *runtime.Isolate, v goja.Value) (data []byte, ok bool) {
	p, ok := weburl.SearchParamsOf(iso, v)
	if !ok {
		return nil, false
	}
	return []byte(p.String()), true
}

// newBlob creates a Blob for body.blob(); it takes ownership of data.
func newBlob(iso *runtime.Isolate, data []byte, typ string) goja.Value {
	return file.NewBlob(iso, data, typ)
}

// parseFormData parses a body for body.formData(); mimeType is non-nil.
func parseFormData(iso *runtime.Isolate, data []byte, mimeType *MIMEType) goja.Value {
	notYetSupported(iso, "Body.formData()")
	return nil
}
