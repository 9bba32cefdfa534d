package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/edgerun/edgerun/bundler"
)

// BuildOutput describes what Build wrote.
type BuildOutput struct {
	Dir    string // the .edgerun directory
	Routes int
}

// manifestEntry is one route in .edgerun/manifest.json.
type manifestEntry struct {
	Page    string   `json:"page"`
	File    string   `json:"file"`
	Bundle  string   `json:"bundle"`
	Runtime string   `json:"runtime"`
	Inputs  []string `json:"inputs"`
}

// WriteBuild writes every route's bundle (with its inline source map) and a
// manifest to <project>/.edgerun. The server must have been created in
// Production mode, so every route is already built.
func (s *Server) WriteBuild() (*BuildOutput, error) {
	p := s.current.Load()
	out := filepath.Join(p.dir, ".edgerun")
	if err := os.RemoveAll(filepath.Join(out, "server")); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	var manifest []manifestEntry
	write := func(name, code string) (string, error) {
		file := filepath.Join(out, "server", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return "", fmt.Errorf("server: %w", err)
		}
		if err := os.WriteFile(file, []byte(code), 0o644); err != nil {
			return "", fmt.Errorf("server: %w", err)
		}
		rel, _ := filepath.Rel(p.dir, file)
		return filepath.ToSlash(rel), nil
	}
	relInputs := func(abs []string) []string {
		inputs := make([]string, 0, len(abs))
		for _, in := range abs {
			if r, err := filepath.Rel(p.dir, in); err == nil {
				in = filepath.ToSlash(r)
			}
			inputs = append(inputs, in)
		}
		return inputs
	}
	var nodeBundle string
	for _, rt := range p.routes {
		if err := p.load(rt); err != nil {
			return nil, err
		}
		if rt.runtime != bundler.RuntimeEdge {
			if nodeBundle == "" {
				ns := p.node.bundle
				rel, err := write("node-server.js", ns.Code)
				if err != nil {
					return nil, err
				}
				nodeBundle = rel
			}
			manifest = append(manifest, manifestEntry{Page: rt.r.Page, File: rt.path, Bundle: nodeBundle, Runtime: string(rt.runtime), Inputs: relInputs(p.node.bundle.Inputs)})
			continue
		}
		rel, err := write(path.Join("pages", strings.TrimPrefix(rt.r.Page, "/")+".js"), rt.bundle.Code)
		if err != nil {
			return nil, err
		}
		manifest = append(manifest, manifestEntry{Page: rt.r.Page, File: rt.path, Bundle: rel, Runtime: string(rt.runtime), Inputs: relInputs(rt.bundle.Inputs)})
	}
	sort.Slice(manifest, func(i, j int) bool { return manifest[i].Page < manifest[j].Page })
	data, _ := json.MarshalIndent(map[string]any{"version": 1, "routes": manifest}, "", "  ")
	if err := os.WriteFile(filepath.Join(out, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return &BuildOutput{Dir: out, Routes: len(manifest)}, nil
}
