package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"strings"

	"github.com/edgerun/edgerun/bundler"
)

// Next's default error pages (pages/_error) render "<status>: <title>" in
// a small centered layout. The markup below reproduces what a browser
// shows; Next's own document also carries its build's script tags, which
// have no meaning here.
const errorPageTemplate = `<!DOCTYPE html><html><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>%[1]d: %[2]s</title><meta name="next-head-count" content="3"/></head><body><div id="__next"><div style="font-family:system-ui,&quot;Segoe UI&quot;,Roboto,Helvetica,Arial,sans-serif,&quot;Apple Color Emoji&quot;,&quot;Segoe UI Emoji&quot;;height:100vh;text-align:center;display:flex;flex-direction:column;align-items:center;justify-content:center"><div style="line-height:48px"><style>body{color:#000;background:#fff;margin:0}.next-error-h1{border-right:1px solid rgba(0,0,0,.3)}@media (prefers-color-scheme:dark){body{color:#fff;background:#000}.next-error-h1{border-right:1px solid rgba(255,255,255,.3)}}</style><h1 class="next-error-h1" style="display:inline-block;margin:0 20px 0 0;padding-right:23px;font-size:24px;font-weight:500;vertical-align:top">%[1]d</h1><div style="display:inline-block"><h2 style="font-size:14px;font-weight:400;line-height:28px">%[3]s<!-- -->.</h2></div></div></div></div>%[4]s</body></html>`

var errorTitles = map[int][2]string{
	http.StatusBadRequest:          {"Bad Request", "Bad Request"},
	http.StatusNotFound:            {"This page could not be found", "This page could not be found"},
	http.StatusInternalServerError: {"Internal Server Error", "Internal Server Error"},
}

// errorPage writes Next's HTML error page for status.
func (s *Server) errorPage(w http.ResponseWriter, status int, _ string) {
	s.writeErrorPage(w, status, "")
}

func (s *Server) writeErrorPage(w http.ResponseWriter, status int, extra string) {
	t, ok := errorTitles[status]
	if !ok {
		t = [2]string{http.StatusText(status), http.StatusText(status)}
	}
	body := fmt.Sprintf(errorPageTemplate, status, t[0], t[1], extra)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate")
	h.Set("X-Powered-By", "Next.js")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// notFound answers an unknown path with Next's HTML 404 (spec §1.7), or a
// plain "Not Found" for GET/HEAD subresource requests (Sec-Fetch-Dest other
// than document/empty...), as Next does.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && isNonHTMLFetchDest(r.Header.Get("Sec-Fetch-Dest")) {
		h := w.Header()
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate")
		plainError(w, http.StatusNotFound, "Not Found")
		return
	}
	s.writeErrorPage(w, http.StatusNotFound, "")
}

// isNonHTMLFetchDest mirrors Next's is-non-html-sec-fetch-dest list.
func isNonHTMLFetchDest(dest string) bool {
	switch dest {
	case "audio", "audioworklet", "font", "image", "manifest", "paintworklet", "script", "serviceworker", "sharedworker", "style", "track", "video", "worker", "xslt":
		return true
	}
	return false
}

// routeFailed answers for a route whose build, compile or module
// initialisation failed: the dev error page with the error and its
// location, or production's plain 500.
func (s *Server) routeFailed(w http.ResponseWriter, r *http.Request, rt *route, err error) {
	s.logRouteError(rt, err)
	if s.cfg.Mode == Development {
		s.devErrorPage(w, err)
		return
	}
	plainError(w, http.StatusInternalServerError, "Internal Server Error")
}

func (s *Server) logRouteError(rt *route, err error) {
	rt.logged.Store(true)
	var be *bundler.Error
	if errors.As(err, &be) {
		s.log.Error("⨯ " + strings.TrimRight(be.Format(false), "\n"))
		return
	}
	s.log.Error(fmt.Sprintf("⨯ %s: %v", rt.r.Page, err))
}

// devErrorPage renders the `next dev` error page: the message, the
// (source-mapped) stack or compile error with its location, in a 500 HTML
// page whose __NEXT_DATA__.err carries the message and stack as Next's does.
func (s *Server) devErrorPage(w http.ResponseWriter, err error) {
	msg := err.Error()
	var be *bundler.Error
	if errors.As(err, &be) {
		msg = be.Format(false)
	}
	nextData, _ := json.Marshal(map[string]any{
		"props": map[string]any{"pageProps": map[string]any{"statusCode": 500}},
		"page":  "/_error",
		"query": map[string]any{},
		"err":   map[string]any{"name": "Error", "source": "server", "message": err.Error(), "stack": msg},
	})
	data := fmt.Sprintf(`<pre style="text-align:left;white-space:pre-wrap;margin:24px auto;max-width:960px;font:13px/1.5 ui-monospace,Menlo,monospace;background:#fdf2f2;color:#7f1d1d;padding:16px;border-radius:6px">%s</pre><script id="__NEXT_DATA__" type="application/json">%s</script>`,
		html.EscapeString(msg), jsonSafe(string(nextData)))
	s.writeErrorPage(w, http.StatusInternalServerError, data)
}

// jsonSafe keeps </script> out of inline JSON.
func jsonSafe(s string) string {
	return strings.ReplaceAll(s, "</", `<\/`)
}
