package formdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/file"
	"github.com/edgerun/edgerun/webapi/streams"
	"github.com/edgerun/edgerun/webapi/timers"
	"github.com/edgerun/edgerun/webapi/url"
)

// newIsolate starts an isolate with this package installed.
func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso)
		streams.Install(iso)
		timers.Install(iso)
		file.Install(iso)
		url.Install(iso)
		Install(iso)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

// run evaluates src (a function body) in iso with the given globals set
// and returns the result as a string; a thrown error becomes
// "<Name>: <message>".
func run(t testing.TB, iso *runtime.Isolate, src string, globals map[string]any) string {
	t.Helper()
	var out string
	err := iso.Do(func() error {
		vm := iso.VM()
		for k, v := range globals {
			if err := vm.Set(k, v); err != nil {
				return err
			}
		}
		v, err := vm.RunString("(() => { try { " + src + " } catch (e) { return (e && e.name) + ': ' + (e && e.message) } })()")
		if err != nil {
			return err
		}
		if v == nil || goja.IsUndefined(v) {
			out = "undefined"
		} else {
			out = v.String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// wptData returns the path of a file under ../shared/wpt-data (found from
// the module root), skipping the test when the data is absent.
func wptData(t testing.TB, rel string) string {
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

func readData(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(wptData(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkFailures reports failures (one per line) that are not expected.
func checkFailures(t *testing.T, name string, total int, result string, known map[string]string) {
	t.Helper()
	var failures []string
	if result != "" {
		failures = strings.Split(result, "\n")
	}
	t.Logf("%s: %d/%d pass", name, total-len(failures), total)
	for _, f := range failures {
		key := f
		if i := strings.Index(f, " ::"); i >= 0 {
			key = f[:i]
		}
		if _, ok := known[key]; ok {
			continue
		}
		t.Errorf("%s: %s", name, f)
	}
}

// runAsync evaluates src (an async function body) and waits for its
// promise; the result is formatted like run's.
func runAsync(t testing.TB, iso *runtime.Isolate, src string) string {
	t.Helper()
	out := make(chan string, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		_ = vm.Set("__out", func(s string) { out <- s })
		_, err := vm.RunString("(async () => { " + src + " })().then(v => __out(String(v)), e => __out((e && e.name) + ': ' + (e && e.message)))")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-out:
		return s
	case <-time.After(5 * time.Second):
		t.Fatal("promise never settled")
		return ""
	}
}
