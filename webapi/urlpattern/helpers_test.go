package urlpattern

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/url"
)

// newIsolate starts an isolate with URLPattern and URL installed.
func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	return jstest.New(t, func(iso *runtime.Isolate) {
		Install(iso)
		url.Install(iso)
	})
}
