package jstest

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
)

// Case is one row of a snippet table: a name, the snippet (an async
// function body, run with Eval) and String() of its expected result. It is
// an alias of an unnamed struct so tables in other packages can use
// positional literals.
type Case = struct {
	Name string
	Src  string
	Want string
}

// Run runs each case in its own isolate built by install, so no case sees
// another's globals.
func Run(t *testing.T, cases []Case, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) {
			check(t, New(t, install, opts...), tt)
		})
	}
}

// RunIn runs every case in iso, one after another, for tables whose
// snippets share expensive setup (a test server's address in a global).
func RunIn(t *testing.T, iso *runtime.Isolate, cases []Case) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) { check(t, iso, tt) })
	}
}

func check(t *testing.T, iso *runtime.Isolate, tt Case) {
	t.Helper()
	if got := Eval(t, iso, tt.Src); got != tt.Want {
		t.Errorf("got  %q\nwant %q", got, tt.Want)
	}
}
