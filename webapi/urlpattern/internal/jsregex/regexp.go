// Package jsregex compiles ECMAScript regular expressions with the v
// (UnicodeSets) flag, and optionally the i flag, into Go-runnable matchers
// with ECMAScript's results.
//
// The URL Pattern Standard builds every component matcher with
// RegExpCreate(pattern, "v") or "vi". goja's RegExp has no v flag and its
// \p{...} never matches, so patterns are parsed here with the v-mode
// grammar (rejecting what V8 rejects), their classes are evaluated to
// explicit code point sets (nested classes, &&, --, \q{...}, \p{...}, case
// folding), and the result runs on Go's regexp when RE2 can express it or
// on regexp2 (goja's own fallback engine) otherwise.
//
// ECMAScript's rejection of empty optional iterations is reproduced (see
// emptycheck.go). Known differences from V8, all in features URL patterns
// rarely use: captures inside a repeated group keep their last
// iteration's value instead of being reset (both engines behave like Perl
// there); a repeat with a minimum of one or more whose atom can match
// the empty string and captures may keep an empty extra iteration; with
// the i flag, \b and \B use ASCII word characters (V8 adds U+017F and
// U+212A); Script_Extensions, the emoji properties and the properties of
// strings are rejected as unsupported; (?ims-ims:...) modifiers are
// rejected; Unicode tables are Go's version.
package jsregex

import (
	"errors"
	"regexp"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// MatchTimeout bounds one regexp2 match (patterns with lookaround or
// backreferences can backtrack catastrophically, and native code cannot be
// interrupted by the isolate's CPU deadline).
const MatchTimeout = 2 * time.Second

// ErrMatchAborted reports a match stopped by MatchTimeout or regexp2's
// backtracking limit.
var ErrMatchAborted = errors.New("jsregex: match aborted (too much backtracking)")

// A Regexp is a compiled pattern. It is safe for concurrent use.
type Regexp struct {
	source string
	ncap   int
	goRE   *regexp.Regexp
	netRE  *regexp2.Regexp
	outOf  []int // regexp2 group number of each group (guards shift them)
}

// Compile parses source as the body of a /source/v (or /source/vi) literal.
// The error is a *SyntaxError when the pattern is invalid.
func Compile(source string, ignoreCase bool) (*Regexp, error) {
	tree, ncap, err := parse(source, ignoreCase)
	if err != nil {
		return nil, err
	}
	re := &Regexp{source: source, ncap: ncap}
	tree, _ = fixEmptyChecks(tree)
	re.outOf = renumber(tree, ncap)
	if goCompatible(tree) {
		re.goRE, err = regexp.Compile(emit(tree, dialectGo, ignoreCase, re.outOf))
		if err == nil {
			return re, nil
		}
		// RE2 has limits of its own (program size); fall through.
	}
	opts := regexp2.ECMAScript | regexp2.Unicode
	if ignoreCase && hasBackref(tree) {
		// Everything else is case-closed already; a backreference has to
		// compare case-insensitively at match time.
		opts |= regexp2.IgnoreCase
	}
	net, err := regexp2.Compile(emit(tree, dialectNet, ignoreCase, re.outOf), opts)
	if err != nil {
		return nil, syntaxErr(err.Error())
	}
	net.MatchTimeout = MatchTimeout
	re.netRE = net
	return re, nil
}

// Source returns the pattern as given to Compile.
func (re *Regexp) Source() string { return re.source }

// NumSubexp returns the number of capturing groups.
func (re *Regexp) NumSubexp() int { return re.ncap }

// Engine names the engine running the pattern ("go" or "regexp2").
func (re *Regexp) Engine() string {
	if re.goRE != nil {
		return "go"
	}
	return "regexp2"
}

// MatchString reports whether s contains a match (RegExpBuiltinExec from
// index 0 without the g or y flag, returning whether it is non-null).
func (re *Regexp) MatchString(s string) (bool, error) {
	if re.goRE != nil {
		return re.goRE.MatchString(s), nil
	}
	ok, err := re.netRE.MatchString(s)
	if err != nil {
		return false, ErrMatchAborted
	}
	return ok, nil
}

// FindStringSubmatchIndex returns the byte offsets of the leftmost match
// and its captures, as Go's regexp does: pairs (start, end) for group 0 to
// NumSubexp, with -1 for a group that did not participate (undefined in
// JS). A nil result means no match.
func (re *Regexp) FindStringSubmatchIndex(s string) ([]int, error) {
	if re.goRE != nil {
		return re.goRE.FindStringSubmatchIndex(s), nil
	}
	m, err := re.netRE.FindStringMatch(s)
	if err != nil {
		return nil, ErrMatchAborted
	}
	if m == nil {
		return nil, nil
	}
	out := make([]int, 2*(re.ncap+1))
	for i := 0; i <= re.ncap; i++ {
		g := m.GroupByNumber(re.outOf[i])
		if g == nil || len(g.Captures) == 0 {
			out[2*i], out[2*i+1] = -1, -1
			continue
		}
		start, length := g.ByteRange()
		out[2*i], out[2*i+1] = start, start+length
	}
	return out, nil
}

func hasBackref(n node) bool {
	switch n := n.(type) {
	case *backref:
		return true
	case *alternation:
		for _, a := range n.alts {
			if hasBackref(a) {
				return true
			}
		}
	case *sequence:
		for _, a := range n.items {
			if hasBackref(a) {
				return true
			}
		}
	case *group:
		return hasBackref(n.body)
	case *repeat:
		return hasBackref(n.body)
	case *lookaround:
		return hasBackref(n.body)
	case *guardedRepeat:
		return true // the guard is a backreference
	}
	return false
}
