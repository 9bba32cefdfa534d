package urlpattern

import (
	"fmt"

	"github.com/edgerun/edgerun/webapi/urlpattern/internal/jsregex"
)

// https://urlpattern.spec.whatwg.org/#tokens

type tokenType uint8

const (
	tokInvalidChar   tokenType = iota // "invalid-char"
	tokOpen                           // "open": {
	tokClose                          // "close": }
	tokRegexp                         // "regexp": (...)
	tokName                           // "name": :name
	tokChar                           // "char"
	tokEscapedChar                    // "escaped-char": \c
	tokOtherModifier                  // "other-modifier": ? or +
	tokAsterisk                       // "asterisk": *
	tokEnd                            // "end"
)

// A token is one lexical token of a pattern string. index is the position
// of its first code point in the input (in code points, as the constructor
// string parser slices the input by code point positions).
type token struct {
	typ   tokenType
	index int
	value string
}

// tokenizePolicy is "strict" (errors throw) or "lenient" (errors become
// invalid-char tokens).
type tokenizePolicy bool

const (
	policyStrict  tokenizePolicy = false
	policyLenient tokenizePolicy = true
)

// tokenizer holds the tokenizer's state; input is kept as code points.
type tokenizer struct {
	input     []rune
	policy    tokenizePolicy
	tokens    []token
	index     int
	nextIndex int
	codePoint rune
}

// tokenize runs https://urlpattern.spec.whatwg.org/#tokenize. The error is
// a *patternError (only with the strict policy).
func tokenize(input string, policy tokenizePolicy) ([]token, error) {
	// 1-3. Let tokenizer be a new tokenizer; set its input and policy.
	t := &tokenizer{input: []rune(input), policy: policy}
	n := len(t.input)
	// 4. While tokenizer's index is less than input's code point length:
	for t.index < n {
		// 4.1. Run seek and get the next code point given tokenizer and index.
		t.seekAndGetNext(t.index)
		switch t.codePoint {
		case '*':
			// 4.2. If code point is U+002A (*): add an "asterisk" token.
			t.addDefault(tokAsterisk)
			continue
		case '+', '?':
			// 4.3. If code point is U+002B (+) or U+003F (?): add an "other-modifier" token.
			t.addDefault(tokOtherModifier)
			continue
		case '\\':
			// 4.4. If code point is U+005C (\):
			// 4.4.1. If index equals input's code point length − 1: process a
			// tokenizing error given next index and index; continue.
			if t.index == n-1 {
				if err := t.fail(t.nextIndex, t.index, "Trailing escape character"); err != nil {
					return nil, err
				}
				continue
			}
			// 4.4.2. Let escaped index be next index.
			escapedIndex := t.nextIndex
			// 4.4.3. Run get the next code point.
			t.getNext()
			// 4.4.4. Add an "escaped-char" token with next index and escaped index.
			t.addWithLength(tokEscapedChar, t.nextIndex, escapedIndex)
			continue
		case '{':
			// 4.5. If code point is U+007B ({): add an "open" token.
			t.addDefault(tokOpen)
			continue
		case '}':
			// 4.6. If code point is U+007D (}): add a "close" token.
			t.addDefault(tokClose)
			continue
		case ':':
			// 4.7. If code point is U+003A (:):
			if err := t.name(); err != nil {
				return nil, err
			}
			continue
		case '(':
			// 4.8. If code point is U+0028 (():
			if err := t.regexp(); err != nil {
				return nil, err
			}
			continue
		}
		// 4.9. Add a "char" token with default position and length.
		t.addDefault(tokChar)
	}
	// 5. Add an "end" token with index and index.
	t.addWithLength(tokEnd, t.index, t.index)
	// 6. Return token list.
	return t.tokens, nil
}

// name tokenizes ":name" (step 4.7).
func (t *tokenizer) name() error {
	n := len(t.input)
	// 4.7.1-2. Let name position and name start be next index.
	namePosition := t.nextIndex
	nameStart := namePosition
	// 4.7.3. While name position is less than input's code point length:
	for namePosition < n {
		// 4.7.3.1. Seek and get the next code point given name position.
		t.seekAndGetNext(namePosition)
		// 4.7.3.2-4. If the code point is not a valid name code point, break.
		if !isValidNameCodePoint(t.codePoint, namePosition == nameStart) {
			break
		}
		// 4.7.3.5. Set name position to next index.
		namePosition = t.nextIndex
	}
	// 4.7.4. If name position is less than or equal to name start: process a
	// tokenizing error given name start and index; continue.
	if namePosition <= nameStart {
		return t.fail(nameStart, t.index, "Missing parameter name")
	}
	// 4.7.5. Add a "name" token with name position and name start.
	t.addWithLength(tokName, namePosition, nameStart)
	return nil
}

