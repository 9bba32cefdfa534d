package bundler

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// vendorResolutionTests: whether an import is an npm package (left to the
// vendor bundle) or project code is remembered between builds, and
// forgotten when a change can alter it.
var vendorResolutionTests = []struct {
	name string
	// change rewrites tsconfig.json so that "cjsonly" maps to project
	// code, then tells the builder as a reload would.
	forget func(b *Builder, dir string)
	// wantVendor is Bundle.Vendor after the change.
	wantVendor []string
}{
	{
		name:       "tsconfig change reported to Affected",
		forget:     func(b *Builder, dir string) { b.Affected([]string{filepath.Join(dir, "tsconfig.json")}) },
		wantVendor: nil,
	},
	{
		name:       "ForgetResolutions",
		forget:     func(b *Builder, dir string) { b.ForgetResolutions() },
		wantVendor: nil,
	},
	{
		name:       "unrelated change keeps the cached answer",
		forget:     func(b *Builder, dir string) { b.Affected([]string{filepath.Join(dir, "lib", "counter.ts")}) },
		wantVendor: []string{"cjsonly"},
	},
}

func TestVendorResolutionCache(t *testing.T) {
	for _, tt := range vendorResolutionTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t, map[string]string{
				"pages/api/v.ts": "import { describe } from 'cjsonly'\nexport default (req, res) => res.send(describe(1))\n",
			})
			b := NewBuilder(Options{Dir: dir, PagesDir: "pages", SplitVendor: true})
			defer b.Close()
			first, err := b.Build("api/v.ts")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(first.Vendor, []string{"cjsonly"}) {
				t.Fatalf("Vendor = %q, want the package", first.Vendor)
			}
			writeFiles(t, dir, map[string]string{
				"lib/cjsonly.ts": "export const describe = (x: number) => 'project:' + x\n",
				"tsconfig.json":  `{"compilerOptions": {"paths": {"cjsonly": ["./lib/cjsonly.ts"]}}}`,
			})
			tt.forget(b, dir)
			again, err := b.Build("api/v.ts")
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Vendor)+len(tt.wantVendor) > 0 && !reflect.DeepEqual(again.Vendor, tt.wantVendor) {
				t.Errorf("Vendor after the change = %q, want %q", again.Vendor, tt.wantVendor)
			}
			if inlined := strings.Contains(again.Code, "project:"); inlined != (tt.wantVendor == nil) {
				t.Errorf("project module bundled = %v", inlined)
			}
		})
	}
}

// vendorCacheTests: a vendor bundle built by one Builder is reused by the
// next (a later run) until something it depends on changes.
var vendorCacheTests = []struct {
	name   string
	change func(t *testing.T, dir string, opts *Options)
	reused bool
}{
	{"nothing changed", func(*testing.T, string, *Options) {}, true},
	{"a package file changed", func(t *testing.T, dir string, _ *Options) {
		writeFiles(t, dir, map[string]string{"node_modules/cjsonly/index.js": "exports.describe = function (x) { return 'patched:' + x; };\n"})
	}, false},
	{"a lockfile appeared", func(t *testing.T, dir string, _ *Options) {
		writeFiles(t, dir, map[string]string{"package-lock.json": "{}\n"})
	}, false},
	{"next.config env changed", func(_ *testing.T, _ string, opts *Options) { opts.Env = map[string]string{"X": "1"} }, false},
	{"another mode", func(_ *testing.T, _ string, opts *Options) { opts.Mode = Production }, false},
}

