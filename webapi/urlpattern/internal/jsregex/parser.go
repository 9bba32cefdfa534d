package jsregex

import (
	"strings"
	"unicode"
	"unicode/utf16"
)

// SyntaxError reports a pattern that RegExpCreate would reject with a
// SyntaxError. Msg is V8's wording.
type SyntaxError struct {
	Msg string
}

func (e *SyntaxError) Error() string { return "Invalid regular expression: " + e.Msg }

func syntaxErr(msg string) error { return &SyntaxError{Msg: msg} }

// bail carries a SyntaxError out of the recursive descent.
type bail struct{ err error }

// parser is a recursive-descent parser for the ECMAScript Pattern grammar
// with the [UnicodeMode] and [UnicodeSetsMode] parameters set (the v flag,
// https://tc39.es/ecma262/#sec-patterns), without Annex B's extensions,
// which do not apply in Unicode modes.
type parser struct {
	src        []rune
	pos        int
	ignoreCase bool

	ncap     int
	names    map[string][]int // group name → capture indexes
	backrefs []*backref
}

func parse(src string, ignoreCase bool) (n node, ncap int, err error) {
	p := &parser{src: []rune(src), ignoreCase: ignoreCase, names: map[string][]int{}}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bail)
			if !ok {
				panic(r)
			}
			n, ncap, err = nil, 0, b.err
		}
	}()
	n = p.disjunction(map[string]bool{})
	if p.pos < len(p.src) {
		if p.src[p.pos] == ')' {
			p.fail("Unmatched ')'")
		}
		p.fail("Unexpected character")
	}
	// Backreferences can point forward, so they are checked at the end.
	for _, b := range p.backrefs {
		if b.name != "" {
			idx, ok := p.names[b.name]
			if !ok {
				p.fail("Invalid named capture referenced")
			}
			b.indexes = idx
			continue
		}
		if b.num > p.ncap {
			p.fail("Invalid escape")
		}
		b.indexes = []int{b.num}
	}
	return n, p.ncap, nil
}

func (p *parser) fail(msg string) { panic(bail{syntaxErr(msg)}) }

func (p *parser) eof() bool { return p.pos >= len(p.src) }

func (p *parser) peek() rune {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return -1
}

func (p *parser) peekAt(off int) rune {
	if p.pos+off < len(p.src) {
		return p.src[p.pos+off]
	}
	return -1
}

func (p *parser) lookingAt(s string) bool {
	i := 0
	for _, r := range s {
		if p.peekAt(i) != r {
			return false
		}
		i++
	}
	return true
}

