package server

import (
	"errors"
	"sort"
	"strconv"

	"github.com/edgerun/edgerun/bundler"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/dop251/goja"
)

// JSError is a value thrown by route code, with its (source-mapped) stack.
type JSError struct {
	Message string // "TypeError: boom"
	Stack   string // the stack as goja renders it; positions point at the .ts source
}

func (e *JSError) Error() string {
	if e.Stack != "" {
		return e.Stack
	}
	return e.Message
}

// jsError converts a thrown JS value into a *JSError. Reading the value's
// message or stack runs JS (getters, toString) that may itself throw; that
// must not take the isolate down, so the conversion is guarded.
func jsError(vm *goja.Runtime, v goja.Value) (err error) {
	defer func() {
		if recover() != nil {
			err = &JSError{Message: "[object Object]"}
		}
	}()
	if v == nil {
		return &JSError{Message: "undefined"}
	}
	if obj, ok := v.(*goja.Object); ok {
		msg := obj.String()
		stack := ""
		if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) && !goja.IsNull(st) {
			stack = st.String()
			if !strings.HasPrefix(stack, msg) {
				stack = msg + "\n" + stack
			}
		}
		return &JSError{Message: msg, Stack: stack}
	}
	return &JSError{Message: v.String()}
}

// describeError renders an error for the terminal.
func describeError(err error) string {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return jsError(nil, ex.Value()).Error()
	}
	return err.Error()
}

func describeValue(v goja.Value) string { return jsError(nil, v).Error() }

// isThenable reports whether v has a callable then. A throwing then getter
// counts as a thenable: promiseThen then rejects with what it threw.
func isThenable(v goja.Value) (ok bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = true
		}
	}()
	_, ok = goja.AssertFunction(obj.Get("then"))
	return ok
}

// truncatingBody reads at most limit bytes of r and calls warn once if the
// body was longer (Next truncates edge bodies instead of rejecting them).
func truncatingBody(r io.ReadCloser, limit int64, warn func()) io.ReadCloser {
	return &truncReader{r: r, left: limit, warn: warn}
}

type truncReader struct {
	r    io.ReadCloser
	left int64
	warn func()
}

func (t *truncReader) Read(p []byte) (int, error) {
	if t.left <= 0 {
		var one [1]byte
		if n, _ := t.r.Read(one[:]); n > 0 && t.warn != nil {
			t.warn()
			t.warn = nil
		}
		return 0, io.EOF
	}
	if int64(len(p)) > t.left {
		p = p[:t.left]
	}
	n, err := t.r.Read(p)
	t.left -= int64(n)
	return n, err
}

func (t *truncReader) Close() error { return t.r.Close() }

// addForwarded sets the x-forwarded-* headers next start adds (spec §1.6)
// unless the client sent them.
func addForwarded(h http.Header, r *http.Request, serverPort int) {
	host, port, proto, forFor := forwardedValues(r, serverPort)
	for _, kv := range [4][2]string{{"X-Forwarded-Host", host}, {"X-Forwarded-Port", port}, {"X-Forwarded-Proto", proto}, {"X-Forwarded-For", forFor}} {
		if h.Get(kv[0]) == "" {
			h.Set(kv[0], kv[1])
		}
	}
}

// forwardedValues computes the x-forwarded-* values for r. Like next
// start, the port is the server's own (Server.portFor), not the one in the
// Host header; 0 falls back to the Host header's.
func forwardedValues(r *http.Request, serverPort int) (host, port, proto, forFor string) {
	host, port, proto = r.Host, "80", "http"
	if r.TLS != nil {
		port, proto = "443", "https"
	}
	if _, p, err := net.SplitHostPort(r.Host); err == nil {
		port = p
	}
	if serverPort > 0 {
		port = strconv.Itoa(serverPort)
	}
	forFor = r.RemoteAddr
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		forFor = h
	}
	return host, port, proto, forFor
}

// BuildError reports the routes that failed to build or compile.
type BuildError struct {
	Failures map[string]error // by route file
}

// Error lists every failure, bundler errors with their code frames and
// import traces.
func (e *BuildError) Error() string {
	files := make([]string, 0, len(e.Failures))
	for f := range e.Failures {
		files = append(files, f)
	}
	sort.Strings(files)
	var b strings.Builder
	for i, f := range files {
		if i > 0 {
			b.WriteString("\n")
		}
		err := e.Failures[f]
		var be *bundler.Error
		if errors.As(err, &be) {
			b.WriteString(strings.TrimRight(be.Format(false), "\n"))
			continue
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Unwrap exposes the individual failures to errors.Is/As.
func (e *BuildError) Unwrap() []error {
	out := make([]error, 0, len(e.Failures))
	for _, err := range e.Failures {
		out = append(out, err)
	}
	return out
}

// portFor is the server's own port as edge URLs and x-forwarded-port
// report it: the configured one (WithAddress, -p), else the port the request
// arrived on (an embedder's listener may be anywhere).
func (s *Server) portFor(r *http.Request) int {
	if s.portSet {
		return s.cfg.Port
	}
	return listenPort(r, s.cfg.Port)
}

// listenPort is the port the request arrived on: the listener's local
// address when net/http provides it, else the configured port.
func listenPort(r *http.Request, configured int) int {
	if addr, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if tcp, ok := addr.(*net.TCPAddr); ok && tcp.Port > 0 {
			return tcp.Port
		}
	}
	return configured
}
