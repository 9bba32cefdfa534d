package fetch

import "strings"

// isHeaderName reports whether name matches the field-name token production
// (https://fetch.spec.whatwg.org/#header-name).
func isHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isTokenByte(name[i]) {
			return false
		}
	}
	return true
}

func isTokenByte(c byte) bool {
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isHeaderValue reports whether value is a header value
// (https://fetch.spec.whatwg.org/#header-value): no leading or trailing
// HTTP tab or space bytes, no NUL or HTTP newline bytes.
func isHeaderValue(value string) bool {
	if n := len(value); n > 0 {
		if c := value[0]; c == '\t' || c == ' ' {
			return false
		}
		if c := value[n-1]; c == '\t' || c == ' ' {
			return false
		}
	}
	for i := 0; i < len(value); i++ {
		switch value[i] {
		case 0, '\n', '\r':
			return false
		}
	}
	return true
}

func isHTTPWhitespaceByte(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// normalizeHeaderValue removes leading and trailing HTTP whitespace bytes
// (https://fetch.spec.whatwg.org/#concept-header-value-normalize).
func normalizeHeaderValue(v string) string {
	i, j := 0, len(v)
	for i < j && isHTTPWhitespaceByte(v[i]) {
		i++
	}
	for j > i && isHTTPWhitespaceByte(v[j-1]) {
		j--
	}
	return v[i:j]
}

// forbiddenRequestHeaderNames are the names of https://fetch.spec.whatwg.org/#forbidden-request-header (step 1), lowercase.
var forbiddenRequestHeaderNames = map[string]bool{
	"accept-charset": true, "accept-encoding": true, "access-control-request-headers": true,
	"access-control-request-method": true, "connection": true, "content-length": true, "cookie": true,
	"cookie2": true, "date": true, "dnt": true, "expect": true, "host": true, "keep-alive": true,
	"origin": true, "referer": true, "set-cookie": true, "te": true, "trailer": true,
	"transfer-encoding": true, "upgrade": true, "via": true,
}

// isForbiddenRequestHeader implements "forbidden request-header"; lower is the byte-lowercased name.
func isForbiddenRequestHeader(lower, value string) bool {
	// 1. If name is a byte-case-insensitive match for one of ... then return true.
	if forbiddenRequestHeaderNames[lower] {
		return true
	}
	// 2. If name when byte-lowercased starts with `proxy-` or `sec-`, then return true.
	if strings.HasPrefix(lower, "proxy-") || strings.HasPrefix(lower, "sec-") {
		return true
	}
	// 3. If name is X-HTTP-Method, X-HTTP-Method-Override or X-Method-Override, then
	//    for each method of the result of getting, decoding, and splitting value:
	//    if the isomorphic encoding of method is a forbidden method, then return true.
	switch lower {
	case "x-http-method", "x-http-method-override", "x-method-override":
		for _, m := range getDecodeSplit(value) {
			if isForbiddenMethod(isomorphicEncode(m)) {
				return true
			}
		}
	}
	return false
}

// isForbiddenResponseHeaderName implements "forbidden response-header name".
func isForbiddenResponseHeaderName(lower string) bool {
	return lower == "set-cookie" || lower == "set-cookie2"
}

// isNoCORSSafelistedName implements "no-CORS-safelisted request-header name".
func isNoCORSSafelistedName(lower string) bool {
	switch lower {
	case "accept", "accept-language", "content-language", "content-type":
		return true
	}
	return false
}

// isPrivilegedNoCORSName implements "privileged no-CORS request-header name".
func isPrivilegedNoCORSName(lower string) bool { return lower == "range" }

// isNoCORSSafelistedRequestHeader implements "no-CORS-safelisted request-header".
func isNoCORSSafelistedRequestHeader(lower, value string) bool {
	return isNoCORSSafelistedName(lower) && isCORSSafelistedRequestHeader(lower, value)
}

// isCORSSafelistedRequestHeader implements "CORS-safelisted request-header"
// (https://fetch.spec.whatwg.org/#cors-safelisted-request-header).
func isCORSSafelistedRequestHeader(lower, value string) bool {
	// 1. If value's length is greater than 128, then return false.
	if len(value) > 128 {
		return false
	}
	// 2. Byte-lowercase name and switch on the result:
	switch lower {
	case "accept":
		if hasCORSUnsafeByte(value) {
			return false
		}
	case "accept-language", "content-language":
		for i := 0; i < len(value); i++ {
			c := value[i]
			if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
				continue
			}
			switch c {
			case ' ', '*', ',', '-', '.', ';', '=':
				continue
			}
			return false
		}
	case "content-type":
		// 1. If value contains a CORS-unsafe request-header byte, then return false.
		if hasCORSUnsafeByte(value) {
			return false
		}
		// 2. Let mimeType be the result of parsing the result of isomorphic decoding value.
		m, ok := ParseMIMEType(isomorphicDecode(value))
		// 3. If mimeType is failure, then return false.
		if !ok {
			return false
		}
		// 4. If mimeType's essence is not one of the three, then return false.
		switch m.Essence() {
		case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain":
		default:
			return false
		}
	case "range":
		start, _, ok := parseSingleRange(value, false)
		if !ok || start < 0 {
			return false
		}
	default:
		return false
	}
	// 3. Return true.
	return true
}

// hasCORSUnsafeByte reports whether value contains a CORS-unsafe request-header byte.
func hasCORSUnsafeByte(value string) bool {
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c < 0x20 && c != '\t' {
			return true
		}
		switch c {
		case '"', '(', ')', ':', '<', '>', '?', '@', '[', '\\', ']', '{', '}', 0x7F:
			return true
		}
	}
	return false
}