// regexp tokenizes "(...)" (step 4.8).
func (t *tokenizer) regexp() error {
	n := len(t.input)
	// 4.8.1-4. Let depth be 1, regexp position and regexp start be next
	// index, error be false.
	depth := 1
	regexpPosition := t.nextIndex
	regexpStart := regexpPosition
	failed := false
	var reason string
	// 4.8.5. While regexp position is less than input's code point length:
	for regexpPosition < n {
		// 4.8.5.1. Seek and get the next code point given regexp position.
		t.seekAndGetNext(regexpPosition)
		// 4.8.5.2. If code point is not an ASCII code point: error; break.
		if t.codePoint > 0x7F {
			failed, reason = true, fmt.Sprintf("Invalid non-ASCII character 0x%02X", t.codePoint)
			break
		}
		// 4.8.5.3. If regexp position equals regexp start and code point is
		// U+003F (?): error; break.
		if regexpPosition == regexpStart && t.codePoint == '?' {
			failed, reason = true, "Regex cannot start with '?'"
			break
		}
		// 4.8.5.4. If code point is U+005C (\):
		if t.codePoint == '\\' {
			// 4.8.5.4.1. If regexp position equals length − 1: error; break.
			if regexpPosition == n-1 {
				failed, reason = true, "Trailing escape character"
				break
			}
			// 4.8.5.4.2. Run get the next code point.
			t.getNext()
			// 4.8.5.4.3. If code point is not an ASCII code point: error; break.
			if t.codePoint > 0x7F {
				failed, reason = true, fmt.Sprintf("Invalid non-ASCII character 0x%02X", t.codePoint)
				break
			}
			// 4.8.5.4.4. Set regexp position to next index; continue.
			regexpPosition = t.nextIndex
			continue
		}
		// 4.8.5.5. If code point is U+0029 ()):
		if t.codePoint == ')' {
			// 4.8.5.5.1. Decrement depth by 1.
			depth--
			// 4.8.5.5.2. If depth is 0: set regexp position to next index; break.
			if depth == 0 {
				regexpPosition = t.nextIndex
				break
			}
		} else if t.codePoint == '(' {
			// 4.8.5.6. Otherwise if code point is U+0028 ((:
			// 4.8.5.6.1. Increment depth by 1.
			depth++
			// 4.8.5.6.2. If regexp position equals length − 1: error; break.
			if regexpPosition == n-1 {
				failed, reason = true, "Unbalanced regex group"
				break
			}
			// 4.8.5.6.3. Let temporary position be next index.
			temporaryPosition := t.nextIndex
			// 4.8.5.6.4. Run get the next code point.
			t.getNext()
			// 4.8.5.6.5. If code point is not U+003F (?): error; break.
			if t.codePoint != '?' {
				failed, reason = true, "Capturing groups are not allowed"
				break
			}
			// 4.8.5.6.6. Set next index to temporary position.
			t.nextIndex = temporaryPosition
		}
		// 4.8.5.7. Set regexp position to next index.
		regexpPosition = t.nextIndex
	}
	// 4.8.6. If error is true, continue (the error was processed above).
	if failed {
		return t.fail(regexpStart, t.index, reason)
	}
	// 4.8.7. If depth is not zero: process a tokenizing error; continue.
	if depth != 0 {
		return t.fail(regexpStart, t.index, "Unbalanced regex group")
	}
	// 4.8.8. Let regexp length be regexp position − regexp start − 1.
	regexpLength := regexpPosition - regexpStart - 1
	// 4.8.9. If regexp length is zero: process a tokenizing error; continue.
	if regexpLength == 0 {
		return t.fail(regexpStart, t.index, "Missing regex")
	}
	// 4.8.10. Add a "regexp" token.
	t.add(tokRegexp, regexpPosition, regexpStart, regexpLength)
	return nil
}

// getNext is "get the next code point".
func (t *tokenizer) getNext() {
	t.codePoint = t.input[t.nextIndex]
	t.nextIndex++
}

// seekAndGetNext is "seek and get the next code point".
func (t *tokenizer) seekAndGetNext(index int) {
	t.nextIndex = index
	t.getNext()
}

// add is "add a token".
func (t *tokenizer) add(typ tokenType, nextPosition, valuePosition, valueLength int) {
	t.tokens = append(t.tokens, token{
		typ:   typ,
		index: t.index,
		value: string(t.input[valuePosition : valuePosition+valueLength]),
	})
	t.index = nextPosition
}

// addWithLength is "add a token with default length".
func (t *tokenizer) addWithLength(typ tokenType, nextPosition, valuePosition int) {
	t.add(typ, nextPosition, valuePosition, nextPosition-valuePosition)
}

// addDefault is "add a token with default position and length".
func (t *tokenizer) addDefault(typ tokenType) {
	t.addWithLength(typ, t.nextIndex, t.index)
}

// fail is "process a tokenizing error": strict throws, lenient records an
// "invalid-char" token.
func (t *tokenizer) fail(nextPosition, valuePosition int, reason string) error {
	if t.policy == policyStrict {
		return &patternError{msg: fmt.Sprintf("%s at index %d.", reason, t.index)}
	}
	t.addWithLength(tokInvalidChar, nextPosition, valuePosition)
	return nil
}

// isValidNameCodePoint is https://urlpattern.spec.whatwg.org/#is-a-valid-name-code-point.
func isValidNameCodePoint(r rune, first bool) bool {
	if first {
		return jsregex.IsIdentifierStart(r)
	}
	return jsregex.IsIdentifierPart(r)
}
