package bundler

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// newProject copies testdata/project (package.json, tsconfig with @/
// paths, lib/, a fake node_modules) into a temp dir and adds files.
func newProject(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("testdata/project", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/project", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, files)
	return dir
}

// loaded is a bundle evaluated in goja.
type loaded struct {
	vm      *goja.Runtime
	exports *goja.Object
}

// load compiles a bundle the way the runtime does (one Program, script
// name = bundle.Path), runs it to get the wrapper function and calls it
// with fresh module objects and a require that serves stubs.
func load(t *testing.T, b *Bundle, modules map[string]any) *loaded {
	t.Helper()
	prg, err := goja.Compile(b.Path, b.Code, false)
	if err != nil {
		t.Fatalf("goja.Compile: %v", err)
	}
	vm := goja.New()
	fnv, err := vm.RunProgram(prg)
	if err != nil {
		t.Fatalf("running bundle: %v", err)
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		t.Fatalf("bundle evaluated to %v, not a function", fnv)
	}
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	require := func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		m, ok := modules[name]
		if !ok {
			panic(vm.NewTypeError("Native module not found: " + name))
		}
		return vm.ToValue(m)
	}
	args := []goja.Value{exports, vm.ToValue(require), module}
	if b.Runtime == RuntimeNode {
		args = append(args, vm.ToValue("/abs/"+b.Path), vm.ToValue("/abs"))
	}
	if _, err := fn(goja.Undefined(), args...); err != nil {
		t.Fatalf("module init: %v", err)
	}
	return &loaded{vm: vm, exports: module.Get("exports").ToObject(vm)}
}

// call invokes an export and settles a returned promise.
func (l *loaded) call(name string, args ...any) (goja.Value, error) {
	fn, ok := goja.AssertFunction(l.exports.Get(name))
	if !ok {
		return nil, errors.New("export " + name + " is not a function")
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		vals[i] = l.vm.ToValue(a)
	}
	v, err := fn(goja.Undefined(), vals...)
	if err != nil {
		return nil, err
	}
	if p, ok := v.Export().(*goja.Promise); ok {
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return p.Result(), nil
		case goja.PromiseStateRejected:
			if o, ok := p.Result().(*goja.Object); ok {
				return nil, fmt.Errorf("rejected: %v", o.Get("stack"))
			}
			return nil, fmt.Errorf("rejected: %v", p.Result())
		}
		return nil, errors.New("promise still pending")
	}
	return v, nil
}

func mustBuild(t *testing.T, opts Options, file string) *Bundle {
	t.Helper()
	b := NewBuilder(opts)
	t.Cleanup(b.Close)
	bundle, err := b.Build(file)
	if err != nil {
		var be *Error
		if errors.As(err, &be) {
			t.Fatalf("Build(%s):\n%s", file, be.Format(false))
		}
		t.Fatalf("Build(%s): %v", file, err)
	}
	return bundle
}

