package file

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{BlobClass, FileClass, FileReaderClass, ProgressEventClass}

// Install exposes Blob, File, FileReader and ProgressEvent as lazily built
// globals.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, Classes...)
}
