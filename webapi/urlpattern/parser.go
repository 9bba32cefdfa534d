package urlpattern

import "strconv"

// encodingCallback is https://urlpattern.spec.whatwg.org/#encoding-callback:
// it validates and encodes a fixed-text piece of a pattern string.
type encodingCallback func(string) (string, error)

// patternParser is https://urlpattern.spec.whatwg.org/#pattern-parser.
// Errors travel as panics of *patternError within parsePatternString.
type patternParser struct {
	tokens                []token
	encode                encodingCallback
	segmentWildcardRegexp string
	parts                 []part
	pendingFixedValue     string
	index                 int
	nextNumericName       int
}

type parseBail struct{ err error }

// parsePatternString is https://urlpattern.spec.whatwg.org/#parse-a-pattern-string.
func parsePatternString(input string, opts options, encode encodingCallback) (parts []part, err error) {
	// 1. Let parser be a new pattern parser whose encoding callback is
	// encoding callback and segment wildcard regexp is the result of
	// generating a segment wildcard regexp given options.
	p := &patternParser{encode: encode, segmentWildcardRegexp: segmentWildcardRegexp(opts)}
	// 2. Set parser's token list to the result of tokenizing input, "strict".
	p.tokens, err = tokenize(input, policyStrict)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(parseBail)
			if !ok {
				panic(r)
			}
			parts, err = nil, b.err
		}
	}()
	// 3. While parser's index is less than parser's token list size:
	for p.index < len(p.tokens) {
		// 3.1. Let char token be the result of trying to consume a "char" token.
		charToken := p.tryConsume(tokChar)
		// 3.2. Let name token be the result of trying to consume a "name" token.
		nameToken := p.tryConsume(tokName)
		// 3.3. Let regexp or wildcard token be the result of trying to
		// consume a regexp or wildcard token given name token.
		regexpOrWildcardToken := p.tryConsumeRegexpOrWildcard(nameToken)
		// 3.4. If name token is not null or regexp or wildcard token is not null:
		if nameToken != nil || regexpOrWildcardToken != nil {
			// 3.4.1. Let prefix be the empty string.
			prefix := ""
			// 3.4.2. If char token is not null then set prefix to its value.
			if charToken != nil {
				prefix = charToken.value
			}
			// 3.4.3. If prefix is not the empty string and not options's
			// prefix code point: append prefix to pending fixed value and set
			// prefix to the empty string.
			if prefix != "" && prefix != opts.prefix {
				p.pendingFixedValue += prefix
				prefix = ""
			}
			// 3.4.4. Maybe add a part from the pending fixed value.
			p.maybeAddPartFromPendingFixedValue()
			// 3.4.5. Let modifier token be the result of trying to consume a modifier token.
			modifierToken := p.tryConsumeModifier()
			// 3.4.6. Add a part given prefix, name token, regexp or wildcard
			// token, the empty string, and modifier token.
			p.addPart(prefix, nameToken, regexpOrWildcardToken, "", modifierToken)
			// 3.4.7. Continue.
			continue
		}
		// 3.5. Let fixed token be char token.
		fixedToken := charToken
		// 3.6. If fixed token is null, try to consume an "escaped-char" token.
		if fixedToken == nil {
			fixedToken = p.tryConsume(tokEscapedChar)
		}
		// 3.7. If fixed token is not null: append its value to pending fixed
		// value; continue.
		if fixedToken != nil {
			p.pendingFixedValue += fixedToken.value
			continue
		}
		// 3.8. Let open token be the result of trying to consume an "open" token.
		openToken := p.tryConsume(tokOpen)
		// 3.9. If open token is not null:
		if openToken != nil {
			// 3.9.1. Let prefix be the result of consuming text.
			prefix := p.consumeText()
			// 3.9.2. Set name token to the result of trying to consume a "name" token.
			nameToken = p.tryConsume(tokName)
			// 3.9.3. Set regexp or wildcard token.
			regexpOrWildcardToken = p.tryConsumeRegexpOrWildcard(nameToken)
			// 3.9.4. Let suffix be the result of consuming text.
			suffix := p.consumeText()
			// 3.9.5. Consume a required "close" token.
			p.consumeRequired(tokClose)
			// 3.9.6. Let modifier token be the result of trying to consume a modifier token.
			modifierToken := p.tryConsumeModifier()
			// 3.9.7. Add a part.
			p.addPart(prefix, nameToken, regexpOrWildcardToken, suffix, modifierToken)
			// 3.9.8. Continue.
			continue
		}
		// 3.10. Maybe add a part from the pending fixed value.
		p.maybeAddPartFromPendingFixedValue()
		// 3.11. Consume a required "end" token.
		p.consumeRequired(tokEnd)
	}
	// 4. Return parser's part list.
	return p.parts, nil
}

