package runtime

import "time"

// An Invocation is the work an isolate does for one request. It carries the
// request's CPU budget and counts the host operations still pending for it.
//
// Invocations are created with [Isolate.NewInvocation] from any goroutine;
// every other method must be called on the isolate's goroutine.
type Invocation struct {
	iso     *Isolate
	budget  time.Duration
	used    time.Duration
	pending int
	ended   bool
	failed  bool
	onFail  func(error)
}

// Used reports the CPU time charged to the invocation so far.
func (inv *Invocation) Used() time.Duration { return inv.used }

// Pending reports how many host operations started for the invocation have
// not completed yet.
func (inv *Invocation) Pending() int { return inv.pending }

// Failed reports whether the invocation was failed by its isolate.
func (inv *Invocation) Failed() bool { return inv.failed }

// End marks the invocation finished: the isolate stops counting it as load.
// Tasks it scheduled (timers, pending operations) still run, charged to the
// isolate's background budget. End is idempotent.
func (inv *Invocation) End() {
	if inv.ended {
		return
	}
	inv.ended = true
	inv.iso.endInvocation(inv)
}

func (inv *Invocation) remaining() time.Duration {
	if inv.budget <= 0 {
		return 0
	}
	if r := inv.budget - inv.used; r > 0 {
		return r
	}
	return time.Nanosecond
}

// fail reports err to the invocation once.
func (inv *Invocation) fail(err error) {
	if inv.failed || inv.ended {
		return
	}
	inv.failed = true
	if inv.onFail != nil {
		inv.onFail(err)
	}
}
