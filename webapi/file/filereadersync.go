package file

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// fileReaderSync backs a FileReaderSync object; it has no state.
type fileReaderSync struct{ jsclass.Shell }

// FileReaderSyncClass is the FileReaderSync interface
// (https://w3c.github.io/FileAPI/#FileReaderSync), which only workers
// expose; see InstallWorker.
var FileReaderSyncClass = &jsclass.Class{
	Name:   "FileReaderSync",
	Length: 0,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		return &fileReaderSync{}
	},
	Members: []jsclass.Member{
		syncReadMethod("readAsArrayBuffer", readArrayBuffer),
		syncReadMethod("readAsBinaryString", readBinaryString),
		syncReadMethod("readAsText", readText),
		syncReadMethod("readAsDataURL", readDataURL),
	},
}

// syncReadMethod implements the FileReaderSync methods: get the blob's
// bytes (already in memory, so the read cannot fail) and package them as
// the asynchronous reader does.
func syncReadMethod(name string, kind readKind) jsclass.Member {
	ctx := webidl.Method("FileReaderSync", name)
	return jsclass.Method(name, 1, func(_ *fileReaderSync, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
		blob, encodingName, hasEncoding := readArgs(ctx, iso, call, kind)
		return packageData(iso, blob.data, kind, blob.typ, encodingName, hasEncoding)
	})
}

// fileList would back a FileList; the host never creates one (there are
// no file inputs), but the interface exists, as in workers.
type fileList struct {
	jsclass.Shell
	files []*goja.Object
}

// FileListClass is the FileList interface (https://w3c.github.io/FileAPI/#filelist-section).
// It has no constructor.
var FileListClass = &jsclass.Class{
	Name: "FileList",
	Members: []jsclass.Member{
		jsclass.Method("item", 1, func(l *fileList, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			vm := iso.VM()
			ctx := webidl.Method("FileList", "item")
			ctx.RequireArgs(vm, call, 1)
			i := ctx.UnsignedLong(vm, call.Argument(0), webidl.IntOptions{})
			if int(i) >= len(l.files) {
				return goja.Null()
			}
			return l.files[i]
		}),
		jsclass.Getter("length", func(l *fileList, iso *runtime.Isolate) goja.Value {
			return iso.VM().ToValue(len(l.files))
		}),
	},
}
