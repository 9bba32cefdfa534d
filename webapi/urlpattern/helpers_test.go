package urlpattern

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/url"
)

// newIsolate starts an isolate with URLPattern and URL installed.
func newIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		Install(iso)
		url.Install(iso)
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
