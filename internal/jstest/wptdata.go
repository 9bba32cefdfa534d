package jstest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// WPTData returns the path of rel (slash-separated) under
// ../shared/wpt-data, found from the module root (the nearest directory
// above the working directory holding go.mod). The data is not part of the
// repository, so the test is skipped, not failed, when it is absent.
func WPTData(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "wpt-data", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("WPT data not available: %v", err)
	}
	return p
}

// ReadWPTData returns the contents of the WPTData file rel, skipping the
// test when it is absent.
func ReadWPTData(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(WPTData(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// CheckFailures reports the failures a WPT harness found in the data file
// name, one per line of result, except those in known. A failure line is
// "<case> :: <why>" and known is keyed by <case> (or the whole line when it
// has no " ::"), its value the reason the failure is expected. total is the
// number of cases the harness ran, for the pass count it logs.
func CheckFailures(t *testing.T, name string, total int, result string, known map[string]string) {
	t.Helper()
	var failures []string
	if result != "" {
		failures = strings.Split(result, "\n")
	}
	t.Logf("%s: %d/%d pass", name, total-len(failures), total)
	for _, f := range failures {
		key, _, _ := strings.Cut(f, " ::")
		if _, ok := known[key]; ok {
			continue
		}
		t.Errorf("%s: %s", name, f)
	}
}
