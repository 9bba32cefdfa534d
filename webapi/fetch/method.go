package fetch

// isMethod reports whether m is a method (the token production).
func isMethod(m string) bool { return isHeaderName(m) }

// isForbiddenMethod implements https://fetch.spec.whatwg.org/#forbidden-method.
func isForbiddenMethod(m string) bool {
	switch asciiUpper(m) {
	case "CONNECT", "TRACE", "TRACK":
		return true
	}
	return false
}

// isCORSSafelistedMethod implements https://fetch.spec.whatwg.org/#cors-safelisted-method.
func isCORSSafelistedMethod(m string) bool { return m == "GET" || m == "HEAD" || m == "POST" }

// normalizeMethod byte-uppercases m if it is a case-insensitive match for
// DELETE, GET, HEAD, OPTIONS, POST or PUT
// (https://fetch.spec.whatwg.org/#concept-method-normalize).
func normalizeMethod(m string) string {
	switch u := asciiUpper(m); u {
	case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT":
		return u
	}
	return m
}

func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
