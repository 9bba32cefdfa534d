package bundler

// A POSIX subset of Node's `path` module for evaluating next.config files
// (path.join(__dirname, ...) is in most of them). Go's path.Clean is
// close to Node's normalize but differs on trailing slashes, dirname of
// "a/b/", and extname of dotfiles, so those rules are spelled out here.

import (
	gopath "path"
	"strings"
)

// nodePathNormalize is path.posix.normalize: Clean, keeping a trailing
// slash.
func nodePathNormalize(p string) string {
	if p == "" {
		return "."
	}
	trailing := strings.HasSuffix(p, "/")
	c := gopath.Clean(p)
	if trailing && c != "/" {
		c += "/"
	}
	return c
}

// nodePathJoin is path.posix.join.
func nodePathJoin(parts ...string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	if len(nonEmpty) == 0 {
		return "."
	}
	return nodePathNormalize(strings.Join(nonEmpty, "/"))
}

// nodePathResolve is path.posix.resolve with cwd as process.cwd().
func nodePathResolve(cwd string, parts ...string) string {
	resolved := ""
	for i := len(parts) - 1; i >= 0 && !strings.HasPrefix(resolved, "/"); i-- {
		if parts[i] == "" {
			continue
		}
		resolved = parts[i] + "/" + resolved
	}
	if !strings.HasPrefix(resolved, "/") {
		resolved = cwd + "/" + resolved
	}
	return gopath.Clean(resolved)
}

func trimTrailingSlashes(p string) string {
	for len(p) > 1 && strings.HasSuffix(p, "/") {
		p = p[:len(p)-1]
	}
	return p
}

// nodePathDirname is path.posix.dirname.
func nodePathDirname(p string) string {
	if p == "" {
		return "."
	}
	p = trimTrailingSlashes(p)
	i := strings.LastIndexByte(p, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return trimTrailingSlashes(p[:i])
}

// nodePathBasename is path.posix.basename(p, ext).
func nodePathBasename(p, ext string) string {
	p = trimTrailingSlashes(p)
	if p == "/" {
		return ""
	}
	base := p[strings.LastIndexByte(p, '/')+1:]
	if ext != "" && ext != base && strings.HasSuffix(base, ext) {
		base = base[:len(base)-len(ext)]
	}
	return base
}

// nodePathExtname is path.posix.extname: "" for dotfiles and names
// without a dot.
func nodePathExtname(p string) string {
	base := nodePathBasename(p, "")
	i := strings.LastIndexByte(base, '.')
	if i <= 0 || base == ".." {
		return ""
	}
	return base[i:]
}

// nodePathRelative is path.posix.relative.
func nodePathRelative(cwd, from, to string) string {
	from, to = nodePathResolve(cwd, from), nodePathResolve(cwd, to)
	if from == to {
		return ""
	}
	fromParts := strings.Split(strings.Trim(from, "/"), "/")
	toParts := strings.Split(strings.Trim(to, "/"), "/")
	if from == "/" {
		fromParts = nil
	}
	if to == "/" {
		toParts = nil
	}
	i := 0
	for i < len(fromParts) && i < len(toParts) && fromParts[i] == toParts[i] {
		i++
	}
	var out []string
	for range fromParts[i:] {
		out = append(out, "..")
	}
	return strings.Join(append(out, toParts[i:]...), "/")
}
