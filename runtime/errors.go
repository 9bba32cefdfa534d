package runtime

import (
	"errors"
	"fmt"
	"time"
)

// Errors an invocation can fail with. They are reported to the invocation's
// failure callback on the isolate's goroutine.
var (
	// ErrCPUDeadline is reported to the invocation whose CPU budget ran out.
	ErrCPUDeadline = errors.New("runtime: CPU deadline exceeded")
	// ErrIsolateReplaced is reported to the other invocations that were live
	// on an isolate that had to be discarded.
	ErrIsolateReplaced = errors.New("runtime: isolate was replaced while the request was running")
	// ErrClosed is returned when work is submitted to a closed isolate or pool.
	ErrClosed = errors.New("runtime: isolate is closed")
)

// DeadlineError is the error reported to the invocation whose CPU budget ran out.
type DeadlineError struct {
	Budget time.Duration
}

func (e *DeadlineError) Error() string {
	return fmt.Sprintf("runtime: script exceeded its CPU deadline of %v and was stopped", e.Budget)
}

func (e *DeadlineError) Unwrap() error { return ErrCPUDeadline }

// PanicError reports a Go panic raised by native code while running a task.
// The isolate that raised it is discarded.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("runtime: panic in native code: %v", e.Value)
}
