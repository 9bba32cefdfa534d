package wpt

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/events"
)

// WorkerGlobalScopeClass and DedicatedWorkerGlobalScopeClass are the
// interface objects of the worker global object. Their members live on the
// global object itself, as WebIDL requires for [Global] interfaces.
var (
	WorkerGlobalScopeClass          = &jsclass.Class{Name: "WorkerGlobalScope", Extends: events.EventTargetClass}
	DedicatedWorkerGlobalScopeClass = &jsclass.Class{Name: "DedicatedWorkerGlobalScope", Extends: WorkerGlobalScopeClass}
)

// scope is one run's worker global: it owns the global object's own members,
// loads scripts with importScripts, reports exceptions as error events and
// connects testharness.js to the run's state. Used on the isolate's
// goroutine only.
type scope struct {
	iso   *runtime.Isolate
	vm    *goja.Runtime
	tree  *tree
	loc   *workerLocation
	state *runState
	// window: a .window.js test, which gets the document shim (document.go).
	window bool

	hooked         bool          // testharness.js loaded and our callbacks added
	harnessTimeout goja.Callable // testharness's timeout(), for the soft timeout
}

func newScope(t *tree, state *runState, spec runSpec) (*scope, error) {
	location := spec.url()
	u, err := url.Parse(location)
	if err != nil {
		return nil, fmt.Errorf("wpt: test URL %q: %w", location, err)
	}
	return &scope{tree: t, state: state, loc: &workerLocation{u: u}, window: spec.file.kind == kindWindow}, nil
}

// workerEventHandlers are the event handler attributes of WorkerGlobalScope
// and DedicatedWorkerGlobalScope that events.MakeGlobalEventTarget does not
// define (it defines onerror, onunhandledrejection, onrejectionhandled).
var workerEventHandlers = []string{"languagechange", "offline", "online", "message", "messageerror"}

