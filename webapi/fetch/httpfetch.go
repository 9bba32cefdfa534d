package fetch

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"

	weburl "github.com/edgerun/edgerun/webapi/url"
)

// A netRequest is what the network side of fetch() needs from a request,
// copied off the isolate so it can run on another goroutine.
type netRequest struct {
	method    string
	url       *weburl.URL
	header    headerList
	mode      string
	cache     string
	redirect  string
	userAgent string
	integrity string
	allowHost func(host string) bool
	client    *http.Client

	// The body: bodyBytes when it can be sent again (a non-null source),
	// otherwise bodyReader (sent once; redirects that need it fail).
	hasBody    bool
	replayable bool
	bodyBytes  []byte
	bodyReader io.ReadCloser
	bodyLength int64 // -1 unknown
}

// A netResponse is the outcome of the network side.
type netResponse struct {
	resp    *http.Response
	urlList []*weburl.URL
	err     error
	// verified holds the body when the request had integrity metadata: it
	// was read in full and matched.
	verified []byte
}

// checkIntegrity reads the body of a response to a request with integrity
// metadata and fails the fetch unless it matches (main fetch step 22).
func (n *netRequest) checkIntegrity(res netResponse) netResponse {
	if n.integrity == "" || res.err != nil || n.method == "HEAD" || isNullBodyStatus(res.resp.StatusCode) {
		return res
	}
	data, err := io.ReadAll(res.resp.Body)
	_ = res.resp.Body.Close()
	if err != nil {
		return netResponse{err: err, urlList: res.urlList}
	}
	if !integrityMatches(data, n.integrity) {
		return netResponse{err: errIntegrity, urlList: res.urlList}
	}
	res.verified = data
	return res
}

// run performs the HTTP fetch, following redirects by the Fetch Standard's
// HTTP-redirect fetch (https://fetch.spec.whatwg.org/#http-redirect-fetch).
func (n *netRequest) run(ctx context.Context) netResponse {
	urlList := []*weburl.URL{n.url}
	redirectCount := 0
	for {
		cur := urlList[len(urlList)-1]
		resp, err := n.send(ctx, cur)
		if err != nil {
			n.closeBody()
			return netResponse{err: err, urlList: urlList}
		}
		if !isRedirectStatus(resp.StatusCode) {
			n.closeBody()
			return netResponse{resp: resp, urlList: urlList}
		}
		// HTTP fetch: if the response is a redirect and request's redirect mode is "error",
		// the result is a network error.
		if n.redirect == "error" {
			discard(resp)
			n.closeBody()
			return netResponse{err: errRedirectMode, urlList: urlList}
		}
		// Manual mode: the real 3xx response, as undici returns it to server code.
		if n.redirect == "manual" {
			n.closeBody()
			return netResponse{resp: resp, urlList: urlList}
		}
		// HTTP-redirect fetch, step 3: let locationURL be response's location URL
		// given request's current URL's fragment.
		locs := resp.Header.Values("Location")
		// 4. If locationURL is null, then return response.
		if len(locs) == 0 {
			n.closeBody()
			return netResponse{resp: resp, urlList: urlList}
		}
		var loc *weburl.URL
		ok := len(locs) == 1
		if ok {
			loc, ok = parseURL(isomorphicDecode(locs[0]), cur.Href())
		}
		fail := func(err error) netResponse {
			discard(resp)
			n.closeBody()
			return netResponse{err: err, urlList: urlList}
		}
		// 5. If locationURL is failure, then return a network error.
		if !ok {
			return fail(errBadLocation)
		}
		if _, has := urlFragment(loc); !has {
			if frag, ok := urlFragment(cur); ok && frag != "" {
				loc.SetHash(frag)
			}
		}
		// 6. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
		if !isHTTPScheme(loc.Scheme()) {
			return fail(errRedirectScheme)
		}
		// 7. If request's redirect count is 20, then return a network error.
		if redirectCount == 20 {
			return fail(errRedirectLimit)
		}
		// 8. Increase request's redirect count by 1.
		redirectCount++
		// 11. If internalResponse's status is not 303, request's body is non-null,
		//     and request's body's source is null, then return a network error.
		if resp.StatusCode != 303 && n.hasBody && !n.replayable {
			return fail(errNotReplayable)
		}
		// 12. If status is 301 or 302 and method is POST, or status is 303 and
		//     method is not GET or HEAD, then set method to GET and body to null,
		//     and delete the request-body-header names.
		if (resp.StatusCode == 301 || resp.StatusCode == 302) && n.method == "POST" ||
			resp.StatusCode == 303 && n.method != "GET" && n.method != "HEAD" {
			n.method = "GET"
			n.closeBody()
			n.hasBody, n.replayable, n.bodyBytes, n.bodyReader = false, false, nil, nil
			for _, name := range []string{"content-encoding", "content-language", "content-location", "content-type"} {
				n.header.delete(name)
			}
		}
		// 13. If request's current URL's origin is not same origin with
		//     locationURL's origin, then delete `Authorization` (the CORS
		//     non-wildcard request-header name). Scripts here may also set Cookie
		//     and Proxy-Authorization, which undici drops on such redirects too.
		if !sameOrigin(cur, loc) {
			n.header.delete("authorization")
			n.header.delete("proxy-authorization")
			n.header.delete("cookie")
		}
		// 14. The body is extracted again from its source (bodyBytes) by send.
		discard(resp)
		// 19. Append locationURL to request's URL list.
		urlList = append(urlList, loc)
	}
}

