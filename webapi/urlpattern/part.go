package urlpattern

// https://urlpattern.spec.whatwg.org/#parts

type partType uint8

// The numeric order matters: compareComponent ranks fixed text above
// regexps above segment wildcards above full wildcards (Chrome's order).
const (
	partFullWildcard    partType = iota // "full-wildcard": *
	partSegmentWildcard                 // "segment-wildcard": :name
	partRegexp                          // "regexp": (...)
	partFixedText                       // "fixed-text"
)

type modifier uint8

// Ranked for compareComponent: none > one-or-more > optional > zero-or-more.
const (
	modZeroOrMore modifier = iota // "*"
	modOptional                   // "?"
	modOneOrMore                  // "+"
	modNone
)

// A part is one piece of a parsed pattern string: at most one matching
// group, a fixed prefix and suffix, and a modifier.
type part struct {
	typ      partType
	value    string
	modifier modifier
	name     string
	prefix   string
	suffix   string
}

// options are https://urlpattern.spec.whatwg.org/#options: the delimiter
// and prefix code points ("" or one ASCII character) and ignore case.
type options struct {
	delimiter  string
	prefix     string
	ignoreCase bool
}

var (
	// defaultOptions has no delimiter and no prefix code point.
	defaultOptions = options{}
	// hostnameOptions delimits segments with ".".
	hostnameOptions = options{delimiter: "."}
	// pathnameOptions delimits segments with "/" and uses it as prefix.
	pathnameOptions = options{delimiter: "/", prefix: "/"}
)

// modifierString is https://urlpattern.spec.whatwg.org/#convert-a-modifier-to-a-string.
func modifierString(m modifier) string {
	switch m {
	case modZeroOrMore:
		return "*"
	case modOptional:
		return "?"
	case modOneOrMore:
		return "+"
	}
	return ""
}

// fullWildcardRegexp is the full wildcard regexp value.
const fullWildcardRegexp = ".*"

// segmentWildcardRegexp is https://urlpattern.spec.whatwg.org/#generate-a-segment-wildcard-regexp.
func segmentWildcardRegexp(o options) string {
	// 1-4. "[^" + escape a regexp string(delimiter code point) + "]+?".
	return "[^" + escapeRegexpString(o.delimiter) + "]+?"
}
