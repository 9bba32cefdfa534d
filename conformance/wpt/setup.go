package wpt

import (
	"github.com/edgerun/edgerun/runtime"
)

// DefaultSetup installs the Web APIs a run gets when Options.Setup is nil:
// every package committed under webapi/ so far. It is the one place to swap
// for the full edge profile (webapi/edge) once that exists; fetch should use
// HTTPClient(iso).
//
// Nothing is committed under webapi/ yet, so runs see goja's built-ins plus
// the worker global scope the runner installs itself.
func DefaultSetup(iso *runtime.Isolate) error {
	return nil
}
