package router

import (
	"fmt"
	"strings"
)

// Param is one dynamic param of a match, as Next puts it in req.query.
type Param struct {
	Name string
	// Values holds the decoded value: one element for [id], one per URL
	// segment for catch-alls.
	Values []string
	// Array is true for catch-alls, whose query value is always an array
	// (even with one element); false for [id], whose value is a string.
	Array bool
}

// Match is the result of a successful Table.Match.
type Match struct {
	Route  *Route
	Params []Param // in the order the params appear in the page name
}

// Param returns the param with the given name.
func (m *Match) Param(name string) (Param, bool) {
	for _, p := range m.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Match resolves a request path to a route.
//
// path is the URL path without the query, still percent-encoded as it came
// on the wire ("/api/posts/a%2Fb"), and already canonical (see Canonicalize;
// one trailing slash is accepted, as Next's route regexps accept it).
//
// Results:
//   - (m, nil) when a route serves the path;
//   - (nil, nil) when none does: Next answers with its HTML 404 (spec §1.7);
//   - (nil, err) with err wrapping ErrBadEscape when the serving route's
//     param is not decodable: Next answers 400. It does not fall back to a
//     lower-priority route.
//
// Order, as in Next's resolve-routes: an exact page first, compared with the
// path as is and then percent-decoded, so "/api/h%65llo" serves /api/hello
// (next start's filesystem check in router-utils/filesystem.ts; a bad
// escape just skips the decoded try; next dev skips it altogether, we follow
// production); then the dynamic routes in priority order, compared segment
// by segment with the raw path, case-sensitively.
//
// Params are decoded with decodeURIComponent; catch-all values are split on
// "/" before decoding, so "a%2Fb" stays one element "a/b". An optional
// catch-all that matches no segment is absent from Params, as the key is
// absent from req.query.
//
// Match allocates once per call for static routes and for typical dynamic
// routes (more only when decoding escapes or with many params).
func (t *Table) Match(path string) (*Match, error) {
	p := trimTrailingSlash(path)
	if r := t.static[p]; r != nil {
		return &Match{Route: r}, nil
	}
	if strings.IndexByte(p, '%') >= 0 {
		var stack [128]byte
		if d, ok := appendDecoded(stack[:0], p); ok {
			if r := t.static[string(d)]; r != nil {
				return &Match{Route: r}, nil
			}
		}
	}
	if len(p) == 0 || p[0] != '/' {
		return nil, nil
	}
	n := countSegments(p)
	var buf [maxInlineParams]span
	for _, r := range t.dynamic {
		if n < r.minSegs || (r.maxSegs >= 0 && n > r.maxSegs) || !r.hasPrefix(p) {
			continue
		}
		caps, f := r.walk(p, buf[:0])
		if f.kind != failNone {
			continue
		}
		return r.build(p, caps)
	}
	return nil, nil
}

// hasPrefix is a cheap pre-check before walk: p starts with the route's
// leading static segments, ending at a segment boundary.
func (r *Route) hasPrefix(p string) bool {
	return len(p) >= len(r.prefix) && p[:len(r.prefix)] == r.prefix &&
		(len(p) == len(r.prefix) || p[len(r.prefix)] == '/')
}

// trimTrailingSlash drops the one trailing slash that Next's route regexps
// ((?:/)?$) and its filesystem check both ignore.
func trimTrailingSlash(p string) string {
	if len(p) > 1 && p[len(p)-1] == '/' {
		return p[:len(p)-1]
	}
	return p
}

// countSegments counts the "/"-separated segments of p, which starts with
// "/" and has no trailing slash ("/" has none).
func countSegments(p string) int {
	if p == "/" {
		return 0
	}
	return strings.Count(p, "/")
}

// span is a captured param: p[start:end], for segment index seg of the route.
type span struct {
	seg        int
	start, end int
}

const maxInlineParams = 8

type failKind int

const (
	failNone     failKind = iota
	failStatic            // a static segment differs
	failMissing           // the path ends before the route does
	failEmpty             // an empty segment where a param needs text
	failTooLong           // the path has segments the route does not take
	failCatchAll          // [...x] with nothing to catch
)

type failure struct {
	kind failKind
	seg  int    // the route segment that failed
	got  string // the path segment found there
}

// walk matches p against the route's segments, as the regexp
// ^/seg(/([^/]+?)|/(.+?)|(?:/(.+?))?)…$ would, appending the param captures
// to caps. p has no trailing slash (except "/" itself).
func (r *Route) walk(p string, caps []span) ([]span, failure) {
	rem := p // what is left: "" or "/…"
	if rem == "/" {
		rem = ""
	}
	first := 0
	if r.prefix != "" && r.hasPrefix(p) {
		// Skip the leading static segments, compared at once.
		rem = p[len(r.prefix):]
		for first < len(r.Segments) && r.Segments[first].Kind == Static {
			first++
		}
	}
	for k := first; k < len(r.Segments); k++ {
		seg := r.Segments[k]
		switch seg.Kind {
		case Static, Dynamic:
			if rem == "" {
				return caps, failure{failMissing, k, ""}
			}
			end := strings.IndexByte(rem[1:], '/') + 1
			if end == 0 {
				end = len(rem)
			}
			text := rem[1:end]
			if seg.Kind == Static {
				if text != seg.Value {
					return caps, failure{failStatic, k, text}
				}
			} else {
				if text == "" {
					return caps, failure{failEmpty, k, ""}
				}
				start := len(p) - len(rem) + 1
				caps = append(caps, span{k, start, start + len(text)})
			}
			rem = rem[end:]
		case CatchAll:
			if len(rem) < 2 {
				return caps, failure{failCatchAll, k, ""}
			}
			caps = append(caps, span{k, len(p) - len(rem) + 1, len(p)})
			rem = ""
		case OptionalCatchAll:
			if len(rem) >= 2 {
				caps = append(caps, span{k, len(p) - len(rem) + 1, len(p)})
			}
			rem = ""
		}
	}
	if rem != "" {
		end := strings.IndexByte(rem[1:], '/') + 1
		if end == 0 {
			end = len(rem)
		}
		return caps, failure{failTooLong, len(r.Segments), rem[1:end]}
	}
	return caps, failure{}
}

// matchBlock and smallMatchBlock let build make one allocation for a
// typical match: the Match, its Params and their Values live together.
type matchBlock struct {
	m      Match
	params [3]Param
	values [6]string
}

type smallMatchBlock struct {
	m      Match
	params [1]Param
	values [2]string
}

type mediumMatchBlock struct {
	m      Match
	params [2]Param
	values [3]string
}

// build turns captures into a Match, decoding each value.
func (r *Route) build(p string, caps []span) (*Match, error) {
	if len(caps) == 0 { // an optional catch-all that caught nothing
		return &Match{Route: r}, nil
	}
	nvals := 0
	for _, c := range caps {
		if r.Segments[c.seg].Kind == Dynamic {
			nvals++
		} else {
			nvals += strings.Count(p[c.start:c.end], "/") + 1
		}
	}
	var (
		m      *Match
		params []Param
		values []string
	)
	switch {
	case len(caps) == 1 && nvals <= 2:
		blk := new(smallMatchBlock)
		m, params, values = &blk.m, blk.params[:0], blk.values[:0]
	case len(caps) == 2 && nvals <= 3:
		blk := new(mediumMatchBlock)
		m, params, values = &blk.m, blk.params[:0], blk.values[:0]
	default:
		blk := new(matchBlock)
		m, params, values = &blk.m, blk.params[:0], blk.values[:0]
		if len(caps) > len(blk.params) {
			params = make([]Param, 0, len(caps))
		}
		if nvals > len(blk.values) {
			values = make([]string, 0, nvals)
		}
	}
	m.Route = r
	for _, c := range caps {
		seg := r.Segments[c.seg]
		raw := p[c.start:c.end]
		from := len(values)
		if seg.Kind == Dynamic {
			v, ok := decodeURIComponent(raw)
			if !ok {
				return nil, badEscape(seg.Value, raw)
			}
			values = append(values, v)
		} else {
			for {
				part, rest, more := strings.Cut(raw, "/")
				v, ok := decodeURIComponent(part)
				if !ok {
					return nil, badEscape(seg.Value, part)
				}
				values = append(values, v)
				if !more {
					break
				}
				raw = rest
			}
		}
		params = append(params, Param{
			Name:   seg.Value,
			Values: values[from:len(values):len(values)],
			Array:  seg.Kind != Dynamic,
		})
	}
	m.Params = params
	return m, nil
}

func badEscape(param, raw string) error {
	return fmt.Errorf("%w %q: %q is not a valid percent-encoding", ErrBadEscape, param, raw)
}
