package server

import (
	"net/http"
	"strings"
)

// defaultHeaders adds response headers that routing decided before the
// route ran (next.config headers(), middleware response headers). As in
// Next, which sets them on the response before invoking the route, a
// header the route sets itself wins, except Set-Cookie, where both sets
// are sent (routing's first).
type defaultHeaders struct {
	http.ResponseWriter
	lines []headerLine
	done  bool
}

// withDefaultHeaders wraps w; lines are added when the head is written.
func withDefaultHeaders(w http.ResponseWriter, lines []headerLine) http.ResponseWriter {
	if d, ok := w.(*defaultHeaders); ok && !d.done {
		// Later steps (middleware after headers()) override earlier ones.
		merged := append([]headerLine(nil), d.lines...)
		for _, l := range lines {
			if !strings.EqualFold(l.name, "set-cookie") {
				merged = slicesDeleteFunc(merged, func(m headerLine) bool { return strings.EqualFold(m.name, l.name) })
			}
			merged = append(merged, l)
		}
		d.lines = merged
		return d
	}
	return &defaultHeaders{ResponseWriter: w, lines: lines}
}

func (d *defaultHeaders) apply() {
	if d.done {
		return
	}
	d.done = true
	h := d.ResponseWriter.Header()
	var cookies []string
	for _, l := range d.lines {
		if strings.EqualFold(l.name, "set-cookie") {
			cookies = append(cookies, l.value)
			continue
		}
		if hasHeaderFold(h, l.name) {
			continue
		}
		name := l.name
		if canon, ok := wellKnownHeaders[strings.ToLower(name)]; ok {
			name = canon
		}
		h[name] = append(h[name], l.value)
	}
	if len(cookies) > 0 {
		var route []string
		for k, v := range h {
			if strings.EqualFold(k, "set-cookie") {
				route = append(route, v...)
				delete(h, k)
			}
		}
		h["Set-Cookie"] = append(cookies, route...)
	}
}

// hasHeaderFold reports whether h has name in any casing with a value.
func hasHeaderFold(h http.Header, name string) bool {
	for k, v := range h {
		if len(v) > 0 && strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

func (d *defaultHeaders) WriteHeader(code int) {
	d.apply()
	d.ResponseWriter.WriteHeader(code)
}

func (d *defaultHeaders) Write(b []byte) (int, error) {
	d.apply()
	return d.ResponseWriter.Write(b)
}

func (d *defaultHeaders) Flush() {
	d.apply()
	if f, ok := d.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (d *defaultHeaders) Unwrap() http.ResponseWriter { return d.ResponseWriter }
