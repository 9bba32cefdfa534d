package events

import (
	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/performance/clock"
)

// Classes lists every interface Install exposes.
var Classes = []*jsclass.Class{
	DOMExceptionClass,
	QuotaExceededErrorClass,
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
// see MakeGlobalEventTarget. It fixes the isolate's time origin
// (Event.timeStamp counts from it), so call it from Setup.
func Install(iso *runtime.Isolate) {
	clock.Origin(iso)
	jsclass.Install(iso, Classes...)
}
