package file

import (
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// NewFile creates a File object holding data (the file owns data from then
// on). lastModified is in milliseconds since the Unix epoch.
func NewFile(iso *runtime.Isolate, data []byte, name, contentType string, lastModified int64) *goja.Object {
	return jsclass.New(iso, FileClass, &Blob{
		data: data,
		typ:  normalizeType(contentType),
		file: &fileInfo{name: name, lastModified: lastModified},
	})
}

var fileCtor = webidl.Construct("File")

// FileClass is the File interface (https://w3c.github.io/FileAPI/#file-section).
var FileClass = &jsclass.Class{
	Name:    "File",
	Extends: BlobClass,
	Length:  2,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		fileCtor.RequireConstructArgs(vm, call, 2)
		parts := convertBlobParts(iso, fileCtor, call.Argument(0))
		name := fileCtor.USVString(vm, call.Argument(1))
		// FilePropertyBag: BlobPropertyBag's members, then lastModified.
		opts := convertBlobPropertyBag(vm, fileCtor, call.Argument(2))
		lastModified := time.Now().UnixMilli()
		if dict, ok := call.Argument(2).(*goja.Object); ok {
			if v := webidl.Member(dict, "lastModified"); v != nil {
				lastModified = int64(fileCtor.Integer(vm, v, 64, true, webidl.IntOptions{}))
			}
		}
		// 1. Let bytes be the result of processing blob parts given fileBits and options.
		// 2. Let n be the fileName argument to the constructor.
		// 3.1-3.2. Normalise the type; 3.3. lastModified, or the current date and time.
		// 4. Return a new File object F such that: F refers to the bytes byte
		//    sequence; F.size is set to the number of total bytes in bytes;
		//    F.name is set to n; F.type is set to t; F.lastModified is set to d.
		return &Blob{
			data: processBlobParts(parts, opts.nativeEndings),
			typ:  normalizeType(opts.typ),
			file: &fileInfo{name: name, lastModified: lastModified},
		}
	},
	Members: []jsclass.Member{
		jsclass.Getter("name", func(b *Blob, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(fileOnly(iso, b).name)
		}),
		jsclass.Getter("lastModified", func(b *Blob, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(fileOnly(iso, b).lastModified)
		}),
	},
}

// fileOnly brand-checks File members: a plain Blob is not a File.
func fileOnly(iso *runtime.Isolate, b *Blob) *fileInfo {
	if b.file == nil {
		jsclass.Throw(iso.VM(), "TypeError", "Illegal invocation")
	}
	return b.file
}
