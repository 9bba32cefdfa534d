package runtime

import (
	"errors"
	"fmt"
	"log/slog"
	rtdebug "runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// DefaultCPUDeadline is the CPU budget of an invocation when Options leaves it zero.
const DefaultCPUDeadline = 30 * time.Second

// DefaultMaxCallStackSize bounds JS recursion (goja's default is unbounded,
// which lets runaway recursion eat the Go heap). V8's limit is of this order.
const DefaultMaxCallStackSize = 10000

// Options configure an isolate.
type Options struct {
	// CPUDeadline is the CPU time one invocation may use before the isolate is
	// interrupted and replaced. Zero means DefaultCPUDeadline; negative disables it.
	CPUDeadline time.Duration
	// MaxCallStackSize bounds the JS call stack. Zero means DefaultMaxCallStackSize.
	MaxCallStackSize int
	// Setup runs on the isolate's goroutine before any task, to install
	// globals. An error fails New.
	Setup func(*Isolate) error
	// OnUnhandledRejection is called on the isolate's goroutine for a promise
	// that was rejected and still had no handler after the task that
	// rejected it (and its microtasks) finished. Nil logs a warning.
	OnUnhandledRejection func(iso *Isolate, p *goja.Promise)
	// OnRejectionHandled is called on the isolate's goroutine when a
	// promise already reported to OnUnhandledRejection gets a handler
	// (HTML's rejectionhandled).
	OnRejectionHandled func(iso *Isolate, p *goja.Promise)
	// Logger receives runtime diagnostics. Nil means slog.Default().
	Logger *slog.Logger
	// Name labels the isolate in logs (e.g. the route it serves).
	Name string
}

// An Isolate is one goroutine owning one goja runtime and its event loop.
// See the package documentation for the ownership rules.
type Isolate struct {
	vm   *goja.Runtime
	opts Options
	log  *slog.Logger

	// Cross-goroutine state.
	mu       sync.Mutex
	queue    []task
	wake     chan struct{}
	closing  bool // no new work; exit once the queue is empty
	live     map[*Invocation]struct{}
	load     atomic.Int32 // live invocations, read by the pool
	lastUsed atomic.Int64 // unix nanos of the last invocation end
	deadFlag atomic.Bool
	done     chan struct{}

	// Deadline arming, shared with the interrupt timer's goroutine.
	armMu       sync.Mutex
	armed       bool
	armedUntil  time.Time // the current arm's deadline: a stale timer firing earlier is ignored
	interrupted bool
	deadline    *time.Timer

	// Loop-goroutine state.
	current      *Invocation
	dead         bool
	timers       timerHeap
	timersByID   map[TimerID]*timer
	nextTimerID  TimerID
	timerNesting int
	turn         uint64 // macrotasks started so far
	afterTask    []func()
	flush        goja.Callable
	rejected     []*goja.Promise
	reported     map[*goja.Promise]struct{} // reported unhandled, awaiting a handler
	values       map[any]any
}

// New starts an isolate and runs opts.Setup on its goroutine.
func New(opts Options) (*Isolate, error) {
	if opts.CPUDeadline == 0 {
		opts.CPUDeadline = DefaultCPUDeadline
	}
	if opts.MaxCallStackSize == 0 {
		opts.MaxCallStackSize = DefaultMaxCallStackSize
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	iso := &Isolate{
		opts:       opts,
		log:        log,
		wake:       make(chan struct{}, 1),
		live:       make(map[*Invocation]struct{}),
		done:       make(chan struct{}),
		timersByID: make(map[TimerID]*timer),
		values:     make(map[any]any),
	}
	iso.lastUsed.Store(time.Now().UnixNano())
	ready := make(chan error, 1)
	go iso.loop(ready)
	if err := <-ready; err != nil {
		return nil, err
	}
	return iso, nil
}

// VM returns the goja runtime. Only use it on the isolate's goroutine.
func (iso *Isolate) VM() *goja.Runtime { return iso.vm }

// Logger returns the isolate's logger.
func (iso *Isolate) Logger() *slog.Logger { return iso.log }

// Name returns the isolate's label.
func (iso *Isolate) Name() string { return iso.opts.Name }

// Value returns per-isolate data stored under key by SetValue (on the
// isolate's goroutine). Web API packages use it to cache their classes.
func (iso *Isolate) Value(key any) any { return iso.values[key] }

// SetValue stores per-isolate data; see Value.
func (iso *Isolate) SetValue(key, v any) { iso.values[key] = v }

// Current returns the invocation the running task is charged to, or nil for
// background work.
func (iso *Isolate) Current() *Invocation { return iso.current }

// isolatesByVM finds the isolate that owns a goja runtime, for helpers
// that are handed only the runtime.
var isolatesByVM sync.Map // *goja.Runtime → *Isolate

// IsolateOf returns the isolate that owns vm, or nil for a runtime that
// is not an isolate's (a bare goja.New in a test).
func IsolateOf(vm *goja.Runtime) *Isolate {
	if v, ok := isolatesByVM.Load(vm); ok {
		return v.(*Isolate)
	}
	return nil
}

// AfterTask arranges for fn, plain Go that must not call into JS, to run
// once the current task and the microtasks it queued are done. Hosts use
// it to batch what a task produced (one wake-up of the goroutine writing
// a response instead of one per write). Call on the isolate's goroutine.
func (iso *Isolate) AfterTask(fn func()) { iso.afterTask = append(iso.afterTask, fn) }

// Turn counts the macrotasks the isolate has started. Code on the isolate's
// goroutine compares two readings to tell whether a later task has begun,
// which is how a host tells "still in the task that did X" from "after it"
// without queuing a task to find out.
func (iso *Isolate) Turn() uint64 { return iso.turn }

// Load reports the number of live invocations. Safe from any goroutine.
func (iso *Isolate) Load() int { return int(iso.load.Load()) }

// Dead reports whether the isolate has been discarded (interrupted, panicked
// or closed). Safe from any goroutine.
func (iso *Isolate) Dead() bool { return iso.deadFlag.Load() }

// Done is closed when the isolate's goroutine has exited.
func (iso *Isolate) Done() <-chan struct{} { return iso.done }

// idleSince reports when the isolate last finished an invocation.
func (iso *Isolate) idleSince() time.Time { return time.Unix(0, iso.lastUsed.Load()) }

// NewInvocation registers an invocation with the isolate's CPU budget. onFail
// is called on the isolate's goroutine if the isolate has to abandon the
// invocation (deadline, panic, close). Safe from any goroutine.
func (iso *Isolate) NewInvocation(onFail func(error)) (*Invocation, error) {
	inv := &Invocation{iso: iso, budget: iso.opts.CPUDeadline, onFail: onFail}
	iso.mu.Lock()
	defer iso.mu.Unlock()
	if iso.closing || iso.deadFlag.Load() {
		return nil, ErrClosed
	}
	iso.live[inv] = struct{}{}
	iso.load.Add(1)
	return inv, nil
}

func (iso *Isolate) endInvocation(inv *Invocation) {
	iso.mu.Lock()
	if _, ok := iso.live[inv]; ok {
		delete(iso.live, inv)
		iso.load.Add(-1)
	}
	closing := iso.closing
	iso.mu.Unlock()
	iso.lastUsed.Store(time.Now().UnixNano())
	if closing {
		iso.wakeUp()
	}
}

// Run enqueues fn to run on the isolate's goroutine, charged to inv (nil for
// background work). Safe from any goroutine.
func (iso *Isolate) Run(inv *Invocation, fn func()) error {
	return iso.enqueue(task{inv: inv, fn: fn})
}

func (iso *Isolate) enqueue(t task) error {
	iso.mu.Lock()
	if iso.deadFlag.Load() || (iso.closing && t.inv == nil && !t.op) {
		iso.mu.Unlock()
		return ErrClosed
	}
	iso.queue = append(iso.queue, t)
	iso.mu.Unlock()
	iso.wakeUp()
	return nil
}

func (iso *Isolate) wakeUp() {
	select {
	case iso.wake <- struct{}{}:
	default:
	}
}

// Do runs fn on the isolate's goroutine as background work and waits for it.
// It must not be called from the isolate's own goroutine.
func (iso *Isolate) Do(fn func() error) error {
	errc := make(chan error, 1)
	if err := iso.Run(nil, func() { errc <- fn() }); err != nil {
		return err
	}
	select {
	case err := <-errc:
		return err
	case <-iso.done:
		select {
		case err := <-errc:
			return err
		default:
			return ErrIsolateReplaced
		}
	}
}

// Close stops the isolate once its live invocations have ended and the
// queued work has run; pending timers are dropped. No new invocation is
// accepted. Safe from any goroutine.
func (iso *Isolate) Close() {
	iso.mu.Lock()
	iso.closing = true
	iso.mu.Unlock()
	iso.wakeUp()
}

// Kill discards the isolate at once: live invocations fail with
// ErrIsolateReplaced. Safe from any goroutine.
func (iso *Isolate) Kill() {
	_ = iso.enqueueForce(task{fn: func() {
		iso.kill(func(*Invocation) error { return ErrIsolateReplaced })
	}})
}

func (iso *Isolate) enqueueForce(t task) error {
	iso.mu.Lock()
	if iso.deadFlag.Load() {
		iso.mu.Unlock()
		return ErrClosed
	}
	iso.queue = append(iso.queue, t)
	iso.mu.Unlock()
	iso.wakeUp()
	return nil
}

// loop is the isolate's goroutine.
func (iso *Isolate) loop(ready chan<- error) {
	defer close(iso.done)
	iso.vm = goja.New()
	isolatesByVM.Store(iso.vm, iso)
	defer isolatesByVM.Delete(iso.vm)
	iso.vm.SetMaxCallStackSize(iso.opts.MaxCallStackSize)
	iso.vm.SetPromiseRejectionTracker(iso.trackRejection)
	flush, _ := goja.AssertFunction(iso.vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() }))
	iso.flush = flush
	iso.deadline = time.AfterFunc(time.Hour, iso.onDeadline)
	iso.deadline.Stop()
	installArrayBufferTransfer(iso.vm, installResizableBuffers(iso))
	if err := installLanguageShims(iso.vm); err != nil {
		iso.deadFlag.Store(true)
		ready <- fmt.Errorf("runtime: language shims: %w", err)
		return
	}
	if err := installSharedArrayBuffer(iso); err != nil {
		iso.deadFlag.Store(true)
		ready <- err
		return
	}

	if iso.opts.Setup != nil {
		// Setup runs route code (a module's top level): it gets a CPU
		// deadline like any task.
		iso.arm(iso.opts.CPUDeadline)
		err := iso.setup()
		if iso.disarm() {
			iso.vm.ClearInterrupt()
			err = &DeadlineError{Budget: iso.opts.CPUDeadline}
		}
		if err != nil {
			iso.deadFlag.Store(true)
			ready <- err
			return
		}
	}
	ready <- nil

	var sleep *time.Timer
	for {
		iso.mu.Lock()
		batch := iso.queue
		iso.queue = nil
		closing := iso.closing
		iso.mu.Unlock()

		for i := range batch {
			if iso.dead {
				break
			}
			iso.runTask(batch[i])
			batch[i] = task{}
		}
		if !iso.dead {
			iso.runDueTimers(time.Now())
		}
		if iso.dead {
			iso.shutdown(ErrIsolateReplaced)
			return
		}
		if closing && len(batch) == 0 {
			iso.mu.Lock()
			empty := len(iso.queue) == 0 && len(iso.live) == 0
			if empty {
				// Decide and mark dead in one critical section, so a task
				// enqueued now gets ErrClosed instead of being dropped.
				iso.deadFlag.Store(true)
			}
			iso.mu.Unlock()
			if empty {
				iso.shutdown(ErrClosed)
				return
			}
		}
		if len(batch) > 0 {
			continue // new work may have arrived while running the batch
		}
		wait, hasTimer := iso.nextTimerWait(time.Now())
		if !hasTimer {
			<-iso.wake
			continue
		}
		if sleep == nil {
			sleep = time.NewTimer(wait)
		} else {
			sleep.Reset(wait)
		}
		select {
		case <-iso.wake:
			sleep.Stop()
		case <-sleep.C:
		}
	}
}