// parseSingleRange implements "parse a single range header value"
// (https://fetch.spec.whatwg.org/#simple-range-header-value). A missing
// start or end is -1.
func parseSingleRange(value string, allowWhitespace bool) (start, end int64, ok bool) {
	data := isomorphicDecode(value)
	if !strings.HasPrefix(data, "bytes") {
		return 0, 0, false
	}
	pos := 5
	skipWS := func() {
		if allowWhitespace {
			for pos < len(data) && (data[pos] == ' ' || data[pos] == '\t') {
				pos++
			}
		}
	}
	digits := func() (int64, bool) {
		s := pos
		var n int64
		for pos < len(data) && data[pos] >= '0' && data[pos] <= '9' {
			if n < 1<<53 {
				n = n*10 + int64(data[pos]-'0')
			}
			pos++
		}
		return n, pos > s
	}
	skipWS()
	if pos >= len(data) || data[pos] != '=' {
		return 0, 0, false
	}
	pos++
	skipWS()
	s, hasStart := digits()
	skipWS()
	if pos >= len(data) || data[pos] != '-' {
		return 0, 0, false
	}
	pos++
	skipWS()
	e, hasEnd := digits()
	if pos < len(data) {
		return 0, 0, false
	}
	if !hasStart && !hasEnd {
		return 0, 0, false
	}
	if hasStart && hasEnd && s > e {
		return 0, 0, false
	}
	start, end = -1, -1
	if hasStart {
		start = s
	}
	if hasEnd {
		end = e
	}
	return start, end, true
}

// getDecodeSplit implements "get, decode, and split" for a header value
// (https://fetch.spec.whatwg.org/#header-value-get-decode-and-split).
func getDecodeSplit(value string) []string {
	// 1. Let input be the result of isomorphic decoding value.
	input := []rune(isomorphicDecode(value))
	pos := 0
	var values []string
	var tmp []rune
	for {
		// 1. Append the result of collecting code points that are not U+0022 (") or U+002C (,).
		for pos < len(input) && input[pos] != '"' && input[pos] != ',' {
			tmp = append(tmp, input[pos])
			pos++
		}
		// 2. If position is not past the end of input and the code point is U+0022 ("):
		if pos < len(input) && input[pos] == '"' {
			var q string
			q, pos = collectHTTPQuotedString(input, pos, false)
			tmp = append(tmp, []rune(q)...)
			if pos < len(input) {
				continue
			}
		}
		// 3. Remove all HTTP tab or space from the start and end of temporaryValue.
		s := strings.Trim(string(tmp), "\t ")
		// 4. Append temporaryValue to values.
		values = append(values, s)
		// 5. Set temporaryValue to the empty string.
		tmp = tmp[:0]
		// 6. If position is past the end of input, then return values.
		if pos >= len(input) {
			return values
		}
		// 8. Advance position by 1.
		pos++
	}
}
