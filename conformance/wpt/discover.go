package wpt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultAreas are the WPT directories a run without paths covers: the Web
// APIs an edge isolate provides. A test belongs to the longest area that
// contains it (encoding/streams is its own row, not part of encoding).
var DefaultAreas = []string{
	"FileAPI",
	"WebCryptoAPI",
	"compression",
	"console",
	"dom/abort",
	"dom/events",
	"encoding",
	"encoding/streams",
	"fetch/api",
	"fetch/data-urls",
	"hr-time",
	"html/webappapis",
	"mimesniff",
	"streams",
	"url",
	"urlpattern",
	"webidl",
	"xhr/formdata",
}

// windowTests lists the `.window.js` tests the runner runs (path.Match
// patterns): data-driven tests whose only use of their page is
// document.createElement("a"/"area"), which the runner's document shim
// provides (document.go). They run in the same worker scope as the others.
var windowTests = []string{
	"url/toascii.window.js",
	"url/IdnaTestV2*.window.js",
	"url/url-setters-a-area.window.js",
}

// nonTestDirs are directory names whose files are never tests (WPT manifest rules).
var nonTestDirs = map[string]bool{"resources": true, "support": true, "tools": true}

type testKind int

const (
	kindAny    testKind = iota // foo.any.js, run through the worker wrapper
	kindWorker                 // foo.worker.js, a complete worker script
	kindWindow                 // foo.window.js from windowTests, with the document shim
)

// testFile is one test file and what its name and META lines say about it.
type testFile struct {
	path string // slash-separated, relative to the WPT root
	kind testKind
	meta metadata
	area string
}

// runSpec is one run: a test file with one of its variants.
type runSpec struct {
	file    *testFile
	variant string // "" or "?..." / "#..."
}

func (r runSpec) id() string { return r.file.path + r.variant }

// hasFlag reports whether the file name carries a WPT name flag such as
// "https", "h2", "www" or "sub" (foo.https.any.js).
func (t *testFile) hasFlag(flag string) bool {
	parts := strings.Split(path.Base(t.path), ".")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts[1 : len(parts)-1] {
		if p == flag {
			return true
		}
	}
	return false
}

// url is the test's worker script URL, the `location` the test sees: what a
// browser's dedicated worker has when it loads `<test>.any.worker.html`.
func (r runSpec) url() string {
	t := r.file
	scheme, port := "http", wptPorts["http"][0]
	if t.hasFlag("https") || t.hasFlag("h2") {
		scheme, port = "https", wptPorts["https"][0]
	}
	host := wptHost
	if t.hasFlag("www") {
		host = "www." + wptHost
	}
	p := t.path
	switch t.kind {
	case kindAny:
		p = strings.TrimSuffix(p, ".js") + ".worker.js"
	case kindWindow:
		p = strings.TrimSuffix(p, ".js") + ".html"
	}
	return fmt.Sprintf("%s://%s:%d/%s%s", scheme, host, port, p, r.variant)
}

// ErrNotATest is returned for a path that names a file edgerun cannot run.
var ErrNotATest = errors.New("wpt: not a test edgerun runs")

// discover finds the tests under paths (files or directories relative to
// root); no paths means DefaultAreas. The result is sorted by path.
func discover(root string, paths []string) ([]*testFile, error) {
	explicit := len(paths) > 0
	if !explicit {
		paths = DefaultAreas
	}
	seen := map[string]bool{}
	var out []*testFile
	add := func(rel string, mustBeTest bool) error {
		if seen[rel] {
			return nil
		}
		kind, ok := classify(rel)
		if !ok {
			if mustBeTest {
				return fmt.Errorf("%w: %s (edgerun runs *.any.js and *.worker.js tests and %s)", ErrNotATest, rel, strings.Join(windowTests, ", "))
			}
			return nil
		}
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Errorf("wpt: %w", err)
		}
		meta := parseMetadata(src)
		if kind == kindAny && !meta.runsInDedicatedWorker() {
			if mustBeTest {
				return fmt.Errorf("%w: %s does not run in a dedicated worker (global=%s)", ErrNotATest, rel, strings.Join(meta.globals, ","))
			}
			return nil
		}
		seen[rel] = true
		out = append(out, &testFile{path: rel, kind: kind, meta: meta, area: areaOf(rel)})
		return nil
	}
	for _, p := range paths {
		rel, err := cleanRel(p)
		if err != nil {
			return nil, err
		}
		full := filepath.Join(root, filepath.FromSlash(rel))
		st, err := os.Stat(full)
		if err != nil {
			if !explicit && errors.Is(err, fs.ErrNotExist) {
				continue // a checkout without one of the default areas
			}
			return nil, fmt.Errorf("wpt: %w", err)
		}
		if !st.IsDir() {
			if err := add(rel, true); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(full, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != full && (nonTestDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			r, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			return add(filepath.ToSlash(r), false)
		})
		if err != nil {
			return nil, fmt.Errorf("wpt: %w", err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// cleanRel validates a user-given path relative to the WPT root.
func cleanRel(p string) (string, error) {
	p = filepath.ToSlash(p)
	c := path.Clean(strings.TrimPrefix(p, "/"))
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("wpt: path %q is outside the WPT root", p)
	}
	return c, nil
}

// classify tells whether rel names a test this runner runs, and how.
func classify(rel string) (testKind, bool) {
	base := path.Base(rel)
	if strings.Contains(base, "-manual.") || strings.HasPrefix(base, ".") {
		return 0, false
	}
	for _, dir := range strings.Split(path.Dir(rel), "/") {
		if nonTestDirs[dir] {
			return 0, false
		}
	}
	switch {
	case strings.HasSuffix(base, ".any.js"):
		return kindAny, true
	case strings.HasSuffix(base, ".worker.js"):
		return kindWorker, true
	case strings.HasSuffix(base, ".window.js"):
		for _, pat := range windowTests {
			if ok, _ := path.Match(pat, rel); ok {
				return kindWindow, true
			}
		}
	}
	return 0, false
}

// areaOf returns the longest DefaultAreas entry containing rel, or its
// top-level directory.
func areaOf(rel string) string {
	best := ""
	for _, a := range DefaultAreas {
		if strings.HasPrefix(rel, a+"/") && len(a) > len(best) {
			best = a
		}
	}
	if best != "" {
		return best
	}
	if i := strings.IndexByte(rel, '/'); i > 0 {
		return rel[:i]
	}
	return rel
}

// runs expands files into runs, one per variant.
func runsOf(files []*testFile) []runSpec {
	var out []runSpec
	for _, f := range files {
		if len(f.meta.variants) == 0 {
			out = append(out, runSpec{file: f})
			continue
		}
		for _, v := range f.meta.variants {
			out = append(out, runSpec{file: f, variant: v})
		}
	}
	return out
}
