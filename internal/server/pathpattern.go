package server

// next.config headers()/redirects()/rewrites() sources and middleware
// matchers are path-to-regexp 6 patterns (`/blog/:slug`, `/:path*`,
// `/api/(.*)`, `{/:locale}?`), and their regular expressions are
// JavaScript ones: matcher examples in Next's docs use lookahead
// (`/((?!api|_next/static).*)`), which Go's RE2 engine lacks. So the
// pattern is compiled here, following path-to-regexp's lexer, parser and
// tokensToRegexp step by step, into regexp2 in ECMAScript mode. No Go
// library implements path-to-regexp; the grammar is small.

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// patternMatchTimeout bounds one match of a user-written pattern, so a
// catastrophically backtracking regex fails one request instead of
// pinning a CPU.
const patternMatchTimeout = 100 * time.Millisecond

// patternToken is a literal (name == "" && pattern == "") or a parameter.
type patternToken struct {
	literal  string
	name     string // "0", "1"... for unnamed groups
	prefix   string
	suffix   string
	pattern  string
	modifier string // "", "?", "*" or "+"
}

func (t patternToken) isParam() bool  { return t.pattern != "" }
func (t patternToken) isRepeat() bool { return t.modifier == "*" || t.modifier == "+" }
func (t patternToken) optional() bool { return t.modifier == "?" || t.modifier == "*" }

// patternOptions are the path-to-regexp options Next uses.
type patternOptions struct {
	// Sensitive makes the match case-sensitive (default: insensitive).
	Sensitive bool
	// Strict drops the optional trailing delimiter.
	Strict bool
	// Delimiter is the segment delimiter set; "" means "/" (Next's
	// getPathMatch). Middleware matchers use path-to-regexp's default
	// "/#?".
	Delimiter string
}

func (o patternOptions) delimiter() string {
	if o.Delimiter == "" {
		return "/"
	}
	return o.Delimiter
}

// pathPattern is one compiled pattern.
type pathPattern struct {
	source string
	tokens []patternToken
	params []patternToken // in capture-group order
	regex  string         // the JavaScript source, as Next computes it
	re     *regexp2.Regexp
}

// paramValue is a matched parameter: one value, or a list for repeated
// (`*`, `+`) parameters.
type paramValue struct {
	values []string
	array  bool
}

func (v paramValue) String() string { return strings.Join(v.values, "/") }

// routeParams are a rule's parameters by name.
type routeParams map[string]paramValue

// compilePattern compiles a path-to-regexp pattern.
func compilePattern(source string, opts patternOptions) (*pathPattern, error) {
	tokens, err := parsePattern(source, opts.delimiter())
	if err != nil {
		return nil, err
	}
	p := &pathPattern{source: source, tokens: tokens}
	p.regex = tokensToRegexp(tokens, opts)
	for _, t := range tokens {
		if t.isParam() {
			p.params = append(p.params, t)
		}
	}
	re, err := compileJSRegexp(p.regex, !opts.Sensitive)
	if err != nil {
		return nil, fmt.Errorf("server: pattern %q: %w", source, err)
	}
	p.re = re
	return p, nil
}

// compileJSRegexp compiles a JavaScript regular expression source.
func compileJSRegexp(src string, ignoreCase bool) (*regexp2.Regexp, error) {
	flags := regexp2.ECMAScript
	if ignoreCase {
		flags |= regexp2.IgnoreCase
	}
	re, err := regexp2.Compile(src, flags, regexp2.OptionMaintainCaptureOrder())
	if err != nil {
		return nil, err
	}
	re.MatchTimeout = patternMatchTimeout
	return re, nil
}

// match matches a whole path; params hold the captures, repeated
// parameters split on their prefix+suffix as path-to-regexp's
// regexpToFunction does (values are not decoded).
func (p *pathPattern) match(path string) (routeParams, bool) {
	m, err := p.re.FindStringMatch(path)
	if err != nil || m == nil {
		return nil, false
	}
	params := routeParams{}
	for i, t := range p.params {
		g := m.GroupByNumber(i + 1)
		if g == nil || len(g.Captures) == 0 {
			continue
		}
		v := g.String()
		if t.isRepeat() {
			params[t.name] = paramValue{values: strings.Split(v, t.prefix+t.suffix), array: true}
		} else {
			params[t.name] = paramValue{values: []string{v}}
		}
	}
	return params, true
}

