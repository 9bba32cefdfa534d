package fetch

import (
	wurl "github.com/nlnwa/whatwg-url/url"
)

// urlParser is the WHATWG URL parser (github.com/nlnwa/whatwg-url), the same
// library webapi/url builds on.
var urlParser = wurl.NewParser()

// parseURL runs the URL parser on input with an optional base (empty: no
// base). ok is false on failure.
func parseURL(input, base string) (*wurl.Url, bool) {
	if base == "" {
		u, err := urlParser.Parse(input)
		return u, err == nil
	}
	u, err := urlParser.ParseRef(base, input)
	return u, err == nil
}

// includesCredentials reports whether u has a username or password
// (https://url.spec.whatwg.org/#include-credentials).
func includesCredentials(u *wurl.Url) bool {
	return u.Username() != "" || u.Password() != ""
}

// isHTTPScheme reports whether scheme is an HTTP(S) scheme.
func isHTTPScheme(scheme string) bool { return scheme == "http" || scheme == "https" }

// urlScheme returns the scheme without the trailing colon.
func urlScheme(u *wurl.Url) string { return u.Scheme() }

// urlOrigin returns the serialized origin of a URL for same-origin checks:
// scheme, host and port for HTTP(S) URLs; "null" (opaque, never same-origin
// with anything else) otherwise.
func urlOrigin(u *wurl.Url) string {
	s := u.Scheme()
	switch s {
	case "http", "https", "ws", "wss", "ftp":
		return s + "://" + u.Host()
	}
	return "null"
}

func sameOrigin(a, b *wurl.Url) bool {
	oa := urlOrigin(a)
	return oa != "null" && oa == urlOrigin(b)
}
