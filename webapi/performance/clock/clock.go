// Package clock keeps an isolate's time origin and coarsened monotonic
// clock (High Resolution Time, https://w3c.github.io/hr-time/). It is a
// separate package so that webapi/events (Event.timeStamp) and
// webapi/performance (performance.now, which is an EventTarget) share one
// origin without an import cycle.
package clock

import (
	"math"
	"time"

	"github.com/edgerun/edgerun/runtime"
)

// Resolution is the granularity times are coarsened to. HR-Time asks for at
// least 100 µs without cross-origin isolation and allows 5 µs with it;
// there is no cross-origin attacker sharing an edge isolate's process
// timers with us that coarsening would stop, so use the finer value.
const Resolution = 5 * time.Microsecond

type originKey struct{}

// Origin returns the isolate's time origin: the moment this package was
// first asked about the isolate (in practice, while the isolate is set up).
// Call on the isolate's goroutine.
func Origin(iso *runtime.Isolate) time.Time {
	if t, ok := iso.Value(originKey{}).(time.Time); ok {
		return t
	}
	t := time.Now() // carries Go's monotonic reading
	iso.SetValue(originKey{}, t)
	return t
}

// Now returns the current high resolution time relative to the isolate's
// time origin in milliseconds, coarsened to Resolution
// (https://w3c.github.io/hr-time/#dfn-current-high-resolution-time).
func Now(iso *runtime.Isolate) float64 {
	return Milliseconds(time.Since(Origin(iso)))
}

// Milliseconds converts a duration to a coarsened DOMHighResTimeStamp.
func Milliseconds(d time.Duration) float64 {
	d = d / Resolution * Resolution
	return float64(d) / float64(time.Millisecond)
}

// OriginMilliseconds returns the time origin as milliseconds since the Unix
// epoch (performance.timeOrigin), coarsened to Resolution.
func OriginMilliseconds(iso *runtime.Isolate) float64 {
	ns := Origin(iso).UnixNano()
	ns = ns / int64(Resolution) * int64(Resolution)
	return math.Round(float64(ns)/1e3) / 1e3
}
