package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/formdata"
	"github.com/edgerun/edgerun/webapi/streams"
	weburl "github.com/edgerun/edgerun/webapi/url"
)

// newIsolate starts an isolate with events and fetch installed.
func newIsolate(t testing.TB, opts Options) *runtime.Isolate {
	return jstest.New(t, func(iso *runtime.Isolate) {
		events.Install(iso)
		streams.Install(iso)
		weburl.Install(iso)
		file.Install(iso)
		formdata.Install(iso)
		Install(iso, opts)
	})
}
