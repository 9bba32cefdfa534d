package bundler

// An edge route that imports `fs` three packages deep is hard to fix
// without knowing how `fs` got in (spec §7: "import trace is the only
// clue"). esbuild's OnResolve sees only the direct importer, so when a
// build fails on a built-in the builder runs one extra build in which all
// built-ins are external, reads the import graph from its metafile, and
// reports the shortest chain from the route to the offending importer.
// Successful builds pay nothing for this.

import (
	"encoding/json"

	"github.com/evanw/esbuild/pkg/api"
)

// importGraph maps each input (relative to Dir) to the inputs it imports.
type importGraph map[string][]string

func (b *Builder) importGraph(entry string, rt Runtime) importGraph {
	opts := b.buildOptions(entry, rt, pluginConfig{runtime: rt, trace: true})
	opts.Sourcemap = api.SourceMapNone
	res := api.Build(opts)
	var m metafile
	if res.Metafile == "" || json.Unmarshal([]byte(res.Metafile), &m) != nil {
		return nil
	}
	g := importGraph{}
	for in, info := range m.Inputs {
		for _, imp := range info.Imports {
			if !imp.External {
				g[in] = append(g[in], imp.Path)
			}
		}
	}
	return g
}

// chain returns the shortest import chain from entry to target, both
// included. Without a path (the graph build failed too) it falls back to
// the two ends.
func (g importGraph) chain(entry, target string) []string {
	if entry == target {
		return []string{entry}
	}
	prev := map[string]string{entry: ""}
	queue := []string{entry}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, next := range g[cur] {
			if _, seen := prev[next]; seen {
				continue
			}
			prev[next] = cur
			if next == target {
				var out []string
				for n := target; n != ""; n = prev[n] {
					out = append([]string{n}, out...)
				}
				return out
			}
			queue = append(queue, next)
		}
	}
	return []string{entry, "…", target}
}
