package wpt

import (
	"net"
	"strconv"
	"strings"
)

// The wptserve configuration the tests are written against (tools/serve's
// defaults). Tests only see these names; every one of them is served by the
// runner's in-process static server.
const (
	wptHost    = "web-platform.test"
	wptAltHost = "not-web-platform.test"
)

// wptSubdomains are wptserve's subdomains, IDNA-encoded as they appear in URLs.
var wptSubdomains = map[string]string{
	"www":    "www",
	"www1":   "www1",
	"www2":   "www2",
	"天気の良い日": "xn--n8j6ds53lwwkrqhv28a",
	"élève":  "xn--lve-6lad",
}

// wptPorts are the ports the runner pretends to listen on, per scheme. wptserve
// picks "auto" ports at start-up; these are fixed stand-ins.
var wptPorts = map[string][]int{
	"http":         {8000, 8001},
	"https":        {8443, 8444},
	"http-local":   {8002},
	"http-public":  {8003},
	"https-local":  {8445},
	"https-public": {8446},
	"h2":           {9000},
}

// isWPTHost reports whether host (no port) is one of the WPT host names.
func isWPTHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, base := range []string{wptHost, wptAltHost} {
		if host == base {
			return true
		}
		if sub, ok := strings.CutSuffix(host, "."+base); ok {
			for _, s := range wptSubdomains {
				if sub == s {
					return true
				}
			}
		}
	}
	return false
}

// isWPTHTTPPort reports whether port is one of the HTTP(S) ports above.
func isWPTHTTPPort(port int) bool {
	for _, ps := range wptPorts {
		for _, p := range ps {
			if p == port {
				return true
			}
		}
	}
	return false
}

// isWPTOrigin reports whether hostport (host[:port]) is served by the runner.
func isWPTOrigin(scheme, hostport string) bool {
	host, portStr, err := net.SplitHostPort(hostport)
	if err != nil {
		host, portStr = hostport, ""
	}
	if !isWPTHost(host) {
		return false
	}
	port := 0
	switch {
	case portStr != "":
		port, err = strconv.Atoi(portStr)
		if err != nil {
			return false
		}
	case scheme == "https":
		port = 443
	default:
		port = 80
	}
	return isWPTHTTPPort(port)
}
