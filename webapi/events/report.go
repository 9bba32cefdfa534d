package events

// https://html.spec.whatwg.org/multipage/webappapis.html#report-an-exception
// https://html.spec.whatwg.org/multipage/webappapis.html#unhandled-promise-rejections

import (
	"regexp"
	"strconv"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
)

// UncaughtFunc receives an error nobody handled: an exception thrown by a
// listener or a timer callback (inPromise false) or an unhandled promise
// rejection (inPromise true). It runs on the isolate's goroutine.
type UncaughtFunc func(err goja.Value, inPromise bool)

type uncaughtKey struct{}
type reportingKey struct{}

// OnUncaught sets where uncaught errors are "reported to the developer
// console". console.Install points it at the console sink; without it they
// go to the isolate's logger.
func OnUncaught(iso *runtime.Isolate, fn UncaughtFunc) { iso.SetValue(uncaughtKey{}, fn) }

func reportToConsole(iso *runtime.Isolate, v goja.Value, inPromise bool) {
	if fn, ok := iso.Value(uncaughtKey{}).(UncaughtFunc); ok && fn != nil {
		fn(v, inPromise)
		return
	}
	prefix := "Uncaught "
	if inPromise {
		prefix = "Uncaught (in promise) "
	}
	iso.Logger().Error(prefix+describe(v), "isolate", iso.Name())
}

func describe(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if o, ok := v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return st.String()
		}
	}
	return v.String()
}

// ReportException is HTML's "report an exception": with a global that is
// an EventTarget (see MakeGlobalEventTarget) it fires a cancelable "error"
// ErrorEvent at the global first; unless a listener cancels it, the error
// goes to the OnUncaught function. Call on the isolate's goroutine.
func ReportException(iso *runtime.Isolate, v goja.Value) {
	if v == nil {
		v = goja.Undefined()
	}
	vm := iso.VM()
	global := vm.GlobalObject()
	// 2. If global's in error reporting mode is true, then report the
	// exception to the developer console and return.
	if _, ok := TargetOf(iso, global); !ok || iso.Value(reportingKey{}) == true {
		reportToConsole(iso, v, false)
		return
	}
	// 3. Set global's in error reporting mode to true.
	iso.SetValue(reportingKey{}, true)
	defer iso.SetValue(reportingKey{}, false)
	// 6. Let notHandled be the result of firing an event named error at
	// global, using ErrorEvent, with the cancelable attribute initialized to
	// true, and additional attributes initialized according to errorInfo.
	file, line, col := errorLocation(v)
	if file == "" {
		file, line, col = callerLocation(iso)
	}
	ev := NewErrorEvent(iso, "error", "Uncaught "+safeString(vm, v), file, line, col, v, true)
	notHandled := Dispatch(iso, global, ev)
	// 8. If notHandled is true, then report exception to the developer console.
	if notHandled {
		reportToConsole(iso, v, false)
	}
}

// safeString is ToString(v) that cannot throw (a throwing toString yields "").
func safeString(vm *goja.Runtime, v goja.Value) string {
	var s string
	if ex := vm.Try(func() { s = v.String() }); ex != nil {
		return ""
	}
	return s
}

// frameRE matches the first frame of a goja stack: "at f (file:1:2(3))" or "at file:1:2(3)".
var frameRE = regexp.MustCompile(`\n\s*at (?:[^\n]*\()?([^\n()]*):(\d+):(\d+)`)

// errorLocation extracts the script position of the first frame of an
// Error's stack. Other values are left alone: reading their properties
// could run getters.
func errorLocation(v goja.Value) (file string, line, col uint32) {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Error" {
		return "", 0, 0
	}
	stv := o.Get("stack")
	if stv == nil || !goja.IsString(stv) {
		return "", 0, 0
	}
	st := stv.String()
	m := frameRE.FindStringSubmatch(st)
	if m == nil {
		return "", 0, 0
	}
	l, _ := strconv.ParseUint(m[2], 10, 32)
	c, _ := strconv.ParseUint(m[3], 10, 32)
	return m[1], uint32(l), uint32(c)
}

// ReportUnhandledRejection is HTML's "notify about rejected promises" for
// one promise: with an EventTarget global it fires a cancelable
// "unhandledrejection" PromiseRejectionEvent at the global; unless a
// listener cancels it, the reason goes to the OnUncaught function. The host
// wires it into runtime.Options.OnUnhandledRejection:
//
//	runtime.Options{OnUnhandledRejection: events.ReportUnhandledRejection}
func ReportUnhandledRejection(iso *runtime.Isolate, p *goja.Promise) {
	reason := p.Result()
	global := iso.VM().GlobalObject()
	if _, ok := TargetOf(iso, global); ok {
		promise := iso.VM().ToValue(p).(*goja.Object)
		ev := NewPromiseRejectionEvent(iso, "unhandledrejection", promise, reason, true)
		if !Dispatch(iso, global, ev) {
			return
		}
	}
	reportToConsole(iso, reason, true)
}

// ReportErrorFunction is the body of the reportError(e) global
// (https://html.spec.whatwg.org/multipage/webappapis.html#dom-reporterror).
func ReportErrorFunction(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	webidl.Method("WorkerGlobalScope", "reportError").RequireArgs(iso.VM(), call, 1)
	ReportException(iso, call.Argument(0))
	return goja.Undefined()
}

// callerLocation is the position of the innermost JS frame running now
// (where reportError was called, or the listener that threw).
func callerLocation(iso *runtime.Isolate) (file string, line, col uint32) {
	for _, f := range iso.VM().CaptureCallStack(0, nil) {
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		return p.Filename, uint32(p.Line), uint32(p.Column)
	}
	return "", 0, 0
}

// ReportRejectionHandled fires rejectionhandled on an EventTarget global
// for a promise that was reported unhandled and has since been handled
// (HTML's "notify about rejected promises"). Wire it into
// runtime.Options.OnRejectionHandled.
func ReportRejectionHandled(iso *runtime.Isolate, p *goja.Promise) {
	global := iso.VM().GlobalObject()
	if _, ok := TargetOf(iso, global); !ok {
		return
	}
	promise := iso.VM().ToValue(p).(*goja.Object)
	Dispatch(iso, global, NewPromiseRejectionEvent(iso, "rejectionhandled", promise, p.Result(), false))
}
