package urlpattern

// https://urlpattern.spec.whatwg.org/#constructor-string-parsing

type parserState uint8

const (
	stateInit parserState = iota
	stateProtocol
	stateAuthority
	stateUsername
	statePassword
	stateHostname
	statePort
	statePathname
	stateSearch
	stateHash
	stateDone
)

// component returns the component a state fills in.
func (s parserState) component() Component {
	switch s {
	case stateProtocol:
		return Protocol
	case stateUsername:
		return Username
	case statePassword:
		return Password
	case stateHostname:
		return Hostname
	case statePort:
		return Port
	case statePathname:
		return Pathname
	case stateSearch:
		return Search
	}
	return Hash
}

// constructorParser is https://urlpattern.spec.whatwg.org/#constructor-string-parser.
type constructorParser struct {
	input                            []rune
	tokens                           []token
	result                           Init
	componentStart                   int
	tokenIndex                       int
	tokenIncrement                   int
	groupDepth                       int
	hostnameIPv6BracketDepth         int
	protocolMatchesSpecialSchemeFlag bool
	state                            parserState
	// protocol is the compiled protocol component, kept so create does
	// not compile it twice (Chrome does the same).
	protocol *component
}

// parseConstructorString is https://urlpattern.spec.whatwg.org/#parse-a-constructor-string.
func parseConstructorString(input string) (*constructorParser, error) {
	// 1. Let parser be a new constructor string parser whose input is input
	// and token list is the result of tokenizing input, "lenient".
	tokens, err := tokenize(input, policyLenient)
	if err != nil {
		return nil, err // cannot happen with the lenient policy
	}
	p := &constructorParser{input: []rune(input), tokens: tokens, tokenIncrement: 1}
	// 2. While parser's token index is less than parser's token list size:
	for p.tokenIndex < len(p.tokens) {
		// 2.1. Set parser's token increment to 1.
		p.tokenIncrement = 1
		// 2.2. If the current token's type is "end":
		if p.tokens[p.tokenIndex].typ == tokEnd {
			// 2.2.1. If parser's state is "init":
			if p.state == stateInit {
				// 2.2.1.1. Run rewind given parser.
				p.rewind()
				if p.isHashPrefix() {
					// 2.2.1.2. If is a hash prefix: change state to "hash", skip 1.
					p.changeState(stateHash, 1)
				} else if p.isSearchPrefix() {
					// 2.2.1.3. Otherwise if is a search prefix: change state to "search", skip 1.
					p.changeState(stateSearch, 1)
				} else {
					// 2.2.1.4. Otherwise: change state to "pathname", skip 0.
					p.changeState(statePathname, 0)
				}
				// 2.2.1.5. Increment token index by token increment.
				p.tokenIndex += p.tokenIncrement
				// 2.2.1.6. Continue.
				continue
			}
			// 2.2.2. If parser's state is "authority":
			if p.state == stateAuthority {
				// 2.2.2.1. Rewind and set state to "hostname".
				p.rewindAndSetState(stateHostname)
				// 2.2.2.2. Increment token index by token increment.
				p.tokenIndex += p.tokenIncrement
				// 2.2.2.3. Continue.
				continue
			}
			// 2.2.3. Change state to "done", skip 0.
			p.changeState(stateDone, 0)
			// 2.2.4. Break.
			break
		}
		// 2.3. If is a group open:
		if p.isGroupOpen() {
			// 2.3.1. Increment group depth by 1.
			p.groupDepth++
			// 2.3.2. Increment token index by token increment.
			p.tokenIndex += p.tokenIncrement
			// 2.3.3. Continue.
			continue
		}
		// 2.4. If group depth is greater than 0:
		if p.groupDepth > 0 {
			if p.isGroupClose() {
				// 2.4.1. If is a group close, decrement group depth by 1.
				p.groupDepth--
			} else {
				// 2.4.2. Otherwise: increment token index and continue.
				p.tokenIndex += p.tokenIncrement
				continue
			}
		}
		// 2.5. Switch on parser's state.
		switch p.state {
		case stateInit:
			// If is a protocol suffix: rewind and set state to "protocol".
			if p.isProtocolSuffix() {
				p.rewindAndSetState(stateProtocol)
			}
		case stateProtocol:
			// If is a protocol suffix:
			if p.isProtocolSuffix() {
				// 1. Compute protocol matches a special scheme flag.
				if err := p.computeProtocolMatchesSpecialSchemeFlag(); err != nil {
					return nil, err
				}
				// 2-3. Let next state be "pathname" and skip be 1.
				next, skip := statePathname, 1
				if p.nextIsAuthoritySlashes() {
					// 4. If next is authority slashes: "authority", skip 3.
					next, skip = stateAuthority, 3
				} else if p.protocolMatchesSpecialSchemeFlag {
					// 5. Otherwise if the special scheme flag is set: "authority".
					next = stateAuthority
				}
				// 6. Change state to next state, skip.
				p.changeState(next, skip)
			}
		case stateAuthority:
			if p.isIdentityTerminator() {
				// 1. If is an identity terminator: rewind and set state to "username".
				p.rewindAndSetState(stateUsername)
			} else if p.isPathnameStart() || p.isSearchPrefix() || p.isHashPrefix() {
				// 2. Otherwise if a pathname start, search prefix or hash
				// prefix: rewind and set state to "hostname".
				p.rewindAndSetState(stateHostname)
			}
		case stateUsername:
			if p.isPasswordPrefix() {
				// 1. If is a password prefix: change state to "password", skip 1.
				p.changeState(statePassword, 1)
			} else if p.isIdentityTerminator() {
				// 2. Otherwise if is an identity terminator: "hostname", skip 1.
				p.changeState(stateHostname, 1)
			}
		case statePassword:
			// 1. If is an identity terminator: change state to "hostname", skip 1.
			if p.isIdentityTerminator() {
				p.changeState(stateHostname, 1)
			}
		case stateHostname:
			switch {
			case p.isIPv6Open():
				// 1. If is an IPv6 open: increment the bracket depth.
				p.hostnameIPv6BracketDepth++
			case p.isIPv6Close():
				// 2. Otherwise if is an IPv6 close: decrement the bracket depth.
				p.hostnameIPv6BracketDepth--
			case p.isPortPrefix() && p.hostnameIPv6BracketDepth == 0:
				// 3. Otherwise if is a port prefix and the depth is zero: "port", skip 1.
				p.changeState(statePort, 1)
			case p.isPathnameStart():
				// 4. Otherwise if is a pathname start: "pathname", skip 0.
				p.changeState(statePathname, 0)
			case p.isSearchPrefix():
				// 5. Otherwise if is a search prefix: "search", skip 1.
				p.changeState(stateSearch, 1)
			case p.isHashPrefix():
				// 6. Otherwise if is a hash prefix: "hash", skip 1.
				p.changeState(stateHash, 1)
			}
		case statePort:
			switch {
			case p.isPathnameStart():
				// 1. If is a pathname start: "pathname", skip 0.
				p.changeState(statePathname, 0)
			case p.isSearchPrefix():
				// 2. Otherwise if is a search prefix: "search", skip 1.
				p.changeState(stateSearch, 1)
			case p.isHashPrefix():
				// 3. Otherwise if is a hash prefix: "hash", skip 1.
				p.changeState(stateHash, 1)
			}
		case statePathname:
			if p.isSearchPrefix() {
				// 1. If is a search prefix: "search", skip 1.
				p.changeState(stateSearch, 1)
			} else if p.isHashPrefix() {
				// 2. Otherwise if is a hash prefix: "hash", skip 1.
				p.changeState(stateHash, 1)
			}
		case stateSearch:
			// 1. If is a hash prefix: "hash", skip 1.
			if p.isHashPrefix() {
				p.changeState(stateHash, 1)
			}
		case stateHash:
			// Do nothing.
		case stateDone:
			// Assert: this step is never reached.
		}
		// 2.6. Increment token index by token increment.
		p.tokenIndex += p.tokenIncrement
	}
	// 3. If result contains "hostname" and not "port", set result["port"] to "".
	if p.result.Hostname != nil && p.result.Port == nil {
		p.result.Set(Port, "")
	}
	// 4. Return parser's result.
	return p, nil
}

