package jsregex

import (
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
)

// maxRune is the largest code point a JS regular expression can name.
const maxRune = unicode.MaxRune

// A span is an inclusive range of code points.
type span struct{ lo, hi rune }

// A charSet is what a character class denotes in UnicodeSets (v) mode: a
// set of code points (sorted, non-overlapping, non-adjacent spans) plus a
// set of strings of two or more code points (from \q{...}). The empty
// string, which \q{} can contain, is kept in strs too.
//
// Set operations are exact, which is how the v flag's nested classes,
// intersection (&&) and subtraction (--) are lowered for engines that only
// know flat classes.
type charSet struct {
	spans []span
	strs  map[string]bool
}

func newSpans(spans ...span) *charSet {
	cs := &charSet{}
	for _, s := range spans {
		cs.addSpan(s.lo, s.hi)
	}
	return cs
}

func (cs *charSet) clone() *charSet {
	out := &charSet{spans: slices.Clone(cs.spans)}
	for s := range cs.strs {
		out.addString(s)
	}
	return out
}

// addSpan adds [lo, hi] keeping spans normalised.
func (cs *charSet) addSpan(lo, hi rune) {
	if lo > hi {
		return
	}
	cs.spans = append(cs.spans, span{lo, hi})
	cs.normalize()
}

func (cs *charSet) addRune(r rune) { cs.addSpan(r, r) }

// addString adds a \q{} alternative: single code points join the spans.
func (cs *charSet) addString(s string) {
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		cs.addRune(r)
		return
	}
	if cs.strs == nil {
		cs.strs = map[string]bool{}
	}
	cs.strs[s] = true
}

func (cs *charSet) normalize() {
	if len(cs.spans) < 2 {
		return
	}
	sort.Slice(cs.spans, func(i, j int) bool { return cs.spans[i].lo < cs.spans[j].lo })
	out := cs.spans[:1]
	for _, s := range cs.spans[1:] {
		last := &out[len(out)-1]
		if s.lo <= last.hi+1 {
			if s.hi > last.hi {
				last.hi = s.hi
			}
			continue
		}
		out = append(out, s)
	}
	cs.spans = out
}

func (cs *charSet) contains(r rune) bool {
	i := sort.Search(len(cs.spans), func(i int) bool { return cs.spans[i].hi >= r })
	return i < len(cs.spans) && cs.spans[i].lo <= r
}

func (cs *charSet) hasStrings() bool { return len(cs.strs) > 0 }

// union adds every member of o.
func (cs *charSet) union(o *charSet) {
	cs.spans = append(cs.spans, o.spans...)
	cs.normalize()
	for s := range o.strs {
		cs.addString(s)
	}
}

// complementSpans returns the code points not in spans.
func complementSpans(spans []span) []span {
	var out []span
	next := rune(0)
	for _, s := range spans {
		if s.lo > next {
			out = append(out, span{next, s.lo - 1})
		}
		next = s.hi + 1
	}
	if next <= maxRune {
		out = append(out, span{next, maxRune})
	}
	return out
}

// complement returns the code points outside cs. Only meaningful when cs
// holds no strings (the v-flag grammar rejects negating those).
func (cs *charSet) complement() *charSet {
	return &charSet{spans: complementSpans(cs.spans)}
}

// intersect keeps the members in both sets.
func (cs *charSet) intersect(o *charSet) *charSet {
	var spans []span
	i, j := 0, 0
	for i < len(cs.spans) && j < len(o.spans) {
		a, b := cs.spans[i], o.spans[j]
		lo, hi := max(a.lo, b.lo), min(a.hi, b.hi)
		if lo <= hi {
			spans = append(spans, span{lo, hi})
		}
		if a.hi < b.hi {
			i++
		} else {
			j++
		}
	}
	out := &charSet{spans: spans}
	for s := range cs.strs {
		if o.strs[s] {
			out.addString(s)
		}
	}
	return out
}

// subtract removes the members of o.
func (cs *charSet) subtract(o *charSet) *charSet {
	out := cs.intersect(&charSet{spans: complementSpans(o.spans)})
	for s := range cs.strs {
		if !o.strs[s] {
			out.addString(s)
		}
	}
	return out
}

// foldClosed returns cs closed under simple case folding: with the i flag
// a class matches a character when any member folds to the same thing, so
// a closed set can be matched case-sensitively with the same result. The v
// flag applies MaybeSimpleCaseFolding to every operand before set
// operations; closing operands is the same thing on equivalence classes.
func (cs *charSet) foldClosed() *charSet {
	out := &charSet{spans: slices.Clone(cs.spans)}
	folding := foldingRunes()
	for _, s := range cs.spans {
		i := sort.Search(len(folding), func(i int) bool { return folding[i] >= s.lo })
		for ; i < len(folding) && folding[i] <= s.hi; i++ {
			r := folding[i]
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				out.spans = append(out.spans, span{f, f})
			}
		}
	}
	out.normalize()
	for str := range cs.strs {
		out.addString(str) // strings are folded when emitted
	}
	return out
}

// foldingRunes lists, in order, the code points whose simple case folding
// orbit has more than one member (about 2,900 of them).
var foldingRunes = sync.OnceValue(func() []rune {
	var out []rune
	for r := rune(0); r <= maxRune; r++ {
		if r > 0x1FFFF {
			break // no case mappings above the SMP
		}
		if unicode.SimpleFold(r) != r {
			out = append(out, r)
		}
	}
	return out
})

// sortedStrings returns the strings sorted longest first, as the v flag matches
// class strings (longest alternative first).
func (cs *charSet) sortedStrings() []string {
	out := make([]string, 0, len(cs.strs))
	for s := range cs.strs {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		li, lj := utf8.RuneCountInString(out[i]), utf8.RuneCountInString(out[j])
		if li != lj {
			return li > lj
		}
		return out[i] < out[j]
	})
	return out
}

// fromTable converts a unicode.RangeTable.
func fromTable(t *unicode.RangeTable) *charSet {
	cs := &charSet{}
	for _, r := range t.R16 {
		if r.Stride == 1 {
			cs.spans = append(cs.spans, span{rune(r.Lo), rune(r.Hi)})
			continue
		}
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			cs.spans = append(cs.spans, span{c, c})
		}
	}
	for _, r := range t.R32 {
		if r.Stride == 1 {
			cs.spans = append(cs.spans, span{rune(r.Lo), rune(r.Hi)})
			continue
		}
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			cs.spans = append(cs.spans, span{c, c})
		}
	}
	cs.normalize()
	return cs
}
