package events

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// Classes lists every interface Install exposes.
var Classes = []*jsclass.Class{
	DOMExceptionClass,
	EventClass,
	EventTargetClass,
	CustomEventClass,
	ErrorEventClass,
	PromiseRejectionEventClass,
	AbortControllerClass,
	AbortSignalClass,
}

// Install exposes DOMException, Event, EventTarget, CustomEvent,
// ErrorEvent, PromiseRejectionEvent, AbortController and AbortSignal as
// lazily built globals. It does not make the global object an EventTarget;
// see MakeGlobalEventTarget.
func Install(iso *runtime.Isolate) {
	jsclass.Install(iso, Classes...)
}
