package bundler

import (
	"errors"
	"strings"
	"testing"
)

// Fake installs of the bcrypt packages: each file says which copy a
// bundle would contain if the import were not redirected.
var (
	bcryptJS2Files = map[string]string{
		"node_modules/bcryptjs/package.json":       `{"name":"bcryptjs","version":"2.4.3","main":"index.js","browser":"dist/bcrypt.js"}`,
		"node_modules/bcryptjs/index.js":           `module.exports = require("./dist/bcrypt.js");`,
		"node_modules/bcryptjs/dist/bcrypt.js":     `module.exports = { bundled: "bcryptjs-dist" };`,
		"node_modules/bcryptjs/src/bcrypt/util.js": `module.exports = { bundled: "bcryptjs-src" };`,
	}
	bcryptJS3Files = map[string]string{
		"node_modules/bcryptjs/package.json": `{"name":"bcryptjs","version":"3.0.3","type":"module","main":"umd/index.js",
			"exports":{".":{"import":"./index.js","require":"./umd/index.js"}}}`,
		"node_modules/bcryptjs/index.js":     `export default { bundled: "bcryptjs-esm" };`,
		"node_modules/bcryptjs/umd/index.js": `module.exports = { bundled: "bcryptjs-umd" };`,
	}
	bcryptNativeFiles = map[string]string{
		"node_modules/bcrypt/package.json": `{"name":"bcrypt","version":"6.0.0","main":"./bcrypt"}`,
		"node_modules/bcrypt/bcrypt.js":    `module.exports = { bundled: "bcrypt-native" };`,
	}
	// "bcrypt": "npm:bcryptjs@2" installs bcryptjs under the other name.
	bcryptAliasFiles = map[string]string{
		"node_modules/bcrypt/package.json":   `{"name":"bcryptjs","version":"2.4.3","main":"index.js"}`,
		"node_modules/bcrypt/index.js":       `module.exports = { bundled: "bcryptjs-as-bcrypt" };`,
		"node_modules/authlib/package.json":  `{"name":"authlib","version":"1.0.0","main":"index.js"}`,
		"node_modules/authlib/index.js":      `module.exports = require("bcryptjs");`,
		"node_modules/bcryptjs/package.json": `{"name":"bcryptjs","version":"2.4.3","main":"index.js"}`,
		"node_modules/bcryptjs/index.js":     `module.exports = { bundled: "bcryptjs" };`,
	}
)

func mergeFiles(sets ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, s := range sets {
		for k, v := range s {
			out[k] = v
		}
	}
	return out
}

const edgeConfig = "export const config = { runtime: 'edge' };\n"

var bcryptResolveTests = []struct {
	name    string
	files   map[string]string
	route   string
	disable bool
	// want is the external module the bundle requires ("" for none);
	// bundled is the fake package copy the bundle contains instead.
	want, bundled string
	wantErr       string
}{
	{name: "bcryptjs 2 node", files: bcryptJS2Files, route: "import b from 'bcryptjs'; export default () => b;", want: BcryptJS2Module},
	{name: "bcryptjs 2 edge", files: bcryptJS2Files, route: edgeConfig + "import b from 'bcryptjs'; export default () => b;", want: BcryptJS2Module},
	{name: "bcryptjs 2 require", files: bcryptJS2Files, route: "const b = require('bcryptjs'); export default () => b;", want: BcryptJS2Module},
	{name: "bcryptjs 2 dist subpath", files: bcryptJS2Files, route: "import b from 'bcryptjs/dist/bcrypt.js'; export default () => b;", want: BcryptJS2Module},
	{name: "bcryptjs 2 dist subpath without extension", files: bcryptJS2Files, route: "import b from 'bcryptjs/dist/bcrypt'; export default () => b;", want: BcryptJS2Module},
	{name: "bcryptjs internal file is bundled", files: bcryptJS2Files, route: "import u from 'bcryptjs/src/bcrypt/util.js'; export default () => u;", bundled: "bcryptjs-src"},
	{name: "bcryptjs 3 node", files: bcryptJS3Files, route: "import b from 'bcryptjs'; export default () => b;", want: BcryptJSModule},
	{name: "bcryptjs 3 named import edge", files: bcryptJS3Files, route: edgeConfig + "import { hash } from 'bcryptjs'; export default () => hash;", want: BcryptJSModule},
	{name: "native bcrypt node", files: bcryptNativeFiles, route: "import b from 'bcrypt'; export default () => b;", want: BcryptModule},
	{name: "native bcrypt edge is bundled", files: bcryptNativeFiles, route: edgeConfig + "import b from 'bcrypt'; export default () => b;", bundled: "bcrypt-native"},
	{name: "package name decides", files: bcryptAliasFiles, route: "import b from 'bcrypt'; export default () => b;", want: BcryptJS2Module},
	{name: "imports from dependencies", files: bcryptAliasFiles, route: "import a from 'authlib'; export default () => a;", want: BcryptJS2Module},
	{name: "disabled", files: bcryptJS2Files, route: "import b from 'bcryptjs'; export default () => b;", disable: true, bundled: "bcryptjs-dist"},
	{name: "disabled native", files: bcryptNativeFiles, route: "import b from 'bcrypt'; export default () => b;", disable: true, bundled: "bcrypt-native"},
	{name: "not installed", route: "import b from 'bcryptjs'; export default () => b;", wantErr: `Could not resolve "bcryptjs"`},
}

