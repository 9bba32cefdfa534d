package node

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// errSandbox marks paths outside the fs roots. JS sees EACCES with a
// message naming the option that widens the sandbox.
var errSandbox = errors.New("node: path is outside the fs sandbox")

// sandboxHint is appended to the EACCES message of a denied path.
const sandboxHint = " (edgerun's fs sandbox denied access: only the project directory and the temp directory are allowed; add directories with node.Options.FSRoots)"

// resolveRoots returns the cleaned absolute fs roots from opts.
func resolveRoots(opts Options) []string {
	roots := opts.FSRoots
	if roots == nil {
		roots = []string{opts.Dir, os.TempDir()}
	}
	out := make([]string, 0, len(roots))
	for _, r := range roots {
		if r == "" {
			continue
		}
		if !filepath.IsAbs(r) {
			r = filepath.Join(opts.Dir, r)
		}
		out = append(out, filepath.Clean(r))
	}
	return out
}

// sandbox resolves user paths against the project directory and keeps
// them inside the roots — lexically, and after following symlinks, so a
// link inside the project cannot reach outside it.
type sandbox struct {
	dir       string
	roots     []string
	realRoots []string
}

func newSandbox(dir string, roots []string) *sandbox {
	s := &sandbox{dir: dir, roots: roots}
	for _, r := range roots {
		if real, err := filepath.EvalSymlinks(r); err == nil {
			s.realRoots = append(s.realRoots, real)
		} else {
			s.realRoots = append(s.realRoots, r)
		}
	}
	return s
}

func within(p string, roots []string) bool {
	for _, r := range roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) || r == string(filepath.Separator) {
			return true
		}
	}
	return false
}

// resolve makes p absolute and checks it. follow says whether the
// operation follows a symlink at p itself (open, stat) or acts on the
// link (lstat, unlink, rename, readlink).
func (s *sandbox) resolve(p string, follow bool) (string, error) {
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.dir, p)
	}
	p = filepath.Clean(p)
	if !within(p, s.roots) {
		return "", errSandbox
	}
	target := p
	if !follow {
		target = filepath.Dir(p)
	}
	real := realPrefix(target)
	if !follow {
		real = filepath.Join(real, filepath.Base(p))
	}
	if !within(real, s.realRoots) && !within(real, s.roots) {
		return "", errSandbox
	}
	return p, nil
}

// realPrefix resolves the symlinks of the longest existing prefix of p and
// appends the rest unchanged.
func realPrefix(p string) string {
	rest := ""
	for {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		} else if !errors.Is(err, fs.ErrNotExist) && !isNotDir(err) {
			return filepath.Join(p, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

func isNotDir(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory")
}

// fsError is the Go side of a Node fs error: errno info plus the syscall
// and the paths as the user gave them.
type fsError struct {
	info    errnoInfo
	syscall string
	path    string
	dest    string
	hasPath bool
	hasDest bool
	extra   string
}

func (e *fsError) Error() string {
	msg := fmt.Sprintf("%s: %s, %s", e.info.code, e.info.desc, e.syscall)
	if e.hasPath {
		msg += fmt.Sprintf(" '%s'", e.path)
	}
	if e.hasDest {
		msg += fmt.Sprintf(" -> '%s'", e.dest)
	}
	return msg + e.extra
}
