package file

import "strings"

// mimeCharset returns the charset parameter of a MIME type string, parsed
// by https://mimesniff.spec.whatwg.org/#parse-a-mime-type (FileReader's
// readAsText falls back to it). ok is false when the MIME type does not
// parse or has no charset.
func mimeCharset(input string) (string, bool) {
	const whitespace = "\t\n\r "
	isToken := func(s string) bool {
		if s == "" {
			return false
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c <= 0x20 || c >= 0x7F || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
				return false
			}
		}
		return true
	}
	// 1. Remove any leading and trailing HTTP whitespace from input.
	s := strings.Trim(input, whitespace)
	// 2-5. type: up to "/", a non-empty token.
	slash := strings.IndexByte(s, '/')
	if slash < 0 || !isToken(s[:slash]) {
		return "", false
	}
	s = s[slash+1:]
	// 6-9. subtype: up to ";", trailing whitespace removed, a non-empty token.
	semi := strings.IndexByte(s, ';')
	sub := s
	if semi >= 0 {
		sub, s = s[:semi], s[semi:]
	} else {
		s = ""
	}
	if !isToken(strings.TrimRight(sub, whitespace)) {
		return "", false
	}
	// 11. While position is not past the end of input: parameters.
	for len(s) > 0 {
		// 11.1. Advance position by 1 (skip ";"). 11.2. Skip HTTP whitespace.
		s = strings.TrimLeft(s[1:], whitespace)
		// 11.3. parameterName: up to ";" or "=".
		i := strings.IndexAny(s, ";=")
		name := s
		if i < 0 {
			s = ""
		} else {
			name, s = s[:i], s[i:]
		}
		name = strings.ToLower(name)
		// 11.5. If position is not past the end: if the code point is ";", continue; otherwise advance by 1.
		if s == "" {
			break
		}
		if s[0] == ';' {
			continue
		}
		s = s[1:]
		// 11.7. parameterValue, quoted or not.
		var value string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			s = s[1:]
			for len(s) > 0 {
				c := s[0]
				s = s[1:]
				if c == '"' {
					break
				}
				if c == '\\' && len(s) > 0 {
					c, s = s[0], s[1:]
				} else if c == '\\' {
					b.WriteByte('\\')
					break
				}
				b.WriteByte(c)
			}
			value = b.String()
			// Collect (and ignore) anything up to the next ";".
			if j := strings.IndexByte(s, ';'); j >= 0 {
				s = s[j:]
			} else {
				s = ""
			}
		} else {
			j := strings.IndexByte(s, ';')
			if j >= 0 {
				value, s = s[:j], s[j:]
			} else {
				value, s = s, ""
			}
			value = strings.TrimRight(value, whitespace)
			if value == "" {
				continue
			}
		}
		// 11.10. The first "charset" whose name and value are valid wins.
		if name == "charset" && isToken(name) && validParamValue(value) {
			return value, true
		}
	}
	return "", false
}

// validParamValue reports whether every code point is an HTTP quoted-string token code point.
func validParamValue(v string) bool {
	for _, r := range v {
		if !(r == '\t' || r >= 0x20 && r <= 0x7E || r >= 0x80 && r <= 0xFF) {
			return false
		}
	}
	return true
}
