package bundler

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var appConfigTests = []struct {
	name string
	src  string
	want AppRouteConfig
	err  string // substring of the error; "" = none
	warn bool   // the Edge Runtime deprecation warning
}{
	{name: "no config", src: "export async function GET() { return new Response('x') }", want: DefaultAppRouteConfig()},
	{
		name: "seed 002: edge and force-dynamic",
		src:  "export const runtime = 'edge';\nexport const dynamic = 'force-dynamic';\nexport async function GET(request: Request) { return Response.json({}) }",
		want: AppRouteConfig{Runtime: RuntimeEdge, Dynamic: "force-dynamic", DynamicParams: true, Revalidate: RevalidateUnset},
		warn: true,
	},
	{
		name: "every key",
		src: `export const revalidate = 60
export const dynamicParams = false
export const dynamic = 'force-static'
export const fetchCache = 'force-no-store'
export const preferredRegion = ['iad1', 'sfo1']
export const runtime = 'nodejs'
export const maxDuration = 30
export function GET() {}`,
		want: AppRouteConfig{Runtime: RuntimeNode, Dynamic: "force-static", DynamicParams: false, Revalidate: 60,
			FetchCache: "force-no-store", PreferredRegion: []string{"iad1", "sfo1"}, MaxDuration: 30},
	},
	{
		name: "revalidate false, one region",
		src:  "export const revalidate = false\nexport const preferredRegion = 'home'",
		want: AppRouteConfig{Runtime: RuntimeNode, Dynamic: "auto", DynamicParams: true, Revalidate: RevalidateNever, PreferredRegion: []string{"home"}},
	},
	{
		name: "computed values other than runtime are Next's to read at run time",
		src:  "const hour = 3600\nexport const revalidate = hour * 2\nexport const dynamic = process.env.D",
		want: DefaultAppRouteConfig(),
	},
	{
		name: "bad dynamic",
		src:  "export const dynamic = 'static'",
		err:  `Invalid segment configuration options detected for "/api/x/route". Read more at https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config: Invalid enum value. Expected 'auto' | 'error' | 'force-static' | 'force-dynamic', received 'static' at "dynamic"`,
	},
	{
		name: "experimental-edge is not an app runtime",
		src:  "export const runtime = 'experimental-edge'",
		err:  `Invalid enum value. Expected 'edge' | 'nodejs', received 'experimental-edge' at "runtime"`,
	},
	{
		name: "negative revalidate",
		src:  "export const revalidate = -1",
		err:  `Invalid revalidate value -1 on "/api/x/route", must be a non-negative number or false at "revalidate"`,
	},
	{
		name: "two issues",
		src:  "export const dynamicParams = 'yes'\nexport const maxDuration = 1.5",
		err:  `Expected boolean, received string at "dynamicParams"; Expected integer, received float at "maxDuration"`,
	},
	{
		name: "runtime must be a literal",
		src:  "const r = 'edge'\nexport const runtime = r",
		err:  `Unknown identifier "r" at "runtime"`,
	},
}

func TestReadAppRouteConfig(t *testing.T) {
	for _, tt := range appConfigTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "app", "api", "x", "route.ts")
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, warnings, err := ReadAppRouteConfig(dir, "app/api/x/route.ts", "/api/x/route")
			if tt.err != "" {
				var be *Error
				if err == nil || !errors.As(err, &be) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want *Error containing %q", err, tt.err)
				}
				if be.Messages[0].File != "app/api/x/route.ts" || be.Messages[0].Line == 0 {
					t.Errorf("error not located: %+v", be.Messages[0])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg, tt.want) {
				t.Errorf("config\n got %+v\nwant %+v", cfg, tt.want)
			}
			if got := len(warnings) == 1 && warnings[0].Text == edgeDeprecatedWarning; got != tt.warn {
				t.Errorf("warnings = %+v, want deprecation warning %v", warnings, tt.warn)
			}
		})
	}
}

var findRouteDirsTests = []struct {
	name       string
	dirs       []string
	pages, app string
	err        bool
}{
	{name: "pages only", dirs: []string{"pages/api"}, pages: "pages"},
	{name: "both at the root", dirs: []string{"pages/api", "app"}, pages: "pages", app: "app"},
	{name: "app only", dirs: []string{"app/api/x"}, pages: "pages", app: "app"},
	{name: "src/app only", dirs: []string{"src/app"}, pages: "src/pages", app: "src/app"},
	{name: "pages without api, app", dirs: []string{"src/pages", "src/app"}, pages: "src/pages", app: "src/app"},
	{name: "app wins over src/app", dirs: []string{"app", "src/app", "src/pages/api"}, pages: "src/pages", app: "app"},
	{name: "neither", dirs: []string{"lib"}, err: true},
}

func TestFindRouteDirs(t *testing.T) {
	for _, tt := range findRouteDirsTests {
		dir := t.TempDir()
		for _, d := range tt.dirs {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		pages, app, err := FindRouteDirs(dir)
		if tt.err {
			if !errors.Is(err, ErrNoPagesDir) {
				t.Errorf("%s: err = %v, want ErrNoPagesDir", tt.name, err)
			}
			continue
		}
		if err != nil || pages != tt.pages || app != tt.app {
			t.Errorf("%s: FindRouteDirs = %q, %q, %v; want %q, %q", tt.name, pages, app, err, tt.pages, tt.app)
		}
	}
}

// App routes build like any route, named relative to the pages folder,
// into their own edge bundle or into the shared Node bundle, with
// next/headers and next/navigation left to the runtime.
func TestBuildAppRoutes(t *testing.T) {
	dir := newProject(t, map[string]string{
		"app/api/n/route.ts": "import { cookies } from 'next/headers'\nimport { Counter } from '../../../lib/counter'\nexport async function GET() { return Response.json({ n: new Counter().inc(), c: (await cookies()).size }) }\n",
		"app/api/e/route.ts": "import { redirect } from 'next/navigation'\nexport const runtime = 'edge'\nexport function GET() { redirect('/x') }\n",
	})
	b := NewBuilder(Options{Dir: dir, PagesDir: "pages"})
	defer b.Close()
	edge, err := b.Build("../app/api/e/route.ts")
	if err != nil {
		t.Fatal(err)
	}
	if edge.Runtime != RuntimeEdge || edge.Path != "app/api/e/route.ts" || !strings.Contains(edge.Code, `require("next/navigation")`) {
		t.Errorf("edge bundle: runtime %s, path %s", edge.Runtime, edge.Path)
	}
	ns, failures, err := b.BuildNodeServer([]string{"../app/api/n/route.ts"})
	if err != nil || len(failures) > 0 {
		t.Fatalf("BuildNodeServer: %v %v", err, failures)
	}
	if !strings.Contains(ns.Code, `"../app/api/n/route.ts": () =>`) || !strings.Contains(ns.Code, `require("next/headers")`) {
		t.Errorf("node bundle lacks the app route or its next/headers import:\n%.2000s", ns.Code)
	}
}

// An app-only project has no pages folder: bundles still name files
// relative to the one Next would use.
func TestBuildAppRoutesWithoutPagesFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"src/app/api/x/route.ts": "export function GET() { return new Response('x') }\n"})
	b := NewBuilder(Options{Dir: dir, PagesDir: "src/pages"})
	defer b.Close()
	ns, failures, err := b.BuildNodeServer([]string{"../app/api/x/route.ts"})
	if err != nil || len(failures) > 0 || ns == nil {
		t.Fatalf("BuildNodeServer: %v %v", err, failures)
	}
	if _, err := b.Build("../app/api/x/route.ts"); err != nil {
		t.Fatal(err)
	}
}
