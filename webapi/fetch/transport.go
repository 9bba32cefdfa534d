package fetch

import (
	"net"
	"net/http"
	"time"
)

// sharedTransport is the process-wide connection pool of fetch(): every
// isolate's requests reuse its idle connections. Timeouts follow undici's
// defaults where it has them (300 s for response headers).
var sharedTransport = &http.Transport{
	Proxy: http.ProxyFromEnvironment,
	DialContext: (&net.Dialer{
		Timeout:   30 * time.Second,
		KeepAlive: 30 * time.Second,
	}).DialContext,
	ForceAttemptHTTP2:     true,
	MaxIdleConns:          512,
	MaxIdleConnsPerHost:   64,
	IdleConnTimeout:       90 * time.Second,
	TLSHandshakeTimeout:   10 * time.Second,
	ExpectContinueTimeout: 1 * time.Second,
	ResponseHeaderTimeout: 300 * time.Second,
}

var sharedClient = noRedirectClient(&http.Client{Transport: sharedTransport})

// noRedirectClient returns a copy of c that hands every redirect back:
// fetch follows redirects itself, by the Fetch Standard's rules.
func noRedirectClient(c *http.Client) *http.Client {
	cc := *c
	cc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &cc
}
