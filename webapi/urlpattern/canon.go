package urlpattern

import (
	"strconv"
	"strings"

	"github.com/edgerun/edgerun/webapi/url"
)

// Encoding callbacks (https://urlpattern.spec.whatwg.org/#canon-encoding-callbacks).
//
// The spec runs the basic URL parser on a dummy URL ("https://dummy.invalid/")
// with a state override. Protocols and hostnames go through webapi/url's
// parser for real (scheme validation, IDNA, IPv4/IPv6). The other states
// only percent-encode (and, for paths, resolve dot segments), so they are
// written out here: they run on every test() and exec() of a dictionary
// input, and building a URL record for each would cost more than the
// match. path_test.go checks canonicalizePathname against webapi/url's
// pathname setter.

// specialSchemes maps each special scheme to its default port ("" for file).
var specialSchemes = map[string]string{
	"ftp": "21", "file": "", "http": "80", "https": "443", "ws": "80", "wss": "443",
}

func isSpecialScheme(s string) bool {
	_, ok := specialSchemes[s]
	return ok
}

// canonError is the TypeError an encoding callback throws.
func canonError(component Component, value string) error {
	return &patternError{msg: "Invalid " + component.String() + " '" + value + "'."}
}

// canonicalizeProtocol is https://urlpattern.spec.whatwg.org/#canonicalize-a-protocol.
func canonicalizeProtocol(value string) (string, error) {
	// 1. If value is the empty string, return value.
	if value == "" {
		return value, nil
	}
	// 2. Let parseResult be the result of running the basic URL parser given
	// value followed by "://dummy.invalid/".
	u, err := url.Parse(value+"://dummy.invalid/", "")
	// 3. If parseResult is failure, then throw a TypeError.
	if err != nil {
		return "", canonError(Protocol, value)
	}
	// 4. Return parseResult's scheme.
	return u.Scheme(), nil
}

// canonicalizeUsername is https://urlpattern.spec.whatwg.org/#canonicalize-a-username:
// setting the username of a dummy URL, i.e. percent-encoding it with the
// userinfo percent-encode set.
func canonicalizeUsername(value string) (string, error) {
	return percentEncode(value, userinfoSet), nil
}

// canonicalizePassword is https://urlpattern.spec.whatwg.org/#canonicalize-a-password.
func canonicalizePassword(value string) (string, error) {
	return percentEncode(value, userinfoSet), nil
}

// canonicalizeHostname is https://urlpattern.spec.whatwg.org/#canonicalize-a-hostname:
// the basic URL parser's hostname state with a state override, on a URL
// whose scheme is special ("https").
func canonicalizeHostname(value string) (string, error) {
	// 1. If value is the empty string, return value.
	if value == "" {
		return value, nil
	}
	// 2-3. Run the hostname state over value (tab and newline removed):
	// the buffer runs up to the first "/", "?", "#" or "\" (the URL is
	// special); a ":" outside brackets is failure with a hostname state
	// override; an empty buffer is failure for a special URL.
	input := stripTabNewline(value)
	insideBrackets := false
	end := len(input)
scan:
	for i := 0; i < len(input); i++ {
		switch input[i] {
		case ':':
			if !insideBrackets {
				return "", canonError(Hostname, value)
			}
		case '/', '?', '#', '\\':
			end = i
			break scan
		case '[':
			insideBrackets = true
		case ']':
			insideBrackets = false
		}
	}
	buffer := input[:end]
	// 4. The host parser; "@" cannot be in a valid host (it is a forbidden
	// host code point and invalid in IPv6), and excluding it lets the
	// buffer be parsed as the authority of a URL.
	if buffer == "" || strings.IndexByte(buffer, '@') >= 0 {
		return "", canonError(Hostname, value)
	}
	u, err := url.Parse("https://"+buffer+"/", "")
	if err != nil {
		return "", canonError(Hostname, value)
	}
	// 5. Return dummyURL's host, serialized.
	return u.Hostname(), nil
}

