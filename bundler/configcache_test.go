package bundler

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const edgeRouteSrc = "export const config = { runtime: 'edge', regions: ['fra1'] }\nexport default () => new Response('x')\n"

// configCacheTests: a route's config read by one Builder is reused by the
// next (a later run) while the route's contents are unchanged.
var configCacheTests = []struct {
	name   string
	change func(t *testing.T, dir string)
	reused bool
}{
	{"unchanged", func(*testing.T, string) {}, true},
	{"edited", func(t *testing.T, dir string) {
		writeFiles(t, dir, map[string]string{"pages/api/e.ts": strings.Replace(edgeRouteSrc, "fra1", "iad1", 1)})
	}, false},
	{"written by another executable", func(t *testing.T, dir string) {
		file := filepath.Join(dir, ".edgerun", "cache", "configs.json")
		data, _ := os.ReadFile(file)
		os.WriteFile(file, []byte(strings.Replace(string(data), `"Executable":"`, `"Executable":"other`, 1)), 0o644)
	}, false},
}

func TestConfigCache(t *testing.T) {
	for _, tt := range configCacheTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t, map[string]string{"pages/api/e.ts": edgeRouteSrc})
			opts := Options{Dir: dir, PagesDir: "pages", CacheDir: filepath.Join(dir, ".edgerun", "cache")}
			b := NewBuilder(opts)
			first, warnings, err := b.Config("api/e.ts")
			if err != nil || first.Runtime != RuntimeEdge || len(warnings) != 1 {
				t.Fatalf("Config = %+v, %v, %v", first, warnings, err)
			}
			b.Close() // writes the cache
			// Mark the stored entry, so that a reuse is visible.
			file := filepath.Join(opts.CacheDir, "configs.json")
			data, err := os.ReadFile(file)
			if err != nil || !strings.Contains(string(data), `"fra1"`) {
				t.Fatalf("cache file: %v %s", err, data)
			}
			os.WriteFile(file, []byte(strings.Replace(string(data), `"fra1"`, `"cached"`, 1)), 0o644)

			tt.change(t, dir)
			b = NewBuilder(opts)
			defer b.Close()
			again, warnings2, err := b.Config("api/e.ts")
			if err != nil {
				t.Fatal(err)
			}
			if reused := reflect.DeepEqual(again.Regions, []string{"cached"}); reused != tt.reused {
				t.Errorf("reused = %v (regions %q), want %v", reused, again.Regions, tt.reused)
			}
			if len(warnings2) != 1 || warnings2[0].Text != warnings[0].Text || warnings2[0].Line != 1 || again.Runtime != RuntimeEdge {
				t.Errorf("second read: %+v, warnings %v, want %v", again, warnings2, warnings)
			}
		})
	}
}