// disjunction parses Alternative ( | Alternative )*. names holds the group
// names already declared on the path to here: a name may repeat only in a
// different alternative.
func (p *parser) disjunction(names map[string]bool) node {
	var alts []node
	var declared []map[string]bool
	for {
		scope := make(map[string]bool, len(names))
		for k := range names {
			scope[k] = true
		}
		alts = append(alts, p.alternative(scope))
		declared = append(declared, scope)
		if p.peek() != '|' {
			break
		}
		p.pos++
	}
	for _, scope := range declared {
		for k := range scope {
			names[k] = true
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return &alternation{alts: alts}
}

func (p *parser) alternative(names map[string]bool) node {
	var items []node
	for !p.eof() && p.peek() != '|' && p.peek() != ')' {
		items = append(items, p.term(names))
	}
	if len(items) == 1 {
		return items[0]
	}
	return &sequence{items: items}
}

// term parses Assertion | Atom Quantifier?.
func (p *parser) term(names map[string]bool) node {
	c := p.peek()
	var atom node
	quantifiable := true
	switch c {
	case '^':
		p.pos++
		return p.noQuantifier(&assertion{kind: assertStart})
	case '$':
		p.pos++
		return p.noQuantifier(&assertion{kind: assertEnd})
	case '\\':
		switch p.peekAt(1) {
		case 'b':
			p.pos += 2
			return p.noQuantifier(&assertion{kind: assertWordBoundary})
		case 'B':
			p.pos += 2
			return p.noQuantifier(&assertion{kind: assertNotWordBoundary})
		}
		p.pos++
		atom = p.atomEscape()
	case '(':
		atom, quantifiable = p.group(names)
	case '.':
		p.pos++
		atom = &class{set: dotSet()}
	case '[':
		p.pos++
		atom = &class{set: p.classContents()}
	case '*', '+', '?':
		p.fail("Nothing to repeat")
	case '{':
		if _, _, ok := p.tryBraceQuantifier(); ok {
			p.fail("Nothing to repeat")
		}
		p.fail("Lone quantifier brackets")
	case '}', ']':
		p.fail("Lone quantifier brackets")
	default:
		p.pos++
		atom = p.literal(c)
	}
	if !quantifiable {
		return p.noQuantifier(atom)
	}
	return p.quantifier(atom)
}

// noQuantifier rejects a quantifier after an assertion (Unicode modes have
// no QuantifiableAssertion).
func (p *parser) noQuantifier(n node) node {
	switch p.peek() {
	case '*', '+', '?':
		p.fail("Nothing to repeat")
	case '{':
		if _, _, ok := p.tryBraceQuantifier(); ok {
			p.fail("Nothing to repeat")
		}
	}
	return n
}

func (p *parser) quantifier(atom node) node {
	var min, max int
	switch p.peek() {
	case '*':
		p.pos++
		min, max = 0, -1
	case '+':
		p.pos++
		min, max = 1, -1
	case '?':
		p.pos++
		min, max = 0, 1
	case '{':
		var ok bool
		min, max, ok = p.tryBraceQuantifier()
		if !ok {
			p.fail("Incomplete quantifier")
		}
		if max >= 0 && max < min {
			p.fail("numbers out of order in {} quantifier")
		}
	default:
		return atom
	}
	greedy := true
	if p.peek() == '?' {
		p.pos++
		greedy = false
	}
	return &repeat{min: min, max: max, greedy: greedy, body: atom}
}

// tryBraceQuantifier parses {n}, {n,} or {n,m} at pos, consuming it only
// when it is well formed. Counts saturate (V8 clamps them the same way).
func (p *parser) tryBraceQuantifier() (min, max int, ok bool) {
	i := p.pos + 1
	digits := func() (int, bool) {
		start := i
		n := 0
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			if n < 1<<30 {
				n = n*10 + int(p.src[i]-'0')
			}
			i++
		}
		return n, i > start
	}
	min, ok = digits()
	if !ok {
		return 0, 0, false
	}
	max = min
	if i < len(p.src) && p.src[i] == ',' {
		i++
		if m, has := digits(); has {
			max = m
		} else {
			max = -1
		}
	}
	if i >= len(p.src) || p.src[i] != '}' {
		return 0, 0, false
	}
	p.pos = i + 1
	return min, max, true
}

// group parses the forms that start with "(".
func (p *parser) group(names map[string]bool) (n node, quantifiable bool) {
	p.pos++ // (
	switch {
	case p.lookingAt("?="), p.lookingAt("?!"):
		negate := p.peekAt(1) == '!'
		p.pos += 2
		body := p.disjunction(names)
		p.closeGroup()
		return &lookaround{negate: negate, body: body}, false
	case p.lookingAt("?<="), p.lookingAt("?<!"):
		negate := p.peekAt(2) == '!'
		p.pos += 3
		body := p.disjunction(names)
		p.closeGroup()
		return &lookaround{behind: true, negate: negate, body: body}, false
	case p.lookingAt("?:"):
		p.pos += 2
		body := p.disjunction(names)
		p.closeGroup()
		return &group{body: body}, true
	case p.lookingAt("?<"):
		p.pos += 2
		name := p.groupName()
		if names[name] {
			p.fail("Duplicate capture group name")
		}
		names[name] = true
		p.ncap++
		index := p.ncap
		p.names[name] = append(p.names[name], index)
		body := p.disjunction(names)
		p.closeGroup()
		return &group{capture: true, index: index, body: body}, true
	case p.peek() == '?':
		// (?ims-ims:...) modifiers (ES2025) are not implemented.
		p.fail("Invalid group")
	}
	p.ncap++
	index := p.ncap
	body := p.disjunction(names)
	p.closeGroup()
	return &group{capture: true, index: index, body: body}, true
}

func (p *parser) closeGroup() {
	if p.peek() != ')' {
		p.fail("Unterminated group")
	}
	p.pos++
}

// groupName parses RegExpIdentifierName ">" (the "<" is consumed).
func (p *parser) groupName() string {
	var b strings.Builder
	first := true
	for {
		if p.eof() {
			p.fail("Invalid capture group name")
		}
		c := p.src[p.pos]
		if c == '>' {
			p.pos++
			break
		}
		p.pos++
		if c == '\\' {
			if p.peek() != 'u' {
				p.fail("Invalid capture group name")
			}
			p.pos++
			r, ok := p.unicodeEscape()
			if !ok {
				p.fail("Invalid Unicode escape")
			}
			c = r
		}
		valid := IsIdentifierPart(c)
		if first {
			valid = IsIdentifierStart(c)
		}
		if !valid {
			p.fail("Invalid capture group name")
		}
		first = false
		b.WriteRune(c)
	}
	if b.Len() == 0 {
		p.fail("Invalid capture group name")
	}
	return b.String()
}

// literal returns a code point atom, case-closed under the i flag.
func (p *parser) literal(r rune) node {
	if p.ignoreCase && unicode.SimpleFold(r) != r {
		return &class{set: newSpans(span{r, r}).foldClosed()}
	}
	return &literal{r: r}
}

// atomEscape parses what follows "\" outside a class.
func (p *parser) atomEscape() node {
	c := p.peek()
	switch {
	case c >= '1' && c <= '9':
		n := 0
		for p.peek() >= '0' && p.peek() <= '9' {
			if n < 1<<20 {
				n = n*10 + int(p.peek()-'0')
			}
			p.pos++
		}
		b := &backref{num: n}
		p.backrefs = append(p.backrefs, b)
		return b
	case c == 'k':
		p.pos++
		if p.peek() != '<' {
			p.fail("Invalid named reference")
		}
		p.pos++
		b := &backref{name: p.groupName()}
		p.backrefs = append(p.backrefs, b)
		return b
	}
	if set, ok := p.classEscape(); ok {
		return &class{set: set}
	}
	r := p.characterEscape(false)
	return p.literal(r)
}

// classEscape parses \d \D \s \S \w \W \p{..} \P{..} at pos (after "\").
func (p *parser) classEscape() (*charSet, bool) {
	var set *charSet
	switch p.peek() {
	case 'd':
		set = digitSet()
	case 'D':
		set = digitSet().complement()
	case 's':
		set = spaceSet()
	case 'S':
		set = spaceSet().complement()
	case 'w':
		set = p.wordSet()
	case 'W':
		set = p.wordSet().complement()
	case 'p', 'P':
		negate := p.peek() == 'P'
		p.pos++
		if p.peek() != '{' {
			p.fail("Invalid property name")
		}
		end := p.pos + 1
		for end < len(p.src) && p.src[end] != '}' {
			end++
		}
		if end >= len(p.src) {
			p.fail("Invalid property name")
		}
		expr := string(p.src[p.pos+1 : end])
		p.pos = end + 1
		cs, err := property(expr)
		if err != nil {
			panic(bail{err})
		}
		if p.ignoreCase {
			cs = cs.foldClosed()
		}
		if negate {
			cs = cs.complement()
		}
		return cs, true
	default:
		return nil, false
	}
	p.pos++
	return set, true
}

// wordSet is \w: with the i flag in Unicode modes it also holds U+017F and
// U+212A, which fold to "s" and "k" (WordCharacters in the spec).
func (p *parser) wordSet() *charSet {
	cs := newSpans(span{'0', '9'}, span{'A', 'Z'}, span{'_', '_'}, span{'a', 'z'})
	if p.ignoreCase {
		return cs.foldClosed()
	}
	return cs
}

func digitSet() *charSet { return newSpans(span{'0', '9'}) }

// spaceSet is WhiteSpace and LineTerminator.
func spaceSet() *charSet {
	return newSpans(span{'\t', '\r'}, span{' ', ' '}, span{0xA0, 0xA0}, span{0x1680, 0x1680},
		span{0x2000, 0x200A}, span{0x2028, 0x2029}, span{0x202F, 0x202F}, span{0x205F, 0x205F},
		span{0x3000, 0x3000}, span{0xFEFF, 0xFEFF})
}

// dotSet is "." without the s flag: anything but a line terminator.
func dotSet() *charSet {
	return newSpans(span{'\n', '\n'}, span{'\r', '\r'}, span{0x2028, 0x2029}).complement()
}

// characterEscape parses CharacterEscape after "\" and returns its code
// point. In a v-flag class, ClassSetReservedPunctuator escapes and \b are
// allowed too.
func (p *parser) characterEscape(inClass bool) rune {
	if p.eof() {
		p.fail("\\ at end of pattern")
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	case 'c':
		l := p.peek()
		if ('a' <= l && l <= 'z') || ('A' <= l && l <= 'Z') {
			p.pos++
			return l % 32
		}
		p.fail("Invalid unicode escape")
	case '0':
		if d := p.peek(); d >= '0' && d <= '9' {
			if inClass {
				p.fail("Invalid class escape")
			}
			p.fail("Invalid decimal escape")
		}
		return 0
	case 'x':
		if isHex(p.peek()) && isHex(p.peekAt(1)) {
			v := hexVal(p.peek())<<4 | hexVal(p.peekAt(1))
			p.pos += 2
			return v
		}
		p.fail("Invalid escape")
	case 'u':
		r, ok := p.unicodeEscape()
		if !ok {
			p.fail("Invalid Unicode escape")
		}
		return r
	}
	if strings.ContainsRune(`^$\.*+?()[]{}|/`, c) {
		return c
	}
	if inClass {
		if c == '-' || strings.ContainsRune("&!#%,:;<=>@`~", c) {
			return c
		}
		if c == 'b' {
			return '\b'
		}
		p.fail("Invalid class escape")
	}
	p.fail("Invalid escape")
	return 0
}

// unicodeEscape parses the part of RegExpUnicodeEscapeSequence after
// "\u": u{...}, or HHHH possibly followed by \uHHHH completing a pair.
func (p *parser) unicodeEscape() (rune, bool) {
	if p.peek() == '{' {
		end := p.pos + 1
		v := 0
		for end < len(p.src) && isHex(p.src[end]) {
			v = v*16 + int(hexVal(p.src[end]))
			if v > maxRune {
				return 0, false
			}
			end++
		}
		if end == p.pos+1 || end >= len(p.src) || p.src[end] != '}' {
			return 0, false
		}
		p.pos = end + 1
		return rune(v), true
	}
	lead, ok := p.hex4(p.pos)
	if !ok {
		return 0, false
	}
	p.pos += 4
	if utf16.IsSurrogate(lead) && lead < 0xDC00 && p.peek() == '\\' && p.peekAt(1) == 'u' {
		if trail, ok := p.hex4(p.pos + 2); ok && trail >= 0xDC00 && trail <= 0xDFFF {
			p.pos += 6
			return utf16.DecodeRune(lead, trail), true
		}
	}
	return lead, true
}

func (p *parser) hex4(at int) (rune, bool) {
	if at+4 > len(p.src) {
		return 0, false
	}
	var v rune
	for _, c := range p.src[at : at+4] {
		if !isHex(c) {
			return 0, false
		}
		v = v<<4 | hexVal(c)
	}
	return v, true
}

func isHex(c rune) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func hexVal(c rune) rune {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
