package bundler

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var readConfigTests = []struct {
	name     string
	file     string // relative to the project, default pages/api/x.ts
	src      string
	want     func(c *RouteConfig) // edits DefaultRouteConfig into the expected value
	warnings []string
	err      string // substring of the error text
	errPos   string // "line:col" of the error, 1-based
}{
	{
		name: "no config",
		src:  "export default function handler(req, res) { res.end('x') }",
	},
	{
		name: "export const config edge",
		src:  "export const config = { runtime: 'edge' }\nexport default (req) => new Response('hi')",
		want: func(c *RouteConfig) { c.Runtime, c.DeclaredRuntime = RuntimeEdge, "edge" },
		warnings: []string{
			`The Edge Runtime is deprecated. You can use the "nodejs" runtime instead. Learn more: https://nextjs.org/docs/messages/edge-runtime-deprecated`,
		},
	},
	{
		name: "experimental-edge warns twice",
		file: "pages/api/users/[id].ts",
		src:  "export const config = { runtime: 'experimental-edge' }",
		want: func(c *RouteConfig) { c.Runtime, c.DeclaredRuntime = RuntimeEdge, "experimental-edge" },
		warnings: []string{
			"/api/users/[id] provided runtime 'experimental-edge'. It can be updated to 'edge' instead.",
			`The Edge Runtime is deprecated. You can use the "nodejs" runtime instead. Learn more: https://nextjs.org/docs/messages/edge-runtime-deprecated`,
		},
	},
	{
		name: "api options",
		src: `export const config = {
  api: { bodyParser: { sizeLimit: '10mb' }, responseLimit: '8mb', externalResolver: true },
  maxDuration: 30,
  regions: ['sfo1', 'iad1'],
}`,
		want: func(c *RouteConfig) {
			c.SizeLimit, c.SizeLimitBytes = "10mb", 10<<20
			c.ResponseLimitBytes = 8 << 20
			c.ExternalResolver = true
			c.MaxDuration = 30
			c.Regions = []string{"sfo1", "iad1"}
		},
	},
	{
		name: "bodyParser false, responseLimit false, numeric limit",
		src:  "export const config = { api: { bodyParser: false, responseLimit: false } }",
		want: func(c *RouteConfig) { c.BodyParser, c.ResponseLimit = false, false },
	},
	{
		name: "numeric sizeLimit echoed as written",
		src:  "export const config = { api: { bodyParser: { sizeLimit: 1000 } } }",
		want: func(c *RouteConfig) { c.SizeLimit, c.SizeLimitBytes = "1000", 1000 },
	},
	{
		name: "unparsable sizeLimit means no limit",
		src:  "export const config = { api: { bodyParser: { sizeLimit: 'lots' } } }",
		want: func(c *RouteConfig) { c.SizeLimit, c.SizeLimitBytes = "lots", -1 },
	},
	{
		name: "export { cfg as config } with satisfies and as const",
		src:  "type C = { runtime: string }\nconst cfg = { runtime: 'edge', regions: 'fra1' } as const satisfies C\nexport { cfg as config }",
		want: func(c *RouteConfig) { c.Runtime, c.DeclaredRuntime, c.Regions = RuntimeEdge, "edge", []string{"fra1"} },
		warnings: []string{
			`The Edge Runtime is deprecated. You can use the "nodejs" runtime instead. Learn more: https://nextjs.org/docs/messages/edge-runtime-deprecated`,
		},
	},
	{
		name: "top-level runtime and maxDuration win over config",
		src:  "export const runtime = 'nodejs'\nexport const maxDuration = 60\nexport const config = { runtime: 'edge', maxDuration: 5 }",
		want: func(c *RouteConfig) { c.DeclaredRuntime, c.MaxDuration = "nodejs", 60 },
	},
	{
		name: "top-level edge runtime",
		src:  "export const runtime = 'edge'\nexport default () => new Response('')",
		want: func(c *RouteConfig) { c.Runtime, c.DeclaredRuntime = RuntimeEdge, "edge" },
		warnings: []string{
			`The Edge Runtime is deprecated. You can use the "nodejs" runtime instead. Learn more: https://nextjs.org/docs/messages/edge-runtime-deprecated`,
		},
	},
	{
		name: "unstable_allowDynamic string, template without expressions, negative number",
		src:  "export const config = { unstable_allowDynamic: `/lib/x.js`, api: { responseLimit: -1 } }",
		want: func(c *RouteConfig) { c.AllowDynamic = []string{"/lib/x.js"}; c.ResponseLimitBytes = -1 },
	},
	{
		name: "tsx route",
		file: "pages/api/og.tsx",
		src:  "export const config = { runtime: 'nodejs' }\nexport default function h() { return <div>x</div> }",
		want: func(c *RouteConfig) { c.DeclaredRuntime = "nodejs" },
	},
	{
		name: "js route with JSX",
		file: "pages/api/og.js",
		src:  "export const config = { api: { externalResolver: true } }\nexport default function h() { return <div/> }",
		want: func(c *RouteConfig) { c.ExternalResolver = true },
	},
	{
		name:   "invalid runtime",
		src:    "export const config = {\n  runtime: 'something-odd',\n}",
		err:    `Invalid segment configuration options detected for "/api/x". Read more at https://nextjs.org/docs/messages/invalid-page-config: Invalid enum value. Expected 'edge' | 'experimental-edge' | 'nodejs', received 'something-odd' at "config.runtime"`,
		errPos: "2:12",
	},
	{
		name: "invalid top-level runtime and maxDuration",
		src:  "export const runtime = 42\nexport const maxDuration = '10'",
		err:  `Expected 'edge' | 'experimental-edge' | 'nodejs', received number at "runtime"; Expected number, received string at "maxDuration"`,
	},
	{
		name:   "config must be an object",
		src:    "export const config = 'hello world'",
		err:    `Expected object, received string at "config"`,
		errPos: "1:23",
	},
	{
		name:   "unknown identifier",
		src:    "const runtime = 'edge'\nexport const config = { runtime: runtime }",
		err:    "Next.js can't recognize the exported `config` field in route \"/api/x\":\nUnknown identifier \"runtime\" at \"config.runtime\".\nRead More - https://nextjs.org/docs/messages/invalid-page-config",
		errPos: "2:25", // esbuild prints `runtime: runtime` as `{ runtime }`
	},
	{
		name:   "imported identifier",
		src:    "import { base } from '../../lib/config'\nexport const config = base",
		err:    `Unknown identifier "base" at "config".`,
		errPos: "2:23",
	},
	{
		name:   "object spread",
		src:    "const base = {}\nexport const config = { ...base, runtime: 'edge' }",
		err:    `Unsupported spread operator in the Object Expression at "config".`,
		errPos: "2:28", // the spread argument
	},
	{
		name: "array spread",
		src:  "const r = ['a']\nexport const config = { regions: [...r] }",
		err:  `Unsupported spread operator in the Array Expression at "config.regions".`,
	},
	{
		name: "shorthand property",
		src:  "const runtime = 'edge'\nexport const config = { runtime }",
		err:  `Unknown identifier "runtime" at "config.runtime".`,
	},
	{
		name: "computed key",
		src:  "const k = 'runtime'\nexport const config = { [k]: 'edge' }",
		err:  `Unsupported key type "Computed" in the Object Expression at "config".`,
	},
	{
		name: "template literal with expressions",
		src:  "const r = 'edge'\nexport const config = { runtime: `${r}` }",
		err:  `Unsupported template literal with expressions at "config.runtime".`,
	},
	{
		name: "binary expression",
		src:  "const suffix = 'ge'\nexport const config = { runtime: 'ed' + suffix }",
		err:  `Unsupported node type "BinaryExpression" at "config.runtime".`,
	},
	{
		name:   "call expression",
		src:    "function r() { return 'edge' }\nexport const config = {\n  regions: [r()],\n}",
		err:    `Unsupported node type "CallExpression" at "config.regions[0]".`,
		errPos: "3:13",
	},
	{
		name: "member expression",
		src:  "export const config = { runtime: process.env.RUNTIME }",
		err:  `Unsupported node type "MemberExpression" at "config.runtime".`,
	},
	{
		name:   "reexport",
		src:    "export { config } from '../../lib/config'",
		err:    "Next.js can't recognize the exported `config` field in route \"/api/x\":\nIt mustn't be reexported.",
		errPos: "1:10",
	},
	{
		name: "reexport of an imported binding",
		src:  "import { c } from '../../lib/config'\nexport { c as config }",
		err:  "It mustn't be reexported.",
	},
	{
		name: "invalid regions",
		src:  "export const config = { regions: 5 }",
		err:  `/api/x contains invalid middleware config: Expected string, received number, or Expected array, received number at "regions"`,
	},
	{
		name:   "syntax error",
		src:    "export const config = {\n  runtime: 'edge',,\n}",
		err:    "Expected identifier but found \",\"",
		errPos: "2:19",
	},
}

