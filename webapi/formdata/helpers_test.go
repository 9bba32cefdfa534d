package formdata

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/streams"
	"github.com/edgerun/edgerun/webapi/timers"
	"github.com/edgerun/edgerun/webapi/url"
)

// newIsolate starts an isolate with this package installed.
func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	return jstest.New(t, func(iso *runtime.Isolate) {
		events.Install(iso)
		streams.Install(iso)
		timers.Install(iso)
		file.Install(iso)
		url.Install(iso)
		Install(iso)
	})
}