func (p *patternParser) fail(err error) { panic(parseBail{err}) }

// tryConsume is "try to consume a token".
func (p *patternParser) tryConsume(typ tokenType) *token {
	// 1-2. Let next token be token list[index].
	next := &p.tokens[p.index]
	// 3. If next token's type is not type return null.
	if next.typ != typ {
		return nil
	}
	// 4-5. Increment index by 1 and return next token.
	p.index++
	return next
}

// tryConsumeModifier is "try to consume a modifier token".
func (p *patternParser) tryConsumeModifier() *token {
	// 1-2. An "other-modifier" token, if any.
	if t := p.tryConsume(tokOtherModifier); t != nil {
		return t
	}
	// 3-4. Otherwise an "asterisk" token, or null.
	return p.tryConsume(tokAsterisk)
}

// tryConsumeRegexpOrWildcard is "try to consume a regexp or wildcard token".
func (p *patternParser) tryConsumeRegexpOrWildcard(nameToken *token) *token {
	// 1. Let token be the result of trying to consume a "regexp" token.
	t := p.tryConsume(tokRegexp)
	// 2. If name token is null and token is null, try an "asterisk" token.
	if nameToken == nil && t == nil {
		t = p.tryConsume(tokAsterisk)
	}
	// 3. Return token.
	return t
}

// consumeRequired is "consume a required token".
func (p *patternParser) consumeRequired(typ tokenType) *token {
	// 1. Let result be the result of trying to consume a token of type.
	t := p.tryConsume(typ)
	// 2. If result is null, then throw a TypeError.
	if t == nil {
		next := p.tokens[p.index]
		p.fail(&patternError{msg: "Unexpected " + describeToken(next) + " at index " + strconv.Itoa(next.index) + ", expected " + tokenTypeName(typ) + "."})
	}
	// 3. Return result.
	return t
}

func describeToken(t token) string {
	if t.typ == tokEnd {
		return "end of pattern"
	}
	return tokenTypeName(t.typ) + " '" + t.value + "'"
}

func tokenTypeName(typ tokenType) string {
	switch typ {
	case tokOpen:
		return "OPEN"
	case tokClose:
		return "CLOSE"
	case tokRegexp:
		return "REGEX"
	case tokName:
		return "NAME"
	case tokChar:
		return "CHAR"
	case tokEscapedChar:
		return "ESCAPED_CHAR"
	case tokOtherModifier:
		return "OTHER_MODIFIER"
	case tokAsterisk:
		return "ASTERISK"
	case tokEnd:
		return "END"
	}
	return "INVALID_CHAR"
}

// consumeText is "consume text".
func (p *patternParser) consumeText() string {
	// 1. Let result be the empty string.
	result := ""
	// 2. While true:
	for {
		// 2.1. Try to consume a "char" token.
		t := p.tryConsume(tokChar)
		// 2.2. If token is null, try to consume an "escaped-char" token.
		if t == nil {
			t = p.tryConsume(tokEscapedChar)
		}
		// 2.3. If token is null, then break.
		if t == nil {
			break
		}
		// 2.4. Append token's value to the end of result.
		result += t.value
	}
	// 3. Return result.
	return result
}

// runEncode runs the encoding callback, turning its error into a parse failure.
func (p *patternParser) runEncode(s string) string {
	out, err := p.encode(s)
	if err != nil {
		p.fail(err)
	}
	return out
}

// maybeAddPartFromPendingFixedValue is "maybe add a part from the pending fixed value".
func (p *patternParser) maybeAddPartFromPendingFixedValue() {
	// 1. If pending fixed value is the empty string, then return.
	if p.pendingFixedValue == "" {
		return
	}
	// 2. Let encoded value be the result of running the encoding callback.
	encoded := p.runEncode(p.pendingFixedValue)
	// 3. Set pending fixed value to the empty string.
	p.pendingFixedValue = ""
	// 4-5. Append a "fixed-text" part with modifier "none".
	p.parts = append(p.parts, part{typ: partFixedText, value: encoded, modifier: modNone})
}

