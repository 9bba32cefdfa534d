package jsregex

import (
	"strings"
	"unicode"
)

// Character classes in UnicodeSets (v) mode
// (https://tc39.es/ecma262/#sec-characterclass, [UnicodeSetsMode]):
//
//	ClassContents      :: [empty] | ClassSetExpression
//	ClassSetExpression :: ClassUnion | ClassIntersection | ClassSubtraction
//	ClassUnion         :: (ClassSetRange | ClassSetOperand)*
//	ClassIntersection  :: ClassSetOperand && ClassSetOperand (&& ClassSetOperand)*
//	ClassSubtraction   :: ClassSetOperand -- ClassSetOperand (-- ClassSetOperand)*
//	ClassSetOperand    :: NestedClass | ClassStringDisjunction | ClassSetCharacter
//
// Every operand is case-closed first when the i flag is set, which is what
// MaybeSimpleCaseFolding does to the operands of the set operations.

// classSetSyntax are the ClassSetSyntaxCharacters, never literal in a class.
const classSetSyntax = "()[]{}/-\\|"

// classSetDoublePunct are the characters whose doubling is a
// ClassSetReservedDoublePunctuator.
const classSetDoublePunct = "&!#$%*+,.:;<=>?@^`~"

// classContents parses after "[" up to and including "]".
func (p *parser) classContents() *charSet {
	negate := false
	if p.peek() == '^' {
		negate = true
		p.pos++
	}
	set := p.classSetExpression()
	if p.peek() != ']' {
		p.fail("Unterminated character class")
	}
	p.pos++
	if negate {
		if set.hasStrings() {
			p.fail("Negated character class may contain strings")
		}
		// The complement of a case-closed set is case-closed.
		return set.complement()
	}
	return set
}

func (p *parser) classSetExpression() *charSet {
	if p.peek() == ']' {
		return &charSet{}
	}
	first, isRange := p.classSetUnionItem()
	switch {
	case p.lookingAt("&&"):
		if isRange {
			p.fail("Invalid set operation in character class")
		}
		acc := first
		for p.lookingAt("&&") {
			p.pos += 2
			if p.peek() == '&' {
				p.fail("Invalid character in character class")
			}
			acc = acc.intersect(p.classSetOperand())
		}
		p.expectClassEnd()
		return acc
	case p.lookingAt("--"):
		if isRange {
			p.fail("Invalid set operation in character class")
		}
		acc := first
		for p.lookingAt("--") {
			p.pos += 2
			acc = acc.subtract(p.classSetOperand())
		}
		p.expectClassEnd()
		return acc
	}
	acc := first
	for p.peek() != ']' && !p.eof() {
		if p.lookingAt("&&") || p.lookingAt("--") {
			p.fail("Invalid set operation in character class")
		}
		item, _ := p.classSetUnionItem()
		acc.union(item)
	}
	return acc
}

// expectClassEnd rejects mixing operators without nesting (a&&b--c).
func (p *parser) expectClassEnd() {
	if p.peek() != ']' {
		if p.eof() {
			p.fail("Unterminated character class")
		}
		p.fail("Invalid set operation in character class")
	}
}

// classSetUnionItem parses a ClassSetRange or a ClassSetOperand.
func (p *parser) classSetUnionItem() (*charSet, bool) {
	if lo, ok := p.tryClassSetCharacter(); ok {
		if p.peek() == '-' && p.peekAt(1) != '-' {
			p.pos++
			hi, ok := p.tryClassSetCharacter()
			if !ok {
				p.fail("Invalid character class")
			}
			if lo > hi {
				p.fail("Range out of order in character class")
			}
			return p.closeCase(newSpans(span{lo, hi})), true
		}
		return p.closeCase(newSpans(span{lo, lo})), false
	}
	return p.classSetOperand(), false
}

// classSetOperand parses NestedClass | ClassStringDisjunction | ClassSetCharacter.
func (p *parser) classSetOperand() *charSet {
	if p.eof() {
		p.fail("Unterminated character class")
	}
	if p.peek() == '[' {
		p.pos++
		return p.classContents()
	}
	if p.peek() == '\\' {
		switch p.peekAt(1) {
		case 'q':
			p.pos += 2
			return p.classStringDisjunction()
		case 'd', 'D', 's', 'S', 'w', 'W', 'p', 'P':
			p.pos++
			set, _ := p.classEscape()
			return set
		}
	}
	r, ok := p.tryClassSetCharacter()
	if !ok {
		p.fail("Invalid character in character class")
	}
	return p.closeCase(newSpans(span{r, r}))
}

// tryClassSetCharacter parses a ClassSetCharacter, leaving pos alone when
// the next thing is not one (an operator, a nested class, a class escape).
func (p *parser) tryClassSetCharacter() (rune, bool) {
	c := p.peek()
	if c < 0 {
		return 0, false
	}
	if c == '\\' {
		switch p.peekAt(1) {
		case 'q', 'd', 'D', 's', 'S', 'w', 'W', 'p', 'P':
			return 0, false
		}
		p.pos++
		return p.characterEscape(true), true
	}
	if strings.ContainsRune(classSetSyntax, c) {
		return 0, false
	}
	if strings.ContainsRune(classSetDoublePunct, c) && p.peekAt(1) == c {
		p.fail("Invalid set operation in character class")
	}
	p.pos++
	return c, true
}

// classStringDisjunction parses "{" ClassString ( "|" ClassString )* "}"
// after "\q".
func (p *parser) classStringDisjunction() *charSet {
	if p.peek() != '{' {
		p.fail("Invalid escape")
	}
	p.pos++
	set := &charSet{}
	var cur []rune
	for {
		switch p.peek() {
		case -1:
			p.fail("Unterminated character class")
		case '}':
			p.pos++
			set.addString(p.foldString(cur))
			if p.ignoreCase {
				// Single code points went to the spans: close them.
				return &charSet{spans: set.foldClosed().spans, strs: set.strs}
			}
			return set
		case '|':
			p.pos++
			set.addString(p.foldString(cur))
			cur = cur[:0]
			continue
		}
		r, ok := p.tryClassSetCharacter()
		if !ok {
			p.fail("Invalid character in character class")
		}
		cur = append(cur, r)
	}
}

// foldString makes a class string canonical under the i flag (each code
// point replaced by the smallest member of its case-folding orbit), so
// strings that differ only in case are one set member, as
// MaybeSimpleCaseFolding makes them.
func (p *parser) foldString(rs []rune) string {
	if !p.ignoreCase || len(rs) == 1 {
		return string(rs)
	}
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = orbitMin(r)
	}
	return string(out)
}

func orbitMin(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

func (p *parser) closeCase(cs *charSet) *charSet {
	if p.ignoreCase {
		return cs.foldClosed()
	}
	return cs
}
