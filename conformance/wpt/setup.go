package wpt

import (
	"errors"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/console"
	"github.com/edgerun/edgerun/webapi/edge"
	"github.com/edgerun/edgerun/webapi/fetch"
)

// DefaultSetup installs the Web APIs a run gets when Options.Setup is nil:
// the full edge profile (webapi/edge, ProfileFull) with eval allowed (as
// for next dev), fetch() wired to the runner's WPT origins, relative URLs
// resolved against the test's URL, and the console captured into the
// report. This is the one place that decides what "edgerun" means for the
// WPT numbers.
func DefaultSetup(iso *runtime.Isolate) error {
	env := EnvOf(iso)
	if env == nil {
		return errors.New("wpt: DefaultSetup called outside a WPT run")
	}
	return edge.Install(iso, edge.Options{
		Profile:   edge.ProfileFull,
		AllowEval: true,
		Worker:    true, // a DedicatedWorkerGlobalScope has reportError, FileReaderSync, navigator
		Fetch:     fetch.Options{Client: env.Client, BaseURL: env.Location},
		Console:   console.WriterSink(env.Console, env.Console),
	})
}
