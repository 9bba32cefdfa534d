package url

import (
	"errors"
	"strings"
	"sync"

	wu "github.com/nlnwa/whatwg-url/url"
)

// Errors returned by Parse. Both wrap ErrInvalidURL.
var (
	// ErrInvalidURL reports input the URL parser rejects.
	ErrInvalidURL = errors.New("url: invalid URL")
	// ErrInvalidBase reports a base that is not itself a valid URL.
	ErrInvalidBase = errors.New("url: invalid base URL")
)

// failHost is handed back to whatwg-url's host parser to make it fail: an
// opening bracket without a closing one is always an IPv6-unclosed failure.
const failHost = "["

// placeholderHost is what the pre-parse hook hands to whatwg-url after
// parsing a host itself; the post-parse hook swaps in the real result.
// "a" passes every check the library makes and is not an IPv4 address.
const placeholderHost = "a"

// parsedHosts carries the host computed by preParseHost to postParseHost
// for the same *wu.Url (the two calls happen back to back in one host
// parse, on one goroutine, but different URLs may parse concurrently).
var parsedHosts sync.Map // *wu.Url → string

// preParseHost takes over host parsing for special URLs (see host.go).
// IPv6 literals and opaque hosts stay with the library.
func preParseHost(u *wu.Url, input string) string {
	if input == "" || input[0] == '[' || !u.IsSpecialScheme() {
		return input
	}
	host, ok := parseDomainHost(input)
	if !ok {
		return failHost
	}
	parsedHosts.Store(u, host)
	return placeholderHost
}

func postParseHost(u *wu.Url, host string) string {
	if v, ok := parsedHosts.LoadAndDelete(u); ok {
		return v.(string)
	}
	return host
}

// parser is whatwg-url configured for the current URL Standard:
//   - U+005E (^) is in the path percent-encode set (added in 2023);
//   - hosts of special URLs go through host.go.
var parser = wu.NewParser(
	wu.WithPathPercentEncodeSet(wu.PathPercentEncodeSet.Set('^')),
	wu.WithPreParseHostFunc(preParseHost),
	wu.WithPostParseHostFunc(postParseHost),
)

// A URL is a parsed URL record (https://url.spec.whatwg.org/#concept-url).
// Its accessors return the URL Standard's API views of the record and
// Href re-serialises it with the URL serializer. A URL is not safe for
// concurrent use.
type URL struct {
	u    *wu.Url  // the library's record, or nil while fast holds it
	fast *fastURL // see fast.go
}

// lib returns the library record, converting a fast record first (setters
// work on the library's record).
func (u *URL) lib() *wu.Url {
	if u.u == nil {
		parsed, err := parser.Parse(u.fast.href)
		if err != nil {
			panic("url: fast record does not re-parse: " + u.fast.href) // fast_test.go guards this
		}
		u.u, u.fast = parsed, nil
	}
	return u.u
}

// Parse runs the API URL parser: input is resolved against base, or parsed
// on its own when base is empty. Errors wrap ErrInvalidURL (and
// ErrInvalidBase when base is the problem).
func Parse(input, base string) (*URL, error) {
	if base == "" {
		return parseRecord(input, nil)
	}
	b, err := parseRecord(base, nil)
	if err != nil {
		return nil, errors.Join(ErrInvalidBase, err)
	}
	return parseRecord(input, b)
}

// ParseRef resolves input against an already parsed base (nil for none).
func ParseRef(input string, base *URL) (*URL, error) {
	return parseRecord(input, base)
}

func parseRecord(input string, base *URL) (*URL, error) {
	if f, ok := parseFast(input); ok {
		return &URL{fast: f}, nil
	}
	if base != nil && base.fast != nil {
		if f, ok := resolveFast(input, base.fast); ok {
			return &URL{fast: f}, nil
		}
	}
	var u *wu.Url
	var err error
	if base != nil {
		u, err = parser.BasicParser(input, base.lib(), nil, wu.NoState)
	} else {
		u, err = parser.Parse(input)
	}
	if err != nil {
		return nil, &ParseError{Input: input, Err: err}
	}
	return &URL{u: encodeOpaquePathTrailingSpace(u)}, nil
}

// ParseError reports why input is not a URL.
type ParseError struct {
	Input string
	Err   error // the library's validation error
}

func (e *ParseError) Error() string {
	return "url: invalid URL " + quote(e.Input) + ": " + e.Err.Error()
}

// Unwrap lets errors.Is match ErrInvalidURL.
func (e *ParseError) Unwrap() []error { return []error{ErrInvalidURL, e.Err} }

func quote(s string) string {
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return "\"" + s + "\""
}

// encodeOpaquePathTrailingSpace applies the opaque path state rule added to
// the URL Standard in 2025 (whatwg/url 6c78200), which whatwg-url v0.6.2
// predates: "Otherwise, if c is U+0020 SPACE: if remaining starts with
// U+003F (?) or U+0023 (#), then append "%20" to url's path; otherwise
// append U+0020 SPACE". Only the last space before ? or # is affected, so
// the record is re-parsed from its serialization with that space encoded.
func encodeOpaquePathTrailingSpace(u *wu.Url) *wu.Url {
	if !u.OpaquePath() {
		return u
	}
	path := u.Pathname()
	if !strings.HasSuffix(path, " ") {
		return u
	}
	href := u.Href(false)
	end := len(u.Scheme()) + 1 + len(path)
	if end >= len(href) {
		return u // neither query nor fragment follows
	}
	fixed, err := parser.Parse(href[:end-1] + "%20" + href[end:])
	if err != nil {
		return u
	}
	return fixed
}
