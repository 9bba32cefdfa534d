package file

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{BlobClass, FileClass, FileListClass, FileReaderClass, ProgressEventClass}

// Install exposes Blob, File, FileList, FileReader and ProgressEvent as
// lazily built globals.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, Classes...)
}

// InstallWorker also exposes FileReaderSync, which the File API exposes
// only in dedicated and shared workers (edge runtimes, like Next.js's, do
// not have it; a worker-shaped global scope, as WPT's, does).
func InstallWorker(iso *runtime.Isolate) {
	Install(iso)
	jsclass.Install(iso, FileReaderSyncClass)
}
