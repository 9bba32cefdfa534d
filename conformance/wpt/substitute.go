package wpt

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// needsServerError says a resource or test needs the Python wptserve (a .py
// handler, a request-dependent substitution, a pipe), which this runner does
// not have. It makes the run SKIP.
type needsServerError struct {
	what string
}

func (e *needsServerError) Error() string { return "needs wptserve: " + e.what }

var (
	subToken  = regexp.MustCompile(`\{\{(.*?)\}\}`)
	subFields = regexp.MustCompile(`^([A-Za-z_]\w*)((?:\[[^\]]*\])*)$`)
	subIndex  = regexp.MustCompile(`\[([^\]]*)\]`)
)

// substitute applies wptserve's `.sub.` template substitution for the
// configuration-only fields (host, domains, hosts, ports). Fields that depend
// on the request (GET, headers, location, uuid()...) need the real server.
func substitute(name string, src []byte) ([]byte, error) {
	var failed error
	out := subToken.ReplaceAllFunc(src, func(tok []byte) []byte {
		expr := strings.TrimSpace(string(tok[2 : len(tok)-2]))
		v, err := subValue(expr)
		if err != nil {
			if failed == nil {
				failed = &needsServerError{what: fmt.Sprintf("%s uses {{%s}}", name, expr)}
			}
			return tok
		}
		return []byte(v)
	})
	if failed != nil {
		return nil, failed
	}
	return out, nil
}

func subValue(expr string) (string, error) {
	m := subFields.FindStringSubmatch(expr)
	if m == nil {
		return "", fmt.Errorf("unsupported expression")
	}
	var idx []string
	for _, g := range subIndex.FindAllStringSubmatch(m[2], -1) {
		idx = append(idx, g[1])
	}
	sub := func(s, base string) (string, error) {
		if s == "" {
			return base, nil
		}
		enc, ok := wptSubdomains[s]
		if !ok {
			return "", fmt.Errorf("unknown subdomain %q", s)
		}
		return enc + "." + base, nil
	}
	switch {
	case m[1] == "host" && len(idx) == 0:
		return wptHost, nil
	case m[1] == "domains" && len(idx) == 1:
		return sub(idx[0], wptHost)
	case m[1] == "hosts" && len(idx) == 2:
		base := wptHost
		switch idx[0] {
		case "":
		case "alt":
			base = wptAltHost
		default:
			return "", fmt.Errorf("unknown host set %q", idx[0])
		}
		return sub(idx[1], base)
	case m[1] == "ports" && len(idx) == 2:
		ps, ok := wptPorts[idx[0]]
		i, err := strconv.Atoi(idx[1])
		if !ok || err != nil || i < 0 || i >= len(ps) {
			return "", fmt.Errorf("unknown port %s[%s]", idx[0], idx[1])
		}
		return strconv.Itoa(ps[i]), nil
	}
	return "", fmt.Errorf("unsupported expression")
}
