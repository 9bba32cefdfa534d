package nextapi

import "strings"

// ParseContentType parses a Content-Type header with the rules of the
// `content-type` npm package that Next's parse-body uses, returning the
// lower-cased media type and the charset parameter as written. It is
// hand-written rather than mime.ParseMediaType because the two disagree on
// what is malformed (content-type rejects a trailing ";", a parameter
// without a value, or spaces inside the type), and a malformed header
// changes how Next parses the body (it falls back to text/plain).
func ParseContentType(header string) (mediaType, charset string, ok bool) {
	s := header
	semi := strings.IndexByte(s, ';')
	typ := s
	if semi >= 0 {
		typ = s[:semi]
	}
	typ = strings.TrimSpace(typ)
	slash := strings.IndexByte(typ, '/')
	if slash <= 0 || slash == len(typ)-1 || !isToken(typ[:slash]) || !isToken(typ[slash+1:]) {
		return "", "", false
	}
	mediaType = strings.ToLower(typ)
	if semi < 0 {
		return mediaType, "", true
	}
	// PARAM_REGEXP: /; *(token) *= *("quoted"|token) */g, matched back to
	// back until the end of the header.
	i := semi
	for i < len(s) {
		if s[i] != ';' {
			return "", "", false
		}
		i++
		i = skipSpaces(s, i)
		start := i
		for i < len(s) && isTokenChar(s[i]) {
			i++
		}
		if i == start {
			return "", "", false
		}
		name := strings.ToLower(s[start:i])
		i = skipSpaces(s, i)
		if i >= len(s) || s[i] != '=' {
			return "", "", false
		}
		i = skipSpaces(s, i+1)
		var value string
		if i < len(s) && s[i] == '"' {
			var b strings.Builder
			i++
			closed := false
			for i < len(s) {
				c := s[i]
				if c == '"' {
					closed = true
					i++
					break
				}
				if c == '\\' {
					if i+1 >= len(s) || !isQuotedPairChar(s[i+1]) {
						return "", "", false
					}
					b.WriteByte(s[i+1])
					i += 2
					continue
				}
				if !isQDText(c) {
					return "", "", false
				}
				b.WriteByte(c)
				i++
			}
			if !closed {
				return "", "", false
			}
			value = b.String()
		} else {
			vs := i
			for i < len(s) && isTokenChar(s[i]) {
				i++
			}
			if i == vs {
				return "", "", false
			}
			value = s[vs:i]
		}
		i = skipSpaces(s, i)
		if name == "charset" {
			charset = value
		}
	}
	return mediaType, charset, true
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) {
			return false
		}
	}
	return s != ""
}

// isTokenChar is RFC 7230's tchar.
func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+.^_`|~-", c) >= 0
}

// isQDText is content-type's qdtext: \v, space, ! and #-[ ]-~ plus obs-text.
func isQDText(c byte) bool {
	return c == 0x0b || c == 0x20 || c == 0x21 || (0x23 <= c && c <= 0x5b) || (0x5d <= c && c <= 0x7e) || c >= 0x80
}

func isQuotedPairChar(c byte) bool { return c == 0x0b || c >= 0x20 }
