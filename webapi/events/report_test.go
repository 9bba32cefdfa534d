package events_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
)

// uncaughtLog collects what reaches OnUncaught.
type uncaughtLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *uncaughtLog) add(v goja.Value, inPromise bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	prefix := "uncaught "
	if inPromise {
		prefix = "in promise "
	}
	l.lines = append(l.lines, prefix+v.String())
}

func (l *uncaughtLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "; ")
}

var reportTests = []struct {
	name, src, want, uncaught string
}{
	{"unhandledrejection event", `const p = Promise.reject(new Error("r")); return await new Promise(res => addEventListener("unhandledrejection", e => { e.preventDefault(); res([e instanceof PromiseRejectionEvent, e.promise === p, e.reason.message, e.cancelable, e.isTrusted].join()) }))`,
		"true,true,r,true,true", ""},
	{"unhandledrejection not canceled is reported", `let seen = false; addEventListener("unhandledrejection", () => seen = true); Promise.reject("boom"); await new Promise(r => setTimeout(r, 5)); return seen`,
		"true", "in promise boom"},
	{"onunhandledrejection handler", `onunhandledrejection = e => { e.preventDefault(); globalThis.reason = e.reason }; Promise.reject(7); await new Promise(r => setTimeout(r, 5)); return globalThis.reason`,
		"7", ""},
	{"handled rejection is not reported", `Promise.reject(1).catch(() => {}); await new Promise(r => setTimeout(r, 5)); return "ok"`, "ok", ""},
	{"listener error without error listener", `const t = new EventTarget(); t.addEventListener("x", () => { throw new TypeError("t") }); t.dispatchEvent(new Event("x")); return "ok"`, "ok", "uncaught TypeError: t"},
	{"onerror returning true cancels", `onerror = () => true; const t = new EventTarget(); t.addEventListener("x", () => { throw 1 }); t.dispatchEvent(new Event("x")); return "ok"`, "ok", ""},
	{"error in error listener is not recursive", `addEventListener("error", () => { throw "inner" }); const t = new EventTarget(); t.addEventListener("x", () => { throw "outer" }); t.dispatchEvent(new Event("x")); return "ok"`, "ok", "uncaught inner; uncaught outer"},
	{"error event location", `let e; addEventListener("error", ev => { e = ev; ev.preventDefault() }); const t = new EventTarget(); t.addEventListener("x", () => { throw new Error("loc") }); t.dispatchEvent(new Event("x")); return [e.lineno > 0, e.colno > 0, e.message].join()`, "true,true,Uncaught Error: loc", ""},
}

func TestReport(t *testing.T) {
	for _, tt := range reportTests {
		t.Run(tt.name, func(t *testing.T) {
			log := &uncaughtLog{}
			iso := eventstest.New(t, func(iso *runtime.Isolate) {
				install(iso)
				timersForTest(iso)
				events.OnUncaught(iso, log.add)
			}, func(o *runtime.Options) { o.OnUnhandledRejection = events.ReportUnhandledRejection })
			if got := eventstest.Eval(t, iso, tt.src); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if got := log.String(); got != tt.uncaught {
				t.Errorf("uncaught: got %q, want %q", got, tt.uncaught)
			}
		})
	}
}
