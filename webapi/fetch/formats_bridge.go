package fetch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/formdata"
	weburl "github.com/edgerun/edgerun/webapi/url"
)

// The bridges to webapi/file (Blob), webapi/formdata (FormData) and
// webapi/url (URLSearchParams), the BodyInit types other packages own.

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
	fd, ok := formdata.FormDataOf(iso, v)
	if !ok {
		return nil, "", false
	}
	data, contentType = formdata.Serialize(iso, fd)
	// An empty FormData is an empty body (as browsers send it, and as WPT's
	// request-consume-empty.any.js expects), not a lone closing delimiter.
	if len(fd.Entries()) == 0 {
		data = []byte{}
	}
	return data, contentType, true
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

// parseFormData parses a body for body.formData(); mimeType's essence is
// multipart/form-data or application/x-www-form-urlencoded.
func parseFormData(iso *runtime.Isolate, data []byte, mimeType *MIMEType) goja.Value {
	if mimeType.Essence() == "application/x-www-form-urlencoded" {
		return formdata.ParseURLEncoded(iso, data)
	}
	fd, err := formdata.ParseMultipart(iso, data, isomorphicEncode(mimeType.String()))
	if err != nil {
		// Chrome's wording for a body that does not parse.
		panic(newTypeError(iso, "Failed to fetch", nil))
	}
	return fd
}
