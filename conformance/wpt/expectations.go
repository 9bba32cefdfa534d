package wpt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Expectations are the known failures, one JSON file per area under a
// directory: expectations/url.json, expectations/fetch/api.json... Each file
// maps a test file (path relative to the WPT root) to what is expected to
// fail in it, each with a one-line reason:
//
//	{
//	  "url/IdnaTestV2.window.js": {
//	    "subtests": {"ToASCII(...)": "U+32931 is new in Unicode 17.0; x/net/idna has 15.0 tables"}
//	  },
//	  "streams/idlharness.any.js": {
//	    "harness": "idlharness needs the DOM interfaces we do not ship"
//	  }
//	}
//
// "harness" means the run's harness status (over all variants) may be other
// than OK; "subtests" lists subtests that may fail (FAIL, TIMEOUT, NOTRUN,
// PRECONDITION_FAILED) in at least one variant.
type Expectations struct {
	// Dir is the directory the files live in.
	Dir string
	// Files maps a test path to its expectation.
	Files map[string]*FileExpectation
	// loaded are the areas that had a file when loaded.
	loaded []string
}

// FileExpectation is what is expected to fail in one test file.
type FileExpectation struct {
	// Harness is the reason the harness status is not OK; "" when it is OK.
	Harness string `json:"harness,omitempty"`
	// Subtests maps an expected-failing subtest name to its reason.
	Subtests map[string]string `json:"subtests,omitempty"`
}

// ErrBadExpectations is wrapped by the errors LoadExpectations returns for
// files that are malformed or name tests that do not exist.
var ErrBadExpectations = errors.New("wpt: bad expectations")

// LoadExpectations reads every area file under dir. A key naming a file that
// does not exist under root, or one filed under the wrong area, is an error.
// A missing dir is an empty set.
func LoadExpectations(dir, root string) (*Expectations, error) {
	e, _, err := loadExpectations(dir, root, false)
	return e, err
}

// loadExpectations reads dir; with prune, keys naming missing files are
// dropped (and returned) instead of being errors.
func loadExpectations(dir, root string, prune bool) (*Expectations, []string, error) {
	e := &Expectations{Dir: dir, Files: map[string]*FileExpectation{}}
	var problems, pruned []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".json") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		area := strings.TrimSuffix(filepath.ToSlash(rel), ".json")
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		e.loaded = append(e.loaded, area)
		var entries map[string]*FileExpectation
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&entries); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", p, err))
			return nil
		}
		for test, fe := range entries {
			if fe == nil {
				fe = &FileExpectation{}
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(test))); err != nil {
				if prune {
					pruned = append(pruned, test)
					continue
				}
				problems = append(problems, fmt.Sprintf("%s: %q names a file that does not exist in %s", p, test, root))
				continue
			}
			if a := areaOf(test); a != area {
				problems = append(problems, fmt.Sprintf("%s: %q belongs in %s.json", p, test, a))
				continue
			}
			for name, reason := range fe.Subtests {
				if strings.TrimSpace(reason) == "" || strings.ContainsAny(reason, "\r\n") {
					problems = append(problems, fmt.Sprintf("%s: %q subtest %q needs a one-line reason", p, test, name))
				}
			}
			if strings.ContainsAny(fe.Harness, "\r\n") {
				problems = append(problems, fmt.Sprintf("%s: %q harness reason must be one line", p, test))
			}
			e.Files[test] = fe
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("wpt: expectations: %w", err)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, nil, fmt.Errorf("%w:\n  %s", ErrBadExpectations, strings.Join(problems, "\n  "))
	}
	sort.Strings(pruned)
	return e, pruned, nil
}

// Mismatch kinds.
const (
	UnexpectedFail = "UNEXPECTED FAIL"
	UnexpectedPass = "UNEXPECTED PASS"
	// Stale is a listed subtest that did not appear although the harness
	// was OK; it is reported but does not fail the run.
	Stale = "STALE"
)

// Mismatch is a difference between a report and the expectations.
type Mismatch struct {
	Kind    string
	Test    string
	Variant string // the (first) run where it was seen
	Subtest string // "" for the harness status
	Status  string
	Message string
}

func (m Mismatch) String() string {
	what := "harness " + m.Status
	if m.Subtest != "" {
		what = fmt.Sprintf("%q %s", m.Subtest, m.Status)
	}
	s := fmt.Sprintf("%s %s%s: %s", m.Kind, m.Test, m.Variant, what)
	if m.Message != "" {
		s += ": " + firstLine(m.Message)
	}
	return s
}

// fileOutcome aggregates the runs of one test file.
type fileOutcome struct {
	test     string
	ran      bool     // at least one run was not skipped
	harness  []Result // runs whose harness failed
	subtests map[string]*subtestOutcome
	order    []string
}

type subtestOutcome struct {
	passed  bool
	failed  *Subtest
	variant string
}

