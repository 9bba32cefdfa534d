// Package eventstest is the name the events, timers and console tests (and
// the packages that followed them) first imported the snippet harness by.
// The harness itself lives in internal/jstest, shared with every webapi
// package; these forward to it so both import paths run the same code.
// New tests import internal/jstest.
package eventstest

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/runtime"
)

// New is jstest.New: an isolate whose Setup runs install, closed when the
// test ends.
func New(t testing.TB, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) *runtime.Isolate {
	t.Helper()
	return jstest.New(t, install, opts...)
}

// Eval is jstest.Eval: src runs as an async function body; the result is
// String() of its value or "throws: " + String() of its rejection.
func Eval(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	return jstest.Eval(t, iso, src)
}

// Case is jstest.Case: a name, a snippet and its expected result.
type Case = jstest.Case

// Run is jstest.Run: each case in its own isolate built by install.
func Run(t *testing.T, cases []Case, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) {
	t.Helper()
	jstest.Run(t, cases, install, opts...)
}
