package urlpattern

import "strings"

// generateRegexp is https://urlpattern.spec.whatwg.org/#generate-a-regular-expression-and-name-list.
func generateRegexp(parts []part, opts options) (string, []string) {
	var b strings.Builder
	// 1. Let result be "^".
	b.WriteByte('^')
	// 2. Let name list be a new list.
	var names []string
	// 3. For each part of part list:
	for _, pt := range parts {
		// 3.1. If part's type is "fixed-text":
		if pt.typ == partFixedText {
			if pt.modifier == modNone {
				// 3.1.1. If modifier is "none", append escape a regexp string(value).
				b.WriteString(escapeRegexpString(pt.value))
			} else {
				// 3.1.2. Otherwise append "(?:" + escaped value + ")" + modifier.
				b.WriteString("(?:")
				b.WriteString(escapeRegexpString(pt.value))
				b.WriteByte(')')
				b.WriteString(modifierString(pt.modifier))
			}
			// 3.1.3. Continue.
			continue
		}
		// 3.2. Assert: part's name is not the empty string.
		// 3.3. Append part's name to name list.
		names = append(names, pt.name)
		// 3.4. Let regexp value be part's value.
		regexpValue := pt.value
		switch pt.typ {
		case partSegmentWildcard:
			// 3.5. If type is "segment-wildcard", regexp value is the segment wildcard regexp.
			regexpValue = segmentWildcardRegexp(opts)
		case partFullWildcard:
			// 3.6. Otherwise if "full-wildcard", the full wildcard regexp value.
			regexpValue = fullWildcardRegexp
		}
		// 3.7. If part's prefix and suffix are the empty string:
		if pt.prefix == "" && pt.suffix == "" {
			if pt.modifier == modNone || pt.modifier == modOptional {
				// 3.7.1. "(" + regexp value + ")" + modifier.
				b.WriteByte('(')
				b.WriteString(regexpValue)
				b.WriteByte(')')
				b.WriteString(modifierString(pt.modifier))
			} else {
				// 3.7.2. "((?:" + regexp value + ")" + modifier + ")".
				b.WriteString("((?:")
				b.WriteString(regexpValue)
				b.WriteByte(')')
				b.WriteString(modifierString(pt.modifier))
				b.WriteByte(')')
			}
			// 3.7.3. Continue.
			continue
		}
		// 3.8. If modifier is "none" or "optional":
		// "(?:" + prefix + "(" + regexp value + ")" + suffix + ")" + modifier.
		if pt.modifier == modNone || pt.modifier == modOptional {
			b.WriteString("(?:")
			b.WriteString(escapeRegexpString(pt.prefix))
			b.WriteByte('(')
			b.WriteString(regexpValue)
			b.WriteByte(')')
			b.WriteString(escapeRegexpString(pt.suffix))
			b.WriteByte(')')
			b.WriteString(modifierString(pt.modifier))
			continue
		}
		// 3.9-3.10. Assert: repeating, with a prefix or suffix.
		// 3.11-3.22. "(?:" prefix "((?:" value ")(?:" suffix prefix "(?:"
		// value "))*)" suffix ")" and "?" for zero-or-more.
		b.WriteString("(?:")
		b.WriteString(escapeRegexpString(pt.prefix))
		b.WriteString("((?:")
		b.WriteString(regexpValue)
		b.WriteString(")(?:")
		b.WriteString(escapeRegexpString(pt.suffix))
		b.WriteString(escapeRegexpString(pt.prefix))
		b.WriteString("(?:")
		b.WriteString(regexpValue)
		b.WriteString("))*)")
		b.WriteString(escapeRegexpString(pt.suffix))
		b.WriteByte(')')
		if pt.modifier == modZeroOrMore {
			b.WriteByte('?')
		}
	}
	// 4. Append "$" to the end of result.
	b.WriteByte('$')
	// 5. Return (result, name list).
	return b.String(), names
}

// escapeRegexpString is https://urlpattern.spec.whatwg.org/#escape-a-regexp-string.
func escapeRegexpString(input string) string {
	if !strings.ContainsAny(input, `.+*?^${}()[]|/\`) {
		return input
	}
	var b strings.Builder
	for i := 0; i < len(input); i++ {
		c := input[i]
		if strings.IndexByte(`.+*?^${}()[]|/\`, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
