package urlpattern

import (
	"strings"

	"github.com/edgerun/edgerun/webapi/url"
)

// Component names one of the eight components of a URL pattern.
type Component int

// The components, in the order the URL Pattern Standard lists them.
const (
	Protocol Component = iota
	Username
	Password
	Hostname
	Port
	Pathname
	Search
	Hash
	numComponents
)

var componentNames = [numComponents]string{
	"protocol", "username", "password", "hostname", "port", "pathname", "search", "hash",
}

// String returns the component's name ("protocol"... "hash").
func (c Component) String() string {
	if c < 0 || c >= numComponents {
		return "invalid"
	}
	return componentNames[c]
}

// ParseComponent returns the component with the given name.
func ParseComponent(name string) (Component, bool) {
	for i, n := range componentNames {
		if n == name {
			return Component(i), true
		}
	}
	return 0, false
}

// Init is a URLPatternInit dictionary. A nil field is absent, which is
// not the same as the empty string: an absent component of a pattern is a
// wildcard (or comes from BaseURL), an empty one matches only "".
type Init struct {
	Protocol, Username, Password, Hostname, Port, Pathname, Search, Hash *string
	BaseURL                                                              *string
}

// field returns a pointer to the member for component c.
func (in *Init) field(c Component) **string {
	switch c {
	case Protocol:
		return &in.Protocol
	case Username:
		return &in.Username
	case Password:
		return &in.Password
	case Hostname:
		return &in.Hostname
	case Port:
		return &in.Port
	case Pathname:
		return &in.Pathname
	case Search:
		return &in.Search
	}
	return &in.Hash
}

// Get returns the member for component c (nil when absent).
func (in *Init) Get(c Component) *string { return *in.field(c) }

// Set sets the member for component c.
func (in *Init) Set(c Component, v string) { *in.field(c) = &v }

// has reports whether any of the components is present.
func (in *Init) has(cs ...Component) bool {
	for _, c := range cs {
		if in.Get(c) != nil {
			return true
		}
	}
	return false
}

// initType is the "type" argument of process a URLPatternInit.
type initType bool

const (
	typePattern initType = false // "pattern"
	typeURL     initType = true  // "url"
)

