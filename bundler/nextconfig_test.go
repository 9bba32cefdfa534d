package bundler

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

func boolPtr(b bool) *bool { return &b }

var loadNextConfigTests = []struct {
	name  string
	files map[string]string
	phase string
	env   map[string]string
	check func(t *testing.T, c *NextConfig)
	err   string   // substring of the first message
	notes []string // expected notes of the first message (when set)
}{
	{
		name: "no config file",
		check: func(t *testing.T, c *NextConfig) {
			if !reflect.DeepEqual(c, DefaultNextConfig()) {
				t.Errorf("got %+v, want defaults", c)
			}
		},
	},
	{
		name: "CommonJS object with every option",
		files: map[string]string{"next.config.js": `
/** @type {import('next').NextConfig} */
module.exports = {
  basePath: '/docs',
  trailingSlash: true,
  skipTrailingSlashRedirect: true,
  skipMiddlewareUrlNormalize: true,
  pageExtensions: ['page.ts', 'ts'],
  env: { API_URL: 'https://api.example.com', RETRIES: 3 },
  compress: false,
  poweredByHeader: false,
  i18n: { locales: ['en', 'fr'], defaultLocale: 'en', domains: [{ domain: 'example.fr', defaultLocale: 'fr', http: true }] },
  experimental: { proxyClientMaxBodySize: '1mb', trustHostHeader: true },
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'x-frame-options', value: 'DENY' }], has: [{ type: 'header', key: 'x-a' }, { type: 'host', value: 'example.com' }] }]
  },
  async redirects() {
    return [
      { source: '/old', destination: '/new', permanent: true, basePath: false },
      { source: '/tmp', destination: '/x', statusCode: 303, missing: [{ type: 'cookie', key: 'c', value: '' }] },
    ]
  },
  async rewrites() {
    return {
      beforeFiles: [{ source: '/a', destination: '/api/a' }],
      afterFiles: [{ source: '/b', destination: 'https://example.com/b', locale: false }],
    }
  },
}`},
		check: func(t *testing.T, c *NextConfig) {
			want := &NextConfig{
				File: "next.config.js", BasePath: "/docs", TrailingSlash: true, SkipTrailingSlashRedirect: true,
				SkipProxyURLNormalize: true, PageExtensions: []string{"page.ts", "ts"},
				Env:      map[string]string{"API_URL": "https://api.example.com", "RETRIES": "3"},
				Compress: false, PoweredByHeader: false, GenerateEtags: true,
				I18n: &I18n{Locales: []string{"en", "fr"}, DefaultLocale: "en", LocaleDetection: true,
					Domains: []I18nDomain{{Domain: "example.fr", DefaultLocale: "fr", HTTP: true}}},
				Headers: []HeaderRule{{Source: "/api/:path*", Headers: []Header{{"x-frame-options", "DENY"}},
					Has: []RouteHas{{Type: "header", Key: "x-a"}, {Type: "host", Value: "example.com", HasValue: true}}}},
				Redirects: []Redirect{
					{Source: "/old", Destination: "/new", Permanent: true, BasePath: boolPtr(false)},
					{Source: "/tmp", Destination: "/x", StatusCode: 303, Missing: []RouteHas{{Type: "cookie", Key: "c", HasValue: true}}},
				},
				Rewrites: Rewrites{
					BeforeFiles: []Rewrite{{Source: "/a", Destination: "/api/a"}},
					AfterFiles:  []Rewrite{{Source: "/b", Destination: "https://example.com/b", Locale: boolPtr(false)}},
				},
				ProxyClientMaxBodySize: 1 << 20, TrustHostHeader: true,
				Warnings: []Message{{
					Text: `Invalid next.config.js options detected: Expected string, received number at "env.RETRIES"`,
					File: "next.config.js", Notes: []string{"See more info here: https://nextjs.org/docs/messages/invalid-next-config"},
				}},
			}
			if !reflect.DeepEqual(c, want) {
				t.Errorf("got\n%+v\nwant\n%+v", c, want)
			}
			if c.Redirects[0].Status() != 308 || c.Redirects[1].Status() != 303 {
				t.Errorf("statuses %d %d", c.Redirects[0].Status(), c.Redirects[1].Status())
			}
		},
	},
	{
		name: "ESM with imports from node_modules, path and import.meta.url",
		files: map[string]string{
			"node_modules/with-fake/package.json": `{"name":"with-fake","main":"index.js"}`,
			"node_modules/with-fake/index.js":     "module.exports = (opts) => (config) => ({ ...config, env: { ...config.env, FAKE: opts.name } })",
			"next.config.mjs": `import path from 'node:path'
import { fileURLToPath } from 'url'
import withFake from 'with-fake'

const __dirname = path.dirname(fileURLToPath(import.meta.url))

export default withFake({ name: 'plugin' })({
  env: { DIR_OK: String(__dirname === process.cwd()), JOINED: path.join('/base', 'x', '../y') },
})`,
		},
		check: func(t *testing.T, c *NextConfig) {
			want := map[string]string{"FAKE": "plugin", "DIR_OK": "true", "JOINED": "/base/y"}
			if !reflect.DeepEqual(c.Env, want) || c.File != "next.config.mjs" {
				t.Errorf("file %q env %q, want %q", c.File, c.Env, want)
			}
		},
	},
	{
		name:  "function form with phase, defaultConfig and next/constants",
		phase: PhaseDevelopmentServer,
		env:   map[string]string{"FROM_ENV": "yes"},
		files: map[string]string{"next.config.js": `
const { PHASE_DEVELOPMENT_SERVER } = require('next/constants')
module.exports = (phase, { defaultConfig }) => ({
  ...defaultConfig,
  basePath: phase === PHASE_DEVELOPMENT_SERVER ? '/dev' : '/prod',
  env: { SEEN_NODE_ENV: process.env.NODE_ENV, FROM_ENV: process.env.FROM_ENV, EXT: defaultConfig.pageExtensions.join(',') },
})`},
		check: func(t *testing.T, c *NextConfig) {
			want := map[string]string{"SEEN_NODE_ENV": "development", "FROM_ENV": "yes", "EXT": "tsx,ts,jsx,js"}
			if c.BasePath != "/dev" || !reflect.DeepEqual(c.Env, want) {
				t.Errorf("basePath %q env %q", c.BasePath, c.Env)
			}
			if c.ProxyClientMaxBodySize != 10<<20 {
				t.Errorf("ProxyClientMaxBodySize = %d", c.ProxyClientMaxBodySize)
			}
		},
	},
	{
		name:  "async function form",
		phase: PhaseProductionServer,
		files: map[string]string{"next.config.js": `
const load = async () => ({ trailingSlash: true })
module.exports = async (phase) => {
  const extra = await load()
  return { ...extra, env: { PHASE: phase } }
}`},
		check: func(t *testing.T, c *NextConfig) {
			if !c.TrailingSlash || c.Env["PHASE"] != PhaseProductionServer {
				t.Errorf("got %+v", c)
			}
		},
	},
	{
		name: "TypeScript with types and satisfies",
		files: map[string]string{"next.config.ts": `import type { NextConfig } from 'next'
import { NextConfig as Unused } from 'next'

enum Mode { Strict = 'strict' }

const config = {
  basePath: '/ts',
  env: { MODE: Mode.Strict },
  async rewrites() { return [{ source: '/r', destination: '/api/r' }] },
} satisfies NextConfig

export default config`},
		check: func(t *testing.T, c *NextConfig) {
			if c.BasePath != "/ts" || c.Env["MODE"] != "strict" || len(c.Rewrites.AfterFiles) != 1 || c.File != "next.config.ts" {
				t.Errorf("got %+v", c)
			}
		},
	},
	{
		name:  "option of the wrong type warns and counts by truthiness",
		files: map[string]string{"next.config.js": "module.exports = { trailingSlash: 'yes' }"},
		check: func(t *testing.T, c *NextConfig) {
			if !c.TrailingSlash || len(c.Warnings) != 1 || c.Warnings[0].Text != `Invalid next.config.js options detected: Expected boolean, received string at "trailingSlash"` {
				t.Errorf("trailingSlash %v warnings %+v", c.TrailingSlash, c.Warnings)
			}
		},
	},
	{
		name:  "pending promise",
		files: map[string]string{"next.config.js": "module.exports = new Promise(() => {})"},
		err:   "promise did not settle",
	},
	{
		name:  "config throws",
		files: map[string]string{"next.config.js": "const x = 1\nthrow new Error('no config for you')\n"},
		err:   "next.config.js: loading it threw Error: no config for you",
	},
	{
		name:  "rejected headers",
		files: map[string]string{"next.config.js": "module.exports = { async headers() { throw new TypeError('bad headers') } }"},
		err:   "headers(): TypeError: bad headers",
	},
	{
		name:  "basePath must start with a slash",
		files: map[string]string{"next.config.js": "module.exports = { basePath: 'docs' }"},
		err:   `Specified basePath has to start with a /, found "docs"`,
	},
	{
		name:  "basePath must not end with a slash",
		files: map[string]string{"next.config.js": "module.exports = { basePath: '/docs/' }"},
		err:   `Specified basePath should not end with /, found "/docs/"`,
	},
	{
		name:  "env key not allowed",
		files: map[string]string{"next.config.js": "module.exports = { env: { NODE_OPTIONS: 'x' } }"},
		err:   `The key "NODE_OPTIONS" under "env" in next.config.js is not allowed. https://nextjs.org/docs/messages/env-key-not-allowed`,
	},
	{
		name:  "empty pageExtensions",
		files: map[string]string{"next.config.js": "module.exports = { pageExtensions: [] }"},
		err:   "Specified pageExtensions is an empty array.",
	},
	{
		name:  "i18n defaultLocale not in locales",
		files: map[string]string{"next.config.js": "module.exports = { i18n: { locales: ['en'], defaultLocale: 'fr' } }"},
		err:   "Specified i18n.defaultLocale should be included in i18n.locales.",
	},
	{
		name: "invalid redirects",
		files: map[string]string{"next.config.js": `module.exports = { async redirects() { return [
  { source: 'old', destination: '/new' },
  { source: '/a', destination: '/b', statusCode: 399, foo: 1 },
  { source: '/ok', destination: '/fine', permanent: false },
] } }`},
		err: "Invalid redirects found",
		notes: []string{
			"`source` does not start with /, `permanent` is not set to `true` or `false` for route {\"source\":\"old\",\"destination\":\"/new\"}",
			"`statusCode` is not undefined or valid statusCode, invalid field: foo for route {\"source\":\"/a\",\"destination\":\"/b\",\"statusCode\":399,\"foo\":1}",
			"Valid redirect statusCode values are 301, 302, 303, 307, 308",
		},
	},
	{
		name:  "invalid header and has",
		files: map[string]string{"next.config.js": "module.exports = { headers: async () => [{ source: '/x', headers: [], has: [{ type: 'body' }] }] }"},
		err:   "Invalid header found",
		notes: []string{"invalid `has` item found, `headers` field cannot be empty for route {\"source\":\"/x\",\"headers\":[],\"has\":[{\"type\":\"body\"}]}"},
	},
	{
		name:  "rewrites must be an array",
		files: map[string]string{"next.config.js": "module.exports = { rewrites: async () => 'nope' }"},
		err:   "rewrites must return an array, received string.",
	},
	{
		name:  "unsupported Node module",
		files: map[string]string{"next.config.js": "const cp = require('child_process')\nmodule.exports = {}"},
		err:   `edgerun: next.config: module "child_process" is not supported`,
	},
	{
		name:  "unsupported next module",
		files: map[string]string{"next.config.mjs": "import { headers } from 'next/headers'\nexport default {}"},
		err:   `"next/headers" is not supported`,
	},
	{
		name:  "syntax error has a location",
		files: map[string]string{"next.config.js": "module.exports = {\n  basePath: '/x',,\n}"},
		err:   `Expected identifier but found ","`,
	},
	{
		name:  "exporting a non-object",
		files: map[string]string{"next.config.js": "module.exports = 42"},
		err:   "must export a config object (or a function returning one), got number",
	},
}

