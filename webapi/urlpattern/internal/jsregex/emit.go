package jsregex

import (
	"strconv"
	"strings"
)

// The parsed pattern is written out again for one of two engines:
//
//   - dialectGo: Go's regexp (RE2 syntax). Its leftmost-first submatch
//     semantics are those of a backtracking engine, so it is used whenever
//     the pattern has no lookaround, no backreference and no count above
//     RE2's limit of 1000.
//   - dialectNet: github.com/dlclark/regexp2 (the engine behind goja's
//     RegExp) in ECMAScript|Unicode mode, for everything else.
//
// Either way the output uses only explicit code point classes: "." and
// \d\s\w, \p{...}, nested classes, && and -- and \q{...}, and the i flag
// are all resolved by the parser, so neither engine's own idea of those
// features is involved.

type dialect int

const (
	dialectGo dialect = iota
	dialectNet
)

// goRepeatLimit is the largest count RE2 accepts in {n,m}.
const goRepeatLimit = 1000

// goCompatible reports whether Go's regexp can run n.
func goCompatible(n node) bool {
	switch n := n.(type) {
	case *alternation:
		for _, a := range n.alts {
			if !goCompatible(a) {
				return false
			}
		}
	case *sequence:
		for _, a := range n.items {
			if !goCompatible(a) {
				return false
			}
		}
	case *group:
		return goCompatible(n.body)
	case *repeat:
		return n.min <= goRepeatLimit && n.max <= goRepeatLimit && goCompatible(n.body)
	case *lookaround, *backref, *guardedRepeat:
		return false
	}
	return true
}

type emitter struct {
	d     dialect
	fold  bool  // the i flag: class strings hold orbit-minimal code points
	outOf []int // emitted group number of each original group
	b     strings.Builder
}

func emit(n node, d dialect, fold bool, outOf []int) string {
	e := &emitter{d: d, fold: fold, outOf: outOf}
	e.node(n)
	return e.b.String()
}