// addPart is https://urlpattern.spec.whatwg.org/#add-a-part.
func (p *patternParser) addPart(prefix string, nameToken, regexpOrWildcardToken *token, suffix string, modifierToken *token) {
	// 1. Let modifier be "none".
	mod := modNone
	// 2. If modifier token is not null: set modifier from its value.
	if modifierToken != nil {
		switch modifierToken.value {
		case "?":
			mod = modOptional
		case "*":
			mod = modZeroOrMore
		case "+":
			mod = modOneOrMore
		}
	}
	// 3. If name token is null and regexp or wildcard token is null and
	// modifier is "none": this was a "{foo}" grouping; append prefix to
	// pending fixed value and return.
	if nameToken == nil && regexpOrWildcardToken == nil && mod == modNone {
		p.pendingFixedValue += prefix
		return
	}
	// 4. Maybe add a part from the pending fixed value.
	p.maybeAddPartFromPendingFixedValue()
	// 5. If name token is null and regexp or wildcard token is null: this
	// was a "{foo}?" grouping.
	if nameToken == nil && regexpOrWildcardToken == nil {
		// 5.1. Assert: suffix is the empty string.
		// 5.2. If prefix is the empty string, then return.
		if prefix == "" {
			return
		}
		// 5.3. Let encoded value be the result of running the encoding callback given prefix.
		encoded := p.runEncode(prefix)
		// 5.4-5. Append a "fixed-text" part with modifier.
		p.parts = append(p.parts, part{typ: partFixedText, value: encoded, modifier: mod})
		// 5.6. Return.
		return
	}
	// 6. Let regexp value be the empty string.
	regexpValue := ""
	switch {
	case regexpOrWildcardToken == nil:
		// 7. If regexp or wildcard token is null, then set regexp value to
		// the segment wildcard regexp.
		regexpValue = p.segmentWildcardRegexp
	case regexpOrWildcardToken.typ == tokAsterisk:
		// 8. Otherwise if it is an "asterisk" token, set regexp value to the
		// full wildcard regexp value.
		regexpValue = fullWildcardRegexp
	default:
		// 9. Otherwise set regexp value to the token's value.
		regexpValue = regexpOrWildcardToken.value
	}
	// 10. Let type be "regexp".
	typ := partRegexp
	switch regexpValue {
	case p.segmentWildcardRegexp:
		// 11. If regexp value is the segment wildcard regexp: type is
		// "segment-wildcard" and regexp value the empty string.
		typ, regexpValue = partSegmentWildcard, ""
	case fullWildcardRegexp:
		// 12. Otherwise if regexp value is the full wildcard regexp value:
		// type is "full-wildcard" and regexp value the empty string.
		typ, regexpValue = partFullWildcard, ""
	}
	// 13. Let name be the empty string.
	name := ""
	if nameToken != nil {
		// 14. If name token is not null, then set name to its value.
		name = nameToken.value
	} else if regexpOrWildcardToken != nil {
		// 15. Otherwise: set name to next numeric name, serialized, and
		// increment next numeric name.
		name = strconv.Itoa(p.nextNumericName)
		p.nextNumericName++
	}
	// 16. If the result of running is a duplicate name given name is true,
	// then throw a TypeError.
	if p.isDuplicateName(name) {
		p.fail(&patternError{msg: "Duplicate name '" + name + "'."})
	}
	// 17. Let encoded prefix be the result of running the encoding callback given prefix.
	encodedPrefix := p.runEncode(prefix)
	// 18. Let encoded suffix be the result of running the encoding callback given suffix.
	encodedSuffix := p.runEncode(suffix)
	// 19-20. Append the part.
	p.parts = append(p.parts, part{
		typ: typ, value: regexpValue, modifier: mod, name: name,
		prefix: encodedPrefix, suffix: encodedSuffix,
	})
}

// isDuplicateName is https://urlpattern.spec.whatwg.org/#is-a-duplicate-name.
func (p *patternParser) isDuplicateName(name string) bool {
	for _, pt := range p.parts {
		if pt.name == name {
			return true
		}
	}
	return false
}