func TestBcryptImportsResolveToGo(t *testing.T) {
	for _, tt := range bcryptResolveTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t, mergeFiles(tt.files, map[string]string{"pages/api/h.ts": tt.route}))
			b := NewBuilder(Options{Dir: dir, PagesDir: "pages", DisableGoBcrypt: tt.disable})
			t.Cleanup(b.Close)
			bundle, err := b.Build("api/h.ts")
			if tt.wantErr != "" {
				var be *Error
				if !errors.As(err, &be) || !strings.Contains(be.Format(false), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{BcryptJSModule, BcryptJS2Module, BcryptModule} {
				if got := strings.Contains(bundle.Code, `require("`+id+`")`); got != (id == tt.want) {
					t.Errorf("require(%q) in bundle: %v", id, got)
				}
			}
			if tt.bundled != "" && !strings.Contains(bundle.Code, tt.bundled) {
				t.Errorf("bundle lacks the package copy %q:\n%s", tt.bundled, bundle.Code)
			}
			if tt.bundled == "" && strings.Contains(bundle.Code, "bundled:") {
				t.Errorf("bundle contains a package copy:\n%s", bundle.Code)
			}
		})
	}
}

func TestBcryptModuleMajor(t *testing.T) {
	for v, want := range map[string]int{"2.4.3": 2, "3.0.3": 3, "v1.0.0": 1, "10.1.0-rc.1": 10} {
		if got := major(v); got != want {
			t.Errorf("major(%q) = %d, want %d", v, got, want)
		}
	}
	if major("latest") < 3 {
		t.Error("an unreadable version must count as the newest")
	}
}

// In split (dev) builds the Go modules stay runtime requires: they are not
// npm packages for the vendor bundle.
func TestBcryptNotVendored(t *testing.T) {
	dir := newProject(t, mergeFiles(bcryptJS2Files, map[string]string{
		"pages/api/h.ts": "import b from 'bcryptjs'; export default () => b;",
	}))
	bundle := mustBuild(t, Options{Dir: dir, PagesDir: "pages", SplitVendor: true}, "api/h.ts")
	if !strings.Contains(bundle.Code, `require("`+BcryptJS2Module+`")`) {
		t.Errorf("bundle does not require %s:\n%s", BcryptJS2Module, bundle.Code)
	}
	for _, spec := range bundle.Vendor {
		if strings.HasPrefix(spec, "edgerun:") {
			t.Errorf("Vendor lists %q", spec)
		}
	}
}

// DisableGoBcrypt holds in split builds too: the package goes to the
// vendor bundle, which then contains it.
func TestBcryptDisabledInVendorBundle(t *testing.T) {
	dir := newProject(t, mergeFiles(bcryptJS2Files, map[string]string{
		"pages/api/h.ts": "import b from 'bcryptjs'; export default () => b;",
	}))
	opts := Options{Dir: dir, PagesDir: "pages", SplitVendor: true, DisableGoBcrypt: true}
	bundle := mustBuild(t, opts, "api/h.ts")
	if len(bundle.Vendor) != 1 || bundle.Vendor[0] != "bcryptjs" {
		t.Fatalf("Vendor = %q", bundle.Vendor)
	}
	b := NewBuilder(opts)
	t.Cleanup(b.Close)
	v, err := b.BuildVendor(RuntimeNode, bundle.Vendor)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.Code, "bcryptjs-dist") || strings.Contains(v.Code, "edgerun:") {
		t.Errorf("vendor bundle does not contain bcryptjs itself:\n%s", v.Code)
	}
}
