package fetch

import (
	"strconv"

	weburl "github.com/edgerun/edgerun/webapi/url"
)

// parseURL runs the URL parser (webapi/url, the same one URL uses) on input
// with an optional base (empty: no base). ok is false on failure.
func parseURL(input, base string) (*weburl.URL, bool) {
	u, err := weburl.Parse(input, base)
	return u, err == nil
}

// includesCredentials reports whether u has a username or password
// (https://url.spec.whatwg.org/#include-credentials).
func includesCredentials(u *weburl.URL) bool {
	return u.Username() != "" || u.Password() != ""
}

// isHTTPScheme reports whether scheme is an HTTP(S) scheme.
func isHTTPScheme(scheme string) bool { return scheme == "http" || scheme == "https" }

// sameOrigin reports whether two URLs have the same (tuple) origin.
func sameOrigin(a, b *weburl.URL) bool {
	oa := a.Origin()
	return oa != "null" && oa == b.Origin()
}

// urlPort returns u's port, or its scheme's default port.
func urlPort(u *weburl.URL) int {
	if p := u.Port(); p != "" {
		n, _ := strconv.Atoi(p)
		return n
	}
	switch u.Scheme() {
	case "http", "ws":
		return 80
	case "https", "wss":
		return 443
	case "ftp":
		return 21
	}
	return -1
}

// urlFragment returns u's fragment and whether it is non-null.
func urlFragment(u *weburl.URL) (string, bool) {
	if h := u.Hash(); h != "" {
		return h[1:], true
	}
	href := u.Href()
	return "", len(href) > 0 && href[len(href)-1] == '#'
}