// install makes iso's global object a DedicatedWorkerGlobalScope: an
// EventTarget (webapi/events) whose prototype chain is
// DedicatedWorkerGlobalScope → WorkerGlobalScope → EventTarget. It runs
// after the Web API setup and replaces what that defined under the same
// names (self, location...).
func (sc *scope) install(iso *runtime.Isolate) error {
	sc.iso, sc.vm = iso, iso.VM()
	vm := sc.vm
	global := vm.GlobalObject()
	events.MakeGlobalEventTarget(iso)
	target, ok := events.TargetOf(iso, global)
	if !ok {
		return errors.New("wpt: the global object is not an EventTarget")
	}
	dwgs := jsclass.Get(iso, DedicatedWorkerGlobalScopeClass)
	if v := global.Get("EventTarget"); v == nil || goja.IsUndefined(v) {
		jsclass.Install(iso, events.EventTargetClass)
	}
	jsclass.Install(iso, WorkerLocationClass, WorkerGlobalScopeClass, DedicatedWorkerGlobalScopeClass)
	if err := global.SetPrototype(dwgs.Proto); err != nil {
		return fmt.Errorf("wpt: global prototype: %w", err)
	}
	for _, typ := range workerEventHandlers {
		typ := typ
		get := sc.fn("get on"+typ, 0, func(goja.FunctionCall) goja.Value { return target.Handler(typ) })
		set := sc.fn("set on"+typ, 1, func(call goja.FunctionCall) goja.Value {
			target.SetHandler(iso, typ, call.Argument(0))
			return goja.Undefined()
		})
		_ = global.DefineAccessorProperty("on"+typ, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}

	location := jsclass.New(iso, WorkerLocationClass, sc.loc)
	sc.getter(global, "self", func() goja.Value { return global })
	sc.getter(global, "location", func() goja.Value { return location })
	sc.getter(global, "name", func() goja.Value { return vm.ToValue("") })
	sc.getter(global, "isSecureContext", func() goja.Value { return vm.ToValue(sc.loc.isSecure()) })
	sc.getter(global, "crossOriginIsolated", func() goja.Value { return vm.ToValue(false) })
	sc.replaceable(global, "origin", vm.ToValue(sc.loc.origin()))
	sc.method(global, "importScripts", 0, sc.importScripts)
	sc.method(global, "postMessage", 1, sc.postMessage)
	if v := global.Get("reportError"); v == nil || goja.IsUndefined(v) {
		sc.method(global, "reportError", 1, func(call goja.FunctionCall) goja.Value {
			return events.ReportErrorFunction(iso, call)
		})
	}
	if sc.window {
		return sc.installDocument()
	}
	return nil
}

func (sc *scope) fn(name string, length int, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return jsclass.Function(sc.vm, name, length, f)
}

// getter defines a read-only attribute of the global (enumerable, configurable).
func (sc *scope) getter(obj *goja.Object, name string, get func() goja.Value) {
	g := sc.fn("get "+name, 0, func(goja.FunctionCall) goja.Value { return get() })
	_ = obj.DefineAccessorProperty(name, g, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// replaceable defines a [Replaceable] read-only attribute: assigning to it
// replaces the accessor with a data property.
func (sc *scope) replaceable(obj *goja.Object, name string, v goja.Value) {
	g := sc.fn("get "+name, 0, func(goja.FunctionCall) goja.Value { return v })
	s := sc.fn("set "+name, 1, func(call goja.FunctionCall) goja.Value {
		_ = obj.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		return goja.Undefined()
	})
	_ = obj.DefineAccessorProperty(name, g, s, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// method defines an operation of the global (writable, enumerable, configurable).
func (sc *scope) method(obj *goja.Object, name string, length int, f func(goja.FunctionCall) goja.Value) {
	_ = obj.DefineDataProperty(name, sc.fn(name, length, f), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// postMessage is DedicatedWorkerGlobalScope.postMessage. The worker has no
// parent document here (the runner reads results through testharness's
// callbacks instead of messages), so messages are not delivered anywhere.
func (sc *scope) postMessage(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) < 1 {
		panic(sc.vm.NewTypeError("Failed to execute 'postMessage' on 'DedicatedWorkerGlobalScope': 1 argument required, but only 0 present."))
	}
	return goja.Undefined()
}

// importScripts implements HTML §10.3.4 "import scripts into worker global
// scope" for classic workers.
func (sc *scope) importScripts(call goja.FunctionCall) goja.Value {
	// "2. Let urlRecords be a list... For each url of urls: Let urlRecord be
	// the result of encoding-parsing a URL given url, relative to settings
	// object. If urlRecord is failure, then throw a 'SyntaxError' DOMException."
	urls := make([]*url.URL, 0, len(call.Arguments))
	for _, arg := range call.Arguments {
		s := arg.String()
		ref, err := url.Parse(s)
		if err != nil {
			sc.throwDOMException(fmt.Sprintf("Failed to execute 'importScripts' on 'WorkerGlobalScope': The URL '%s' is invalid.", s), "SyntaxError")
		}
		urls = append(urls, sc.loc.u.ResolveReference(ref))
	}
	// "3. For each urlRecord of urlRecords: fetch a classic worker-imported
	// script given urlRecord... Run the classic script script, with rethrow
	// errors set to true."
	for _, u := range urls {
		prg, rel := sc.fetchScript(u)
		if _, err := sc.vm.RunProgram(prg); err != nil {
			panic(err) // *goja.Exception rethrows; an interrupt keeps unwinding
		}
		if rel == "resources/testharness.js" && !sc.hooked {
			sc.hookHarness()
		}
	}
	return goja.Undefined()
}

// fetchScript loads a classic script from the WPT tree; a failure throws
// what a browser throws (NetworkError, or the script's SyntaxError).
func (sc *scope) fetchScript(u *url.URL) (*goja.Program, string) {
	failed := func() {
		sc.throwDOMException(fmt.Sprintf("Failed to execute 'importScripts' on 'WorkerGlobalScope': The script at '%s' failed to load.", u), "NetworkError")
	}
	if (u.Scheme != "http" && u.Scheme != "https") || !isWPTOrigin(u.Scheme, u.Host) {
		failed()
	}
	if err := sc.tree.check(u.Path, u.RawQuery); err != nil {
		var ns *needsServerError
		if errors.As(err, &ns) {
			sc.state.needsServer(ns.what)
		}
		failed()
	}
	rel, err := relFromURLPath(u.Path)
	if err != nil {
		failed()
	}
	prg, err := sc.tree.program(rel)
	if err != nil {
		var ns *needsServerError
		var se *goja.CompilerSyntaxError
		switch {
		case errors.As(err, &ns):
			sc.state.needsServer(ns.what)
		case errors.As(err, &se):
			sc.throw("SyntaxError", syntaxMessage(se))
		case errors.As(err, new(*compilerPanic)):
			sc.throw("Error", err.Error())
		case !errors.Is(err, fs.ErrNotExist):
			sc.throw("Error", err.Error())
		}
		failed()
	}
	return prg, rel
}

// throw throws a new JS error of the named constructor (Error, SyntaxError...).
func (sc *scope) throw(ctor, msg string) {
	if c, ok := goja.AssertConstructor(sc.vm.Get(ctor)); ok {
		if obj, err := c(nil, sc.vm.ToValue(msg)); err == nil {
			panic(obj)
		}
	}
	panic(sc.vm.NewTypeError("%s", msg))
}

// throwDOMException throws a DOMException when the Web API setup installed
// one, else an Error with the same name and message.
func (sc *scope) throwDOMException(msg, name string) {
	if ctor, ok := goja.AssertConstructor(sc.vm.Get("DOMException")); ok {
		if obj, err := ctor(nil, sc.vm.ToValue(msg), sc.vm.ToValue(name)); err == nil {
			panic(obj)
		}
	}
	e := sc.vm.NewGoError(errors.New(msg))
	_ = e.Set("name", name)
	panic(e)
}

// reportCallbackError reports an exception thrown by a callback the host
// invoked; an interrupt keeps unwinding.
func (sc *scope) reportCallbackError(err error) {
	if err == nil {
		return
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		sc.reportException(ex.Value())
		return
	}
	panic(err)
}

// reportException is HTML's "report an exception" at the worker global: an
// ErrorEvent named error is fired at it (testharness listens and turns it
// into a harness error). Before testharness.js is loaded nobody listens, so
// the run ends with the exception as a harness error.
func (sc *scope) reportException(v goja.Value) {
	events.ReportException(sc.iso, v)
	if !sc.hooked {
		sc.state.finish(HarnessError, "Uncaught "+safeString(v), nil)
	}
}

// safeString converts a thrown value to a string the way a console would,
// without letting a throwing toString escape.
func safeString(v goja.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = "exception"
		}
	}()
	if v == nil {
		return "undefined"
	}
	return strings.TrimSpace(v.String())
}
