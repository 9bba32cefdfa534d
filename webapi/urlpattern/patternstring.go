package urlpattern

import (
	"strings"
	"unicode/utf8"
)

// generatePatternString is https://urlpattern.spec.whatwg.org/#generate-a-pattern-string.
func generatePatternString(parts []part, opts options) string {
	var b strings.Builder
	// 1-2. Let result be the empty string and index list the part indices.
	// 3. For each index of index list:
	for i := range parts {
		// 3.1-3.3. Let part, previous part and next part be the parts at
		// index, index − 1 and index + 1 (or null).
		pt := &parts[i]
		var prev, next *part
		if i > 0 {
			prev = &parts[i-1]
		}
		if i < len(parts)-1 {
			next = &parts[i+1]
		}
		// 3.4. If part's type is "fixed-text":
		if pt.typ == partFixedText {
			// 3.4.1. If modifier is "none": append the escaped value; continue.
			if pt.modifier == modNone {
				b.WriteString(escapePatternString(pt.value))
				continue
			}
			// 3.4.2-5. Append "{" + escaped value + "}" + modifier; continue.
			b.WriteByte('{')
			b.WriteString(escapePatternString(pt.value))
			b.WriteByte('}')
			b.WriteString(modifierString(pt.modifier))
			continue
		}
		// 3.5. Let custom name be true if part's name[0] is not an ASCII digit.
		customName := !isASCIIDigit(pt.name[0])
		// 3.6. Let needs grouping be true if part's suffix is not empty, or
		// its prefix is not empty and not options's prefix code point.
		needsGrouping := pt.suffix != "" || (pt.prefix != "" && pt.prefix != opts.prefix)
		// 3.7. If needs grouping is false, custom name is true, type is
		// "segment-wildcard", modifier is "none", next part is not null and
		// next part's prefix and suffix are empty:
		if !needsGrouping && customName && pt.typ == partSegmentWildcard && pt.modifier == modNone &&
			next != nil && next.prefix == "" && next.suffix == "" {
			if next.typ == partFixedText {
				// 3.7.1. If next part is "fixed-text": needs grouping is true
				// if its value's first code point is a valid name code point
				// (not first).
				r, _ := utf8.DecodeRuneInString(next.value)
				needsGrouping = next.value != "" && isValidNameCodePoint(r, false)
			} else {
				// 3.7.2. Otherwise: needs grouping is true if next part's
				// name[0] is an ASCII digit.
				needsGrouping = isASCIIDigit(next.name[0])
			}
		}
		// 3.8. If needs grouping is false, prefix is empty, previous part is
		// "fixed-text" and its value's last code point is options's prefix
		// code point: needs grouping is true.
		if !needsGrouping && pt.prefix == "" && prev != nil && prev.typ == partFixedText &&
			opts.prefix != "" && strings.HasSuffix(prev.value, opts.prefix) {
			needsGrouping = true
		}
		// 3.9. Assert: part's name is not the empty string or null.
		// 3.10. If needs grouping is true, append "{".
		if needsGrouping {
			b.WriteByte('{')
		}
		// 3.11. Append the escaped prefix.
		b.WriteString(escapePatternString(pt.prefix))
		// 3.12. If custom name is true: append ":" and the name.
		if customName {
			b.WriteByte(':')
			b.WriteString(pt.name)
		}
		switch {
		case pt.typ == partRegexp:
			// 3.13. If type is "regexp": append "(" + value + ")".
			b.WriteByte('(')
			b.WriteString(pt.value)
			b.WriteByte(')')
		case pt.typ == partSegmentWildcard && !customName:
			// 3.14. Otherwise if "segment-wildcard" and custom name is false:
			// append "(" + segment wildcard regexp + ")".
			b.WriteByte('(')
			b.WriteString(segmentWildcardRegexp(opts))
			b.WriteByte(')')
		case pt.typ == partFullWildcard:
			// 3.15. Otherwise if "full-wildcard":
			if !customName && (prev == nil || prev.typ == partFixedText || prev.modifier != modNone ||
				needsGrouping || pt.prefix != "") {
				// 3.15.1. append "*".
				b.WriteByte('*')
			} else {
				// 3.15.2. Otherwise append "(" + full wildcard regexp value + ")".
				b.WriteByte('(')
				b.WriteString(fullWildcardRegexp)
				b.WriteByte(')')
			}
		}
		// 3.16. If type is "segment-wildcard", custom name is true, suffix is
		// not empty and its first code point is a valid name code point (not
		// first): append "\".
		if pt.typ == partSegmentWildcard && customName && pt.suffix != "" {
			if r, _ := utf8.DecodeRuneInString(pt.suffix); isValidNameCodePoint(r, false) {
				b.WriteByte('\\')
			}
		}
		// 3.17. Append the escaped suffix.
		b.WriteString(escapePatternString(pt.suffix))
		// 3.18. If needs grouping is true, append "}".
		if needsGrouping {
			b.WriteByte('}')
		}
		// 3.19. Append the modifier.
		b.WriteString(modifierString(pt.modifier))
	}
	// 4. Return result.
	return b.String()
}

// escapePatternString is https://urlpattern.spec.whatwg.org/#escape-a-pattern-string.
func escapePatternString(input string) string {
	const special = `+*?:{}()\`
	if !strings.ContainsAny(input, special) {
		return input
	}
	var b strings.Builder
	for i := 0; i < len(input); i++ {
		c := input[i]
		if strings.IndexByte(special, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