func (e *emitter) node(n node) {
	switch n := n.(type) {
	case *alternation:
		e.b.WriteString("(?:")
		for i, a := range n.alts {
			if i > 0 {
				e.b.WriteByte('|')
			}
			e.node(a)
		}
		e.b.WriteByte(')')
	case *sequence:
		for _, item := range n.items {
			e.node(item)
		}
	case *literal:
		e.rune(n.r)
	case *class:
		e.class(n.set)
	case *assertion:
		e.assertion(n.kind)
	case *lookaround:
		switch {
		case n.behind && n.negate:
			e.b.WriteString("(?<!")
		case n.behind:
			e.b.WriteString("(?<=")
		case n.negate:
			e.b.WriteString("(?!")
		default:
			e.b.WriteString("(?=")
		}
		e.node(n.body)
		e.b.WriteByte(')')
	case *group:
		if n.capture {
			e.b.WriteByte('(')
		} else {
			e.b.WriteString("(?:")
		}
		if n.body != nil {
			e.node(n.body)
		}
		e.b.WriteByte(')')
	case *backref:
		e.backref(n.indexes)
	case *guardedRepeat:
		e.b.WriteString(`(?:(?=([\s\S]*))`)
		e.node(n.body)
		e.b.WriteString(`(?!\` + strconv.Itoa(n.num) + `(?![\s\S])))`)
		e.quantifier(n.repeat)
	case *repeat:
		e.b.WriteString("(?:")
		e.node(n.body)
		e.b.WriteByte(')')
		e.quantifier(n)
	case nil:
	}
}

func (e *emitter) quantifier(n *repeat) {
	switch {
	case n.min == 0 && n.max < 0:
		e.b.WriteByte('*')
	case n.min == 1 && n.max < 0:
		e.b.WriteByte('+')
	case n.min == 0 && n.max == 1:
		e.b.WriteByte('?')
	case n.max < 0:
		e.b.WriteString("{" + strconv.Itoa(n.min) + ",}")
	case n.max == n.min:
		e.b.WriteString("{" + strconv.Itoa(n.min) + "}")
	default:
		e.b.WriteString("{" + strconv.Itoa(n.min) + "," + strconv.Itoa(n.max) + "}")
	}
	if !n.greedy {
		e.b.WriteByte('?')
	}
}

func (e *emitter) assertion(k assertKind) {
	switch k {
	case assertStart:
		if e.d == dialectGo {
			e.b.WriteString(`\A`)
		} else {
			// .NET's ^ and $ have line-ending quirks; these cannot.
			e.b.WriteString(`(?<![\s\S])`)
		}
	case assertEnd:
		if e.d == dialectGo {
			e.b.WriteString(`\z`)
		} else {
			e.b.WriteString(`(?![\s\S])`)
		}
	case assertWordBoundary:
		e.b.WriteString(`\b`)
	case assertNotWordBoundary:
		e.b.WriteString(`\B`)
	}
}

// backref refers to whichever of the groups participated; a reference to
// a group that did not participate matches the empty string.
func (e *emitter) backref(indexes []int) {
	e.b.WriteString("(?:")
	for _, i := range indexes[:len(indexes)-1] {
		n := strconv.Itoa(e.outOf[i])
		e.b.WriteString("(?(" + n + `)\` + n + "|")
	}
	e.b.WriteString(`\` + strconv.Itoa(e.outOf[indexes[len(indexes)-1]]))
	for range indexes[:len(indexes)-1] {
		e.b.WriteByte(')')
	}
	e.b.WriteByte(')')
}

// rune writes one code point as a literal.
func (e *emitter) rune(r rune) {
	switch {
	case r >= 0xD800 && r <= 0xDFFF:
		// A lone surrogate cannot occur in the UTF-8 input strings.
		e.never()
	case ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') || r == '_':
		e.b.WriteRune(r)
	default:
		e.escaped(r)
	}
}

func (e *emitter) escaped(r rune) {
	if e.d == dialectGo {
		e.b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
	} else {
		e.b.WriteString(`\u{` + strconv.FormatInt(int64(r), 16) + `}`)
	}
}

// never writes something that matches nothing.
func (e *emitter) never() {
	if e.d == dialectGo {
		e.b.WriteString(`[^\x{0}-\x{10ffff}]`)
	} else {
		e.b.WriteString(`(?!)`)
	}
}

// class writes a charSet: its strings longest first, then its code points,
// then the empty string, the order in which the v flag tries them.
func (e *emitter) class(cs *charSet) {
	spans := withoutSurrogates(cs.spans)
	if !cs.hasStrings() {
		e.spans(spans)
		return
	}
	e.b.WriteString("(?:")
	sep := ""
	hasEmpty := false
	for _, s := range cs.sortedStrings() {
		if s == "" {
			hasEmpty = true
			continue
		}
		e.b.WriteString(sep)
		sep = "|"
		for _, r := range s {
			if e.fold {
				// Under the i flag each code point of a class string
				// stands for its whole case-folding orbit.
				e.spans(newSpans(span{r, r}).foldClosed().spans)
				continue
			}
			e.rune(r)
		}
	}
	if len(spans) > 0 {
		e.b.WriteString(sep)
		sep = "|"
		e.spans(spans)
	}
	if hasEmpty {
		e.b.WriteString(sep)
	}
	e.b.WriteByte(')')
}

func (e *emitter) spans(spans []span) {
	switch {
	case len(spans) == 0:
		e.never()
		return
	case len(spans) == 1 && spans[0].lo == spans[0].hi:
		e.rune(spans[0].lo)
		return
	}
	e.b.WriteByte('[')
	for _, s := range spans {
		e.classRune(s.lo)
		if s.hi != s.lo {
			if s.hi != s.lo+1 {
				e.b.WriteByte('-')
			}
			e.classRune(s.hi)
		}
	}
	e.b.WriteByte(']')
}

func (e *emitter) classRune(r rune) {
	if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
		e.b.WriteRune(r)
		return
	}
	e.escaped(r)
}

// withoutSurrogates drops U+D800-U+DFFF, which cannot occur in UTF-8.
func withoutSurrogates(spans []span) []span {
	for _, s := range spans {
		if s.hi >= 0xD800 && s.lo <= 0xDFFF {
			return (&charSet{spans: spans}).subtract(newSpans(span{0xD800, 0xDFFF})).spans
		}
	}
	return spans
}
