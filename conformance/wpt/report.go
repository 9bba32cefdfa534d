package wpt

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Harness statuses of a run. OK, ERROR, TIMEOUT and PRECONDITION_FAILED are
// testharness.js's own; CRASH (the isolate died: a Go panic in native code,
// or the run exhausted memory) and SKIP (the run needs something the runner
// does not have, such as the Python wptserve) come from the runner.
const (
	HarnessOK                 = "OK"
	HarnessError              = "ERROR"
	HarnessTimeout            = "TIMEOUT"
	HarnessPreconditionFailed = "PRECONDITION_FAILED"
	HarnessCrash              = "CRASH"
	HarnessSkip               = "SKIP"
)

// Subtest statuses, testharness.js's.
const (
	StatusPass               = "PASS"
	StatusFail               = "FAIL"
	StatusTimeout            = "TIMEOUT"
	StatusNotRun             = "NOTRUN"
	StatusPreconditionFailed = "PRECONDITION_FAILED"
)

// Report is the outcome of Run, and the JSON written by --report.
type Report struct {
	// WPTCommit is the checkout's commit when known.
	WPTCommit string   `json:"wptCommit"`
	Results   []Result `json:"results"`
}

// Result is one run: a test file with one variant.
type Result struct {
	// Test is the file's path relative to the WPT root ("url/url-constructor.any.js").
	Test string `json:"test"`
	// Variant is the `// META: variant=` value, "" when the file has none.
	Variant string `json:"variant"`
	// Harness is one of the Harness* statuses.
	Harness  string    `json:"harness"`
	Message  string    `json:"message"`
	Subtests []Subtest `json:"subtests"`
	// Console is what the run wrote to the console (the first 64 KiB).
	Console string `json:"console,omitempty"`
	// Area is the DefaultAreas entry (or top-level directory) of the test.
	Area string `json:"-"`
	// Duration is the run's wall-clock time.
	Duration time.Duration `json:"-"`
	// retry marks a run interrupted only because another run exhausted
	// memory while it was running.
	retry bool
}

// ID names the run: the test path followed by the variant.
func (r Result) ID() string { return r.Test + r.Variant }

// Subtest is one testharness.js test inside a run.
type Subtest struct {
	Name    string `json:"name"`
	Status  string `json:"status"`
	Message string `json:"message"`
}

// Passed reports whether the subtest passed.
func (s Subtest) Passed() bool { return s.Status == StatusPass }

// HarnessFailed reports whether the run's harness status is a failure (not
// OK and not SKIP).
func (r Result) HarnessFailed() bool { return r.Harness != HarnessOK && r.Harness != HarnessSkip }

// WriteFile writes the report as JSON.
func (rep *Report) WriteFile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("wpt: report: %w", err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(rep); err != nil {
		f.Close()
		return fmt.Errorf("wpt: report: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("wpt: report: %w", err)
	}
	return nil
}

// ReadReport reads a report written by WriteFile.
func ReadReport(name string) (*Report, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("wpt: report: %w", err)
	}
	var rep Report
	if err := json.Unmarshal(b, &rep); err != nil {
		return nil, fmt.Errorf("wpt: report %s: %w", name, err)
	}
	for i := range rep.Results {
		rep.Results[i].Area = areaOf(rep.Results[i].Test)
	}
	return &rep, nil
}
