package urlpattern

import (
	"strings"

	"github.com/edgerun/edgerun/webapi/url"
)

// A Group is one entry of a component result's groups record.
type Group struct {
	Name  string
	Value string
	// Matched is false when the group did not participate in the match
	// (its value is undefined in JS).
	Matched bool
}

// ComponentResult is a URLPatternComponentResult.
type ComponentResult struct {
	Input  string
	Groups []Group
}

// Result is a URLPatternResult without its inputs (the JS binding adds
// them, as they are the JS values the caller passed).
type Result struct {
	Components [numComponents]ComponentResult
}

// Get returns the result for component c.
func (r *Result) Get(c Component) *ComponentResult { return &r.Components[c] }

// Exec matches the absolute URL string input (exec(input) in JS). The
// result is nil when there is no match; the error is only ever a regexp
// match that was aborted (jsregex.MatchTimeout).
func (p *Pattern) Exec(input string) (*Result, error) {
	r := &Result{}
	ok, err := p.match(&input, nil, nil, r)
	if !ok {
		return nil, err
	}
	return r, nil
}

// ExecWithBase matches input resolved against baseURL.
func (p *Pattern) ExecWithBase(input, baseURL string) (*Result, error) {
	r := &Result{}
	ok, err := p.match(&input, &baseURL, nil, r)
	if !ok {
		return nil, err
	}
	return r, nil
}

// ExecInit matches a URLPatternInit: absent components are "" unless
// in.BaseURL supplies them, and present ones are canonicalized first.
func (p *Pattern) ExecInit(in *Init) (*Result, error) {
	r := &Result{}
	ok, err := p.match(nil, nil, in, r)
	if !ok {
		return nil, err
	}
	return r, nil
}

// Test reports whether the URL string input matches.
func (p *Pattern) Test(input string) (bool, error) { return p.match(&input, nil, nil, nil) }

// TestWithBase reports whether input resolved against baseURL matches.
func (p *Pattern) TestWithBase(input, baseURL string) (bool, error) {
	return p.match(&input, &baseURL, nil, nil)
}

// TestInit reports whether the URLPatternInit matches.
func (p *Pattern) TestInit(in *Init) (bool, error) { return p.match(nil, nil, in, nil) }

// match is https://urlpattern.spec.whatwg.org/#url-pattern-match, with
// input either a string (and an optional base URL string) or in. The
// baseURL-with-init TypeError is the caller's to throw. result may be nil
// when only test() is wanted.
func (p *Pattern) match(input, baseURLString *string, in *Init, result *Result) (bool, error) {
	// 1-8. Let protocol... hash be the empty string.
	var values [numComponents]string
	if in != nil {
		// 12.1-2. (A given baseURLString throws before this point.) Let
		// applyResult be the result of processing input, "url", with empty
		// defaults; if this throws, return null.
		var empty [numComponents]*string
		e := ""
		for c := range empty {
			empty[c] = &e
		}
		applied, err := processInit(in, typeURL, &empty)
		if err != nil {
			return false, nil
		}
		// 12.3-10. Take each component from applyResult.
		for c := Protocol; c < numComponents; c++ {
			values[c] = *applied.Get(c)
		}
	} else {
		// 13.2. If input is a USVString:
		var base *url.URL
		// 13.2.2. If baseURLString was given:
		if baseURLString != nil {
			// 13.2.2.1-2. Parse it; if failure, return null.
			var err error
			if base, err = url.Parse(*baseURLString, ""); err != nil {
				return false, nil
			}
		}
		// 13.2.3-4. Parse input with baseURL; if failure, return null.
		u, err := url.ParseRef(*input, base)
		if err != nil {
			return false, nil
		}
		// 13.4-11. Take the URL's components.
		values[Protocol] = u.Scheme()
		values[Username] = u.Username()
		values[Password] = u.Password()
		values[Hostname] = u.Hostname()
		values[Port] = u.Port()
		values[Pathname] = u.Pathname()
		values[Search], _ = u.Query()
		values[Hash] = strings.TrimPrefix(u.Hash(), "#")
	}
	// 14-22. Run each component's regular expression; if any is null,
	// return null.
	if result == nil {
		for c := Protocol; c < numComponents; c++ {
			ok, err := p.components[c].test(values[c])
			if !ok || err != nil {
				return false, err
			}
		}
		return true, nil
	}
	// 23-32. Create each component match result.
	for c := Protocol; c < numComponents; c++ {
		ok, err := p.components[c].exec(values[c], &result.Components[c])
		if !ok || err != nil {
			return false, err
		}
	}
	return true, nil
}