// changeState is https://urlpattern.spec.whatwg.org/#change-state.
func (p *constructorParser) changeState(newState parserState, skip int) {
	// 1. If state is not "init", "authority" or "done", set
	// result[state] to the result of making a component string.
	if p.state != stateInit && p.state != stateAuthority && p.state != stateDone {
		p.result.Set(p.state.component(), p.makeComponentString())
	}
	// 2. If state is not "init" and new state is not "done":
	if p.state != stateInit && newState != stateDone {
		// 2.1. If state is "protocol", "authority", "username" or
		// "password", new state is "port", "pathname", "search" or "hash",
		// and result["hostname"] does not exist, set it to "".
		if (p.state == stateProtocol || p.state == stateAuthority || p.state == stateUsername || p.state == statePassword) &&
			(newState == statePort || newState == statePathname || newState == stateSearch || newState == stateHash) &&
			p.result.Hostname == nil {
			p.result.Set(Hostname, "")
		}
		// 2.2. If state is "protocol"... "port", new state is "search" or
		// "hash", and result["pathname"] does not exist: "/" if the
		// special scheme flag is set, else "".
		if (p.state >= stateProtocol && p.state <= statePort) &&
			(newState == stateSearch || newState == stateHash) && p.result.Pathname == nil {
			if p.protocolMatchesSpecialSchemeFlag {
				p.result.Set(Pathname, "/")
			} else {
				p.result.Set(Pathname, "")
			}
		}
		// 2.3. If state is "protocol"... "pathname", new state is "hash"
		// and result["search"] does not exist, set it to "".
		if (p.state >= stateProtocol && p.state <= statePathname) && newState == stateHash && p.result.Search == nil {
			p.result.Set(Search, "")
		}
	}
	// 3. Set state to new state.
	p.state = newState
	// 4. Increment token index by skip.
	p.tokenIndex += skip
	// 5. Set component start to token index.
	p.componentStart = p.tokenIndex
	// 6. Set token increment to 0.
	p.tokenIncrement = 0
}

