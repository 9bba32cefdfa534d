package router

import "strings"

// Canonicalize implements Next.js's redirects for a request path (without
// the query), spec §3.4. It returns the redirect target and true when the
// server must answer 308 Permanent Redirect, or (path, false).
//
// Like Next, it takes one step per request, in Next's order:
//
//  1. Repeated slashes or any backslash (router-server.ts, before any
//     routing): every "\" becomes "/", then runs of "/" collapse to one
//     (normalizeRepeatedSlashes). "/api//echo/" → "/api/echo/", and the
//     trailing slash is dealt with on the next request.
//  2. The internal trailingSlash redirects (load-custom-routes.ts). With
//     trailingSlash false, source "/:path+/": "/x/" → "/x", and "/" stays.
//     With trailingSlash true, source "/:notfile(…[^/\.]+)": "/x" → "/x/"
//     when the last segment has no "."; and source "/:file(…[^/]+\.\w+)/":
//     "/file.txt/" → "/file.txt". Paths under "/.well-known" are left alone.
//
// The server passes the full path, basePath included ("/base/" → "/base"
// with trailingSlash false, as Next does), and appends the query to the
// target unchanged. With skipTrailingSlashRedirect it calls NormalizeSlashes
// instead, which is step 1 alone (Next never skips step 1).
func Canonicalize(path string, trailingSlash bool) (target string, redirect bool) {
	if target, redirect := NormalizeSlashes(path); redirect {
		return target, true
	}
	if !strings.HasPrefix(path, "/") || path == "/" {
		return path, false
	}
	if !trailingSlash {
		// "/:path+/" → "/:path+": one or more non-empty segments, then "/".
		if strings.HasSuffix(path, "/") {
			return path[:len(path)-1], true
		}
		return path, false
	}
	inner := path[1:] // no leading "/"; non-empty, no "//"
	if strings.HasPrefix(inner, ".well-known") {
		// (?!\.well-known(?:/.*)?) guards both rules.
		return path, false
	}
	if strings.HasSuffix(inner, "/") {
		// "/:file((?:[^/]+/)*[^/]+\.\w+)/" → "/:file"
		inner = inner[:len(inner)-1]
		if isFileSegment(lastSegment(inner)) {
			return path[:len(path)-1], true
		}
		return path, false
	}
	// "/:notfile((?:[^/]+/)*[^/\.]+)" → "/:notfile/"
	if !strings.Contains(lastSegment(inner), ".") {
		return path + "/", true
	}
	return path, false
}

// NormalizeSlashes is step 1 of Canonicalize alone: when path (without the
// query) has a backslash or "//", it returns the path with backslashes
// turned into slashes and runs of slashes collapsed, and true.
func NormalizeSlashes(path string) (target string, redirect bool) {
	if strings.Contains(path, `\`) || strings.Contains(path, "//") {
		return normalizeRepeatedSlashes(path), true
	}
	return path, false
}

// normalizeRepeatedSlashes is Next's helper of the same name, on a path
// without query: .replace(/\\/g, '/').replace(/\/\/+/g, '/').
func normalizeRepeatedSlashes(path string) string {
	var b strings.Builder
	b.Grow(len(path))
	prevSlash := false
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c == '\\' {
			c = '/'
		}
		if c == '/' && prevSlash {
			continue
		}
		prevSlash = c == '/'
		b.WriteByte(c)
	}
	return b.String()
}

func lastSegment(p string) string {
	return p[strings.LastIndexByte(p, '/')+1:]
}

// isFileSegment reports whether seg matches [^/]+\.\w+ (whole): some text,
// a dot, then one or more word characters up to the end. Only the last dot
// can qualify, since what follows it must be all word characters.
func isFileSegment(seg string) bool {
	d := strings.LastIndexByte(seg, '.')
	if d < 1 || d == len(seg)-1 {
		return false
	}
	for i := d + 1; i < len(seg); i++ {
		if !isWordByte(seg[i]) {
			return false
		}
	}
	return true
}
