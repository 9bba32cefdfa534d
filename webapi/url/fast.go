package url

import (
	"strconv"
	"strings"
)

// The fast path. whatwg-url's state machine allocates per code point
// (about 8-15 µs and 70 allocations for a typical request URL), and edge
// routes parse a URL per request (new URL(req.url), NextRequest). Most
// such URLs are plain "http(s)://host[:port]/path?query#fragment" strings
// that the URL parser leaves unchanged apart from lowercasing the scheme
// and host, dropping a default port and adding "/" for an empty path. For
// exactly those, the record is built here, as the serialization plus the
// offsets of its components; anything else (or any setter) goes to the
// library. fast_test.go checks that both give the same record for every
// input the fast path accepts.

// fastURL is a URL record kept as its serialization and component offsets.
type fastURL struct {
	href       string
	schemeEnd  int // href[:schemeEnd] is the scheme
	hostEnd    int // href[schemeEnd+3:hostEnd] is the host
	pathStart  int // href[hostEnd:pathStart] is ":port" or ""
	queryStart int // index of "?" or -1
	fragStart  int // index of "#" or -1
}

func (f *fastURL) scheme() string   { return f.href[:f.schemeEnd] }
func (f *fastURL) hostname() string { return f.href[f.schemeEnd+3 : f.hostEnd] }
func (f *fastURL) host() string     { return f.href[f.schemeEnd+3 : f.pathStart] }
func (f *fastURL) origin() string   { return f.href[:f.pathStart] }

func (f *fastURL) port() string {
	if f.pathStart == f.hostEnd {
		return ""
	}
	return f.href[f.hostEnd+1 : f.pathStart]
}

func (f *fastURL) pathEnd() int {
	switch {
	case f.queryStart >= 0:
		return f.queryStart
	case f.fragStart >= 0:
		return f.fragStart
	}
	return len(f.href)
}

func (f *fastURL) pathname() string { return f.href[f.pathStart:f.pathEnd()] }

func (f *fastURL) query() (string, bool) {
	if f.queryStart < 0 {
		return "", false
	}
	end := len(f.href)
	if f.fragStart >= 0 {
		end = f.fragStart
	}
	return f.href[f.queryStart+1 : end], true
}

func (f *fastURL) search() string {
	if q, _ := f.query(); q != "" {
		return f.href[f.queryStart : f.queryStart+1+len(q)]
	}
	return ""
}

func (f *fastURL) hash() string {
	if f.fragStart < 0 || f.fragStart == len(f.href)-1 {
		return ""
	}
	return f.href[f.fragStart:]
}

func (f *fastURL) hrefWithoutFragment() string {
	if f.fragStart < 0 {
		return f.href
	}
	return f.href[:f.fragStart]
}

