package bundler

// Snapshot tests in esbuild's style: each scenario is a tiny project whose
// route bundles are compared with testdata/snapshots/<group>.txt.
// Regenerate with `go test ./bundler -update` and review the diff.

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/snapshots/*.txt")

type snapshotScenario struct {
	name  string
	mode  Mode
	env   map[string]string
	files map[string]string // added to testdata/project
}

var snapshotGroups = map[string][]snapshotScenario{
	"node": {
		{
			name:  "minimal handler",
			files: map[string]string{"pages/api/hello.ts": "export default function handler(req, res) {\n  res.status(200).json({ hello: 'world' })\n}\n"},
		},
		{
			name: "config, env defines and built-ins",
			mode: Production,
			env:  map[string]string{"GREETING": "hi"},
			files: map[string]string{"pages/api/env.ts": `import type { NextApiRequest, NextApiResponse } from 'next'
import { readFileSync } from 'node:fs'
import path from 'path'

export const config = { api: { bodyParser: false } }

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const file = path.join(process.cwd(), 'x.txt')
  res.send([process.env.NODE_ENV, process.env.GREETING, process.env.NEXT_RUNTIME, readFileSync(file, 'utf8')].join())
}
`},
		},
		{
			name: "next virtual module in plain JS",
			files: map[string]string{"pages/api/next.js": `import next from 'next'
export default function handler(req, res) { res.json({ next: typeof next }) }
`},
		},
	},
	"edge": {
		{
			name: "edge route with next/server and lowered syntax",
			files: map[string]string{"pages/api/edge.ts": `import { NextResponse, type NextRequest } from 'next/server'

export const config = { runtime: 'edge' }

async function* lines(s: string) {
  for (const l of s.split('\n')) yield l
}

export default async function handler(req: NextRequest) {
  const out: string[] = []
  for await (const l of lines(req.nextUrl?.search ?? '')) out.push(l)
  return NextResponse.json({ out, runtime: process.env.NEXT_RUNTIME })
}
`},
		},
	},
}

// sourceMapLine matches the inline source map comment, which changes with
// every byte of input and would make snapshots unreadable.
var sourceMapLine = regexp.MustCompile(`(?m)^//# sourceMappingURL=data:.*\n?`)

func TestSnapshots(t *testing.T) {
	for group, scenarios := range snapshotGroups {
		t.Run(group, func(t *testing.T) {
			var b strings.Builder
			for _, sc := range scenarios {
				dir := newProject(t, sc.files)
				builder := NewBuilder(Options{Dir: dir, PagesDir: "pages", Mode: sc.mode, Env: sc.env})
				var routes []string
				for f := range sc.files {
					if rel, ok := strings.CutPrefix(f, "pages/"); ok {
						routes = append(routes, rel)
					}
				}
				sort.Strings(routes)
				b.WriteString(strings.Repeat("=", 80) + "\n" + sc.name + "\n")
				for _, r := range routes {
					bundle, err := builder.Build(r)
					if err != nil {
						t.Fatalf("%s: %v", sc.name, err)
					}
					if !sourceMapLine.MatchString(bundle.Code) {
						t.Errorf("%s: %s has no inline source map", sc.name, r)
					}
					b.WriteString("---------- " + bundle.Path + " ----------\n")
					b.WriteString(sourceMapLine.ReplaceAllString(bundle.Code, ""))
					b.WriteString("\n")
				}
				builder.Close()
			}
			compareSnapshot(t, filepath.Join("testdata", "snapshots", group+".txt"), b.String())
		})
	}
}

func compareSnapshot(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./bundler -update to create it)", err)
	}
	if string(want) != got {
		gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
			var g, w string
			if i < len(gotLines) {
				g = gotLines[i]
			}
			if i < len(wantLines) {
				w = wantLines[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\n(run go test ./bundler -update if the change is intended)", file, i+1, g, w)
			}
		}
	}
}