func (iso *Isolate) setup() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("runtime: isolate setup: %w", recoverError(r))
		}
	}()
	return iso.opts.Setup(iso)
}

func recoverError(r any) error {
	switch v := r.(type) {
	case error: // includes *goja.Exception
		return v
	default:
		return &PanicError{Value: r, Stack: rtdebug.Stack()}
	}
}

// runTask runs one macrotask with the CPU deadline armed, then drains the
// microtask queue and reports unhandled rejections.
func (iso *Isolate) runTask(t task) {
	inv := t.inv
	if inv != nil && inv.failed {
		if t.op {
			inv.pending--
		}
		return
	}
	iso.current = inv
	iso.turn++
	budget := iso.opts.CPUDeadline
	if inv != nil {
		budget = inv.remaining()
	}
	iso.arm(budget)
	start := time.Now()
	panicked := iso.call(t.fn)
	if !panicked && !iso.dead {
		panicked = iso.call(iso.drain)
	}
	// Unhandled-rejection listeners are JS too: run them under the same
	// deadline, then drain what they queued.
	if !panicked && !iso.dead && len(iso.rejected) > 0 {
		iso.reportRejections()
		if !iso.dead {
			iso.call(iso.drain)
		}
	}
	elapsed := time.Since(start)
	interrupted := iso.disarm()
	for i, fn := range iso.afterTask {
		fn()
		iso.afterTask[i] = nil
	}
	iso.afterTask = iso.afterTask[:0]
	if inv != nil {
		inv.used += elapsed
		if t.op {
			inv.pending--
		}
	}
	iso.current = nil
	switch {
	case interrupted:
		iso.vm.ClearInterrupt()
		culprit := inv
		iso.kill(func(other *Invocation) error {
			if other == culprit || culprit == nil {
				return &DeadlineError{Budget: iso.opts.CPUDeadline}
			}
			return ErrIsolateReplaced
		})
	case panicked:
		// kill was already called by call.
	}
}

