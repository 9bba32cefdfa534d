package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// project describes a generated project.
type project struct {
	node, edge, zod, shared int
	names                   []string
	sharedNode, sharedEdge  string
}

// generate writes the project's routes and lib/ into dir (replacing the
// pages/ and lib/ of an earlier run): two thirds Node routes, one third
// edge; a third of the routes import zod, a third lib/shared.ts. node0 and
// edge0 import zod, node1 and edge1 nothing (the edit measurements).
func generate(dir string, n int) project {
	check(os.RemoveAll(filepath.Join(dir, "pages")))
	check(os.RemoveAll(filepath.Join(dir, "lib")))
	check(os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755))
	check(os.MkdirAll(filepath.Join(dir, "lib"), 0o755))
	check(os.WriteFile(filepath.Join(dir, "lib", "shared.ts"), []byte(sharedLib("v0")), 0o644))
	var p project
	for i := 0; i < n; i++ {
		edge := i%3 == 2
		var k int
		if edge {
			k = p.edge
			p.edge++
		} else {
			k = p.node
			p.node++
		}
		zod := k == 0 || (k > 1 && i%3 == 0)
		shared := k > 1 && !zod && i%2 == 1
		name := "node" + strconv.Itoa(k)
		src := nodeRoute("v0", zod, shared)
		if edge {
			name = "edge" + strconv.Itoa(k)
			src = edgeRoute("v0", zod, shared)
		}
		if zod {
			p.zod++
		}
		if shared {
			p.shared++
			if edge && p.sharedEdge == "" {
				p.sharedEdge = name
			}
			if !edge && p.sharedNode == "" {
				p.sharedNode = name
			}
		}
		p.names = append(p.names, name)
		check(os.WriteFile(filepath.Join(dir, "pages", "api", name+".ts"), []byte(src), 0o644))
	}
	return p
}

func sharedLib(marker string) string {
	return "export function shared(): string {\n  return " + strconv.Quote("shared "+marker) + ";\n}\n"
}

func nodeRoute(marker string, zod, shared bool) string {
	var b strings.Builder
	b.WriteString("import type { NextApiRequest, NextApiResponse } from \"next\";\n")
	if zod {
		b.WriteString("import { z } from \"zod\";\nconst Schema = z.object({ name: z.string().optional() });\n")
	}
	if shared {
		b.WriteString("import { shared } from \"../../lib/shared\";\n")
	}
	b.WriteString("export default function handler(req: NextApiRequest, res: NextApiResponse) {\n")
	if zod {
		b.WriteString("  Schema.parse(req.query);\n")
	}
	body := strconv.Quote(marker)
	if shared {
		body += " + \" \" + shared()"
	}
	b.WriteString("  res.status(200).send(" + body + ");\n}\n")
	return b.String()
}

func edgeRoute(marker string, zod, shared bool) string {
	var b strings.Builder
	if zod {
		b.WriteString("import { z } from \"zod\";\nconst Schema = z.object({ name: z.string().optional() });\n")
	}
	if shared {
		b.WriteString("import { shared } from \"../../lib/shared\";\n")
	}
	b.WriteString("export const config = { runtime: \"edge\" };\n")
	b.WriteString("export default function handler(req: Request) {\n")
	if zod {
		b.WriteString("  Schema.parse(Object.fromEntries(new URL(req.url).searchParams));\n")
	}
	body := strconv.Quote(marker)
	if shared {
		body += " + \" \" + shared()"
	}
	b.WriteString("  return new Response(" + body + ");\n}\n")
	return b.String()
}
