package jstest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/edgerun/edgerun/runtime"
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

// RunWPTData runs harness, the body of a plain function, in iso with the
// contents of the WPTData file rel bound to the global DATA, the way the
// WPT test files that load these tables use them. The harness returns
// "<total>\n<failure>\n<failure>...": the number of cases it checked,
// then one line per failing case, "<case> :: <why>". A failure is reported
// unless known (keyed by <case>, valued by the reason) expects it; the pass
// count is logged.
func RunWPTData(t *testing.T, iso *runtime.Isolate, rel, harness string, known map[string]string) {
	t.Helper()
	out := call(t, iso, harness, map[string]any{"DATA": ReadWPTData(t, rel)})
	total, result, _ := strings.Cut(out, "\n")
	n, err := strconv.Atoi(total)
	if err != nil {
		t.Fatalf("harness error: %s", out)
	}
	var failures []string
	if result != "" {
		failures = strings.Split(result, "\n")
	}
	t.Logf("%s: %d/%d pass", rel, n-len(failures), n)
	for _, f := range failures {
		key, _, _ := strings.Cut(f, " ::")
		if _, ok := known[key]; ok {
			continue
		}
		t.Errorf("%s: %s", rel, f)
	}
}
