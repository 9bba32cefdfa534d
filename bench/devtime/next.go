package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// nextPackages is what the scratch folder gets: Next 16 with what a
// TypeScript pages-router project needs, and the zod the routes import
// (the same major version as the edgerun side's fixture).
var nextPackages = []string{"next@16", "react@19", "react-dom@19", "typescript@5", "@types/react@19", "@types/node@20", "zod@3"}

// nextTarget prepares `next dev` in dir, a scratch folder outside the
// repository: it installs nextPackages there with npm unless an earlier
// run did. It returns the reason instead when Node.js or npm is missing.
func nextTarget(dir, repo string) (*target, string) {
	if _, err := exec.LookPath("node"); err != nil {
		return nil, "node is not installed"
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return nil, "npm is not installed"
	}
	dir, err = filepath.Abs(dir)
	check(err)
	if rel, err := filepath.Rel(repo, dir); err == nil && !strings.HasPrefix(rel, "..") {
		check(fmt.Errorf("the next dev folder %s is inside the repository; pick one outside it (-next-dir)", dir))
	}
	if why := nextInstalled(dir); why != "" {
		fmt.Printf("installing %s into %s (%s)...\n", strings.Join(nextPackages, " "), dir, why)
		check(os.MkdirAll(dir, 0o755))
		if _, err := os.Stat(filepath.Join(dir, "package.json")); errors.Is(err, os.ErrNotExist) {
			check(os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"private":true}`+"\n"), 0o644))
		}
		cmd := exec.Command(npm, append([]string{"install", "--no-audit", "--no-fund", "--loglevel=error"}, nextPackages...)...)
		cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, "npm install failed: " + err.Error()
		}
		if why := nextInstalled(dir); why != "" {
			return nil, "after npm install, " + why
		}
	}
	bin := filepath.Join(dir, "node_modules", ".bin", "next")
	return &target{name: "next dev", dir: dir, caches: []string{".next"}, command: func(port int) *exec.Cmd {
		return exec.Command(bin, "dev", "-p", strconv.Itoa(port), "-H", "127.0.0.1")
	}}, ""
}

// nextInstalled returns why dir lacks a usable install ("" when it has one).
func nextInstalled(dir string) string {
	for _, pkg := range nextPackages {
		name, want, _ := strings.Cut(pkg[1:], "@") // "@types/react@19" → "types/react", "19"
		name = pkg[:1] + name
		data, err := os.ReadFile(filepath.Join(dir, "node_modules", filepath.FromSlash(name), "package.json"))
		if err != nil {
			return name + " is not installed"
		}
		var meta struct{ Version string }
		if json.Unmarshal(data, &meta) != nil || !strings.HasPrefix(meta.Version, want+".") {
			return fmt.Sprintf("%s is %q, not %s.x", name, meta.Version, want)
		}
	}
	return ""
}

// nextVersion reads the installed Next.js version.
func nextVersion(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", "next", "package.json"))
	if err != nil {
		return "?"
	}
	var meta struct{ Version string }
	_ = json.Unmarshal(data, &meta)
	return meta.Version
}
