package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/formdata"
	"github.com/edgerun/edgerun/webapi/streams"
	weburl "github.com/edgerun/edgerun/webapi/url"
)

// newIsolate starts an isolate with events and fetch installed.
func newIsolate(t testing.TB, opts Options) *runtime.Isolate {
	return eventstest.New(t, func(iso *runtime.Isolate) {
		events.Install(iso)
		streams.Install(iso)
		weburl.Install(iso)
		file.Install(iso)
		formdata.Install(iso)
		Install(iso, opts)
	})
}

type jsTest struct {
	name, src, want string
}

// runJSTests evaluates each snippet (an async function body) in one isolate.
func runJSTests(t *testing.T, iso *runtime.Isolate, tests []jsTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eventstest.Eval(t, iso, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
