package urlpattern

import "strings"

// Options are URLPatternOptions.
type Options struct {
	// IgnoreCase makes the pathname, search and hash match
	// case-insensitively.
	IgnoreCase bool
}

// A Pattern is a URL pattern (https://urlpattern.spec.whatwg.org/#url-pattern).
// It is immutable and safe for concurrent use.
type Pattern struct {
	components [numComponents]*component
}

// New creates a pattern from a constructor string such as
// "https://example.com/books/:id". The string must be absolute.
func New(input string, opts Options) (*Pattern, error) {
	return create(&input, nil, nil, opts)
}

// NewWithBase creates a pattern from a constructor string resolved
// against baseURL.
func NewWithBase(input, baseURL string, opts Options) (*Pattern, error) {
	return create(&input, &baseURL, nil, opts)
}

// NewFromInit creates a pattern from a URLPatternInit dictionary; absent
// components are wildcards unless init.BaseURL supplies them.
func NewFromInit(init *Init, opts Options) (*Pattern, error) {
	if init == nil {
		init = &Init{}
	}
	return create(nil, nil, init, opts)
}

// create is https://urlpattern.spec.whatwg.org/#url-pattern-create; input
// is either a string (with an optional base URL) or init.
func create(input, baseURL *string, in *Init, opts Options) (*Pattern, error) {
	// 1. Let init be null.
	var protocol *component
	// 2. If input is a scalar value string then:
	if input != nil {
		// 2.1. Set init to the result of parsing a constructor string.
		cp, err := parseConstructorString(*input)
		if err != nil {
			return nil, err
		}
		in, protocol = &cp.result, cp.protocol
		// 2.2. If baseURL is null and init["protocol"] does not exist,
		// then throw a TypeError.
		if baseURL == nil && in.Protocol == nil {
			return nil, newError("Relative constructor string '" + *input + "' must have a base URL passed as the second argument.")
		}
		// 2.3. If baseURL is not null, set init["baseURL"] to baseURL.
		if baseURL != nil {
			in.BaseURL = baseURL
		}
	} else if baseURL != nil {
		// 3.2. If baseURL is not null, then throw a TypeError.
		return nil, newError("Invalid second argument baseURL '" + *baseURL + "' provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead.")
	}
	// 4. Let processedInit be the result of processing init, "pattern".
	processed, err := processInit(in, typePattern, nil)
	if err != nil {
		return nil, err
	}
	// 5. For each component, if processedInit[component] does not exist,
	// set it to "*".
	var values [numComponents]string
	for c := Protocol; c < numComponents; c++ {
		if v := processed.Get(c); v != nil {
			values[c] = *v
		} else {
			values[c] = "*"
		}
	}
	// 6. If the protocol is a special scheme and the port is its default
	// port in radix-10 ASCII digits, set the port to "".
	if isDefaultPort(values[Protocol], values[Port]) {
		values[Port] = ""
	}
	// 7. Let urlPattern be a new URL pattern.
	p := &Pattern{}
	// 8. Compile the protocol component (reusing the constructor string
	// parser's when it compiled the same string).
	if protocol == nil || protocol.source != values[Protocol] {
		if protocol, err = compileCached(Protocol, values[Protocol], canonicalizeProtocol, defaultOptions); err != nil {
			return nil, err
		}
	}
	p.components[Protocol] = protocol
	// 9. The username component.
	if p.components[Username], err = compileCached(Username, values[Username], canonicalizeUsername, defaultOptions); err != nil {
		return nil, err
	}
	// 10. The password component.
	if p.components[Password], err = compileCached(Password, values[Password], canonicalizePassword, defaultOptions); err != nil {
		return nil, err
	}
	// 11-12. The hostname component, with the IPv6 callback when the
	// hostname pattern is an IPv6 address.
	hostnameCallback := canonicalizeHostname
	if hostnamePatternIsIPv6(values[Hostname]) {
		hostnameCallback = canonicalizeIPv6Hostname
	}
	if p.components[Hostname], err = compileCached(Hostname, values[Hostname], hostnameCallback, hostnameOptions); err != nil {
		return nil, err
	}
	// 13. The port component.
	portCallback := func(v string) (string, error) { return canonicalizePort(v, nil) }
	if p.components[Port], err = compileCached(Port, values[Port], portCallback, defaultOptions); err != nil {
		return nil, err
	}
	// 14. Let compileOptions be the default options with ignore case set.
	compileOptions := defaultOptions
	compileOptions.ignoreCase = opts.IgnoreCase
	// 15. If the protocol component matches a special scheme: compile the
	// pathname with the pathname options and canonicalize a pathname.
	if protocol.matchesSpecialScheme() {
		pathOptions := pathnameOptions
		pathOptions.ignoreCase = opts.IgnoreCase
		p.components[Pathname], err = compileCached(Pathname, values[Pathname], canonicalizePathname, pathOptions)
	} else {
		// 16. Otherwise with compileOptions and canonicalize an opaque pathname.
		p.components[Pathname], err = compileCached(Pathname, values[Pathname], canonicalizeOpaquePathname, compileOptions)
	}
	if err != nil {
		return nil, err
	}
	// 17. The search component.
	if p.components[Search], err = compileCached(Search, values[Search], canonicalizeSearch, compileOptions); err != nil {
		return nil, err
	}
	// 18. The hash component.
	if p.components[Hash], err = compileCached(Hash, values[Hash], canonicalizeHash, compileOptions); err != nil {
		return nil, err
	}
	// 19. Return urlPattern.
	return p, nil
}

// hostnamePatternIsIPv6 is https://urlpattern.spec.whatwg.org/#hostname-pattern-is-an-ipv6-address.
func hostnamePatternIsIPv6(input string) bool {
	// 1. If input's code point length is less than 2, then return false.
	if len(input) < 2 {
		return false
	}
	// 2-5. "[", "{[" or "\[" at the start.
	return input[0] == '[' || ((input[0] == '{' || input[0] == '\\') && input[1] == '[')
}

// PatternString returns the normalized pattern string of component c (the
// value of the protocol... hash getters).
func (p *Pattern) PatternString(c Component) string {
	return p.components[c].patternString
}

// HasRegExpGroups reports whether any component uses a custom regular
// expression group (https://urlpattern.spec.whatwg.org/#url-pattern-has-regexp-groups).
func (p *Pattern) HasRegExpGroups() bool {
	for _, c := range p.components {
		if c.hasRegExpGroups {
			return true
		}
	}
	return false
}

// isDefaultPort reports whether port is the decimal form of scheme's
// default port (leading zeros allowed, as Chrome parses it as a number).
func isDefaultPort(scheme, port string) bool {
	def := specialSchemes[scheme]
	if def == "" || port == "" {
		return false
	}
	for i := 0; i < len(port); i++ {
		if !isASCIIDigit(port[i]) {
			return false
		}
	}
	return strings.TrimLeft(port, "0") == def
}