// processInit is https://urlpattern.spec.whatwg.org/#process-a-urlpatterninit.
// defaults holds the protocol... hash arguments (nil for null).
func processInit(in *Init, typ initType, defaults *[numComponents]*string) (*Init, error) {
	// 1. Let result be the result of creating a new URLPatternInit.
	result := &Init{}
	// 2-9. Set each present default.
	if defaults != nil {
		for c := Protocol; c < numComponents; c++ {
			if defaults[c] != nil {
				result.Set(c, *defaults[c])
			}
		}
	}
	// 10. Let baseURL be null.
	var baseURL *url.URL
	// 11. If init["baseURL"] exists:
	if in.BaseURL != nil {
		// 11.1. Set baseURL to the result of running the basic URL parser on init["baseURL"].
		var err error
		baseURL, err = url.Parse(*in.BaseURL, "")
		// 11.2. If baseURL is failure, then throw a TypeError.
		if err != nil {
			return nil, newError("Invalid baseURL '" + *in.BaseURL + "'.")
		}
		// 11.3. If init["protocol"] does not exist, then set result["protocol"]
		// to the result of processing a base URL string given baseURL's scheme and type.
		if in.Protocol == nil {
			result.Set(Protocol, processBaseURLString(baseURL.Scheme(), typ))
		}
		// 11.4. If type is not "pattern" and init contains none of
		// "protocol", "hostname", "port" and "username", then set
		// result["username"] from baseURL's username.
		if typ != typePattern && !in.has(Protocol, Hostname, Port, Username) {
			result.Set(Username, processBaseURLString(baseURL.Username(), typ))
		}
		// 11.5. Likewise for the password, also unless init contains "password".
		if typ != typePattern && !in.has(Protocol, Hostname, Port, Username, Password) {
			result.Set(Password, processBaseURLString(baseURL.Password(), typ))
		}
		// 11.6. If init contains neither "protocol" nor "hostname": the
		// hostname comes from baseURL's host, serialized ("" if null).
		if !in.has(Protocol, Hostname) {
			result.Set(Hostname, processBaseURLString(baseURL.Hostname(), typ))
		}
		// 11.7. If init contains none of "protocol", "hostname" and "port":
		// the port is baseURL's port serialized, or "" if null.
		if !in.has(Protocol, Hostname, Port) {
			result.Set(Port, baseURL.Port())
		}
		// 11.8. If init contains none of "protocol", "hostname", "port" and
		// "pathname": the pathname is baseURL's path, serialized.
		if !in.has(Protocol, Hostname, Port, Pathname) {
			result.Set(Pathname, processBaseURLString(baseURL.Pathname(), typ))
		}
		// 11.9. If init contains none of those and "search": the search is
		// baseURL's query ("" if null).
		if !in.has(Protocol, Hostname, Port, Pathname, Search) {
			q, _ := baseURL.Query()
			result.Set(Search, processBaseURLString(q, typ))
		}
		// 11.10. If init contains none of those and "hash": the hash is
		// baseURL's fragment ("" if null).
		if !in.has(Protocol, Hostname, Port, Pathname, Search, Hash) {
			result.Set(Hash, processBaseURLString(strings.TrimPrefix(baseURL.Hash(), "#"), typ))
		}
	}
	// 12. If init["protocol"] exists, process protocol for init.
	if in.Protocol != nil {
		v, err := processProtocolForInit(*in.Protocol, typ)
		if err != nil {
			return nil, err
		}
		result.Set(Protocol, v)
	}
	// 13. If init["username"] exists, process username for init.
	if in.Username != nil {
		v := *in.Username
		if typ != typePattern {
			v, _ = canonicalizeUsername(v)
		}
		result.Set(Username, v)
	}
	// 14. If init["password"] exists, process password for init.
	if in.Password != nil {
		v := *in.Password
		if typ != typePattern {
			v, _ = canonicalizePassword(v)
		}
		result.Set(Password, v)
	}
	// 15. If init["hostname"] exists, process hostname for init.
	if in.Hostname != nil {
		v := *in.Hostname
		if typ != typePattern {
			var err error
			if v, err = canonicalizeHostname(v); err != nil {
				return nil, err
			}
		}
		result.Set(Hostname, v)
	}
	// 16. Let resultProtocolString be result["protocol"] if it exists, else "".
	resultProtocol := ""
	if result.Protocol != nil {
		resultProtocol = *result.Protocol
	}
	// 17. If init["port"] exists, process port for init given resultProtocolString.
	if in.Port != nil {
		v := *in.Port
		if typ != typePattern {
			var err error
			if v, err = canonicalizePort(v, &resultProtocol); err != nil {
				return nil, err
			}
		}
		result.Set(Port, v)
	}
	// 18. If init["pathname"] exists:
	if in.Pathname != nil {
		// 18.1. Set result["pathname"] to init["pathname"].
		pathname := *in.Pathname
		// 18.2. If baseURL is not null, does not have an opaque path, and
		// the pathname is not absolute:
		if baseURL != nil && !baseURL.OpaquePath() && !isAbsolutePathname(pathname, typ) {
			// 18.2.1. Let baseURLPath be the processed base URL path.
			baseURLPath := processBaseURLString(baseURL.Pathname(), typ)
			// 18.2.2-3. If it has a "/", keep it up to and including the
			// last one and append the pathname.
			if slash := strings.LastIndexByte(baseURLPath, '/'); slash >= 0 {
				pathname = baseURLPath[:slash+1] + pathname
			}
		}
		// 18.3. Process pathname for init given resultProtocolString.
		if typ != typePattern {
			var err error
			if resultProtocol == "" || isSpecialScheme(resultProtocol) {
				pathname, err = canonicalizePathname(pathname)
			} else {
				pathname, err = canonicalizeOpaquePathname(pathname)
			}
			if err != nil {
				return nil, err
			}
		}
		result.Set(Pathname, pathname)
	}
	// 19. If init["search"] exists, process search for init: strip one
	// leading "?", canonicalize for "url".
	if in.Search != nil {
		v := strings.TrimPrefix(*in.Search, "?")
		if typ != typePattern {
			v, _ = canonicalizeSearch(v)
		}
		result.Set(Search, v)
	}
	// 20. If init["hash"] exists, process hash for init: strip one leading
	// "#", canonicalize for "url".
	if in.Hash != nil {
		v := strings.TrimPrefix(*in.Hash, "#")
		if typ != typePattern {
			v, _ = canonicalizeHash(v)
		}
		result.Set(Hash, v)
	}
	// 21. Return result.
	return result, nil
}

// processBaseURLString is https://urlpattern.spec.whatwg.org/#process-a-base-url-string.
func processBaseURLString(input string, typ initType) string {
	// 1-2. If type is not "pattern" return input.
	if typ != typePattern {
		return input
	}
	// 3. Return the result of escaping a pattern string given input.
	return escapePatternString(input)
}

// isAbsolutePathname is https://urlpattern.spec.whatwg.org/#is-an-absolute-pathname.
func isAbsolutePathname(input string, typ initType) bool {
	switch {
	case input == "":
		// 1. If input is the empty string, then return false.
		return false
	case input[0] == '/':
		// 2. If input[0] is "/", then return true.
		return true
	case typ == typeURL:
		// 3. If type is "url", then return false.
		return false
	case len(input) < 2:
		// 4. If input's code point length is less than 2, return false.
		return false
	}
	// 5-6. "\/" and "{/" are absolute.
	return (input[0] == '\\' || input[0] == '{') && input[1] == '/'
}

// processProtocolForInit is https://urlpattern.spec.whatwg.org/#process-protocol-for-init.
func processProtocolForInit(value string, typ initType) (string, error) {
	// 1. Let strippedValue be value with a single trailing ":" removed.
	stripped := strings.TrimSuffix(value, ":")
	// 2. If type is "pattern" then return strippedValue.
	if typ == typePattern {
		return stripped, nil
	}
	// 3. Return the result of canonicalizing a protocol.
	return canonicalizeProtocol(stripped)
}