// call runs fn, converting a Go panic into the isolate's death.
func (iso *Isolate) call(fn func()) (panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(*goja.InterruptedError); ok {
				return // the interrupt flag decides what happens
			}
			err := recoverError(r)
			iso.log.Error("runtime: native code panicked; replacing the isolate",
				"isolate", iso.opts.Name, "err", err, "stack", string(rtdebug.Stack()))
			panicked = true
			iso.kill(func(*Invocation) error { return err })
		}
	}()
	fn()
	return false
}

// drain runs pending promise jobs: goja runs them when the outermost call
// into JS returns, so entering JS once is enough.
func (iso *Isolate) drain() {
	_, _ = iso.flush(goja.Undefined())
}

func (iso *Isolate) arm(budget time.Duration) {
	if budget <= 0 {
		return
	}
	iso.armMu.Lock()
	iso.armed = true
	iso.armedUntil = time.Now().Add(budget)
	iso.interrupted = false
	iso.armMu.Unlock()
	iso.deadline.Reset(budget)
}

func (iso *Isolate) disarm() (interrupted bool) {
	iso.deadline.Stop()
	iso.armMu.Lock()
	iso.armed = false
	interrupted = iso.interrupted
	iso.interrupted = false
	iso.armMu.Unlock()
	return interrupted
}

