package wpt

import (
	"io"
	"log/slog"
	"net/http"

	"github.com/edgerun/edgerun/runtime"
)

// Options configure Run.
type Options struct {
	// Root is the WPT checkout (it must contain resources/testharness.js).
	Root string
	// Paths are files or directories relative to Root; empty means DefaultAreas.
	Paths []string
	// Jobs is how many runs go in parallel; zero means GOMAXPROCS.
	Jobs int
	// TimeoutScale multiplies the per-run timeouts (10 s, 60 s for
	// `// META: timeout=long`); zero means 1.
	TimeoutScale float64
	// Setup installs the Web APIs into each run's isolate, before the
	// runner makes the global a DedicatedWorkerGlobalScope. Nil means
	// DefaultSetup. EnvOf(iso) gives the run's fetch client, URL and console.
	Setup func(iso *runtime.Isolate) error
	// MemoryLimit is the Go heap size (bytes) past which in-flight runs are
	// interrupted and the culprit reported CRASH. Zero means 90% of
	// GOMEMLIMIT if set, else half the machine's memory within [1, 8] GiB.
	MemoryLimit uint64
	// WPTCommit is recorded in the report; empty means ask git in Root.
	WPTCommit string
	// Progress, if set, is called after each run (from one goroutine at a time).
	Progress func(Result)
	// Logger receives the isolates' diagnostics; nil discards them.
	Logger *slog.Logger
}

// Env is what the runner gives a run's Setup.
type Env struct {
	// Client is the client fetch() must use: it reaches the WPT origins
	// (http://web-platform.test:8000/..., its subdomains, the https ports),
	// served from Root by the runner, and nothing else.
	Client *http.Client
	// Location is the test's URL (the worker's location), the base URL of
	// relative URLs in fetch() and new Request().
	Location string
	// Console receives the run's console output; it goes into the
	// report (the first 64 KiB).
	Console io.Writer
}

type envKey struct{}

// EnvOf returns the run's Env; nil outside a WPT run. Call it from Setup.
func EnvOf(iso *runtime.Isolate) *Env {
	e, _ := iso.Value(envKey{}).(*Env)
	return e
}