// canonicalizeIPv6Hostname is https://urlpattern.spec.whatwg.org/#canonicalize-an-ipv6-hostname.
func canonicalizeIPv6Hostname(value string) (string, error) {
	// 1. Let result be the empty string.
	var b strings.Builder
	// 2. For each code point in value:
	for i := 0; i < len(value); i++ {
		c := value[i]
		// 2.1. If code point is not an ASCII hex digit, "[", "]" or ":",
		// throw a TypeError.
		if !isHexDigit(c) && c != '[' && c != ']' && c != ':' {
			return "", canonError(Hostname, value)
		}
		// 2.2. Append the ASCII lowercase of code point.
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	// 3. Return result.
	return b.String(), nil
}

func isHexDigit(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// canonicalizePort is https://urlpattern.spec.whatwg.org/#canonicalize-a-port:
// the basic URL parser's port state with a state override on a dummy URL
// whose scheme is protocol (or "https" when no protocol is given).
func canonicalizePort(portValue string, protocol *string) (string, error) {
	// 1. If portValue is the empty string, return portValue.
	if portValue == "" {
		return portValue, nil
	}
	// 2-3. The dummy URL's scheme.
	scheme := "https"
	if protocol != nil {
		scheme = *protocol
	}
	// 4. Port state with a state override: ASCII digits accumulate; the
	// first other code point (or the end) ends the port; no digits at all
	// is failure; above 65535 is failure.
	input := stripTabNewline(portValue)
	end := 0
	for end < len(input) && isASCIIDigit(input[end]) {
		end++
	}
	if end == 0 {
		// 5. If parseResult is failure, then throw a TypeError.
		return "", canonError(Port, portValue)
	}
	digits := strings.TrimLeft(input[:end], "0")
	if digits == "" {
		digits = "0"
	}
	if len(digits) > 5 {
		return "", canonError(Port, portValue)
	}
	n, _ := strconv.Atoi(digits)
	if n > 65535 {
		return "", canonError(Port, portValue)
	}
	// 6. Return dummyURL's port, serialized, or "" if it is null (the
	// scheme's default port makes it null).
	if def, ok := specialSchemes[scheme]; ok && def == digits {
		return "", nil
	}
	return digits, nil
}

// canonicalizePathname is https://urlpattern.spec.whatwg.org/#canonicalize-a-pathname.
func canonicalizePathname(value string) (string, error) {
	// 1. If value is the empty string, then return value.
	if value == "" {
		return value, nil
	}
	// 2. Let leading slash be true if the first code point is "/".
	leadingSlash := value[0] == '/'
	// 3. Let modified value be "/-" if leading slash is false, else "".
	modified := value
	if !leadingSlash {
		// 4. Append value to the end of modified value.
		modified = "/-" + value
	}
	// 5-7. Run the basic URL parser given modified value with an empty-path
	// dummy URL and path start state as state override.
	// 8. Let result be the result of URL path serializing dummyURL.
	result := parseSpecialPath(modified)
	// 9. If leading slash is false, drop the first two code points ("/-").
	if !leadingSlash {
		result = result[2:]
	}
	// 10. Return result.
	return result, nil
}

// parseSpecialPath runs the path start and path states with a state
// override over input on a special URL with an empty path, and returns
// the URL path serialization.
func parseSpecialPath(input string) string {
	input = stripTabNewline(input)
	var path []string
	// Path start state: a special URL goes to path state, consuming a
	// leading "/" or "\".
	i := 0
	if i < len(input) && (input[i] == '/' || input[i] == '\\') {
		i++
	}
	start := i
	for ; ; i++ {
		if i < len(input) && input[i] != '/' && input[i] != '\\' {
			continue
		}
		// c is EOF, "/" or "\": the buffer is a complete segment.
		segment := input[start:i]
		atEnd := i >= len(input)
		switch {
		case isDoubleDotSegment(segment):
			// Shorten url's path; if c is not "/" or "\", append "".
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
			if atEnd {
				path = append(path, "")
			}
		case isSingleDotSegment(segment):
			if atEnd {
				path = append(path, "")
			}
		default:
			// Each code point was UTF-8 percent-encoded with the path
			// percent-encode set as it was appended to the buffer.
			path = append(path, percentEncode(segment, pathSet))
		}
		if atEnd {
			break
		}
		start = i + 1
	}
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		b.WriteString(s)
	}
	return b.String()
}

func isSingleDotSegment(s string) bool {
	return s == "." || strings.EqualFold(s, "%2e")
}

func isDoubleDotSegment(s string) bool {
	switch len(s) {
	case 2:
		return s == ".."
	case 4:
		l := strings.ToLower(s)
		return l == ".%2e" || l == "%2e."
	case 6:
		return strings.EqualFold(s, "%2e%2e")
	}
	return false
}

// canonicalizeOpaquePathname is https://urlpattern.spec.whatwg.org/#canonicalize-an-opaque-pathname:
// the opaque path state with a state override on a URL whose path is "".
func canonicalizeOpaquePathname(value string) (string, error) {
	// 1. If value is the empty string, return value.
	if value == "" {
		return value, nil
	}
	// 2-4. Opaque path state: "?" and "#" end the path (the rest goes to
	// the query or fragment); a space is kept unless "?" or "#" follows
	// it; other code points are percent-encoded with the C0 control set.
	input := stripTabNewline(value)
	var b strings.Builder
	for i := 0; i < len(input); i++ {
		c := input[i]
		if c == '?' || c == '#' {
			break
		}
		if c == ' ' {
			if i+1 < len(input) && (input[i+1] == '?' || input[i+1] == '#') {
				b.WriteString("%20")
			} else {
				b.WriteByte(' ')
			}
			continue
		}
		if c0ControlSet.has(c) {
			b.WriteString(percentEncode(input[i:i+1], c0ControlSet))
			continue
		}
		b.WriteByte(c)
	}
	// 5. Return the result of URL path serializing dummyURL.
	return b.String(), nil
}

// canonicalizeSearch is https://urlpattern.spec.whatwg.org/#canonicalize-a-search:
// the query state with a state override on a special URL, i.e. the
// special-query percent-encode set ("#" included: with a state override
// it does not end the query).
func canonicalizeSearch(value string) (string, error) {
	return percentEncode(stripTabNewline(value), specialQuerySet), nil
}

// canonicalizeHash is https://urlpattern.spec.whatwg.org/#canonicalize-a-hash.
func canonicalizeHash(value string) (string, error) {
	return percentEncode(stripTabNewline(value), fragmentSet), nil
}
