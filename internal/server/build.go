package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	for _, rt := range p.routes {
		if err := p.load(rt); err != nil {
			return nil, err
		}
		name := strings.TrimPrefix(rt.r.Page, "/") + ".js"
		file := filepath.Join(out, "server", "pages", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		if err := os.WriteFile(file, []byte(rt.bundle.Code), 0o644); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		rel, _ := filepath.Rel(p.dir, file)
		inputs := make([]string, 0, len(rt.bundle.Inputs))
		for _, in := range rt.bundle.Inputs {
			if r, err := filepath.Rel(p.dir, in); err == nil {
				in = filepath.ToSlash(r)
			}
			inputs = append(inputs, in)
		}
		manifest = append(manifest, manifestEntry{Page: rt.r.Page, File: rt.bundle.Path, Bundle: filepath.ToSlash(rel), Runtime: string(rt.bundle.Runtime), Inputs: inputs})
	}
	sort.Slice(manifest, func(i, j int) bool { return manifest[i].Page < manifest[j].Page })
	data, _ := json.MarshalIndent(map[string]any{"version": 1, "routes": manifest}, "", "  ")
	if err := os.WriteFile(filepath.Join(out, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return &BuildOutput{Dir: out, Routes: len(manifest)}, nil
}
