// Package timers implements HTML's timers and microtask queuing
// (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers,
// https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#microtask-queuing):
// setTimeout, setInterval, clearTimeout, clearInterval and queueMicrotask,
// plus reportError and a setImmediate for the profiles that want them.
//
// Timers run on the isolate's event loop (runtime.Isolate.SetTimer), are
// identified by positive integers, and follow HTML's clamping: a timer
// created from a timer task nested more than 5 levels deep waits at least
// 4 ms. Intervals are re-armed after each run, so they are clamped too.
// Exceptions thrown by callbacks are reported (events.ReportException), not
// propagated.
package timers