func TestVendorCache(t *testing.T) {
	for _, tt := range vendorCacheTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t, nil)
			opts := Options{Dir: dir, PagesDir: "pages", SplitVendor: true, CacheDir: filepath.Join(dir, ".edgerun", "cache")}
			b := NewBuilder(opts)
			first, err := b.BuildVendor(RuntimeNode, []string{"cjsonly"})
			if err != nil {
				t.Fatal(err)
			}
			b.Close() // waits for the cache write
			// Mark the stored entry, so that a reuse is visible.
			entries, _ := filepath.Glob(filepath.Join(opts.CacheDir, "vendor-*.json"))
			var marked int
			for _, e := range entries {
				data, _ := os.ReadFile(e)
				if strings.Contains(string(data), "cjsonly:") {
					os.WriteFile(e, []byte(strings.Replace(string(data), "cjsonly:", "cached:", 1)), 0o644)
					marked++
				}
			}
			if marked != 1 {
				t.Fatalf("%d cache entries hold the bundle, want 1 (%q)", marked, entries)
			}

			tt.change(t, dir, &opts)
			b = NewBuilder(opts)
			defer b.Close()
			again, err := b.BuildVendor(RuntimeNode, []string{"cjsonly"})
			if err != nil {
				t.Fatal(err)
			}
			if reused := strings.Contains(again.Code, "cached:"); reused != tt.reused {
				t.Errorf("reused = %v, want %v", reused, tt.reused)
			}
			if tt.reused && (again.Path != first.Path || !reflect.DeepEqual(again.Inputs, first.Inputs)) {
				t.Errorf("the cached bundle differs: path %q inputs %q, want %q %q", again.Path, again.Inputs, first.Path, first.Inputs)
			}
		})
	}
}

// Without a cache folder nothing is written, and RecentVendorSets is empty.
func TestVendorCacheOff(t *testing.T) {
	dir := newProject(t, nil)
	b := NewBuilder(Options{Dir: dir, PagesDir: "pages", SplitVendor: true})
	if _, err := b.BuildVendor(RuntimeNode, []string{"cjsonly"}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if _, err := os.Stat(filepath.Join(dir, ".edgerun")); err == nil {
		t.Error("a cache was written without CacheDir")
	}
	if sets := b.RecentVendorSets(); sets != nil {
		t.Errorf("RecentVendorSets = %v", sets)
	}
}

func TestRecentVendorSets(t *testing.T) {
	dir := newProject(t, nil)
	opts := Options{Dir: dir, PagesDir: "pages", SplitVendor: true, CacheDir: filepath.Join(dir, ".edgerun", "cache")}
	for _, use := range []VendorSet{
		{RuntimeNode, []string{"cjsonly"}},
		{RuntimeEdge, []string{"fakepkg"}},
		{RuntimeNode, []string{"cjsonly", "fakepkg"}},
		{RuntimeEdge, []string{"fakepkg"}},
	} {
		b := NewBuilder(opts)
		if _, err := b.BuildVendor(use.Runtime, use.Specs); err != nil {
			t.Fatal(err)
		}
		b.Close()
	}
	want := []VendorSet{
		{RuntimeEdge, []string{"fakepkg"}},
		{RuntimeNode, []string{"cjsonly", "fakepkg"}},
		{RuntimeNode, []string{"cjsonly"}},
	}
	if got := NewBuilder(opts).RecentVendorSets(); !reflect.DeepEqual(got, want) {
		t.Errorf("RecentVendorSets = %v, want %v", got, want)
	}
}

// The cache keeps the maxVendorEntries most recently used entries.
func TestVendorCachePrunes(t *testing.T) {
	dir := newProject(t, nil)
	cache := filepath.Join(dir, ".edgerun", "cache")
	old := time.Now().Add(-time.Hour)
	for i := 0; i < maxVendorEntries+4; i++ {
		name := filepath.Join(cache, fmt.Sprintf("vendor-old%02d.json", i))
		writeFiles(t, dir, map[string]string{filepath.ToSlash(must(filepath.Rel(dir, name))): "{}"})
		os.Chtimes(name, old.Add(time.Duration(i)*time.Second), old.Add(time.Duration(i)*time.Second))
	}
	b := NewBuilder(Options{Dir: dir, PagesDir: "pages", SplitVendor: true, CacheDir: cache})
	if _, err := b.BuildVendor(RuntimeNode, []string{"cjsonly"}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	names, _ := filepath.Glob(filepath.Join(cache, "vendor-*.json"))
	var kept []string
	for _, n := range names {
		if base := filepath.Base(n); base != "vendor-recent.json" {
			kept = append(kept, base)
		}
	}
	if len(kept) != maxVendorEntries {
		t.Fatalf("%d entries kept, want %d: %q", len(kept), maxVendorEntries, kept)
	}
	for _, gone := range []string{"vendor-old00.json", "vendor-old04.json"} {
		if slices.Contains(kept, gone) {
			t.Errorf("%s (least recently used) was kept", gone)
		}
	}
	if !slices.Contains(kept, "vendor-old05.json") {
		t.Errorf("vendor-old05.json was pruned too")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
