package url

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/file"
)

// newIsolate starts an isolate with this package installed.
func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	return jstest.New(t, func(iso *runtime.Isolate) {
		Install(iso)
		file.Install(iso) // for URL.createObjectURL
	})
}
