package router

import "strings"

// SegmentKind says how one "/"-separated part of a page name matches URLs.
type SegmentKind int

const (
	Static           SegmentKind = iota // literal text, compared byte for byte (case-sensitive)
	Dynamic                             // [id]: exactly one non-empty URL segment
	CatchAll                            // [...slug]: one or more URL segments
	OptionalCatchAll                    // [[...slug]]: zero or more URL segments
)

func (k SegmentKind) String() string {
	switch k {
	case Static:
		return "static"
	case Dynamic:
		return "dynamic"
	case CatchAll:
		return "catch-all"
	case OptionalCatchAll:
		return "optional catch-all"
	}
	return "SegmentKind(?)"
}

// Segment is one part of a page name.
type Segment struct {
	Kind  SegmentKind
	Value string // the static text, or the param name
}

// String returns the segment as written in the file name.
func (s Segment) String() string {
	switch s.Kind {
	case Dynamic:
		return "[" + s.Value + "]"
	case CatchAll:
		return "[..." + s.Value + "]"
	case OptionalCatchAll:
		return "[[..." + s.Value + "]]"
	}
	return s.Value
}

// Route is one API route: a page and the file that implements it.
type Route struct {
	Page     string    // Next's page name: "/api/posts/[id]"; "/api" for pages/api/index.ts
	File     string    // the file as given to New: "api/posts/[id].ts"
	Segments []Segment // Page split on "/", classified
	// App is set for an App Router route handler (app/**/route.ts, see
	// NewProject); its File is then relative to the pages directory too
	// ("../app/api/hello/route.ts").
	App bool

	display string // the file relative to the project, as Next prints it

	prefix   string // the leading static segments, "/api/users" for /api/users/[id]
	params   int    // number of non-static segments
	minSegs  int    // fewest URL segments the route accepts
	maxSegs  int    // most URL segments, or -1 for no limit (catch-alls)
	restKind SegmentKind
}

// Dynamic reports whether the route has a param segment, i.e. whether
// Next.js matches it with a regexp rather than by exact path.
func (r *Route) Dynamic() bool { return r.params > 0 }

func (r *Route) String() string { return r.Page }

// parseSegment classifies one segment of a page name that has already
// passed the sorted-routes checks (see tree.go).
//
// A segment is a param only when it is wholly bracketed, as in
// sorted-routes.ts and is-dynamic.ts. "[]" is static text: Next's route
// regexp (route-regex.ts PARAMETER_PATTERN) needs a non-empty name, so it
// never becomes a param. Brackets inside a segment ("post-[id]") are static
// text too.
func parseSegment(s string) Segment {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return Segment{Static, s}
	}
	name := s[1 : len(s)-1]
	optional := false
	if len(name) >= 2 && name[0] == '[' && name[len(name)-1] == ']' {
		name = name[1 : len(name)-1]
		optional = true
	}
	if rest, ok := strings.CutPrefix(name, "..."); ok {
		if optional {
			return Segment{OptionalCatchAll, rest}
		}
		return Segment{CatchAll, rest}
	}
	return Segment{Dynamic, name}
}

// newRoute builds a route and precomputes what Match needs.
func newRoute(page, file string) *Route {
	r := &Route{Page: page, File: file, maxSegs: 0, restKind: Static}
	leading := true
	for _, s := range strings.Split(page, "/") {
		if s == "" {
			continue
		}
		seg := parseSegment(s)
		r.Segments = append(r.Segments, seg)
		if leading = leading && seg.Kind == Static; leading {
			r.prefix += "/" + seg.Value
		}
		switch seg.Kind {
		case Static:
			r.minSegs++
			r.maxSegs++
		case Dynamic:
			r.params++
			r.minSegs++
			r.maxSegs++
		case CatchAll:
			r.params++
			r.minSegs++
			r.maxSegs = -1
			r.restKind = CatchAll
		case OptionalCatchAll:
			r.params++
			r.maxSegs = -1
			r.restKind = OptionalCatchAll
		}
	}
	return r
}

// displayFile is the route's file relative to the project, as Next prints
// it ("pages/api/x.ts", "app/api/x/route.ts").
func (r *Route) displayFile() string {
	if r.display != "" {
		return r.display
	}
	return "pages/" + normalizeFile(r.File)
}
