package jstest

import (
	"testing"

	"github.com/edgerun/edgerun/runtime"
)

func nothing(*runtime.Isolate) {}

// formatTests pin the strings each way of running a snippet reports, which
// every webapi package's expected values are written against.
var formatTests = []struct {
	name string
	run  Runner
	src  string
	want string
}{
	{"Eval value", Eval, `return 1 + 1`, "2"},
	{"Eval awaits", Eval, `return await Promise.resolve("x")`, "x"},
	{"Eval undefined", Eval, ``, "undefined"},
	{"Eval rejection", Eval, `throw new TypeError("bad")`, "throws: TypeError: bad"},
	{"Eval unprintable", Eval, `return {toString() { throw new Error("no") }}`, "<unprintable>"},
	{"CallAsync value", CallAsync, `return await Promise.resolve([1, 2])`, "1,2"},
	{"CallAsync rejection", CallAsync, `throw new RangeError("far")`, "RangeError: far"},
	{"CallAsync non-error rejection", CallAsync, `throw "s"`, "undefined: undefined"},
	{"Call value", Call, `return "v"`, "v"},
	{"Call undefined", Call, `1`, "undefined"},
	{"Call throws", Call, `throw new SyntaxError("bad")`, "SyntaxError: bad"},
}

func TestFormats(t *testing.T) {
	iso := New(t, nothing)
	for _, tt := range formatTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.run(t, iso, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCallGlobals(t *testing.T) {
	iso := New(t, nothing)
	if got := call(t, iso, `return DATA + N`, map[string]any{"DATA": "d", "N": 1}); got != "d1" {
		t.Errorf("got %q", got)
	}
}

func TestNewOptions(t *testing.T) {
	installed := false
	iso := New(t, func(*runtime.Isolate) { installed = true }, func(o *runtime.Options) {
		setup := o.Setup
		o.Setup = func(iso *runtime.Isolate) error {
			if err := setup(iso); err != nil {
				return err
			}
			_, err := iso.VM().RunString(`globalThis.fromOption = "yes"`)
			return err
		}
	})
	if got := Eval(t, iso, `return fromOption`); got != "yes" || !installed {
		t.Errorf("got %q, installed %v", got, installed)
	}
}

func TestRun(t *testing.T) {
	Run(t, []Case{
		{"first", `globalThis.leak = 1; return typeof leak`, "number"},
		{"fresh isolate", `return typeof leak`, "undefined"},
	}, nothing)
	iso := New(t, nothing)
	RunIn(t, iso, []Case{
		{"first", `globalThis.shared = 1; return typeof shared`, "number"},
		{"same isolate", `return typeof shared`, "number"},
		{"with the runner given", `throw new TypeError("t")`, "TypeError: t"},
	}, Call)
}

// TestRunWPTData binds a real data file and lets a known failure through;
// it skips, like every WPT test, where ../shared/wpt-data is absent.
func TestRunWPTData(t *testing.T) {
	RunWPTData(t, New(t, nothing), "url/resources/urltestdata.json",
		`if (!Array.isArray(JSON.parse(DATA))) throw new Error("DATA not bound"); return "2\nx :: expected"`,
		map[string]string{"x": "the reason"})
}

func BenchmarkBenchCall(b *testing.B) {
	BenchCall(b, New(b, nothing), `(function () { return "x" })`, "x")
}
