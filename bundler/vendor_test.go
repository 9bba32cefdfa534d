package bundler

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
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
