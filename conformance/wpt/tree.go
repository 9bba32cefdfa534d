package wpt

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// tree is the read-only view of the WPT checkout shared by every run: file
// contents after `.sub.` substitution, and compiled programs. Both are
// cached, so testharness.js and the other shared scripts are read and
// compiled once per process (a *goja.Program can run in any runtime).
type tree struct {
	root  string
	files sync.Map // rel path → *treeEntry
	progs sync.Map // rel path → *treeEntry
}

type treeEntry struct {
	once sync.Once
	data []byte
	prg  *goja.Program
	err  error
}

func newTree(root string) *tree { return &tree{root: root} }

// urlRewrites are wptserve's fixed URL rewrites (tools/serve).
var urlRewrites = map[string]string{
	"/resources/WebIDLParser.js": "/resources/webidl2/lib/webidl2.js",
}

// relFromURLPath turns a URL path ("/url/resources/a.json") into a path
// relative to the root, refusing anything that escapes it.
func relFromURLPath(p string) (string, error) {
	c := path.Clean("/" + p)
	if r, ok := urlRewrites[c]; ok {
		c = r
	}
	if c == "/" {
		return "", fs.ErrNotExist
	}
	return strings.TrimPrefix(c, "/"), nil
}

// check reports whether the resource at urlPath?query can be served
// statically; a *needsServerError when it needs wptserve.
func (t *tree) check(urlPath, rawQuery string) error {
	if q, err := url.ParseQuery(rawQuery); err == nil && q.Has("pipe") {
		return &needsServerError{what: fmt.Sprintf("%s?%s uses a wptserve pipe", urlPath, rawQuery)}
	}
	rel, err := relFromURLPath(urlPath)
	if err != nil {
		return nil // a 404 is a static answer
	}
	switch path.Ext(rel) {
	case ".py":
		return &needsServerError{what: "the Python handler /" + rel}
	case ".asis":
		return &needsServerError{what: "the raw response file /" + rel}
	}
	if strings.Contains(path.Base(rel), ".sub.") {
		_, err := t.read(rel)
		var ns *needsServerError
		if errors.As(err, &ns) {
			return err
		}
	}
	return nil
}

// read returns the file's bytes, substituted when its name has `.sub.`.
func (t *tree) read(rel string) ([]byte, error) {
	v, _ := t.files.LoadOrStore(rel, &treeEntry{})
	e := v.(*treeEntry)
	e.once.Do(func() {
		full := filepath.Join(t.root, filepath.FromSlash(rel))
		st, err := os.Stat(full)
		if err != nil {
			e.err = err
			return
		}
		if !st.Mode().IsRegular() {
			e.err = fs.ErrNotExist
			return
		}
		b, err := os.ReadFile(full)
		if err != nil {
			e.err = err
			return
		}
		if strings.Contains(path.Base(rel), ".sub.") {
			b, err = substitute("/"+rel, b)
		}
		e.data, e.err = b, err
	})
	return e.data, e.err
}

// program returns the compiled classic script at rel.
func (t *tree) program(rel string) (*goja.Program, error) {
	v, _ := t.progs.LoadOrStore(rel, &treeEntry{})
	e := v.(*treeEntry)
	e.once.Do(func() {
		src, err := t.read(rel)
		if err != nil {
			e.err = err
			return
		}
		e.prg, e.err = compile(scriptName(rel), decodeScript(src))
	})
	return e.prg, e.err
}

// compile compiles a classic script. goja's compiler has panicked on valid
// input (for instance '\u{10FFFF}' in a regular expression); that is an
// error of this script, not of the runner.
func compile(name, src string) (*goja.Program, error) {
	prg, err := compileRaw(name, src)
	var se *goja.CompilerSyntaxError
	var cp *compilerPanic
	if errors.As(err, &se) || errors.As(err, &cp) {
		// Syntax goja's parser rejects (or panics on, as on \u{10FFFF})
		// may be syntax esbuild can lower.
		return compileLowered(name, src, err)
	}
	return prg, err
}

// compileRaw is goja.Compile with a parser panic turned into an error.
func compileRaw(name, src string) (prg *goja.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prg, err = nil, &compilerPanic{name: name, value: r}
		}
	}()
	return goja.Compile(name, src, false)
}

// compilerPanic is the error for a script goja's compiler panicked on.
type compilerPanic struct {
	name  string
	value any
}

func (e *compilerPanic) Error() string {
	return fmt.Sprintf("goja could not compile %s: %v", e.name, e.value)
}

// scriptName is the name stack traces show for a WPT file.
func scriptName(rel string) string {
	return fmt.Sprintf("http://%s:%d/%s", wptHost, wptPorts["http"][0], rel)
}

// decodeScript decodes a classic script's bytes as UTF-8 (the encoding WPT
// serves its scripts in), dropping a byte order mark.
func decodeScript(b []byte) string {
	return string(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
}

// headersFor returns the headers wptserve adds from `__dir__.headers` and
// `<file>.headers`, in that order.
func (t *tree) headersFor(rel string) [][2]string {
	var out [][2]string
	for _, h := range []string{path.Join(path.Dir(rel), "__dir__.headers"), rel + ".headers"} {
		b, err := os.ReadFile(filepath.Join(t.root, filepath.FromSlash(h)))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			name, value, ok := strings.Cut(sc.Text(), ":")
			if !ok || strings.TrimSpace(name) == "" {
				continue
			}
			out = append(out, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return out
}
