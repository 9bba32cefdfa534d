package wpt

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"testing"
)

const testRoot = "testdata/root"

// testScale shortens the 10 s / 60 s run timeouts for the tests that time out.
const testScale = 0.05

var (
	basicOnce   sync.Once
	basicReport *Report
	basicErr    error
)

// runBasic runs testdata/root/basic and testdata/root/url once for every
// test that inspects them.
func runBasic(t *testing.T) *Report {
	t.Helper()
	basicOnce.Do(func() {
		basicReport, basicErr = Run(context.Background(), Options{
			Root:         testRoot,
			Paths:        []string{"basic", "url"},
			TimeoutScale: testScale,
			// Low enough that crash.any.js reaches it quickly.
			MemoryLimit: heapNow() + 512<<20,
		})
	})
	if basicErr != nil {
		t.Fatal(basicErr)
	}
	return basicReport
}

func heapNow() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func findResult(t *testing.T, rep *Report, id string) Result {
	t.Helper()
	for _, r := range rep.Results {
		if r.ID() == id {
			return r
		}
	}
	t.Fatalf("no result for %s", id)
	return Result{}
}

var runTests = []struct {
	id       string
	harness  string
	message  string            // substring of the harness message
	subtests map[string]string // name → status; must match exactly
}{
	{id: "basic/pass.any.js", harness: HarnessOK, subtests: map[string]string{
		"arithmetic": StatusPass, "self is the global": StatusPass, "promise": StatusPass, "async": StatusPass}},
	{id: "basic/fail.any.js", harness: HarnessOK, subtests: map[string]string{
		"passes": StatusPass, "fails": StatusFail, "rejects": StatusFail}},
	{id: "basic/timeout.any.js", harness: HarnessTimeout, subtests: map[string]string{
		"passes": StatusPass, "never finishes": StatusTimeout}},
	{id: "basic/hang.any.js", harness: HarnessTimeout, subtests: map[string]string{
		"before the loop": StatusPass}},
	{id: "basic/crash.any.js", harness: HarnessCrash, message: "memory limit", subtests: map[string]string{
		"before the allocation": StatusPass}},
	{id: "basic/throws.any.js", harness: HarnessError, message: "Uncaught Error: boom", subtests: map[string]string{
		"defined before the throw": StatusPass}},
	{id: "basic/rejection.any.js", harness: HarnessError, message: "Unhandled rejection: nobody handles this", subtests: map[string]string{
		"pending": StatusNotRun}},
	{id: "basic/meta.any.js?first", harness: HarnessOK, subtests: map[string]string{
		"script include ?first": StatusPass, "title ?first": StatusPass, "substitution ?first": StatusPass}},
	{id: "basic/meta.any.js?second", harness: HarnessOK, subtests: map[string]string{
		"script include ?second": StatusPass, "title ?second": StatusPass, "substitution ?second": StatusPass}},
	{id: "basic/needs-server.any.js", harness: HarnessSkip, message: "needs wptserve: the Python handler /basic/resources/handler.py", subtests: map[string]string{}},
	{id: "basic/scope.worker.js", harness: HarnessOK, subtests: map[string]string{
		"global is a DedicatedWorkerGlobalScope": StatusPass,
		"global is a WorkerGlobalScope":          StatusPass,
		"global is an EventTarget":               StatusPass,
		"no GLOBAL for .worker.js":               StatusPass,
		"location":                               StatusPass,
		"origin":                                 StatusPass,
		"location stringifies":                   StatusPass,
		"http is not a secure context":           StatusPass,
		"importScripts of a missing script throws NetworkError": StatusPass,
		"global event listeners":                                StatusPass,
	}},
	{id: "url/no-document.any.js", harness: HarnessOK, subtests: map[string]string{
		"no document in a worker test": StatusPass}},
	{id: "url/url-setters-a-area.window.js", harness: HarnessOK, subtests: map[string]string{
		"document is a global binding, not a property of the worker global": StatusPass,
		"other elements are not supported":                                  StatusPass,
		"an element without href has a null url":                            StatusPass,
		"href resolves against the document URL":                            StatusPass,
		"an href that does not parse gives a null url":                      StatusPass,
		"setters update href":                                               StatusPass,
		"setters the URL cannot take are ignored":                           StatusPass,
		"values are USVStrings":                                             StatusPass,
	}},
}

func TestRunOutcomes(t *testing.T) {
	rep := runBasic(t)
	for _, tt := range runTests {
		t.Run(tt.id, func(t *testing.T) {
			r := findResult(t, rep, tt.id)
			if r.Harness != tt.harness || !strings.Contains(r.Message, tt.message) {
				t.Errorf("harness = %s %q, want %s containing %q", r.Harness, r.Message, tt.harness, tt.message)
			}
			got := map[string]string{}
			for _, s := range r.Subtests {
				got[s.Name] = s.Status
			}
			if len(got) != len(tt.subtests) {
				t.Errorf("subtests = %v, want %v", got, tt.subtests)
			}
			for name, want := range tt.subtests {
				if got[name] != want {
					t.Errorf("subtest %q = %q, want %q (all: %v)", name, got[name], want, r.Subtests)
				}
			}
		})
	}
}

func TestRunCoversEveryWorkerTestOnce(t *testing.T) {
	rep := runBasic(t)
	var ids []string
	for _, r := range rep.Results {
		ids = append(ids, r.ID())
	}
	if len(ids) != len(runTests) {
		t.Errorf("runs = %v, want the %d of runTests (window-only tests are not runs)", ids, len(runTests))
	}
	for i := 1; i < len(rep.Results); i++ {
		if rep.Results[i-1].Test > rep.Results[i].Test {
			t.Errorf("results out of order: %s before %s", rep.Results[i-1].Test, rep.Results[i].Test)
		}
	}
}

func TestFailureMessagesReachTheReport(t *testing.T) {
	r := findResult(t, runBasic(t), "basic/fail.any.js")
	for _, s := range r.Subtests {
		if s.Name == "fails" && s.Message != "assert_equals: numbers expected 1 but got 2" {
			t.Errorf("message = %q", s.Message)
		}
	}
}

func TestRunRejectsBadInput(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts Options
		want string
	}{
		{"no harness", Options{Root: "testdata"}, "not a WPT checkout"},
		{"missing path", Options{Root: testRoot, Paths: []string{"nope"}}, "no such file"},
		{"escaping path", Options{Root: testRoot, Paths: []string{"../x"}}, "outside the WPT root"},
		{"not a test", Options{Root: testRoot, Paths: []string{"basic/resources/helper.js"}}, "not a test"},
		{"window only", Options{Root: testRoot, Paths: []string{"basic/window-only.any.js"}}, "does not run in a dedicated worker"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
