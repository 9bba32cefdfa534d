package wpt

import (
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// workerLocation backs WorkerLocation (HTML §10.3.2): the worker's script URL,
// read-only.
type workerLocation struct {
	jsclass.Shell
	u *url.URL
}

func (l *workerLocation) href() string { return l.u.String() }

func (l *workerLocation) origin() string {
	return l.u.Scheme + "://" + l.u.Host
}

func (l *workerLocation) search() string {
	if l.u.RawQuery == "" {
		return ""
	}
	return "?" + l.u.RawQuery
}

func (l *workerLocation) hash() string {
	if f := l.u.EscapedFragment(); f != "" {
		return "#" + f
	}
	return ""
}

func locationGetter(name string, fn func(l *workerLocation) string) jsclass.Member {
	return jsclass.Getter(name, func(l *workerLocation, iso *runtime.Isolate) goja.Value {
		return iso.VM().ToValue(fn(l))
	})
}

// WorkerLocationClass is the WorkerLocation interface.
var WorkerLocationClass = &jsclass.Class{
	Name: "WorkerLocation",
	Members: []jsclass.Member{
		locationGetter("href", (*workerLocation).href),
		locationGetter("origin", (*workerLocation).origin),
		locationGetter("protocol", func(l *workerLocation) string { return l.u.Scheme + ":" }),
		locationGetter("host", func(l *workerLocation) string { return l.u.Host }),
		locationGetter("hostname", func(l *workerLocation) string { return l.u.Hostname() }),
		locationGetter("port", func(l *workerLocation) string { return l.u.Port() }),
		locationGetter("pathname", func(l *workerLocation) string { return l.u.EscapedPath() }),
		locationGetter("search", (*workerLocation).search),
		locationGetter("hash", (*workerLocation).hash),
		jsclass.Method("toString", 0, func(l *workerLocation, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			return iso.VM().ToValue(l.href())
		}),
	},
}

// isSecure reports whether the location is a secure context (HTML's
// "potentially trustworthy" origin, which for WPT's hosts means https).
func (l *workerLocation) isSecure() bool { return strings.EqualFold(l.u.Scheme, "https") }
