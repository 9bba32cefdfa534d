package jstest

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
)

// Case is one row of a snippet table: a name, the snippet and String() of
// its expected result, as the Runner the table is run with reports it. It
// is an alias of an unnamed struct so tables in other packages can use
// positional literals.
type Case = struct {
	Name string
	Src  string
	Want string
}

// Run runs each case with Eval in its own isolate built by install, so no
// case sees another's globals.
func Run(t *testing.T, cases []Case, install func(iso *runtime.Isolate), opts ...func(*runtime.Options)) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) {
			check(t, New(t, install, opts...), tt, Eval)
		})
	}
}

// RunIn runs every case with run in iso, one after another, for tables
// whose snippets share one setup (a test server's address in a global) or
// are cheap enough not to need an isolate each.
func RunIn(t *testing.T, iso *runtime.Isolate, cases []Case, run Runner) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) { check(t, iso, tt, run) })
	}
}

func check(t *testing.T, iso *runtime.Isolate, tt Case, run Runner) {
	t.Helper()
	if got := run(t, iso, tt.Src); got != tt.Want {
		t.Errorf("got  %q\nwant %q", got, tt.Want)
	}
}
