package url

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{URLClass, URLSearchParamsClass}

// Install exposes URL and URLSearchParams as lazily built globals.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, Classes...)
}
