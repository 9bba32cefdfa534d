package bundler

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// BuildModule bundles one file as a Node module, for a require() the
// bundler could not see at build time: a path computed at run time, such
// as formidable's require(path.join(__dirname, 'plugins', name)). The
// file's own static imports are bundled into it. abs must be an absolute
// path; it is resolved like Node's require (exact file, then .js, .json,
// .cjs, .mjs, then a directory's index). Files outside Dir are refused.
//
// Builds are cached by path for the Builder's lifetime (a dev reload makes
// a new Builder).
func (b *Builder) BuildModule(abs string) (*Bundle, error) {
	v, _ := b.modules.LoadOrStore(abs, &moduleBuild{})
	mb := v.(*moduleBuild)
	mb.once.Do(func() { mb.bundle, mb.err = b.buildModule(abs) })
	return mb.bundle, mb.err
}

type moduleBuild struct {
	once   sync.Once
	bundle *Bundle
	err    error
}

func (b *Builder) buildModule(abs string) (*Bundle, error) {
	file, err := resolveModuleFile(abs)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(b.opts.Dir, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, fmt.Errorf("bundler: require(%q): edgerun only loads modules inside the project directory", abs)
	}
	entry := filepath.ToSlash(rel)
	opts := b.buildOptions(entry, RuntimeNode, pluginConfig{runtime: RuntimeNode})
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		return nil, &Error{Messages: fromESBuild(res.Errors, b.opts.Dir)}
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundler: %s: esbuild returned %d output files", entry, len(res.OutputFiles))
	}
	inputs, err := b.metafileInputs(res.Metafile)
	if err != nil {
		return nil, err
	}
	return &Bundle{Path: entry, Runtime: RuntimeNode, Code: string(res.OutputFiles[0].Contents), Inputs: inputs}, nil
}

// resolveModuleFile applies Node's file and directory resolution to an
// absolute path.
func resolveModuleFile(abs string) (string, error) {
	abs = filepath.Clean(abs)
	isFile := func(p string) bool {
		st, err := os.Stat(p)
		return err == nil && !st.IsDir()
	}
	if isFile(abs) {
		return abs, nil
	}
	for _, ext := range []string{".js", ".json", ".cjs", ".mjs"} {
		if isFile(abs + ext) {
			return abs + ext, nil
		}
	}
	for _, index := range []string{"index.js", "index.json", "index.cjs"} {
		if p := filepath.Join(abs, index); isFile(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("Cannot find module '%s'", abs)
}
