// Package jstest is the shared harness for the tests of the Web API
// packages: it starts isolates with the packages under test installed,
// runs JavaScript snippets in them and turns their results into strings a
// test can compare, and it finds the Web Platform Tests data files beside
// the module.
//
// It exists so each webapi package's tests hold only what is particular to
// them (which packages to install, the snippets and the expected strings)
// and every package formats results and errors the same way.
//
// Snippets run in one of three ways, which differ only in how they report
// a result:
//   - Eval: the body of an async function; a rejection becomes
//     "throws: " + String(reason).
//   - Call: the body of a plain function; a thrown error becomes
//     "<name>: <message>".
//   - CallAsync: the body of an async function; a rejection becomes
//     "<name>: <message>" as with Call.
package jstest

import (
	"testing"
	"time"

	"github.com/edgerun/edgerun/runtime"
)

// Timeout bounds how long Eval and CallAsync wait for a snippet's promise.
// It guards against hangs only; tests never assert on timing.
var Timeout = 10 * time.Second

// New starts an isolate whose Setup runs install, and closes it when the
// test ends. opts adjust the runtime.Options before the isolate starts.
func New(t testing.TB, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) *runtime.Isolate {
	t.Helper()
	o := runtime.Options{Setup: func(iso *runtime.Isolate) error {
		install(iso)
		return nil
	}}
	for _, f := range opts {
		f(&o)
	}
	iso, err := runtime.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}
