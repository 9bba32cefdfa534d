package encoding

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{TextEncoderClass, TextDecoderClass}

// Install exposes TextEncoder and TextDecoder as lazily built globals, and
// atob and btoa.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, Classes...)
	installBase64(iso)
}
