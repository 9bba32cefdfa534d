package wpt

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// mainPaths are quick tests with failures of each kind the expectations record.
var mainPaths = []string{"basic/fail.any.js", "basic/pass.any.js", "basic/throws.any.js", "basic/needs-server.any.js"}

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func mainArgs(dir string, extra ...string) []string {
	args := []string{"--root", testRoot, "--expectations", dir}
	args = append(args, extra...)
	return append(args, mainPaths...)
}

func readExpectations(t *testing.T, dir string) map[string]*FileExpectation {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "basic.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]*FileExpectation
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func writeExpectations(t *testing.T, dir string, m map[string]*FileExpectation) {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "basic.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestExpectationsRoundTrip(t *testing.T) {
	dir := t.TempDir()

	// A first --update records every failure with a triage reason.
	code, out, errOut := runMain(t, mainArgs(dir, "--update")...)
	if code != 0 {
		t.Fatalf("--update exit = %d\n%s%s", code, out, errOut)
	}
	want := map[string]*FileExpectation{
		"basic/fail.any.js": {Subtests: map[string]string{
			"fails":   "triage: assert_equals: numbers expected 1 but got 2",
			"rejects": "triage: rejected",
		}},
		"basic/throws.any.js": {Harness: "triage: Uncaught Error: boom"},
	}
	if got := readExpectations(t, dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("expectations after --update:\n%s", mustJSON(got))
	}

	// The same run now matches.
	code, out, _ = runMain(t, mainArgs(dir)...)
	if code != 0 {
		t.Fatalf("exit = %d with fresh expectations:\n%s", code, out)
	}
	if got := lastLine(out); got != "6 passed, 2 failed" {
		t.Errorf("last line = %q", got)
	}

	// An unlisted failure and a listed pass both fail the run.
	edited := readExpectations(t, dir)
	edited["basic/fail.any.js"].Subtests["fails"] = "arithmetic is hard"
	delete(edited["basic/fail.any.js"].Subtests, "rejects")
	edited["basic/fail.any.js"].Subtests["passes"] = "expected to fail, but it passes"
	writeExpectations(t, dir, edited)
	code, out, _ = runMain(t, mainArgs(dir)...)
	if code != 1 {
		t.Errorf("exit = %d, want 1 for unexpected results", code)
	}
	for _, line := range []string{
		`UNEXPECTED FAIL basic/fail.any.js: "rejects" FAIL: rejected`,
		`UNEXPECTED PASS basic/fail.any.js: "passes" PASS`,
		"2 unexpected results",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, out)
		}
	}

	// --update keeps written reasons and drops what now passes.
	if code, out, errOut := runMain(t, mainArgs(dir, "--update")...); code != 0 {
		t.Fatalf("--update exit = %d\n%s%s", code, out, errOut)
	}
	want["basic/fail.any.js"].Subtests["fails"] = "arithmetic is hard"
	if got := readExpectations(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("expectations after the second --update:\n%s", mustJSON(got))
	}
}

func TestUnexpectedHarnessResults(t *testing.T) {
	dir := t.TempDir()
	writeExpectations(t, dir, map[string]*FileExpectation{
		"basic/pass.any.js": {Harness: "expected to break, but it is OK"},
	})
	code, out, _ := runMain(t, "--root", testRoot, "--expectations", dir, "basic/pass.any.js", "basic/throws.any.js")
	if code != 1 {
		t.Errorf("exit = %d, want 1", code)
	}
	for _, line := range []string{
		"UNEXPECTED PASS basic/pass.any.js: harness OK",
		"UNEXPECTED FAIL basic/throws.any.js: harness ERROR: Uncaught Error: boom",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, out)
		}
	}
}

func TestExpectationsNamingMissingFiles(t *testing.T) {
	dir := t.TempDir()
	writeExpectations(t, dir, map[string]*FileExpectation{
		"basic/gone.any.js": {Subtests: map[string]string{"x": "file was deleted"}},
	})
	code, _, errOut := runMain(t, mainArgs(dir)...)
	if code != 2 || !strings.Contains(errOut, `"basic/gone.any.js" names a file that does not exist`) {
		t.Errorf("exit = %d, stderr:\n%s", code, errOut)
	}
	// --update drops the entry instead.
	code, _, errOut = runMain(t, mainArgs(dir, "--update")...)
	if code != 0 || !strings.Contains(errOut, "dropping the expectations of basic/gone.any.js") {
		t.Errorf("--update exit = %d, stderr:\n%s", code, errOut)
	}
	if _, ok := readExpectations(t, dir)["basic/gone.any.js"]; ok {
		t.Error("--update kept the entry of a missing file")
	}
}

var badExpectationTests = []struct {
	name, content, want string
}{
	{"wrong area", `{"other/x.any.js": {}}`, "does not exist"},
	{"unknown field", `{"basic/pass.any.js": {"subtest": {}}}`, "unknown field"},
	{"empty reason", `{"basic/pass.any.js": {"subtests": {"a": ""}}}`, "needs a one-line reason"},
	{"two-line reason", `{"basic/pass.any.js": {"subtests": {"a": "x\ny"}}}`, "needs a one-line reason"},
	{"not json", `[`, "unexpected EOF"},
}

func TestBadExpectations(t *testing.T) {
	for _, tt := range badExpectationTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "basic.json"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadExpectations(dir, testRoot)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestExpectationsInTheWrongAreaFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "url.json"), []byte(`{"basic/pass.any.js": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadExpectations(dir, testRoot)
	if err == nil || !strings.Contains(err.Error(), `"basic/pass.any.js" belongs in basic.json`) {
		t.Errorf("err = %v", err)
	}
}

func TestReportFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "report.json")
	code, _, errOut := runMain(t, "--root", testRoot, "--expectations", t.TempDir(), "--report", file, "--wpt-commit", "abc123", "basic/meta.any.js")
	if code != 0 {
		t.Fatalf("exit = %d\n%s", code, errOut)
	}
	var raw map[string]any
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	if raw["wptCommit"] != "abc123" {
		t.Errorf("wptCommit = %v", raw["wptCommit"])
	}
	rep, err := ReadReport(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 2 || rep.Results[0].Variant != "?first" || rep.Results[1].Variant != "?second" {
		t.Fatalf("results = %+v", rep.Results)
	}
	r := rep.Results[0]
	if r.Test != "basic/meta.any.js" || r.Harness != HarnessOK || len(r.Subtests) != 3 || r.Subtests[0].Status != StatusPass {
		t.Errorf("first result = %+v", r)
	}
}

func TestMainUsage(t *testing.T) {
	if code, _, errOut := runMain(t, "basic"); code != 2 || !strings.Contains(errOut, "--root is required") {
		t.Errorf("without --root: exit %d, %s", code, errOut)
	}
	if code, _, _ := runMain(t, "--root", testRoot, "--jobs"); code != 2 {
		t.Errorf("flag without value: exit %d", code)
	}
	// Flags may follow paths.
	if code, out, errOut := runMain(t, "basic/pass.any.js", "--root", testRoot, "--expectations", t.TempDir()); code != 0 || lastLine(out) != "4 passed, 0 failed" {
		t.Errorf("flags after paths: exit %d\n%s%s", code, out, errOut)
	}
}

func mustJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}
