package edge

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/console"
	"github.com/edgerun/edgerun/webapi/crypto"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/formdata"
	"github.com/edgerun/edgerun/webapi/messaging"
	"github.com/edgerun/edgerun/webapi/navigator"
	"github.com/edgerun/edgerun/webapi/performance"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

// installConsole installs console writing to sink (stderr-style discard when nil).
func installConsole(iso *runtime.Isolate, sink console.Sink) {
	if sink == nil {
		sink = console.SinkFunc(func(string, string) {})
	}
	console.Install(iso, sink)
}

// installPlatformExtras installs the rest of the shared Web platform: each
// package installs its globals lazily, so an isolate pays only for what its
// route touches. Messaging (MessageChannel...) and navigator are not part
// of Next's edge runtime; they come with the full profile and worker
// scopes.
func installPlatformExtras(iso *runtime.Isolate, full, worker bool) {
	file.Install(iso)
	if worker {
		file.InstallWorker(iso)
	}
	formdata.Install(iso)
	structuredclone.Install(iso)
	performance.Install(iso)
	crypto.Install(iso)
	if full || worker {
		messaging.Install(iso)
		navigator.Install(iso, navigator.Options{UserAgent: "edgerun"})
	}
}
