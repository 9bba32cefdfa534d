package jsregex

// The parsed form of a pattern. Case-insensitivity is resolved while
// parsing: with the i flag every literal that has case variants becomes a
// class closed under simple case folding, so emitters never need an
// engine's own (differently defined) case-insensitive mode.

type node interface{ isNode() }

// alternation is a|b|c.
type alternation struct{ alts []node }

// sequence is a concatenation of terms.
type sequence struct{ items []node }

// literal is one code point.
type literal struct{ r rune }

// class is a set of code points and strings (character classes, escapes
// such as \d and \p{...}, and "."). Its set is already case-closed.
type class struct{ set *charSet }

type assertKind int

const (
	assertStart assertKind = iota // ^ (no m flag: start of input)
	assertEnd                     // $ (no m flag: end of input)
	assertWordBoundary
	assertNotWordBoundary
)

// assertion is ^, $, \b or \B.
type assertion struct{ kind assertKind }

// lookaround is (?=...), (?!...), (?<=...) or (?<!...).
type lookaround struct {
	behind, negate bool
	body           node
}

// group is (...) (capture, index from 1) or (?:...).
type group struct {
	capture bool
	index   int
	body    node
}

// backref is \N or \k<name>; a name can stand for several groups (ES2025
// duplicate named groups in different alternatives).
type backref struct {
	num     int    // for \N, validated once the group count is known
	name    string // for \k<name>
	indexes []int  // resolved capture indexes
}

// repeat is a quantified atom; max < 0 means no upper bound.
type repeat struct {
	min, max int
	greedy   bool
	body     node
}

func (*alternation) isNode() {}
func (*sequence) isNode()    {}
func (*literal) isNode()     {}
func (*class) isNode()       {}
func (*assertion) isNode()   {}
func (*lookaround) isNode()  {}
func (*group) isNode()       {}
func (*backref) isNode()     {}
func (*repeat) isNode()      {}