// send performs one HTTP request (HTTP-network-or-cache fetch, without a cache).
func (n *netRequest) send(ctx context.Context, u *weburl.URL) (*http.Response, error) {
	// Port blocking (https://fetch.spec.whatwg.org/#block-bad-port).
	if badPorts[urlPort(u)] {
		return nil, errBadPort
	}
	if n.allowHost != nil && !n.allowHost(u.Hostname()) {
		return nil, &HostNotAllowedError{Host: u.Hostname()}
	}
	var body io.Reader
	length := int64(0)
	if n.hasBody {
		if n.replayable {
			body = bytes.NewReader(n.bodyBytes)
			length = int64(len(n.bodyBytes))
		} else {
			body = n.bodyReader
			n.bodyReader = nil // sent once
			length = n.bodyLength
		}
	}
	req, err := http.NewRequestWithContext(ctx, n.method, u.HrefWithoutFragment(), body)
	if err != nil {
		return nil, err
	}
	if body != nil && !n.replayable {
		req.ContentLength = length
		if length < 0 {
			req.ContentLength = -1
		}
		if length == 0 {
			req.Body = http.NoBody
		}
	}
	req.Header = httpHeader(n.header)
	n.addDefaultHeaders(req.Header)
	if host := req.Header.Get("Host"); host != "" {
		req.Host = host
	}
	return n.client.Do(req)
}

// addDefaultHeaders adds what fetch adds to a request's header list before
// it goes out (fetch step 12, HTTP-network-or-cache fetch steps 8-18), the
// way undici does for server code.
func (n *netRequest) addDefaultHeaders(h http.Header) {
	setDefault := func(name, value string) {
		if _, ok := h[name]; !ok {
			h[name] = []string{value}
		}
	}
	setDefault("Accept", "*/*")
	setDefault("Accept-Language", "*")
	setDefault("Sec-Fetch-Mode", n.mode)
	setDefault("User-Agent", n.userAgent)
	// If httpRequest's cache mode is "no-store" or "reload", add Pragma and
	// Cache-Control: no-cache; for "no-cache", Cache-Control: max-age=0.
	switch n.cache {
	case "no-store", "reload":
		setDefault("Pragma", "no-cache")
		setDefault("Cache-Control", "no-cache")
	case "no-cache":
		setDefault("Cache-Control", "max-age=0")
	}
}

func (n *netRequest) closeBody() {
	if n.bodyReader != nil {
		_ = n.bodyReader.Close()
		n.bodyReader = nil
	}
}

// discard drains a little of a redirect's body so its connection can be
// reused, then closes it.
func discard(resp *http.Response) {
	_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
	_ = resp.Body.Close()
}

// statusText returns the reason phrase of a net/http response. HTTP/2 and
// HTTP/3 have none (net/http makes one up), so those give "".
func statusText(resp *http.Response) string {
	if resp.ProtoMajor >= 2 {
		return ""
	}
	s := resp.Status
	code := strconv.Itoa(resp.StatusCode)
	if len(s) > len(code) && s[:len(code)] == code {
		s = s[len(code):]
		if len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
		return s
	}
	if s == code {
		return ""
	}
	return s
}
