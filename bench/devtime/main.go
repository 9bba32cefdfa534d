// Command devtime measures the `edgerun dev` loop on a generated project:
// launch to the first 200 of a Node route and of an edge route, and edit
// to new content served for a Node route, an edge route and a shared lib
// file (median of N edits each). bench/dev.sh builds edgerun and runs it.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("edgerun", "bench/out/edgerun", "edgerun binary")
	nodeModules := flag.String("node-modules", "conformance/apps/npm/node_modules", "node_modules with zod (symlinked into the project)")
	routes := flag.Int("routes", 60, "routes in the generated project")
	edits := flag.Int("edits", 5, "edits per measurement")
	launches := flag.Int("launches", 3, "launches per measurement")
	keep := flag.Bool("keep", false, "keep the generated project")
	flag.Parse()

	nm, err := filepath.Abs(*nodeModules)
	check(err)
	binAbs, err := filepath.Abs(*bin)
	check(err)
	dir, err := os.MkdirTemp("", "edgerun-devbench-")
	check(err)
	if !*keep {
		defer os.RemoveAll(dir)
	}
	p := generate(dir, nm, *routes)
	fmt.Printf("project: %s (%d routes: %d Node, %d edge; %d import zod; %d import lib/shared.ts)\n",
		dir, *routes, p.node, p.edge, p.zod, p.shared)

	fmt.Println()
	fmt.Printf("%-44s %10s %10s %10s\n", "measurement", "median", "min", "max")
	for _, route := range []string{"/api/node0", "/api/edge0"} {
		var ds []time.Duration
		for i := 0; i < *launches; i++ {
			ds = append(ds, launch(binAbs, dir, route))
		}
		report("launch → first 200 "+route, ds)
	}

	port := freePort()
	cmd := start(binAbs, dir, port)
	defer stop(cmd)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitFor(base+"/api/node0", func(int, string) bool { return true }, 30*time.Second)
	waitFor(base+"/api/edge0", func(int, string) bool { return true }, 30*time.Second)
	// Let the background warm-up finish so edits measure reloads, not the
	// initial build.
	for i := 0; i < *routes; i++ {
		get(fmt.Sprintf("%s/api/%s", base, p.names[i]))
	}

	type editCase struct {
		name  string
		file  string
		url   string
		write func(marker string) string
	}
	cases := []editCase{
		{"edit → served: Node route (no zod)", "pages/api/node1.ts", base + "/api/node1", func(m string) string { return nodeRoute(m, false, false) }},
		{"edit → served: Node route (zod)", "pages/api/node0.ts", base + "/api/node0", func(m string) string { return nodeRoute(m, true, false) }},
		{"edit → served: edge route (no zod)", "pages/api/edge1.ts", base + "/api/edge1", func(m string) string { return edgeRoute(m, false, false) }},
		{"edit → served: edge route (zod)", "pages/api/edge0.ts", base + "/api/edge0", func(m string) string { return edgeRoute(m, true, false) }},
		{"edit → served: lib/shared.ts (Node route)", "lib/shared.ts", base + "/api/" + p.sharedNode, sharedLib},
		{"edit → served: lib/shared.ts (edge route)", "lib/shared.ts", base + "/api/" + p.sharedEdge, sharedLib},
	}
	for _, c := range cases {
		var ds []time.Duration
		for i := 0; i < *edits; i++ {
			marker := fmt.Sprintf("m%d", time.Now().UnixNano())
			t0 := time.Now()
			check(os.WriteFile(filepath.Join(dir, c.file), []byte(c.write(marker)), 0o644))
			waitFor(c.url, func(status int, body string) bool { return status == 200 && strings.Contains(body, marker) }, 30*time.Second)
			ds = append(ds, time.Since(t0))
			time.Sleep(50 * time.Millisecond) // let the reload's background warm-up settle
		}
		report(c.name, ds)
	}
}

type project struct {
	node, edge, zod, shared int
	names                   []string
	sharedNode, sharedEdge  string
}

// generate writes the project: two thirds Node routes, one third edge;
// a third of the routes import zod, a third lib/shared.ts. node0 and
// edge0 import zod, node1 and edge1 nothing (the edit measurements).
func generate(dir, nodeModules string, n int) project {
	check(os.MkdirAll(filepath.Join(dir, "pages", "api"), 0o755))
	check(os.MkdirAll(filepath.Join(dir, "lib"), 0o755))
	check(os.Symlink(nodeModules, filepath.Join(dir, "node_modules")))
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

// launch starts edgerun dev and returns the time to the first 200 of route.
func launch(bin, dir, route string) time.Duration {
	port := freePort()
	t0 := time.Now()
	cmd := start(bin, dir, port)
	defer stop(cmd)
	waitFor(fmt.Sprintf("http://127.0.0.1:%d%s", port, route), func(status int, _ string) bool { return status == 200 }, 30*time.Second)
	return time.Since(t0)
}

func start(bin, dir string, port int) *exec.Cmd {
	cmd := exec.Command(bin, "dev", dir, "-p", strconv.Itoa(port), "-H", "127.0.0.1", "--quiet")
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	check(cmd.Start())
	return cmd
}

func stop(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}

func get(url string) (int, string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// waitFor polls url (every 0.5 ms) until ok accepts the response.
func waitFor(url string, ok func(int, string) bool, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		status, body, err := get(url)
		if err == nil && ok(status, body) {
			return
		}
		time.Sleep(500 * time.Microsecond)
	}
	fmt.Fprintf(os.Stderr, "devtime: %s did not answer as expected within %s\n", url, limit)
	os.Exit(1)
}

func freePort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func report(name string, ds []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	fmt.Printf("%-44s %10s %10s %10s\n", name, ms(ds[len(ds)/2]), ms(ds[0]), ms(ds[len(ds)-1]))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "devtime:", err)
		os.Exit(1)
	}
}
