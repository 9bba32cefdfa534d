package router

import (
	"errors"
	"fmt"
	"strings"
)

// Explanation says whether one route serves a path, and why.
type Explanation struct {
	Route   *Route
	Matched bool    // this route serves the path (at most one per Explain)
	Params  []Param // decoded params when Matched
	Reason  string  // human-readable, e.g. `segment 3 is "comments", route needs "likes"`
}

func (e Explanation) String() string {
	mark := "✗"
	if e.Matched {
		mark = "✓"
	}
	return fmt.Sprintf("%s %s (%s): %s", mark, e.Route.Page, e.Route.displayFile(), e.Reason)
}

// Explain lists every route in priority order with why it does or does not
// serve path (for `edgerun routes --match /api/posts/1`). It reaches the
// same decision as Match; routes below the winner that would also match say
// which route shadows them. path is as for Match.
func (t *Table) Explain(path string) []Explanation {
	out := make([]Explanation, 0, len(t.routes))
	p := trimTrailingSlash(path)
	decoded, decodedOK := "", false
	if strings.IndexByte(p, '%') >= 0 {
		decoded, decodedOK = decodeURIComponent(p)
	}
	// The winner is decided exactly as Match does it.
	m, err := t.Match(path)
	var winner *Route
	if m != nil {
		winner = m.Route
	} else if errors.Is(err, ErrBadEscape) {
		// The route whose param failed to decode: the first dynamic route
		// that matches the shape of the path.
		for _, r := range t.dynamic {
			var buf [maxInlineParams]span
			if _, f := r.walk(p, buf[:0]); f.kind == failNone {
				winner = r
				break
			}
		}
	}

	for _, r := range t.routes {
		e := Explanation{Route: r}
		switch {
		case r == winner && m == nil:
			e.Reason = fmt.Sprintf("matches, but a param does not decode, so Next answers 400 Bad Request: %v", err)
		case r == winner:
			e.Matched = true
			e.Params = m.Params
			switch {
			case !r.Dynamic() && r.Page == p:
				e.Reason = "exact match"
			case !r.Dynamic():
				e.Reason = fmt.Sprintf("exact match after percent-decoding the path (%q)", decoded)
			default:
				e.Reason = "matches" + describeParams(m.Params)
			}
		case !r.Dynamic():
			e.Reason = t.explainStatic(r, p, decoded, decodedOK, winner)
		default:
			e.Reason = t.explainDynamic(r, p, winner)
		}
		out = append(out, e)
	}
	return out
}

func (t *Table) explainStatic(r *Route, p, decoded string, decodedOK bool, winner *Route) string {
	if decodedOK && decoded == r.Page && winner != nil {
		return fmt.Sprintf("would match after percent-decoding, but %s matches the path exactly", winner.Page)
	}
	var caps [maxInlineParams]span
	if _, f := r.walk(p, caps[:0]); f.kind != failNone {
		return describeFailure(r, f)
	}
	return "does not match" // unreachable: a walk match of a static route is an exact match
}

func (t *Table) explainDynamic(r *Route, p string, winner *Route) string {
	if len(p) == 0 || p[0] != '/' {
		return "the path does not start with \"/\""
	}
	var buf [maxInlineParams]span
	if _, f := r.walk(p, buf[:0]); f.kind != failNone {
		return describeFailure(r, f)
	}
	if winner != nil {
		return fmt.Sprintf("matches, but %s has priority", winner.Page)
	}
	return "matches" // unreachable: Match would have picked it
}

func describeFailure(r *Route, f failure) string {
	switch f.kind {
	case failStatic:
		return fmt.Sprintf("segment %d is %q, route needs %q", f.seg+1, f.got, r.Segments[f.seg].Value)
	case failMissing:
		return fmt.Sprintf("path ends before segment %d (%s)", f.seg+1, r.Segments[f.seg])
	case failEmpty:
		return fmt.Sprintf("segment %d is empty, %s needs text", f.seg+1, r.Segments[f.seg])
	case failCatchAll:
		return fmt.Sprintf("%s needs at least one more segment", r.Segments[f.seg])
	case failTooLong:
		return fmt.Sprintf("path has more segments than the route (%q after segment %d)", f.got, f.seg)
	}
	return "does not match"
}

func describeParams(params []Param) string {
	if len(params) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(":")
	for _, p := range params {
		b.WriteString(" ")
		b.WriteString(p.Name)
		b.WriteString("=")
		if p.Array {
			fmt.Fprintf(&b, "%q", p.Values)
		} else {
			fmt.Fprintf(&b, "%q", p.Values[0])
		}
	}
	return b.String()
}
