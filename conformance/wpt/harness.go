package wpt

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// hookSource adds the runner's callbacks to testharness.js through its
// public API, as wptrunner's testharnessreport.js does, and hands back
// testharness's timeout() for the soft timeout.
const hookSource = `(function (onResult, onComplete) {
  add_result_callback(function (test) {
    onResult(String(test.name), test.status, test.message == null ? "" : String(test.message));
  });
  add_completion_callback(function (tests, status) {
    var list = [];
    for (var i = 0; i < tests.length; i++) {
      var t = tests[i];
      list.push([String(t.name), t.status, t.message == null ? "" : String(t.message)]);
    }
    onComplete(list, status.status, status.message == null ? "" : String(status.message));
  });
  return typeof timeout === "function" ? timeout : null;
})`

var hookProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("edgerun:wpt-hook", hookSource, true)
})

// testharness.js status codes (Test.statuses and TestsStatus.statuses).
var (
	subtestStatuses = []string{StatusPass, StatusFail, StatusTimeout, StatusNotRun, StatusPreconditionFailed}
	harnessStatuses = []string{HarnessOK, HarnessError, HarnessTimeout, HarnessPreconditionFailed}
)

func statusName(names []string, v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return names[0]
	}
	i := v.ToInteger()
	if i < 0 || int(i) >= len(names) {
		return fmt.Sprintf("UNKNOWN(%d)", i)
	}
	return names[i]
}

// validUTF8 converts a JS string for the report. Subtest names are keys of
// the expectation files, so they must survive a JSON round trip unchanged:
// lone surrogates become U+FFFD here rather than in the JSON encoder.
func validUTF8(v goja.Value) string {
	return strings.ToValidUTF8(v.String(), "\uFFFD")
}

// hookHarness runs right after testharness.js loads.
func (sc *scope) hookHarness() {
	vm := sc.vm
	fnv, err := vm.RunProgram(hookProgram())
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	onResult := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		sc.state.addPartial(Subtest{
			Name:    validUTF8(call.Argument(0)),
			Status:  statusName(subtestStatuses, call.Argument(1)),
			Message: validUTF8(call.Argument(2)),
		})
		return goja.Undefined()
	})
	onComplete := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		var subtests []Subtest
		if arr, ok := call.Argument(0).(*goja.Object); ok {
			n := int(arr.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				t := arr.Get(fmt.Sprint(i)).(*goja.Object)
				subtests = append(subtests, Subtest{
					Name:    validUTF8(t.Get("0")),
					Status:  statusName(subtestStatuses, t.Get("1")),
					Message: validUTF8(t.Get("2")),
				})
			}
		}
		sc.state.finish(statusName(harnessStatuses, call.Argument(1)), validUTF8(call.Argument(2)), subtests)
		return goja.Undefined()
	})
	ret, err := fn(goja.Undefined(), onResult, onComplete)
	if err != nil {
		panic(err)
	}
	sc.harnessTimeout, _ = goja.AssertFunction(ret)
	sc.hooked = true
}

// softTimeout asks testharness to time the run out (marking unfinished
// subtests TIMEOUT/NOTRUN and completing), as wptrunner does when its
// timeout expires. The caller kills the isolate if that does not complete.
func (sc *scope) softTimeout() {
	if sc.harnessTimeout == nil {
		return
	}
	_, err := sc.harnessTimeout(goja.Undefined())
	sc.reportCallbackError(err)
}

// workerScript is the classic script the worker starts with. For .any.js
// and .window.js tests it is the wrapper wptserve generates for
// `<test>.any.worker.js`; a .worker.js test is its own script.
func (sc *scope) workerScript(spec runSpec) (*goja.Program, error) {
	f := spec.file
	if f.kind == kindWorker {
		return sc.tree.program(f.path)
	}
	var b strings.Builder
	b.WriteString("self.GLOBAL = {\n  isWindow: function () { return false; },\n  isWorker: function () { return true; },\n  isShadowRealm: function () { return false; },\n};\n")
	b.WriteString("importScripts(\"/resources/testharness.js\");\n")
	if f.meta.title != "" {
		fmt.Fprintf(&b, "self.META_TITLE = %s;\n", jsString(f.meta.title))
	}
	for _, s := range f.meta.scripts {
		fmt.Fprintf(&b, "importScripts(%s);\n", jsString(s))
	}
	fmt.Fprintf(&b, "importScripts(%s);\ndone();\n", jsString("/"+f.path))
	return compile(spec.url(), b.String())
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// start runs the worker script: the run's first task.
func (sc *scope) start(spec runSpec) {
	prg, err := sc.workerScript(spec)
	if err != nil {
		sc.state.finish(HarnessError, "loading the test: "+err.Error(), nil)
		return
	}
	if _, err := sc.vm.RunProgram(prg); err != nil {
		var ex *goja.Exception
		if runtimeInterrupted(err) {
			return
		}
		if asException(err, &ex) {
			sc.reportException(ex.Value())
		} else {
			sc.state.finish(HarnessError, err.Error(), nil)
		}
	}
	if !sc.hooked {
		sc.state.finish(HarnessError, "the test did not load /resources/testharness.js", nil)
	}
}
