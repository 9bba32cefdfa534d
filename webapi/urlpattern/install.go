package urlpattern

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Install exposes URLPattern as a lazily built global.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, URLPatternClass)
}
