package runtime

// An Op is a host operation (network I/O, a crypto job, a file read) started
// on the isolate's goroutine and completed from any goroutine. While it is
// pending it counts against its invocation, so the host knows the request
// still has work in flight (k6's RegisterCallback contract).
type Op struct {
	iso  *Isolate
	inv  *Invocation
	done bool
}

// StartOp reserves a pending operation for the current invocation. It must be
// called on the isolate's goroutine, and Complete must then be called exactly
// once.
func (iso *Isolate) StartOp() *Op {
	inv := iso.current
	if inv != nil {
		inv.pending++
	}
	return &Op{iso: iso, inv: inv}
}

// Complete schedules fn (which may resolve promises) on the isolate's
// goroutine and releases the reservation. Safe from any goroutine. It reports
// ErrClosed if the isolate is gone, in which case fn never runs.
func (op *Op) Complete(fn func()) error {
	if op.done {
		panic("runtime: Op completed twice")
	}
	op.done = true
	return op.iso.enqueue(task{inv: op.inv, fn: fn, op: true})
}
