package wpt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"time"
)

// staticServer serves the WPT checkout read-only over HTTP on 127.0.0.1,
// the way wptserve serves static files: `.headers` files apply, `.sub.`
// files are substituted. Requests that need wptserve get 501 (the transport
// normally stops them earlier and marks the run SKIP).
type staticServer struct {
	tree *tree
	srv  *httptest.Server
}

func newStaticServer(t *tree) *staticServer {
	s := &staticServer{tree: t}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *staticServer) addr() string { return s.srv.Listener.Addr().String() }

func (s *staticServer) close() { s.srv.Close() }

func (s *staticServer) serve(w http.ResponseWriter, r *http.Request) {
	if err := s.tree.check(r.URL.Path, r.URL.RawQuery); err != nil {
		http.Error(w, err.Error(), http.StatusNotImplemented)
		return
	}
	rel, err := relFromURLPath(r.URL.Path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	b, err := s.tree.read(rel)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var mod time.Time
	if st, err := os.Stat(filepath.Join(s.tree.root, filepath.FromSlash(rel))); err == nil {
		mod = st.ModTime()
	}
	h := w.Header()
	if ct, ok := contentTypes[path.Ext(rel)]; ok {
		h.Set("Content-Type", ct)
	} else {
		h.Set("Content-Type", "application/octet-stream")
	}
	for _, kv := range s.tree.headersFor(rel) {
		h.Add(kv[0], kv[1])
	}
	http.ServeContent(w, r, rel, mod, bytes.NewReader(b))
}

// contentTypes is wptserve's mapping for the extensions tests fetch; fixed
// here rather than taken from the host's mime.types so runs are reproducible.
var contentTypes = map[string]string{
	".css":   "text/css",
	".gif":   "image/gif",
	".htm":   "text/html",
	".html":  "text/html",
	".jpeg":  "image/jpeg",
	".jpg":   "image/jpeg",
	".js":    "text/javascript",
	".json":  "application/json",
	".mjs":   "text/javascript",
	".pdf":   "application/pdf",
	".png":   "image/png",
	".svg":   "image/svg+xml",
	".txt":   "text/plain",
	".wasm":  "application/wasm",
	".webm":  "video/webm",
	".xht":   "application/xhtml+xml",
	".xhtml": "application/xhtml+xml",
	".xml":   "application/xml",
	".zip":   "application/zip",
}

// transport routes requests for the WPT origins (any WPT host on any WPT
// HTTP(S) port) to the static server, keeping the original URL and Host
// header; every other destination is a network error, so tests never reach
// the real network. One transport per run: it reports which requests needed
// wptserve.
type transport struct {
	base          http.RoundTripper
	tree          *tree
	onNeedsServer func(what string)
}

// ErrNoNetwork is the error for requests to hosts other than the WPT ones.
var ErrNoNetwork = errors.New("wpt: only the WPT origins are reachable from tests")

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL
	if (u.Scheme != "http" && u.Scheme != "https") || !isWPTOrigin(u.Scheme, u.Host) {
		closeBody(req)
		return nil, fmt.Errorf("%w: %s", ErrNoNetwork, u.Redacted())
	}
	if err := t.tree.check(u.Path, u.RawQuery); err != nil {
		closeBody(req)
		var ns *needsServerError
		if errors.As(err, &ns) && t.onNeedsServer != nil {
			t.onNeedsServer(ns.what)
		}
		return nil, err
	}
	out := req.Clone(req.Context())
	out.URL.Scheme = "http"
	out.Host = u.Host
	resp, err := t.base.RoundTrip(out)
	if resp != nil {
		resp.Request = req
	}
	return resp, err
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// baseTransport dials the static server whatever the URL's host says.
func (s *staticServer) baseTransport() *http.Transport {
	addr := s.addr()
	var d net.Dialer
	return &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
		DisableCompression:  true,
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     30 * time.Second,
	}
}