// hasParam reports whether the pattern declares a parameter called name.
func (p *pathPattern) hasParam(name string) bool {
	for _, t := range p.params {
		if t.name == name {
			return true
		}
	}
	return false
}

// compile fills the pattern with params, as path-to-regexp's compile with
// `validate: false` does (destinations): a missing optional parameter
// disappears with its prefix, a missing required one is an error.
func (p *pathPattern) compile(params routeParams) (string, error) {
	var b strings.Builder
	for _, t := range p.tokens {
		if !t.isParam() && t.name == "" {
			b.WriteString(t.literal)
			continue
		}
		v, ok := params[t.name]
		if !ok || len(v.values) == 0 {
			if t.optional() {
				continue
			}
			kind := "a string"
			if t.isRepeat() {
				kind = "an array"
			}
			return "", fmt.Errorf("server: Expected %q to be %s", t.name, kind)
		}
		if v.array && !t.isRepeat() && len(v.values) > 1 {
			return "", fmt.Errorf("server: Expected %q to not repeat, but got an array", t.name)
		}
		for i, s := range v.values {
			if i > 0 && !t.isRepeat() {
				break
			}
			b.WriteString(t.prefix)
			b.WriteString(s)
			b.WriteString(t.suffix)
		}
	}
	return b.String(), nil
}

// lexToken is one token of path-to-regexp's lexer.
type lexToken struct {
	kind  string // MODIFIER, ESCAPED_CHAR, OPEN, CLOSE, NAME, PATTERN, CHAR, END
	index int
	value string
}