// onDeadline runs on the timer's goroutine.
func (iso *Isolate) onDeadline() {
	iso.armMu.Lock()
	defer iso.armMu.Unlock()
	// A timer armed for an earlier task can fire after that task ended and
	// the next one re-armed: only interrupt once the current arm is due.
	if !iso.armed || time.Now().Before(iso.armedUntil) {
		return
	}
	iso.interrupted = true
	iso.vm.Interrupt(ErrCPUDeadline)
	iso.cancelInterruptContexts()
}

// Interrupted reports whether err (from a goja call) means the isolate was
// interrupted; natives that call back into JS should return such errors
// unchanged rather than turning them into JS exceptions.
func Interrupted(err error) bool {
	var ie *goja.InterruptedError
	return errors.As(err, &ie)
}

// kill discards the isolate: every live invocation is failed with the error
// reasonFor gives it, and the loop exits after the current task.
func (iso *Isolate) kill(reasonFor func(*Invocation) error) {
	if iso.dead {
		return
	}
	iso.dead = true
	iso.mu.Lock()
	iso.deadFlag.Store(true) // under mu: enqueue checks it under mu too
	live := make([]*Invocation, 0, len(iso.live))
	for inv := range iso.live {
		live = append(live, inv)
	}
	iso.mu.Unlock()
	for _, inv := range live {
		inv.fail(reasonFor(inv))
		inv.End()
	}
}

// shutdown fails whatever is still live and releases the runtime.
func (iso *Isolate) shutdown(reason error) {
	iso.kill(func(*Invocation) error { return reason })
	iso.deadline.Stop()
	iso.timers = nil
	iso.timersByID = nil
	iso.mu.Lock()
	iso.queue = nil
	iso.mu.Unlock()
}

func (iso *Isolate) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		iso.rejected = append(iso.rejected, p)
	case goja.PromiseRejectionHandle:
		for i, q := range iso.rejected {
			if q == p {
				iso.rejected = append(iso.rejected[:i], iso.rejected[i+1:]...)
				return
			}
		}
		if _, ok := iso.reported[p]; ok {
			delete(iso.reported, p)
			if iso.opts.OnRejectionHandled != nil {
				// Run after the current job, as HTML queues the event.
				iso.SetTimer(0, false, func() { iso.opts.OnRejectionHandled(iso, p) })
			}
		}
	}
}

func (iso *Isolate) reportRejections() {
	if len(iso.rejected) == 0 {
		return
	}
	rejected := iso.rejected
	iso.rejected = nil
	for _, p := range rejected {
		if iso.dead {
			break
		}
		if iso.opts.OnRejectionHandled != nil {
			if iso.reported == nil {
				iso.reported = make(map[*goja.Promise]struct{})
			}
			// Bounded: a program that leaks rejected promises must not make
			// the isolate leak them too.
			if len(iso.reported) < maxReportedRejections {
				iso.reported[p] = struct{}{}
			}
		}
		if iso.opts.OnUnhandledRejection != nil {
			iso.call(func() { iso.opts.OnUnhandledRejection(iso, p) })
			continue
		}
		iso.log.Warn("unhandled promise rejection", "isolate", iso.opts.Name, "reason", describe(p.Result()))
	}
}

// maxReportedRejections bounds the promises remembered for
// rejectionhandled.
const maxReportedRejections = 1024

// describe renders a thrown JS value with its stack when it has one.
func describe(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if o, ok := v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return st.String()
		}
	}
	return v.String()
}