func TestBundleRunsInGoja(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/sum.ts": `
import type { NextApiRequest, NextApiResponse } from 'next'
import { NextApiHandler } from 'next' // no "type": must still build
import { Counter, sum } from '@/lib/counter'
import { flavour } from 'fakepkg'
import { describe } from 'cjsonly'

const c = new Counter()

export default async function handler(req: NextApiRequest, res?: NextApiResponse) {
  const limit = Number(req.query?.limit ?? 3)
  const total = await sum(limit)
  c.inc({ step: 2 })
  return { total, count: c.inc(), created: Counter.created, flavour, described: describe(flavour) }
}
`})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/sum.ts")
	if b.File != "api/sum.ts" || b.Path != "pages/api/sum.ts" || b.Page != "/api/sum" || b.Runtime != RuntimeNode {
		t.Errorf("bundle identity = %q %q %q %q", b.File, b.Path, b.Page, b.Runtime)
	}
	if !strings.HasPrefix(b.Code, nodeBanner+"\n") {
		t.Errorf("code does not start with the Node wrapper: %.80q", b.Code)
	}
	l := load(t, b, map[string]any{"util": map[string]any{"inspect": func() {}}})
	v, err := l.call("default", map[string]any{"query": map[string]any{"limit": "4"}})
	if err != nil {
		t.Fatal(err)
	}
	got := v.Export()
	want := map[string]any{"total": int64(10), "count": int64(3), "created": int64(1), "flavour": "node-require", "described": "cjsonly:function:node-require"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("handler returned %#v, want %#v", got, want)
	}

	var inputs []string
	for _, in := range b.Inputs {
		rel, _ := filepath.Rel(dir, in)
		inputs = append(inputs, filepath.ToSlash(rel))
	}
	wantInputs := []string{"lib/counter.ts", "node_modules/cjsonly/index.js", "node_modules/fakepkg/node.cjs", "pages/api/sum.ts", "tsconfig.json"}
	if !reflect.DeepEqual(inputs, wantInputs) {
		t.Errorf("Inputs = %q, want %q", inputs, wantInputs)
	}
}

func TestStackTraceMapsToSource(t *testing.T) {
	dir := newProject(t, map[string]string{
		"pages/api/users/[id].ts": `import { fail } from '../../../lib/fail'

type Q = { id?: string }

export default function handler(q: Q) {
  if (q.id === 'lib') fail()
  throw new Error('boom ' + q.id)
}
`,
		"lib/fail.ts": "// helper\nexport function fail(): never {\n  throw new TypeError('from lib')\n}\n",
	})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/users/[id].ts")
	l := load(t, b, nil)
	// goja prints source-mapped columns as the map stores them (0-based):
	// `new` in "  throw new Error" is column 8.
	for _, tt := range []struct{ id, frame string }{
		{"7", "at handler (pages/api/users/[id].ts:7:8("},
		{"lib", "at fail (lib/fail.ts:3:8("},
	} {
		_, err := l.call("default", map[string]any{"id": tt.id})
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			t.Fatalf("id=%s: err = %v, want a JS exception", tt.id, err)
		}
		if !strings.Contains(ex.String(), tt.frame) {
			t.Errorf("id=%s: stack does not name %s:\n%s", tt.id, tt.frame, ex.String())
		}
	}
}

func TestEdgeBuiltinError(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/badedge.ts": `import { read } from '@/lib/indirect'
export const config = { runtime: 'edge' }
export default () => new Response(read('x'))
`})
	b := NewBuilder(Options{Dir: dir, PagesDir: "pages"})
	defer b.Close()
	_, err := b.Build("api/badedge.ts")
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v, want *Error", err)
	}
	m := be.Messages[0]
	want := Message{
		Text:     `A Node.js module is loaded ("fs") which is not supported in the Edge Runtime.`,
		File:     "lib/uses-fs.ts",
		Line:     1,
		Column:   30,
		Length:   4,
		LineText: "import { readFileSync } from 'fs'",
		Notes:    []string{"Import trace: pages/api/badedge.ts → lib/indirect.ts → lib/uses-fs.ts → fs"},
		Plugin:   "edgerun",
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("message\n got %#v\nwant %#v", m, want)
	}
	if got := err.Error(); got != `bundler: lib/uses-fs.ts:1:30: A Node.js module is loaded ("fs") which is not supported in the Edge Runtime.` {
		t.Errorf("Error() = %q", got)
	}
	// The route is affected by any change until it builds.
	if got := b.Affected([]string{filepath.Join(dir, "unrelated.ts")}); !reflect.DeepEqual(got, []string{"api/badedge.ts"}) {
		t.Errorf("Affected = %q", got)
	}

	// The same import from a Node route is fine.
	writeFiles(t, dir, map[string]string{"pages/api/badedge.ts": "import { read } from '@/lib/indirect'\nexport default () => read('x')\n"})
	bundle, err := b.Build("api/badedge.ts")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bundle.Code, `require("fs")`) {
		t.Errorf("Node bundle does not require fs")
	}
}

func TestEdgeBuiltinDirectImport(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/e.ts": "import crypto from 'node:crypto'\nexport const runtime = 'edge'\nexport default () => crypto\n"})
	_, err := NewBuilder(Options{Dir: dir, PagesDir: "pages"}).Build("api/e.ts")
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v", err)
	}
	m := be.Messages[0]
	if m.Text != `A Node.js module is loaded ("node:crypto") which is not supported in the Edge Runtime.` || m.File != "pages/api/e.ts" || m.Line != 1 || m.Column != 20 {
		t.Errorf("message = %+v", m)
	}
	if !reflect.DeepEqual(m.Notes, []string{"Import trace: pages/api/e.ts → node:crypto"}) {
		t.Errorf("notes = %q", m.Notes)
	}
}

func TestEdgeAllowedBuiltinsAndConditions(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/edge.ts": `
import { Buffer } from 'buffer'
import { EventEmitter } from 'node:events'
import { inspect } from 'util'
import { AsyncLocalStorage } from 'node:async_hooks'
import assert from 'assert'
import { NextResponse, type NextRequest } from 'next/server'
import { flavour } from 'fakepkg'
export const config = { runtime: 'edge' }
export default (req: NextRequest) => NextResponse.json({ flavour, b: typeof Buffer, e: typeof EventEmitter, i: typeof inspect, a: typeof AsyncLocalStorage, s: typeof assert, env: process.env.NEXT_RUNTIME })
`})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/edge.ts")
	if b.Runtime != RuntimeEdge || !strings.HasPrefix(b.Code, edgeBanner+"\n") {
		t.Fatalf("runtime %q, code starts %.60q", b.Runtime, b.Code)
	}
	for _, req := range []string{`require("node:buffer")`, `require("node:events")`, `require("node:util")`, `require("node:async_hooks")`, `require("node:assert")`, `require("next/server")`} {
		if !strings.Contains(b.Code, req) {
			t.Errorf("edge bundle lacks %s", req)
		}
	}
	fn := func() {}
	l := load(t, b, map[string]any{
		"node:buffer": map[string]any{"Buffer": fn}, "node:events": map[string]any{"EventEmitter": fn},
		"node:util": map[string]any{"inspect": fn}, "node:async_hooks": map[string]any{"AsyncLocalStorage": fn},
		"node:assert": fn,
		"next/server": map[string]any{"NextResponse": map[string]any{"json": func(v any) any { return v }}},
	})
	v, err := l.call("default", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"flavour": "edge-light", "b": "function", "e": "function", "i": "function", "a": "function", "s": "function", "env": "edge"}
	if got := v.Export(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	if len(b.Warnings) != 1 || !strings.HasPrefix(b.Warnings[0].Text, "The Edge Runtime is deprecated.") {
		t.Errorf("warnings = %+v", b.Warnings)
	}
}

func TestNodeBuiltinsStayExternal(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/node.ts": `
import fs from 'fs'
import { readFile } from 'fs/promises'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { NextResponse } from 'next/server.js'
export default function handler() { return [typeof fs.readFileSync, typeof readFile, typeof createHash, path.sep, typeof NextResponse, __dirname] }
`})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/node.ts")
	for _, req := range []string{`require("fs")`, `require("fs/promises")`, `require("node:crypto")`, `require("node:path")`, `require("next/server")`} {
		if !strings.Contains(b.Code, req) {
			t.Errorf("node bundle lacks %s", req)
		}
	}
	fn := func() {}
	l := load(t, b, map[string]any{
		"fs": map[string]any{"readFileSync": fn}, "fs/promises": map[string]any{"readFile": fn},
		"node:crypto": map[string]any{"createHash": fn}, "node:path": map[string]any{"sep": "/"},
		"next/server": map[string]any{"NextResponse": fn},
	})
	v, err := l.call("default")
	if err != nil {
		t.Fatal(err)
	}
	want := []any{"function", "function", "function", "/", "function", "/abs"}
	if got := v.Export(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

func TestUnsupportedNextImport(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/h.ts": "import { revalidatePath } from 'next/cache'\nexport default () => revalidatePath('/')\n"})
	_, err := NewBuilder(Options{Dir: dir, PagesDir: "pages"}).Build("api/h.ts")
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v", err)
	}
	if got := be.Error(); got != `bundler: pages/api/h.ts:1:32: edgerun: "next/cache" is not supported in API routes` {
		t.Errorf("Error() = %q", got)
	}
}

func TestLenientEdgeBuiltins(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/e.ts": `import fs from 'fs'
export const config = { runtime: 'edge' }
export default function handler() { return fs.readFileSync('x') }
`})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages", AllowEdgeNodeBuiltins: true}, "api/e.ts")
	found := false
	for _, w := range b.Warnings {
		if strings.HasPrefix(w.Text, "A Node.js module is loaded ('fs') which is not supported in the Edge Runtime.") && w.Line == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no located built-in warning in %+v", b.Warnings)
	}
	l := load(t, b, nil) // importing is fine; using it throws
	_, err := l.call("default")
	if err == nil || !strings.Contains(err.Error(), "The edge runtime does not support Node.js 'fs' module.") {
		t.Errorf("err = %v", err)
	}
}

func TestDefines(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/env.ts": `
export default function handler() {
  return [process.env.NODE_ENV, process.env.NEXT_RUNTIME, process.env.API_URL, process.env.UNSET]
}`})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages", Mode: Production, Env: map[string]string{"API_URL": "https://x", "bad-key": "y"}}, "api/env.ts")
	l := load(t, b, nil)
	_ = l.vm.Set("process", map[string]any{"env": map[string]any{"UNSET": "runtime"}})
	v, err := l.call("default")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.Export(), []any{"production", "nodejs", "https://x", "runtime"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

func TestIncrementalRebuildAndAffected(t *testing.T) {
	dir := newProject(t, map[string]string{
		"lib/msg.ts":       "export const msg = 'one'\n",
		"pages/api/a.ts":   "import { msg } from '../../lib/msg'\nexport default () => msg\n",
		"pages/api/b.ts":   "export default () => 'b'\n",
		"pages/api/cfg.ts": "export default () => 'cfg'\n",
	})
	b := NewBuilder(Options{Dir: dir, PagesDir: "pages"})
	defer b.Close()
	bundles, errs := b.BuildAll([]string{"api/a.ts", "api/b.ts", "api/cfg.ts"})
	if len(errs) != 0 || len(bundles) != 3 {
		t.Fatalf("BuildAll: %d bundles, errors %v", len(bundles), errs)
	}
	lib := filepath.Join(dir, "lib", "msg.ts")
	if got := b.Affected([]string{lib}); !reflect.DeepEqual(got, []string{"api/a.ts"}) {
		t.Errorf("Affected(lib) = %q", got)
	}
	if got := b.Affected([]string{filepath.Join(dir, "tsconfig.json")}); len(got) != 3 {
		t.Errorf("Affected(tsconfig) = %q, want every route", got)
	}

	writeFiles(t, dir, map[string]string{"lib/msg.ts": "export const msg = 'two'\n"})
	a, err := b.Build("api/a.ts")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Code, `"two"`) {
		t.Errorf("rebuild did not pick up the edit")
	}

	// Switching runtime recreates the context with edge settings.
	writeFiles(t, dir, map[string]string{"pages/api/cfg.ts": "export const config = { runtime: 'edge' }\nexport default () => new Response('x')\n"})
	c, err := b.Build(filepath.Join(dir, "pages", "api", "cfg.ts")) // absolute paths work too
	if err != nil {
		t.Fatal(err)
	}
	if c.Runtime != RuntimeEdge || !strings.HasPrefix(c.Code, edgeBanner) || c.File != "api/cfg.ts" {
		t.Errorf("after switching to edge: runtime %q file %q", c.Runtime, c.File)
	}

	// A syntax error fails the route, which is then affected by any change.
	writeFiles(t, dir, map[string]string{"pages/api/b.ts": "export default () => {\n"})
	if _, err := b.Build("api/b.ts"); err == nil {
		t.Fatal("expected a syntax error")
	}
	if got := b.Affected([]string{lib}); !reflect.DeepEqual(got, []string{"api/a.ts", "api/b.ts"}) {
		t.Errorf("Affected after failure = %q", got)
	}
	b.Remove("api/b.ts")
	if got := b.Affected([]string{lib}); !reflect.DeepEqual(got, []string{"api/a.ts"}) {
		t.Errorf("Affected after Remove = %q", got)
	}
}

func TestBuildAllReportsErrorsPerRoute(t *testing.T) {
	dir := newProject(t, map[string]string{
		"pages/api/ok.ts":  "export default () => 1\n",
		"pages/api/bad.ts": "import x from './missing'\nexport default x\n",
	})
	b := NewBuilder(Options{Dir: dir, PagesDir: "pages"})
	defer b.Close()
	bundles, errs := b.BuildAll([]string{"api/ok.ts", "api/bad.ts"})
	if bundles["api/ok.ts"] == nil || errs["api/bad.ts"] == nil || len(bundles)+len(errs) != 2 {
		t.Fatalf("bundles %v errs %v", bundles, errs)
	}
	if got := errs["api/bad.ts"].Error(); got != `bundler: pages/api/bad.ts:1:15: Could not resolve "./missing"` {
		t.Errorf("error = %q", got)
	}
}

func TestBuildAfterClose(t *testing.T) {
	b := NewBuilder(Options{Dir: t.TempDir(), PagesDir: "pages"})
	b.Close()
	if _, err := b.Build("api/x.ts"); err == nil {
		t.Fatal("Build after Close succeeded")
	}
}

var findPagesDirTests = []struct {
	name  string
	dirs  []string
	want  string
	noDir bool
}{
	{"pages", []string{"pages/api"}, "pages", false},
	{"src/pages", []string{"src/pages/api"}, "src/pages", false},
	{"pages wins", []string{"pages/api", "src/pages/api"}, "pages", false},
	{"pages without api shadows src", []string{"pages", "src/pages/api"}, "", true},
	{"none", nil, "", true},
}

func TestFindPagesDir(t *testing.T) {
	for _, tt := range findPagesDirTests {
		dir := t.TempDir()
		for _, d := range tt.dirs {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		got, err := FindPagesDir(dir)
		if got != tt.want || errors.Is(err, ErrNoPagesDir) != tt.noDir {
			t.Errorf("%s: FindPagesDir = %q, %v", tt.name, got, err)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{Messages: []Message{
		{Text: "first", File: "pages/api/x.ts", Line: 2, Column: 5, Length: 3, LineText: "let abc = 1", Notes: []string{"a note"}, Plugin: "edgerun"},
		{Text: "second"},
	}}
	if got := e.Error(); got != "bundler: pages/api/x.ts:2:5: first (and 1 more)" {
		t.Errorf("Error() = %q", got)
	}
	want := "✘ [ERROR] first [plugin edgerun]\n\n" +
		"    pages/api/x.ts:2:5:\n" +
		"      2 │ let abc = 1\n" +
		"        │     ~~~\n\n" +
		"  a note\n\n" +
		"✘ [ERROR] second\n\n"
	if got := e.Format(false); got != want {
		t.Errorf("Format:\n%s\nwant:\n%s", got, want)
	}
	if colored := e.Format(true); !strings.Contains(colored, "\x1b[") {
		t.Error("Format(true) has no colour")
	}
}

func TestNextVirtualModuleAndCommonJSRoute(t *testing.T) {
	dir := newProject(t, map[string]string{
		"pages/api/next.js": "import next from 'next'\nimport * as all from 'next'\nexport default () => [typeof next, Object.keys(all).filter(k => k !== 'default').length]\n",
		"pages/api/cjs.js":  "const { describe } = require('cjsonly')\nmodule.exports = function handler() { return describe('cjs') }\n",
	})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/next.js")
	v, err := load(t, b, nil).call("default")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.Export(), []any{"object", int64(0)}; !reflect.DeepEqual(got, want) {
		t.Errorf("next module: got %#v, want %#v", got, want)
	}

	b = mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/cjs.js")
	l := load(t, b, map[string]any{"util": map[string]any{"inspect": func() {}}})
	fn, ok := goja.AssertFunction(l.exports)
	if !ok {
		t.Fatalf("module.exports is not the handler")
	}
	res, err := fn(goja.Undefined())
	if err != nil || res.String() != "cjsonly:function:cjs" {
		t.Errorf("cjs handler = %v, %v", res, err)
	}
}

func TestEdgeBuiltinProbedByDependency(t *testing.T) {
	dir := newProject(t, map[string]string{
		"node_modules/probe/package.json": `{"name":"probe","main":"index.js"}`,
		"node_modules/probe/index.js": `var c; try { c = require('crypto') } catch (e) { c = null }
exports.hasCrypto = !!c
exports.hash = function () { return c.createHash('sha1') }`,
		"pages/api/x.ts": "import { hasCrypto, hash } from 'probe'\nexport const runtime = 'edge'\nexport default (use: boolean) => use ? hash() : hasCrypto\n",
	})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/x.ts")
	var warned bool
	for _, w := range b.Warnings {
		warned = warned || w.File == "node_modules/probe/index.js" && strings.Contains(w.Text, "('crypto')")
	}
	if !warned {
		t.Errorf("no warning for the probed built-in: %+v", b.Warnings)
	}
	l := load(t, b, nil)
	if v, err := l.call("default", false); err != nil || v.Export() != true {
		t.Errorf("probing = %v, %v", v, err)
	}
	if _, err := l.call("default", true); err == nil || !strings.Contains(err.Error(), "The edge runtime does not support Node.js 'crypto' module.") {
		t.Errorf("using the module: %v", err)
	}
}

// A \u{...} escape of the last code point, which goja's parser panics on,
// reaches goja written out as UTF-16.
func TestUnicodeEscapeLowered(t *testing.T) {
	dir := newProject(t, map[string]string{"pages/api/max.ts": `
export default function handler() {
  const s = "\u{10FFFF}\u{1F600}";
  return s.length + ":" + s.codePointAt(0).toString(16);
}
`})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/max.ts")
	l := load(t, b, nil)
	v, err := l.call("default", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "4:10ffff" {
		t.Errorf("handler returned %q, want 4:10ffff", got)
	}
}