// parseFast parses input if it is a simple absolute http(s) URL.
func parseFast(input string) (*fastURL, bool) {
	var scheme, defaultPort string
	switch {
	case strings.HasPrefix(input, "https://"):
		scheme, defaultPort = "https", "443"
	case strings.HasPrefix(input, "http://"):
		scheme, defaultPort = "http", "80"
	default:
		return nil, false
	}
	rest := input[len(scheme)+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	host, port := authority, ""
	if i := strings.IndexByte(authority, ':'); i >= 0 {
		host, port = authority[:i], authority[i+1:]
	}
	if !simpleHost(host) {
		return nil, false
	}
	port, ok := simplePort(port, defaultPort)
	if !ok {
		return nil, false
	}
	if !simpleTail(tail) {
		return nil, false
	}
	var b strings.Builder
	b.Grow(len(input) + 1)
	b.WriteString(scheme)
	b.WriteString("://")
	for i := 0; i < len(host); i++ {
		c := host[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	f := &fastURL{schemeEnd: len(scheme), queryStart: -1, fragStart: -1}
	f.hostEnd = b.Len()
	if port != "" {
		b.WriteByte(':')
		b.WriteString(port)
	}
	f.pathStart = b.Len()
	if tail == "" || tail[0] != '/' {
		b.WriteByte('/') // a special URL's path is never empty
	}
	f.finish(&b, tail)
	return f, true
}

// resolveFast resolves input against a fast base when input is a
// path-absolute reference ("/x?y#z") that needs no normalisation.
func resolveFast(input string, base *fastURL) (*fastURL, bool) {
	if len(input) == 0 || input[0] != '/' || len(input) > 1 && (input[1] == '/' || input[1] == '\\') {
		return nil, false
	}
	if !simpleTail(input) {
		return nil, false
	}
	var b strings.Builder
	b.Grow(base.pathStart + len(input))
	b.WriteString(base.href[:base.pathStart])
	f := &fastURL{schemeEnd: base.schemeEnd, hostEnd: base.hostEnd, pathStart: base.pathStart, queryStart: -1, fragStart: -1}
	f.finish(&b, input)
	return f, true
}

// finish appends the path, query and fragment (already checked by
// simpleTail) and records their offsets.
func (f *fastURL) finish(b *strings.Builder, tail string) {
	if i := strings.IndexByte(tail, '#'); i >= 0 {
		f.fragStart = b.Len() + i
	}
	if i := strings.IndexByte(tail, '?'); i >= 0 && (f.fragStart < 0 || b.Len()+i < f.fragStart) {
		f.queryStart = b.Len() + i
	}
	b.WriteString(tail)
	f.href = b.String()
}

// simpleHost accepts ASCII domains that domain-to-ASCII only lowercases:
// letters, digits, "-" and ".", no empty label (a trailing "." is kept),
// no "xn--" label, and not ending in a number (an IPv4 address).
func simpleHost(host string) bool {
	if host == "" || host[0] == '.' {
		return false
	}
	for i := 0; i < len(host); i++ {
		c := host[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-':
		case c == '.':
			if i+1 < len(host) && host[i+1] == '.' {
				return false
			}
		default:
			return false
		}
	}
	for label := range strings.SplitSeq(host, ".") {
		if len(label) >= 4 && strings.EqualFold(label[:4], "xn--") {
			return false
		}
	}
	return !endsInANumber(strings.ToLower(host))
}

// simplePort returns the port as the record keeps it: "" for none or the
// default, otherwise without leading zeros.
func simplePort(port, defaultPort string) (string, bool) {
	if port == "" {
		return "", true
	}
	if len(port) > 5 {
		return "", false
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 0 || n > 65535 || strings.IndexFunc(port, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", false
	}
	p := strconv.Itoa(n)
	if p == defaultPort {
		return "", true
	}
	return p, true
}

// simpleTail accepts a path/query/fragment that the parser would copy
// unchanged: printable ASCII only, no dot segments (or encoded dots), no
// backslash in the path, and none of the characters the path, special
// query or fragment percent-encode sets would encode.
func simpleTail(tail string) bool {
	part := 0 // 0 path, 1 query, 2 fragment
	segStart := 0
	for i := 0; i <= len(tail); i++ {
		var c byte = '/'
		if i < len(tail) {
			c = tail[i]
		}
		if c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' {
			return false
		}
		switch part {
		case 0:
			switch c {
			case '`', '{', '}', '^', '\\':
				return false
			case '%':
				if i+2 < len(tail) && tail[i+1] == '2' && (tail[i+2] == 'e' || tail[i+2] == 'E') {
					return false
				}
			case '/', '?', '#':
				if seg := tail[segStart:i]; seg == "." || seg == ".." {
					return false
				}
				segStart = i + 1
				if c == '?' {
					part = 1
				} else if c == '#' {
					part = 2
				}
			}
		case 1:
			switch c {
			case '\'':
				return false
			case '#':
				part = 2
			}
		case 2:
			if c == '`' {
				return false
			}
		}
	}
	return true
}