// rewind is https://urlpattern.spec.whatwg.org/#rewind.
func (p *constructorParser) rewind() {
	p.tokenIndex = p.componentStart
	p.tokenIncrement = 0
}

// rewindAndSetState is https://urlpattern.spec.whatwg.org/#rewind-and-set-state.
func (p *constructorParser) rewindAndSetState(s parserState) {
	p.rewind()
	p.state = s
}

// safeToken is https://urlpattern.spec.whatwg.org/#get-a-safe-token.
func (p *constructorParser) safeToken(index int) token {
	if index < len(p.tokens) {
		return p.tokens[index]
	}
	// The last token is always the "end" token.
	return p.tokens[len(p.tokens)-1]
}

// isNonSpecialPatternChar is https://urlpattern.spec.whatwg.org/#is-a-non-special-pattern-char.
func (p *constructorParser) isNonSpecialPatternChar(index int, value string) bool {
	t := p.safeToken(index)
	if t.value != value {
		return false
	}
	return t.typ == tokChar || t.typ == tokEscapedChar || t.typ == tokInvalidChar
}

func (p *constructorParser) isProtocolSuffix() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, ":")
}

// nextIsAuthoritySlashes is https://urlpattern.spec.whatwg.org/#next-is-authority-slashes.
func (p *constructorParser) nextIsAuthoritySlashes() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex+1, "/") && p.isNonSpecialPatternChar(p.tokenIndex+2, "/")
}

func (p *constructorParser) isIdentityTerminator() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, "@")
}

func (p *constructorParser) isPasswordPrefix() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, ":")
}

func (p *constructorParser) isPortPrefix() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, ":")
}

func (p *constructorParser) isPathnameStart() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, "/")
}

// isSearchPrefix is https://urlpattern.spec.whatwg.org/#is-a-search-prefix.
func (p *constructorParser) isSearchPrefix() bool {
	// 1. If is a non-special pattern char "?", return true.
	if p.isNonSpecialPatternChar(p.tokenIndex, "?") {
		return true
	}
	// 2. If the current token's value is not "?", return false.
	if p.tokens[p.tokenIndex].value != "?" {
		return false
	}
	// 3-4. If there is no previous token, return true.
	previousIndex := p.tokenIndex - 1
	if previousIndex < 0 {
		return true
	}
	// 5-6. A "?" after a name, regexp, close or asterisk is a modifier.
	switch p.safeToken(previousIndex).typ {
	case tokName, tokRegexp, tokClose, tokAsterisk:
		return false
	}
	// 7. Return true.
	return true
}

func (p *constructorParser) isHashPrefix() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, "#")
}

func (p *constructorParser) isGroupOpen() bool { return p.tokens[p.tokenIndex].typ == tokOpen }

func (p *constructorParser) isGroupClose() bool { return p.tokens[p.tokenIndex].typ == tokClose }

func (p *constructorParser) isIPv6Open() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, "[")
}

func (p *constructorParser) isIPv6Close() bool {
	return p.isNonSpecialPatternChar(p.tokenIndex, "]")
}

// makeComponentString is https://urlpattern.spec.whatwg.org/#make-a-component-string.
func (p *constructorParser) makeComponentString() string {
	// 1-2. Let token be the current token.
	t := p.tokens[p.tokenIndex]
	// 3-4. Let component start input index be the index of the safe token
	// at component start.
	start := p.safeToken(p.componentStart).index
	// 5. Let end index be token's index.
	end := t.index
	// 6. Return the code point substring from start to end within input.
	if start > end {
		return ""
	}
	return string(p.input[start:end])
}

// computeProtocolMatchesSpecialSchemeFlag is
// https://urlpattern.spec.whatwg.org/#compute-protocol-matches-a-special-scheme-flag.
func (p *constructorParser) computeProtocolMatchesSpecialSchemeFlag() error {
	// 1. Let protocol string be the result of making a component string.
	protocolString := p.makeComponentString()
	// 2. Let protocol component be the result of compiling a component
	// given protocol string, canonicalize a protocol and default options.
	c, err := compileCached(Protocol, protocolString, canonicalizeProtocol, defaultOptions)
	if err != nil {
		return err
	}
	p.protocol = c
	// 3. If protocol component matches a special scheme, set the flag.
	if c.matchesSpecialScheme() {
		p.protocolMatchesSpecialSchemeFlag = true
	}
	return nil
}