func outcomes(rep *Report) []*fileOutcome {
	byTest := map[string]*fileOutcome{}
	var list []*fileOutcome
	for _, r := range rep.Results {
		fo := byTest[r.Test]
		if fo == nil {
			fo = &fileOutcome{test: r.Test, subtests: map[string]*subtestOutcome{}}
			byTest[r.Test] = fo
			list = append(list, fo)
		}
		if r.Harness == HarnessSkip {
			continue
		}
		fo.ran = true
		if r.HarnessFailed() {
			fo.harness = append(fo.harness, r)
		}
		for i := range r.Subtests {
			s := &r.Subtests[i]
			so := fo.subtests[s.Name]
			if so == nil {
				so = &subtestOutcome{}
				fo.subtests[s.Name] = so
				fo.order = append(fo.order, s.Name)
			}
			if s.Passed() {
				so.passed = true
			} else if so.failed == nil {
				so.failed, so.variant = s, r.Variant
			}
		}
	}
	return list
}

// Compare lists the unexpected failures and passes in rep (and stale
// entries), in report order. Files not in rep are not looked at.
func (e *Expectations) Compare(rep *Report) []Mismatch {
	var out []Mismatch
	for _, fo := range outcomes(rep) {
		if !fo.ran {
			continue
		}
		exp := e.Files[fo.test]
		if exp == nil {
			exp = &FileExpectation{}
		}
		if len(fo.harness) > 0 && exp.Harness == "" {
			for _, r := range fo.harness {
				out = append(out, Mismatch{Kind: UnexpectedFail, Test: fo.test, Variant: r.Variant, Status: r.Harness, Message: r.Message})
			}
		}
		if len(fo.harness) == 0 && exp.Harness != "" {
			out = append(out, Mismatch{Kind: UnexpectedPass, Test: fo.test, Status: HarnessOK})
		}
		for _, name := range fo.order {
			so := fo.subtests[name]
			_, expected := exp.Subtests[name]
			switch {
			case so.failed != nil && !expected:
				out = append(out, Mismatch{Kind: UnexpectedFail, Test: fo.test, Variant: so.variant, Subtest: name, Status: so.failed.Status, Message: so.failed.Message})
			case so.failed == nil && expected:
				out = append(out, Mismatch{Kind: UnexpectedPass, Test: fo.test, Subtest: name, Status: StatusPass})
			}
		}
		if len(fo.harness) == 0 {
			var stale []string
			for name := range exp.Subtests {
				if fo.subtests[name] == nil {
					stale = append(stale, name)
				}
			}
			sort.Strings(stale)
			for _, name := range stale {
				out = append(out, Mismatch{Kind: Stale, Test: fo.test, Subtest: name, Status: "MISSING", Message: "listed in the expectations but not reported by the test"})
			}
		}
	}
	return out
}

// Unexpected counts the mismatches that fail a run (not Stale).
func Unexpected(ms []Mismatch) int {
	n := 0
	for _, m := range ms {
		if m.Kind != Stale {
			n++
		}
	}
	return n
}

// Update rewrites the entries of every test file rep ran from rep's
// failures, keeping existing reasons; new ones get "triage: <first line of
// the failure message>". Files rep did not run keep their entries.
func (e *Expectations) Update(rep *Report) {
	for _, fo := range outcomes(rep) {
		if !fo.ran {
			continue
		}
		old := e.Files[fo.test]
		if old == nil {
			old = &FileExpectation{}
		}
		fe := &FileExpectation{}
		if len(fo.harness) > 0 {
			fe.Harness = old.Harness
			if fe.Harness == "" {
				r := fo.harness[0]
				fe.Harness = triage(r.Harness, r.Message)
			}
		}
		for _, name := range fo.order {
			so := fo.subtests[name]
			if so.failed == nil {
				continue
			}
			if fe.Subtests == nil {
				fe.Subtests = map[string]string{}
			}
			reason := old.Subtests[name]
			if reason == "" {
				reason = triage(so.failed.Status, so.failed.Message)
			}
			fe.Subtests[name] = reason
		}
		if fe.Harness == "" && len(fe.Subtests) == 0 {
			delete(e.Files, fo.test)
			continue
		}
		e.Files[fo.test] = fe
	}
}

// triage is the placeholder reason of a new expectation.
func triage(status, message string) string {
	l := firstLine(message)
	if l == "" {
		return "triage: " + status
	}
	if status != StatusFail && status != HarnessError {
		l = status + ": " + l
	}
	return "triage: " + l
}

// firstLine returns the first non-empty line of s, at most 200 characters.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if r := []rune(l); len(r) > 200 {
				l = string(r[:200]) + "…"
			}
			return l
		}
	}
	return ""
}

// Write writes one file per area: the areas of the current entries, the
// areas that had a file when loaded, and extra (the areas a run covered), so
// an area without failures is written as {}.
func (e *Expectations) Write(extra []string) error {
	byArea := map[string]map[string]*FileExpectation{}
	for _, a := range append(append([]string(nil), e.loaded...), extra...) {
		byArea[a] = map[string]*FileExpectation{}
	}
	for test, fe := range e.Files {
		a := areaOf(test)
		if byArea[a] == nil {
			byArea[a] = map[string]*FileExpectation{}
		}
		byArea[a][test] = fe
	}
	for area, entries := range byArea {
		p := filepath.Join(e.Dir, filepath.FromSlash(area)+".json")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("wpt: expectations: %w", err)
		}
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(entries); err != nil {
			return fmt.Errorf("wpt: expectations: %w", err)
		}
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("wpt: expectations: %w", err)
		}
	}
	return nil
}
