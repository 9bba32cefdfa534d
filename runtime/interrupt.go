package runtime

import (
	"context"
	"sync"
)

// interruptHooks holds, per isolate, the contexts of native work that runs
// outside JS and so cannot be stopped by goja's Interrupt (which only fires
// between JS instructions): WebAssembly execution, for one.
var interruptHooks sync.Map // *Isolate → *interruptSet

type interruptSet struct {
	mu      sync.Mutex
	cancels map[*context.CancelFunc]struct{}
}

// InterruptContext returns a context that is cancelled if the isolate's
// CPU deadline interrupts it before release is called. A native function
// that runs long without returning to JS (a WebAssembly call) passes it to
// the work and calls release when the work returns. Call it on the isolate's
// goroutine; release is idempotent.
func (iso *Isolate) InterruptContext() (ctx context.Context, release func()) {
	ctx, cancel := context.WithCancel(context.Background())
	v, _ := interruptHooks.LoadOrStore(iso, &interruptSet{})
	set := v.(*interruptSet)
	set.mu.Lock()
	if set.cancels == nil {
		set.cancels = map[*context.CancelFunc]struct{}{}
	}
	set.cancels[&cancel] = struct{}{}
	set.mu.Unlock()
	// The deadline may have passed already (the interrupt then waits for
	// the next JS instruction): do not start native work at all.
	iso.armMu.Lock()
	if iso.interrupted {
		cancel()
	}
	iso.armMu.Unlock()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			set.mu.Lock()
			delete(set.cancels, &cancel)
			empty := len(set.cancels) == 0
			set.mu.Unlock()
			if empty {
				// Only the isolate's goroutine adds entries, so the set
				// cannot gain one between the check and the delete.
				interruptHooks.CompareAndDelete(iso, set)
			}
			cancel()
		})
	}
}

// cancelInterruptContexts runs when the deadline interrupts the isolate,
// on the timer's goroutine.
func (iso *Isolate) cancelInterruptContexts() {
	v, ok := interruptHooks.Load(iso)
	if !ok {
		return
	}
	set := v.(*interruptSet)
	set.mu.Lock()
	defer set.mu.Unlock()
	for c := range set.cancels {
		(*c)()
	}
}
