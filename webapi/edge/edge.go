package edge

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/bcrypt"
	"github.com/edgerun/edgerun/webapi/console"
	"github.com/edgerun/edgerun/webapi/encoding"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/fetch"
	"github.com/edgerun/edgerun/webapi/nextserver"
	"github.com/edgerun/edgerun/webapi/node"
	"github.com/edgerun/edgerun/webapi/streams"
	"github.com/edgerun/edgerun/webapi/timers"
	"github.com/edgerun/edgerun/webapi/url"
	"github.com/edgerun/edgerun/webapi/urlpattern"
	"github.com/edgerun/edgerun/webapi/wasm"
)

// Profile selects the edge global surface.
type Profile int

const (
	ProfileNext Profile = iota
	ProfileFull
)

// Options configure the globals.
type Options struct {
	Profile Profile
	// AllowEval lets eval and new Function run (next dev's behaviour, and
	// the WPT profile); OnDynamicCode is then told each time, so the host
	// can print Next's DynamicCodeEvaluationWarning.
	AllowEval     bool
	OnDynamicCode func(kind string)
	// Env is process.env (NEXT_RUNTIME is added).
	Env map[string]string
	// Fetch configures fetch().
	Fetch fetch.Options
	// Console receives console output.
	Console console.Sink
	// NextServer describes the project to next/server.
	NextServer nextserver.Options
	// Worker adds what worker global scopes have beyond Next's edge
	// runtime (reportError, FileReaderSync, navigator): the WPT runner's
	// scope. Routes never get it.
	Worker bool
}

// InstallWebPlatform installs the Web APIs shared by edge and Node routes.
// worker adds what worker-shaped global scopes have beyond Next's edge
// runtime (reportError, FileReaderSync, navigator): the WPT runner's scope.
func InstallWebPlatform(iso *runtime.Isolate, opts Options, worker bool) {
	full := opts.Profile == ProfileFull
	events.Install(iso)
	url.Install(iso)
	encoding.Install(iso)
	streams.Install(iso)
	fetch.Install(iso, opts.Fetch)
	installConsole(iso, opts.Console)
	timers.Install(iso, timers.Options{StringHandlers: opts.AllowEval, ReportError: worker, Immediate: full})
	urlpattern.Install(iso)
	installPlatformExtras(iso, full, worker)
	nextserver.Install(iso, opts.NextServer)
	wasm.Install(iso, wasmOptions(opts))
}

// wasmOptions: compiling WebAssembly from bytes is what Next's production
// edge runtime forbids (V8 codeGeneration.wasm) and next dev allows with a
// DynamicWasmCodeGenerationWarning; the full profile (Node routes, WPT)
// allows it silently.
func wasmOptions(opts Options) wasm.Options {
	o := wasm.Options{AllowCodeGeneration: opts.Profile == ProfileFull || opts.AllowEval}
	if opts.Profile != ProfileFull && opts.AllowEval && opts.OnDynamicCode != nil {
		o.OnCodeGeneration = func() { opts.OnDynamicCode("WebAssembly.compile") }
	}
	return o
}

// Install installs the edge global scope.
func Install(iso *runtime.Isolate, opts Options) error {
	full := opts.Profile == ProfileFull
	InstallWebPlatform(iso, opts, opts.Worker)
	vm := iso.VM()
	g := vm.GlobalObject()
	iso.DefineGlobal("self", g)
	iso.DefineGlobal("EdgeRuntime", vm.ToValue("edge-runtime"))
	events.MakeGlobalEventTarget(iso)
	iso.DefineLazyGlobal("AsyncLocalStorage", func() goja.Value {
		m, err := node.RequireEdge(iso, "node:async_hooks")
		if err != nil {
			panic(err)
		}
		return m.(*goja.Object).Get("AsyncLocalStorage")
	})
	if err := installSandbox(iso, opts.Env, !full); err != nil {
		return err
	}
	return blockDynamicCode(iso, opts)
}

// Require is the edge require: next/server, Next's node: subset, and
// bcryptjs served from Go (the bundler's edgerun:bcryptjs ids).
func Require(iso *runtime.Isolate, id string) (goja.Value, error) {
	switch id {
	case "next/server", "next/server.js":
		return nextserver.Module(iso)
	}
	if bcrypt.IsModule(id) {
		return bcrypt.Require(iso, id)
	}
	if id == "edgerun:wasm" { // bundler.WasmModuleID: `.wasm?module` imports
		return wasm.RequireModule(iso), nil
	}
	return node.RequireEdge(iso, id)
}

// stubbedAPIs are the globals Next defines as functions that throw
// (EDGE_UNSUPPORTED_NODE_APIS in packages/next/src/shared/lib/constants.ts).
var stubbedAPIs = []string{
	"clearImmediate", "setImmediate", "BroadcastChannel", "ByteLengthQueuingStrategy",
	"CompressionStream", "DecompressionStream", "DomException", "MessageChannel", "MessageEvent",
	"MessagePort", "ReadableByteStreamController", "ReadableStreamBYOBRequest",
	"ReadableStreamDefaultController", "TransformStreamDefaultController", "WritableStreamDefaultController",
}
