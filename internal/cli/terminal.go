package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/edgerun/edgerun"
)

// terminalHandler prints log records the way next dev does: plain lines,
// "⚠" for warnings and "⨯" for errors, with colour on a terminal. Attributes
// are appended as key=value.
type terminalHandler struct {
	mu    *sync.Mutex
	w     io.Writer
	level slog.Level
	color bool
	attrs []slog.Attr
}

func newTerminalHandler(w io.Writer, level slog.Level, color bool) *terminalHandler {
	return &terminalHandler{mu: &sync.Mutex{}, w: w, level: level, color: color}
}

func (h *terminalHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *terminalHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	msg := r.Message
	switch {
	case r.Level >= slog.LevelError:
		if !strings.HasPrefix(msg, "⨯") {
			msg = "⨯ " + msg
		}
		msg = h.paint("31", msg)
	case r.Level >= slog.LevelWarn:
		if !strings.HasPrefix(msg, "⚠") {
			msg = "⚠ " + msg
		}
		msg = h.paint("33", msg)
	case isRequestLine(msg):
		msg = h.paintRequest(msg)
	}
	b.WriteString(" ")
	b.WriteString(msg)
	for _, a := range h.attrs {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
	}
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	b.WriteByte('\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *terminalHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(append([]slog.Attr{}, h.attrs...), attrs...)
	return &c
}

func (h *terminalHandler) WithGroup(string) slog.Handler { return h }

func (h *terminalHandler) paint(code, s string) string {
	if !h.color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

var methods = []string{"GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD ", "OPTIONS "}

func isRequestLine(msg string) bool {
	for _, m := range methods {
		if strings.HasPrefix(msg, m) {
			return true
		}
	}
	return false
}

// paintRequest colours the status of "GET /api/x 200 in 3ms".
func (h *terminalHandler) paintRequest(msg string) string {
	if !h.color {
		return msg
	}
	parts := strings.Fields(msg)
	if len(parts) < 3 {
		return msg
	}
	code := "32"
	switch parts[2][0] {
	case '3':
		code = "36"
	case '4':
		code = "33"
	case '5':
		code = "31"
	}
	parts[2] = h.paint(code, parts[2])
	return strings.Join(parts, " ")
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == ""
}

// printBanner prints next's style of startup banner plus the route table.
func printBanner(w io.Writer, mode, url string, srv *edgerun.Server, took time.Duration) {
	fmt.Fprintf(w, "   ▲ edgerun %s (%s)\n", edgerun.Version, mode)
	fmt.Fprintf(w, "   - Local:        %s\n", url)
	if files := srv.EnvFiles(); len(files) > 0 {
		fmt.Fprintf(w, "   - Environments: %s\n", strings.Join(files, ", "))
	}
	if file, runtime := srv.Middleware(); file != "" {
		fmt.Fprintf(w, "   - Middleware:   %s (%s)\n", file, runtime)
	}
	fmt.Fprintln(w)
	// Like next build's summary: one table per router.
	var pages, app []edgerun.Route
	for _, r := range srv.Routes() {
		if strings.HasPrefix(r.File, "app/") || strings.HasPrefix(r.File, "src/app/") {
			app = append(app, r)
		} else {
			pages = append(pages, r)
		}
	}
	for _, group := range []struct {
		title  string
		routes []edgerun.Route
	}{{"Route (app)", app}, {"Route (pages)", pages}} {
		if len(group.routes) == 0 {
			continue
		}
		fmt.Fprintf(w, "   %-46s Runtime\n", group.title)
		for _, r := range group.routes {
			fmt.Fprintf(w, "   ƒ %-44s %s\n", r.Page, r.Runtime)
		}
		fmt.Fprintln(w)
	}
	if err := srv.RouteError(); err != nil {
		fmt.Fprintf(w, " ⨯ %v\n", err)
	}
	fmt.Fprintf(w, " ✓ Ready in %s\n", formatReady(took))
}

func formatReady(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}
