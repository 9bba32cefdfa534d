// Package events implements the DOM Standard's event machinery and
// cancellation: Event, CustomEvent, EventTarget, AbortController and
// AbortSignal (https://dom.spec.whatwg.org/#events,
// https://dom.spec.whatwg.org/#aborting-ongoing-activities), the HTML event
// classes edge code meets (ErrorEvent, PromiseRejectionEvent:
// https://html.spec.whatwg.org/multipage/webappapis.html#runtime-script-errors),
// and WebIDL's DOMException (https://webidl.spec.whatwg.org/#idl-DOMException).
//
// Other Web API packages use its Go API: NewDOMException/ThrowDOMException to
// raise spec errors, SignalOf/NewAbortSignal and (*AbortSignal).OnAbort to
// honour cancellation, EventTargetClass to declare EventTarget subclasses
// (their Go backing type embeds EventTarget), and NewEvent/Dispatch to fire
// events from Go.
//
// There is no DOM tree here: an event's path is its target alone, so the
// capture and bubble phases collapse into AT_TARGET (capture listeners run
// first, as the DOM Standard orders them).
package events
