package formdata

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{FormDataClass}

// Install exposes FormData as a lazily built global (File and Blob come
// from package file's Install).
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, Classes...)
}