func TestReadConfig(t *testing.T) {
	for _, tt := range readConfigTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := tt.file
			if file == "" {
				file = "pages/api/x.ts"
			}
			writeFiles(t, dir, map[string]string{file: tt.src})
			got, warnings, err := ReadConfig(dir, file)
			if tt.err != "" {
				var be *Error
				if !errors.As(err, &be) {
					t.Fatalf("err = %v, want *Error containing %q", err, tt.err)
				}
				m := be.Messages[0]
				if !strings.Contains(m.Text, tt.err) {
					t.Errorf("error text:\n%s\nwant it to contain:\n%s", m.Text, tt.err)
				}
				if m.File != file {
					t.Errorf("error file = %q, want %q", m.File, file)
				}
				if tt.errPos != "" {
					if pos := strings.TrimPrefix(m.String(), file+":"); !strings.HasPrefix(pos, tt.errPos+":") {
						t.Errorf("error position in %q, want %s", m.String(), tt.errPos)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := DefaultRouteConfig()
			if tt.want != nil {
				tt.want(&want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("config\n got %+v\nwant %+v", got, want)
			}
			var texts []string
			for _, w := range warnings {
				texts = append(texts, w.Text)
			}
			if !reflect.DeepEqual(texts, tt.warnings) {
				t.Errorf("warnings = %q, want %q", texts, tt.warnings)
			}
		})
	}
}

func TestReadConfigAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"src/pages/api/index.ts": "export const config = { runtime: 'edge' }"})
	_, warnings, err := ReadConfig(dir, filepath.Join(dir, "src/pages/api/index.ts"))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || warnings[0].File != "src/pages/api/index.ts" {
		t.Errorf("warnings = %+v", warnings)
	}
}

var pageNameTests = []struct{ in, want string }{
	{"pages/api/x.ts", "/api/x"},
	{"pages/api/index.ts", "/api"},
	{"src/pages/api/users/[id].ts", "/api/users/[id]"},
	{"pages/api/a/index.js", "/api/a"},
	{"pages/api/[[...slug]].tsx", "/api/[[...slug]]"},
}

func TestPageName(t *testing.T) {
	for _, tt := range pageNameTests {
		if got := pageName(tt.in); got != tt.want {
			t.Errorf("pageName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadConfigWarningLocation(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"pages/api/e.ts": "// edge\nexport const config = { runtime: 'edge' }\n"})
	_, warnings, err := ReadConfig(dir, "pages/api/e.ts")
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 {
		t.Fatalf("warnings = %+v", warnings)
	}
	if got := warnings[0].String(); !strings.HasPrefix(got, "pages/api/e.ts:2:34: The Edge Runtime is deprecated.") {
		t.Errorf("warning = %q", got)
	}
	if warnings[0].LineText != "export const config = { runtime: 'edge' }" || warnings[0].Length != 6 {
		t.Errorf("code frame: %q, length %d", warnings[0].LineText, warnings[0].Length)
	}
}
