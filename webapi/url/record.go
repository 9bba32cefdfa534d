package url

import "strings"

// The URL API's views of a URL record (https://url.spec.whatwg.org/#api).
// Getters follow the URL class's getter steps; setters its setter steps.

// Href returns the URL serialization (https://url.spec.whatwg.org/#concept-url-serializer).
func (u *URL) Href() string {
	if u.fast != nil {
		return u.fast.href
	}
	return u.u.Href(false)
}

// String is Href.
func (u *URL) String() string { return u.Href() }

// HrefWithoutFragment serializes with "exclude fragment" set.
func (u *URL) HrefWithoutFragment() string {
	if u.fast != nil {
		return u.fast.hrefWithoutFragment()
	}
	return u.u.Href(true)
}

// Scheme returns the scheme without the trailing ":".
func (u *URL) Scheme() string {
	if u.fast != nil {
		return u.fast.scheme()
	}
	return u.u.Scheme()
}

// Protocol returns the scheme followed by ":".
func (u *URL) Protocol() string {
	if u.fast != nil {
		return u.fast.href[:u.fast.schemeEnd+1]
	}
	return u.u.Protocol()
}

// Username returns the percent-encoded username.
func (u *URL) Username() string {
	if u.fast != nil {
		return ""
	}
	return u.u.Username()
}

// Password returns the percent-encoded password.
func (u *URL) Password() string {
	if u.fast != nil {
		return ""
	}
	return u.u.Password()
}

// Host returns the serialized host and, if non-null, ":" and the port.
func (u *URL) Host() string {
	if u.fast != nil {
		return u.fast.host()
	}
	return u.u.Host()
}

// Hostname returns the serialized host.
func (u *URL) Hostname() string {
	if u.fast != nil {
		return u.fast.hostname()
	}
	return u.u.Hostname()
}

// Port returns the port, or "" when it is null (default ports are null).
func (u *URL) Port() string {
	if u.fast != nil {
		return u.fast.port()
	}
	return u.u.Port()
}

// Pathname returns the URL path serialization.
func (u *URL) Pathname() string {
	if u.fast != nil {
		return u.fast.pathname()
	}
	return u.u.Pathname()
}

// OpaquePath reports whether the URL has an opaque path (mailto:, data:...).
func (u *URL) OpaquePath() bool { return u.fast == nil && u.u.OpaquePath() }

// Search returns "" or "?" followed by the query.
func (u *URL) Search() string {
	if u.fast != nil {
		return u.fast.search()
	}
	return u.u.Search()
}

// Query returns the query and whether it is non-null.
func (u *URL) Query() (string, bool) {
	if u.fast != nil {
		return u.fast.query()
	}
	if q := u.u.Query(); q != "" {
		return q, true
	}
	// The library reports null and empty queries alike; the serialization
	// tells them apart ("http://a/?" has an empty, non-null query).
	href := u.u.Href(true)
	return "", len(href) > 0 && href[len(href)-1] == '?'
}

// Hash returns "" or "#" followed by the fragment.
func (u *URL) Hash() string {
	if u.fast != nil {
		return u.fast.hash()
	}
	return u.u.Hash()
}

// Clone returns a deep copy.
func (u *URL) Clone() *URL {
	if u.fast != nil {
		f := *u.fast
		return &URL{fast: &f}
	}
	return &URL{u: u.u.Clone()}
}

// Origin returns the ASCII serialization of the URL's origin
// (https://url.spec.whatwg.org/#concept-url-origin), "null" for an opaque origin.
func (u *URL) Origin() string {
	if u.fast != nil {
		return u.fast.origin()
	}
	switch u.u.Scheme() {
	case "blob":
		// 1. If url's blob URL entry is non-null, return its environment's origin.
		//    (Blob URL entries are resolved by their creator; see file.)
		// 2. Let pathURL be the result of parsing the result of URL path serializing url.
		path, err := Parse(u.u.Pathname(), "")
		// 3. If pathURL is failure, then return a new opaque origin.
		if err != nil {
			return "null"
		}
		// 4. If pathURL's scheme is "http", "https", or "file", then return pathURL's origin.
		switch path.Scheme() {
		case "http", "https", "file":
			return path.Origin()
		}
		// 5. Return a new opaque origin.
		return "null"
	case "ftp", "http", "https", "ws", "wss":
		// Return the tuple origin (url's scheme, url's host, url's port, null).
		s := u.u.Scheme() + "://" + u.u.Hostname()
		if p := u.u.Port(); p != "" {
			s += ":" + p
		}
		return s
	default:
		// "file": unfortunate as it is, this is left as an exercise to the
		// reader; browsers (and WPT) use an opaque origin. Otherwise: opaque.
		return "null"
	}
}

// SetHref replaces the record with the result of parsing href (the href
// setter's steps 1-3). On failure the URL is unchanged.
func (u *URL) SetHref(href string) error {
	parsed, err := Parse(href, "")
	if err != nil {
		return err
	}
	*u = *parsed
	return nil
}

// SetProtocol runs the protocol setter: basic URL parse the value followed
// by ":" with scheme start state as state override.
func (u *URL) SetProtocol(v string) { u.lib().SetProtocol(v) }

// SetUsername runs the username setter (ignored when the URL cannot have a
// username/password/port).
func (u *URL) SetUsername(v string) { u.lib().SetUsername(v) }

// SetPassword runs the password setter.
func (u *URL) SetPassword(v string) { u.lib().SetPassword(v) }

// SetHost runs the host setter (ignored for opaque paths).
func (u *URL) SetHost(v string) { u.lib().SetHost(v) }

// SetHostname runs the hostname setter.
func (u *URL) SetHostname(v string) { u.lib().SetHostname(v) }

// SetPort runs the port setter.
func (u *URL) SetPort(v string) { u.lib().SetPort(v) }

// SetPathname runs the pathname setter (ignored for opaque paths).
func (u *URL) SetPathname(v string) { u.lib().SetPathname(v) }

// SetSearch runs the search setter's URL steps: "" makes the query null;
// otherwise a leading "?" is removed and the rest parsed in query state.
func (u *URL) SetSearch(v string) { u.lib().SetSearch(v) }

// SetQuery sets the query to q exactly as the URLSearchParams update steps
// do (q is an application/x-www-form-urlencoded serialization, which needs
// no further encoding); null when ok is false.
func (u *URL) SetQuery(q string, ok bool) {
	if u.fast != nil && simpleTail("?"+q) {
		// Keep the fast form: splice the new query into the serialization.
		f := *u.fast
		var b strings.Builder
		b.WriteString(f.href[:f.pathEnd()])
		if ok {
			f.queryStart = b.Len()
			b.WriteByte('?')
			b.WriteString(q)
		} else {
			f.queryStart = -1
		}
		if u.fast.fragStart >= 0 {
			f.fragStart = b.Len()
			b.WriteString(u.fast.href[u.fast.fragStart:])
		}
		f.href = b.String()
		u.fast = &f
		return
	}
	if !ok {
		u.lib().SetSearch("")
		return
	}
	if q == "" {
		// An empty but non-null query: the search setter's path for "?".
		u.lib().SetSearch("?")
		return
	}
	u.lib().SetSearch(q)
}

// SetHash runs the hash setter.
func (u *URL) SetHash(v string) { u.lib().SetHash(v) }
