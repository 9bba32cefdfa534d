// Command devtime measures the dev loop on a generated project (about 60
// API routes, some importing zod, some a shared lib/ file): launch to the
// first 200 of a Node route and of an edge route, with the build cache
// cleared (cold) and kept from the previous launch (warm), and edit to
// new content served for Node routes, edge routes and the shared lib file
// (median of N edits each). It measures `edgerun dev` and, when Node.js
// and npm are installed, `next dev` on the same project in the same run,
// and prints both side by side. bench/dev.sh builds edgerun and runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	bin := flag.String("edgerun", "bench/out/edgerun", "edgerun binary")
	nodeModules := flag.String("node-modules", "conformance/apps/npm/node_modules", "node_modules with zod (symlinked into edgerun's copy of the project)")
	nextDir := flag.String("next-dir", defaultNextDir(), "scratch folder outside the repository for next dev (npm installs Next.js there once; $NEXT_DEV_DIR)")
	noNext := flag.Bool("no-next", false, "measure edgerun dev only")
	routes := flag.Int("routes", 60, "routes in the generated project")
	edits := flag.Int("edits", 5, "edits per measurement")
	launches := flag.Int("launches", 3, "launches per measurement")
	keep := flag.Bool("keep", false, "keep edgerun's copy of the generated project")
	flag.Parse()

	repo, err := os.Getwd()
	check(err)
	nm, err := filepath.Abs(*nodeModules)
	check(err)
	binAbs, err := filepath.Abs(*bin)
	check(err)
	dir, err := os.MkdirTemp("", "edgerun-devbench-")
	check(err)
	if !*keep {
		defer os.RemoveAll(dir)
	}
	check(os.Symlink(nm, filepath.Join(dir, "node_modules")))
	p := generate(dir, *routes)
	fmt.Printf("project: %d routes (%d Node, %d edge; %d import zod; %d import lib/shared.ts)\n",
		*routes, p.node, p.edge, p.zod, p.shared)
	targets := []*target{edgerunTarget(binAbs, dir)}
	fmt.Printf("edgerun dev: %s\n", dir)
	if *noNext {
		fmt.Println("next dev: skipped (-no-next)")
	} else if next, why := nextTarget(*nextDir, repo); next == nil {
		fmt.Printf("next dev: skipped (%s)\n", why)
	} else {
		generate(next.dir, *routes)
		next.clearCaches()
		targets = append(targets, next)
		fmt.Printf("next dev: Next.js %s in %s\n", nextVersion(next.dir), next.dir)
	}

	var rows []string
	results := make([]map[string][]time.Duration, len(targets))
	for i, t := range targets {
		fmt.Fprintf(os.Stderr, "measuring %s...\n", t.name)
		results[i] = measure(t, p, *launches, *edits, &rows)
	}
	report(targets, rows, results, *launches, *edits)
}

func defaultNextDir() string {
	if d := os.Getenv("NEXT_DEV_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "edgerun-next-devbench")
}

// measure runs every measurement on one target; rows collects the
// measurement names in order (the same for every target).
func measure(t *target, p project, launches, edits int, rows *[]string) map[string][]time.Duration {
	res := map[string][]time.Duration{}
	add := func(name string, d time.Duration) {
		if _, seen := res[name]; !seen && !contains(*rows, name) {
			*rows = append(*rows, name)
		}
		res[name] = append(res[name], d)
	}

	// Launches: cold ones first (each with the caches removed), then warm
	// ones, which find what the previous launch left.
	for _, route := range []struct{ kind, path string }{{"Node", "/api/node0"}, {"edge", "/api/edge0"}} {
		for i := 0; i < launches; i++ {
			t.clearCaches()
			add(fmt.Sprintf("launch → first 200, %s route (cold cache)", route.kind), t.launch(route.path))
		}
		for i := 0; i < launches; i++ {
			add(fmt.Sprintf("launch → first 200, %s route (warm cache)", route.kind), t.launch(route.path))
		}
	}

	// Edits, on one running server that has served every route once.
	s := t.start()
	defer s.stop()
	for _, name := range p.names {
		t.waitFor(s.base+"/api/"+name, is200, 120*time.Second)
	}
	time.Sleep(time.Second) // background compilation settles
	cases := []struct {
		name, file, route string
		write             func(marker string) string
	}{
		{"Node route", "pages/api/node1.ts", "node1", func(m string) string { return nodeRoute(m, false, false) }},
		{"Node route (zod)", "pages/api/node0.ts", "node0", func(m string) string { return nodeRoute(m, true, false) }},
		{"edge route", "pages/api/edge1.ts", "edge1", func(m string) string { return edgeRoute(m, false, false) }},
		{"edge route (zod)", "pages/api/edge0.ts", "edge0", func(m string) string { return edgeRoute(m, true, false) }},
		{"lib/shared.ts, Node route", "lib/shared.ts", p.sharedNode, sharedLib},
		{"lib/shared.ts, edge route", "lib/shared.ts", p.sharedEdge, sharedLib},
	}
	for _, c := range cases {
		for i := 0; i < edits; i++ {
			marker := fmt.Sprintf("m%d", time.Now().UnixNano())
			t0 := time.Now()
			check(os.WriteFile(filepath.Join(t.dir, c.file), []byte(c.write(marker)), 0o644))
			t.waitFor(s.base+"/api/"+c.route, func(status int, body string) bool { return status == 200 && strings.Contains(body, marker) }, 60*time.Second)
			add("edit → served: "+c.name, time.Since(t0))
			time.Sleep(200 * time.Millisecond) // let the reload's background work settle
		}
	}
	return res
}

// launch starts the server and returns the time to route's first 200.
func (t *target) launch(route string) time.Duration {
	t0 := time.Now()
	s := t.start()
	defer s.stop()
	t.waitFor(s.base+route, is200, 120*time.Second)
	return time.Since(t0)
}

func report(targets []*target, rows []string, results []map[string][]time.Duration, launches, edits int) {
	fmt.Println()
	fmt.Printf("milliseconds: median (min–max) of %d launches / %d edits\n", launches, edits)
	fmt.Printf("%-48s", "measurement")
	for _, t := range targets {
		fmt.Printf(" %24s", t.name)
	}
	if len(targets) == 2 {
		fmt.Printf(" %16s", "next / edgerun")
	}
	fmt.Println()
	for _, row := range rows {
		fmt.Printf("%-48s", row)
		var medians []time.Duration
		for i := range targets {
			ds := results[i][row]
			sort.Slice(ds, func(a, b int) bool { return ds[a] < ds[b] })
			med := ds[len(ds)/2]
			medians = append(medians, med)
			fmt.Printf(" %24s", fmt.Sprintf("%s (%s–%s)", ms(med), ms(ds[0]), ms(ds[len(ds)-1])))
		}
		if len(medians) == 2 {
			fmt.Printf(" %16s", fmt.Sprintf("%.1f×", float64(medians[1])/float64(medians[0])))
		}
		fmt.Println()
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "devtime:", err)
		os.Exit(1)
	}
}
