package structuredclone

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/file"
)

// blobData is a serialized Blob or File. Blob bytes are immutable, so the
// slice is shared, not copied.
type blobData struct {
	data         []byte
	typ          string
	isFile       bool
	name         string
	lastModified int64
}

// Blob and File are [Serializable]
// (https://w3c.github.io/FileAPI/#blob-section, #file-section): their
// serialization steps keep the bytes, type, and for files name and
// lastModified. A subclass instance is received as a plain Blob or File.
func init() {
	Register(&Platform{
		Name:  "Blob",
		Match: func(slot any) bool { _, ok := slot.(*file.Blob); return ok },
		Serialize: func(iso *runtime.Isolate, obj *goja.Object, slot any) any {
			b := slot.(*file.Blob)
			d := blobData{data: b.Bytes(), typ: b.Type(), isFile: b.IsFile()}
			if d.isFile {
				d.name, d.lastModified = b.Name(), b.LastModified()
			}
			return d
		},
		Deserialize: func(iso *runtime.Isolate, data any) *goja.Object {
			d := data.(blobData)
			if d.isFile {
				return file.NewFile(iso, d.data, d.name, d.typ, d.lastModified)
			}
			return file.NewBlob(iso, d.data, d.typ)
		},
	})
}
