package fetch

import "strings"

// A MIMEType is a parsed MIME type record
// (https://mimesniff.spec.whatwg.org/#mime-type-representation). Type and
// Subtype are ASCII-lowercase; parameter names are lowercase, values keep
// their case. Strings hold code points (Go strings of runes); header values
// are isomorphic-decoded before parsing.
type MIMEType struct {
	Type, Subtype string
	Params        []MIMEParam // in insertion order, names unique
}

// A MIMEParam is one parameter of a MIME type.
type MIMEParam struct{ Name, Value string }

// Essence returns "type/subtype".
func (m *MIMEType) Essence() string { return m.Type + "/" + m.Subtype }

// Param returns the value of the named parameter.
func (m *MIMEType) Param(name string) (string, bool) {
	for _, p := range m.Params {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// SetParam sets a parameter, keeping its position if it exists.
func (m *MIMEType) SetParam(name, value string) {
	for i := range m.Params {
		if m.Params[i].Name == name {
			m.Params[i].Value = value
			return
		}
	}
	m.Params = append(m.Params, MIMEParam{name, value})
}

func isHTTPWhitespace(r rune) bool { return r == '\n' || r == '\r' || r == '\t' || r == ' ' }

func isHTTPTokenCodePoint(r rune) bool {
	switch r {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

func isHTTPQuotedStringTokenCodePoint(r rune) bool {
	return r == '\t' || r >= 0x20 && r <= 0x7E || r >= 0x80 && r <= 0xFF
}

func onlyTokenCodePoints(s []rune) bool {
	for _, r := range s {
		if !isHTTPTokenCodePoint(r) {
			return false
		}
	}
	return true
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// ParseMIMEType implements "parse a MIME type"
// (https://mimesniff.spec.whatwg.org/#parse-a-mime-type). ok is false on
// failure.
func ParseMIMEType(input string) (m *MIMEType, ok bool) {
	in := []rune(input)
	// 1. Remove any leading and trailing HTTP whitespace from input.
	for len(in) > 0 && isHTTPWhitespace(in[0]) {
		in = in[1:]
	}
	for len(in) > 0 && isHTTPWhitespace(in[len(in)-1]) {
		in = in[:len(in)-1]
	}
	// 2. Let position be a position variable for input.
	pos := 0
	// 3. Let type be the result of collecting a sequence of code points that are not U+002F (/).
	start := pos
	for pos < len(in) && in[pos] != '/' {
		pos++
	}
	typ := in[start:pos]
	// 4. If type is the empty string or does not solely contain HTTP token code points, return failure.
	if len(typ) == 0 || !onlyTokenCodePoints(typ) {
		return nil, false
	}
	// 5. If position is past the end of input, then return failure.
	if pos >= len(in) {
		return nil, false
	}
	// 6. Advance position by 1. (This skips past U+002F (/).)
	pos++
	// 7. Let subtype be the result of collecting a sequence of code points that are not U+003B (;).
	start = pos
	for pos < len(in) && in[pos] != ';' {
		pos++
	}
	sub := in[start:pos]
	// 8. Remove any trailing HTTP whitespace from subtype.
	for len(sub) > 0 && isHTTPWhitespace(sub[len(sub)-1]) {
		sub = sub[:len(sub)-1]
	}
	// 9. If subtype is the empty string or does not solely contain HTTP token code points, return failure.
	if len(sub) == 0 || !onlyTokenCodePoints(sub) {
		return nil, false
	}
	// 10. Let mimeType be a new MIME type record whose type is type, in ASCII lowercase, and subtype is subtype, in ASCII lowercase.
	m = &MIMEType{Type: asciiLower(string(typ)), Subtype: asciiLower(string(sub))}
	// 11. While position is not past the end of input:
	for pos < len(in) {
		// 1. Advance position by 1. (This skips past U+003B (;).)
		pos++
		// 2. Collect a sequence of code points that are HTTP whitespace from input given position.
		for pos < len(in) && isHTTPWhitespace(in[pos]) {
			pos++
		}
		// 3. Let parameterName be the result of collecting a sequence of code points that are not U+003B (;) or U+003D (=).
		start = pos
		for pos < len(in) && in[pos] != ';' && in[pos] != '=' {
			pos++
		}
		name := in[start:pos]
		// 5. If position is not past the end of input, then:
		if pos < len(in) {
			// 1. If the code point at position within input is U+003B (;), then continue.
			if in[pos] == ';' {
				continue
			}
			// 2. Advance position by 1. (This skips past U+003D (=).)
			pos++
		}
		// 6. If position is past the end of input, then break.
		if pos >= len(in) {
			break
		}
		// 7. Let parameterValue be null.
		var value []rune
		// 8. If the code point at position within input is U+0022 ("), then:
		if in[pos] == '"' {
			// 1. Set parameterValue to the result of collecting an HTTP quoted string from input, given position and true.
			var v string
			v, pos = collectHTTPQuotedString(in, pos, true)
			value = []rune(v)
			// 2. Collect a sequence of code points that are not U+003B (;) from input, given position.
			for pos < len(in) && in[pos] != ';' {
				pos++
			}
		} else {
			// 9. Otherwise: collect a sequence of code points that are not U+003B (;).
			start = pos
			for pos < len(in) && in[pos] != ';' {
				pos++
			}
			value = in[start:pos]
			// 2. Remove any trailing HTTP whitespace from parameterValue.
			for len(value) > 0 && isHTTPWhitespace(value[len(value)-1]) {
				value = value[:len(value)-1]
			}
			// 3. If parameterValue is the empty string, then continue.
			if len(value) == 0 {
				continue
			}
		}
		// 10. If all of the following are true ... then set mimeType's parameters[parameterName] to parameterValue.
		if len(name) == 0 || !onlyTokenCodePoints(name) {
			continue
		}
		ok := true
		for _, r := range value {
			if !isHTTPQuotedStringTokenCodePoint(r) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// 4. Set parameterName to parameterName, in ASCII lowercase.
		n := asciiLower(string(name))
		if _, exists := m.Param(n); exists {
			continue
		}
		m.Params = append(m.Params, MIMEParam{n, string(value)})
	}
	return m, true
}

// collectHTTPQuotedString implements "collect an HTTP quoted string"
// (https://fetch.spec.whatwg.org/#collect-an-http-quoted-string) starting at
// in[pos] == '"'. It returns the value and the new position.
func collectHTTPQuotedString(in []rune, pos int, extractValue bool) (string, int) {
	// 1. Let positionStart be position.
	startPos := pos
	// 2. Let value be the empty string.
	var value []rune
	// 4. Advance position by 1.
	pos++
	// 5. While true:
	for {
		// 1. Append the result of collecting a sequence of code points that are not U+0022 (") or U+005C (\).
		for pos < len(in) && in[pos] != '"' && in[pos] != '\\' {
			value = append(value, in[pos])
			pos++
		}
		// 2. If position is past the end of input, then break.
		if pos >= len(in) {
			break
		}
		// 3. Let quoteOrBackslash be the code point at position within input.
		q := in[pos]
		// 4. Advance position by 1.
		pos++
		// 5. If quoteOrBackslash is U+005C (\), then:
		if q == '\\' {
			// 1. If position is past the end of input, then append U+005C (\) to value and break.
			if pos >= len(in) {
				value = append(value, '\\')
				break
			}
			// 2. Append the code point at position within input to value.
			value = append(value, in[pos])
			// 3. Advance position by 1.
			pos++
		} else {
			// 6. Otherwise: break.
			break
		}
	}
	// 6. If extract-value is true, then return value.
	if extractValue {
		return string(value), pos
	}
	// 7. Return the code points from positionStart to position, inclusive, within input.
	return string(in[startPos:pos]), pos
}

// String implements "serialize a MIME type"
// (https://mimesniff.spec.whatwg.org/#serialize-a-mime-type).
func (m *MIMEType) String() string {
	var b strings.Builder
	b.WriteString(m.Type)
	b.WriteByte('/')
	b.WriteString(m.Subtype)
	for _, p := range m.Params {
		b.WriteByte(';')
		b.WriteString(p.Name)
		b.WriteByte('=')
		v := p.Value
		if v == "" || !onlyTokenCodePoints([]rune(v)) {
			b.WriteByte('"')
			for _, r := range v {
				if r == '"' || r == '\\' {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			b.WriteByte('"')
		} else {
			b.WriteString(v)
		}
	}
	return b.String()
}