func TestLoadNextConfig(t *testing.T) {
	for _, tt := range loadNextConfigTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			phase := tt.phase
			if phase == "" {
				phase = PhaseProductionBuild
			}
			c, err := LoadNextConfig(dir, phase, tt.env)
			if tt.err != "" {
				var be *Error
				if !errors.As(err, &be) {
					t.Fatalf("err = %v, want *Error containing %q", err, tt.err)
				}
				if !strings.Contains(be.Messages[0].Text, tt.err) {
					t.Errorf("error %q does not contain %q", be.Messages[0].Text, tt.err)
				}
				if be.Messages[0].File == "" {
					t.Errorf("error has no file: %+v", be.Messages[0])
				}
				if tt.notes != nil && !reflect.DeepEqual(be.Messages[0].Notes, tt.notes) {
					t.Errorf("notes\n got %q\nwant %q", be.Messages[0].Notes, tt.notes)
				}
				return
			}
			if err != nil {
				var be *Error
				if errors.As(err, &be) {
					t.Fatal(be.Format(false))
				}
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestLoadNextConfigSyntaxErrorLocation(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"next.config.js": "module.exports = {\n  basePath: '/x',,\n}"})
	_, err := LoadNextConfig(dir, PhaseProductionBuild, nil)
	if got := err.Error(); !strings.HasPrefix(got, "bundler: next.config.js:2:18: ") {
		t.Errorf("Error() = %q", got)
	}
}

func TestLoadNextConfigTimeout(t *testing.T) {
	old := configEvalTimeout
	configEvalTimeout = 50 * time.Millisecond
	defer func() { configEvalTimeout = old }()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"next.config.js": "for (;;) {}"})
	_, err := LoadNextConfig(dir, PhaseProductionBuild, nil)
	if err == nil || !strings.Contains(err.Error(), "did not finish within") {
		t.Errorf("err = %v", err)
	}
}

func TestLoadNextConfigConsole(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"next.config.js": "console.log('loading', 1)\nmodule.exports = {}"})
	ev, err := newConfigEval(dir, "next.config.js", PhaseProductionBuild, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	ev.out = io.Writer(&out)
	code, err := bundleNextConfig(dir, "next.config.js")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ev.load(code); err != nil {
		t.Fatal(err)
	}
	if out.String() != "loading 1\n" {
		t.Errorf("console output %q", out.String())
	}
}
