package urlpattern

import (
	"errors"
	"sync"

	"github.com/edgerun/edgerun/webapi/urlpattern/internal/jsregex"
)

// A component is https://urlpattern.spec.whatwg.org/#component: a pattern
// string, its regular expression and group name list, plus what compare
// and generate need (the part list, options, encoding callback).
type component struct {
	kind            Component
	source          string // the pattern string compiled
	patternString   string
	reString        string
	names           []string
	hasRegExpGroups bool
	parts           []part
	opts            options
	encode          encodingCallback
	// literal is set when the part list is one fixed text without a
	// modifier: the regexp is then "^text$" and a string comparison gives
	// the same answer (the spec allows matching without the regexp).
	literal   string
	isLiteral bool
	// matchAll is set for the default "*" pattern (one unnamed full
	// wildcard): every string without a line terminator matches.
	matchAll bool

	// The regular expression is compiled on first use unless it has
	// custom groups: a pattern without them always yields a valid one.
	reOnce sync.Once
	re     *jsregex.Regexp
	reErr  error
}

// regexp returns the compiled regular expression.
func (c *component) regexp() (*jsregex.Regexp, error) {
	c.reOnce.Do(func() {
		c.re, c.reErr = jsregex.Compile(c.reString, c.opts.ignoreCase)
	})
	return c.re, c.reErr
}

// compileComponent is https://urlpattern.spec.whatwg.org/#compile-a-component.
func compileComponent(kind Component, input string, encode encodingCallback, opts options) (*component, error) {
	// 1. Let part list be the result of parsing a pattern string given
	// input, options and encoding callback.
	parts, err := parsePatternString(input, opts, encode)
	if err != nil {
		return nil, componentError(kind, input, err)
	}
	// 2. Let (regular expression string, name list) be the result of
	// generating a regular expression and name list.
	reString, names := generateRegexp(parts, opts)
	c := &component{
		kind:   kind,
		source: input,
		// 7. Let pattern string be the result of generating a pattern string.
		patternString: generatePatternString(parts, opts),
		reString:      reString,
		names:         names,
		parts:         parts,
		opts:          opts,
		encode:        encode,
	}
	// 8-9. Has regexp groups is true if any part's type is "regexp".
	for _, pt := range parts {
		if pt.typ == partRegexp {
			c.hasRegExpGroups = true
		}
	}
	// 3-6. Flags are "v", or "vi" with ignore case; RegExpCreate throws a
	// SyntaxError for an invalid custom group, which becomes a TypeError.
	// Only custom groups can make it invalid, so only then is it compiled
	// here (the spec's note asks for that much).
	if c.hasRegExpGroups {
		if _, err := c.regexp(); err != nil {
			return nil, regexpError(kind, input, parts, opts)
		}
	}
	switch {
	case len(parts) == 0:
		c.isLiteral = true
	case len(parts) == 1 && parts[0].typ == partFixedText && parts[0].modifier == modNone && !opts.ignoreCase:
		c.isLiteral, c.literal = true, parts[0].value
	case len(parts) == 1 && parts[0].typ == partFullWildcard && parts[0].modifier == modNone &&
		parts[0].prefix == "" && parts[0].suffix == "":
		c.matchAll = true
	}
	// 10. Return the component.
	return c, nil
}

// componentError words a compile failure as Chrome does.
func componentError(kind Component, input string, err error) error {
	var pe *patternError
	if errors.As(err, &pe) {
		return newError("Invalid " + kind.String() + " pattern '" + input + "'. " + pe.msg)
	}
	return err
}

// regexpError finds the custom regexp group that does not compile, as
// Chrome does to word its error.
func regexpError(kind Component, input string, parts []part, opts options) error {
	for _, pt := range parts {
		if pt.typ != partRegexp {
			continue
		}
		if _, err := jsregex.Compile(pt.value, opts.ignoreCase); err != nil {
			return newError("Invalid " + kind.String() + " pattern '" + input + "'. Custom regular expression group '" + pt.value + "' is invalid.")
		}
	}
	return newError("Invalid " + kind.String() + " pattern '" + input + "'. An unexpected error has occurred.")
}

// test runs RegExpBuiltinExec and reports whether it is non-null.
func (c *component) test(input string) (bool, error) {
	switch {
	case c.isLiteral:
		return input == c.literal, nil
	case c.matchAll:
		return !hasLineTerminator(input), nil
	}
	re, err := c.regexp()
	if err != nil {
		return false, err
	}
	return re.MatchString(input)
}

// exec runs RegExpBuiltinExec and creates a component match result
// (https://urlpattern.spec.whatwg.org/#create-a-component-match-result).
func (c *component) exec(input string, out *ComponentResult) (bool, error) {
	// 1-2. Let result be a new URLPatternComponentResult; set its input.
	out.Input = input
	out.Groups = out.Groups[:0]
	switch {
	case c.isLiteral:
		return input == c.literal, nil
	case c.matchAll:
		if hasLineTerminator(input) {
			return false, nil
		}
		// The one group, "0", captured the whole input.
		out.Groups = append(out.Groups, Group{Name: c.names[0], Value: input, Matched: true})
		return true, nil
	}
	re, err := c.regexp()
	if err != nil {
		return false, err
	}
	idx, err := re.FindStringSubmatchIndex(input)
	if idx == nil || err != nil {
		return false, err
	}
	// 3-5. For each index from 1 to the group name list's size, set
	// groups[name] to Get(execResult, index): undefined when the group did
	// not participate.
	for i, name := range c.names {
		g := Group{Name: name}
		if 2*i+3 < len(idx) && idx[2*i+2] >= 0 {
			g.Value, g.Matched = input[idx[2*i+2]:idx[2*i+3]], true
		}
		out.Groups = append(out.Groups, g)
	}
	return true, nil
}

// hasLineTerminator reports whether s has a code point "." does not match.
func hasLineTerminator(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r':
			return true
		case 0xE2: // U+2028, U+2029 are E2 80 A8, E2 80 A9
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// matchesSpecialScheme is https://urlpattern.spec.whatwg.org/#protocol-component-matches-a-special-scheme.
func (c *component) matchesSpecialScheme() bool {
	for _, scheme := range []string{"ftp", "file", "http", "https", "ws", "wss"} {
		if ok, _ := c.test(scheme); ok {
			return true
		}
	}
	return false
}
