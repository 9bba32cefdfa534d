package server

import (
	"net/http"
	"net/http/httputil"
	"net/url"

	"github.com/edgerun/edgerun/webapi/fetch"
)

// proxy forwards the request to an external URL (a rewrite to an absolute
// destination, from next.config or middleware), streaming the response
// back, as Next does with http-proxy (changeOrigin: the upstream sees its
// own Host). Outbound requests go through fetch()'s client, so the fetch
// allow-list and connection pool apply.
func (s *Server) proxy(w http.ResponseWriter, r *http.Request, target string) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		s.log.Error("⨯ invalid external rewrite destination " + target)
		plainError(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	if s.cfg.AllowFetch != nil && !s.cfg.AllowFetch(u.Hostname()) {
		s.log.Error("⨯ external rewrite to " + u.Host + " is not allowed by the fetch allow-list")
		plainError(w, http.StatusBadGateway, "Bad Gateway")
		return
	}
	client := s.cfg.HTTPClient
	if client == nil {
		client = fetch.SharedClient()
	}
	transport := client.Transport
	if transport == nil {
		transport = http.DefaultTransport
	}
	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL = u
			pr.Out.Host = u.Host
			pr.SetXForwarded()
		},
		Transport:     transport,
		FlushInterval: -1,
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
			s.log.Error("⨯ Failed to proxy " + target + " " + err.Error())
			plainError(w, http.StatusInternalServerError, "Internal Server Error")
		},
	}
	rp.ServeHTTP(w, r)
}
