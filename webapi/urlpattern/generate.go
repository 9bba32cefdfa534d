package urlpattern

import "strings"

// Generate builds the string component c of a URL matching the pattern,
// with groups supplying the named groups: pathname "/user/:id" and
// {"id": "1"} give "/user/1". It is URLPattern.prototype.generate(), a
// Chrome proposal (https://github.com/explainers-by-googlers/urlpattern-generate)
// that WPT tests as tentative. As in Chrome, only fixed text and named
// segment wildcards without modifiers can be generated; values are encoded
// with the component's encoding callback and must not contain the segment
// delimiter; extra groups are ignored.
func (p *Pattern) Generate(c Component, groups map[string]string) (string, error) {
	comp := p.components[c]
	var b strings.Builder
	for _, pt := range comp.parts {
		if pt.modifier != modNone {
			return "", newError("Cannot generate a " + c.String() + " from a part with a modifier ('" + modifierString(pt.modifier) + "').")
		}
		switch pt.typ {
		case partFixedText:
			b.WriteString(pt.value)
			continue
		case partFullWildcard:
			return "", newError("Cannot generate a " + c.String() + " from a wildcard ('*').")
		case partRegexp:
			return "", newError("Cannot generate a " + c.String() + " from a regular expression group ('(" + pt.value + ")').")
		}
		value, ok := groups[pt.name]
		if !ok {
			return "", newError("No value for group '" + pt.name + "' in " + c.String() + ".")
		}
		encoded, err := comp.encode(value)
		if err != nil {
			return "", newError("Invalid value '" + value + "' for group '" + pt.name + "' in " + c.String() + ".")
		}
		// The value has to match the segment wildcard it stands for.
		if encoded == "" || (comp.opts.delimiter != "" && strings.Contains(encoded, comp.opts.delimiter)) {
			return "", newError("Invalid value '" + value + "' for group '" + pt.name + "' in " + c.String() + ".")
		}
		b.WriteString(pt.prefix)
		b.WriteString(encoded)
		b.WriteString(pt.suffix)
	}
	return b.String(), nil
}