// lexPattern is path-to-regexp's lexer, with its error messages.
func lexPattern(str string) ([]lexToken, error) {
	var tokens []lexToken
	i := 0
	for i < len(str) {
		c := str[i]
		switch {
		case c == '*' || c == '+' || c == '?':
			tokens = append(tokens, lexToken{"MODIFIER", i, str[i : i+1]})
			i++
			continue
		case c == '\\':
			if i+1 >= len(str) {
				tokens = append(tokens, lexToken{"ESCAPED_CHAR", i, ""})
				i++
				continue
			}
			_, n := firstRune(str[i+1:])
			tokens = append(tokens, lexToken{"ESCAPED_CHAR", i, str[i+1 : i+1+n]})
			i += 1 + n
			continue
		case c == '{':
			tokens = append(tokens, lexToken{"OPEN", i, "{"})
			i++
			continue
		case c == '}':
			tokens = append(tokens, lexToken{"CLOSE", i, "}"})
			i++
			continue
		case c == ':':
			j := i + 1
			for j < len(str) && isNameByte(str[j]) {
				j++
			}
			if j == i+1 {
				return nil, fmt.Errorf("Missing parameter name at %d", i)
			}
			tokens = append(tokens, lexToken{"NAME", i, str[i+1 : j]})
			i = j
			continue
		case c == '(':
			count, j := 1, i+1
			var pattern strings.Builder
			if j < len(str) && str[j] == '?' {
				return nil, fmt.Errorf("Pattern cannot start with \"?\" at %d", j)
			}
			for j < len(str) {
				if str[j] == '\\' {
					end := min(j+2, len(str))
					pattern.WriteString(str[j:end])
					j = end
					continue
				}
				if str[j] == ')' {
					count--
					if count == 0 {
						j++
						break
					}
				} else if str[j] == '(' {
					count++
					if j+1 >= len(str) || str[j+1] != '?' {
						return nil, fmt.Errorf("Capturing groups are not allowed at %d", j)
					}
				}
				pattern.WriteByte(str[j])
				j++
			}
			if count != 0 {
				return nil, fmt.Errorf("Unbalanced pattern at %d", i)
			}
			if pattern.Len() == 0 {
				return nil, fmt.Errorf("Missing pattern at %d", i)
			}
			tokens = append(tokens, lexToken{"PATTERN", i, pattern.String()})
			i = j
			continue
		}
		_, n := firstRune(str[i:])
		tokens = append(tokens, lexToken{"CHAR", i, str[i : i+n]})
		i += n
	}
	return append(tokens, lexToken{"END", i, ""}), nil
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

func isNameByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// parsePattern is path-to-regexp's parse with the default prefixes "./";
// a parameter without a pattern gets `[^${escapeString(delimiter)}]+?`.
func parsePattern(str, delimiter string) ([]patternToken, error) {
	defaultParamPattern := "[^" + escapePatternString(delimiter) + "]+?"
	lex, err := lexPattern(str)
	if err != nil {
		return nil, err
	}
	const prefixes = "./"
	var result []patternToken
	key, i := 0, 0
	path := ""
	try := func(kind string) (string, bool) {
		if i < len(lex) && lex[i].kind == kind {
			i++
			return lex[i-1].value, true
		}
		return "", false
	}
	must := func(kind string) error {
		if _, ok := try(kind); ok {
			return nil
		}
		return fmt.Errorf("Unexpected %s at %d, expected %s", lex[i].kind, lex[i].index, kind)
	}
	text := func() string {
		var b strings.Builder
		for {
			if v, ok := try("CHAR"); ok {
				b.WriteString(v)
				continue
			}
			if v, ok := try("ESCAPED_CHAR"); ok {
				b.WriteString(v)
				continue
			}
			return b.String()
		}
	}
	flush := func() {
		if path != "" {
			result = append(result, patternToken{literal: path})
			path = ""
		}
	}
	for i < len(lex) {
		char, hasChar := try("CHAR")
		name, hasName := try("NAME")
		pattern, hasPattern := try("PATTERN")
		if hasName || hasPattern {
			prefix := char
			if !strings.Contains(prefixes, prefix) {
				path += prefix
				prefix = ""
			}
			flush()
			if !hasName {
				name = fmt.Sprint(key)
				key++
			}
			if !hasPattern {
				pattern = defaultParamPattern
			}
			mod, _ := try("MODIFIER")
			result = append(result, patternToken{name: name, prefix: prefix, pattern: pattern, modifier: mod})
			continue
		}
		if hasChar {
			path += char
			continue
		}
		if v, ok := try("ESCAPED_CHAR"); ok {
			path += v
			continue
		}
		flush()
		if _, ok := try("OPEN"); ok {
			prefix := text()
			name, _ := try("NAME")
			pattern, _ := try("PATTERN")
			suffix := text()
			if err := must("CLOSE"); err != nil {
				return nil, err
			}
			if name == "" && pattern != "" {
				name = fmt.Sprint(key)
				key++
			}
			if name != "" && pattern == "" {
				pattern = defaultParamPattern
			}
			mod, _ := try("MODIFIER")
			result = append(result, patternToken{literal: prefix + suffix, name: name, prefix: prefix, suffix: suffix, pattern: pattern, modifier: mod})
			continue
		}
		if err := must("END"); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// escapePatternString is path-to-regexp's escapeString.
func escapePatternString(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`.+*?=^!:${}()[]|/\`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// tokensToRegexp is path-to-regexp's, with start and end true.
func tokensToRegexp(tokens []patternToken, opts patternOptions) string {
	delimiterRe := "[" + escapePatternString(opts.delimiter()) + "]"
	var b strings.Builder
	b.WriteString("^")
	for _, t := range tokens {
		if !t.isParam() && t.name == "" && t.modifier == "" && t.prefix == "" && t.suffix == "" {
			b.WriteString(escapePatternString(t.literal))
			continue
		}
		prefix, suffix := escapePatternString(t.prefix), escapePatternString(t.suffix)
		switch {
		case !t.isParam():
			fmt.Fprintf(&b, "(?:%s%s)%s", prefix, suffix, t.modifier)
		case prefix != "" || suffix != "":
			if t.isRepeat() {
				mod := ""
				if t.modifier == "*" {
					mod = "?"
				}
				fmt.Fprintf(&b, "(?:%s((?:%s)(?:%s%s(?:%s))*)%s)%s", prefix, t.pattern, suffix, prefix, t.pattern, suffix, mod)
			} else {
				fmt.Fprintf(&b, "(?:%s(%s)%s)%s", prefix, t.pattern, suffix, t.modifier)
			}
		default:
			if t.isRepeat() {
				fmt.Fprintf(&b, "((?:%s)%s)", t.pattern, t.modifier)
			} else {
				fmt.Fprintf(&b, "(%s)%s", t.pattern, t.modifier)
			}
		}
	}
	if !opts.Strict {
		b.WriteString(delimiterRe + "?")
	}
	b.WriteString("$")
	return b.String()
}
