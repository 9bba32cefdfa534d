package wpt

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
)

// Per-run timeouts, as wptrunner's: 10 s, or 60 s for `// META: timeout=long`.
const (
	normalTimeout = 10 * time.Second
	longTimeout   = 60 * time.Second
	// softTimeoutGrace is how long a run may take to complete after the
	// runner called testharness's timeout() before its isolate is killed.
	softTimeoutGrace = 2 * time.Second
	// exitWait bounds the wait for a killed isolate's goroutine; one stuck
	// inside a native call cannot be stopped and is abandoned.
	exitWait = 5 * time.Second
)

// errRunOver interrupts whatever a finished run still has running.
var errRunOver = errors.New("wpt: run finished")

// Run runs the tests opts selects and returns their results, in path order.
// Failing tests are results, not errors; the error is for a bad root or
// path, or ctx ending.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if _, err := os.Stat(filepath.Join(opts.Root, "resources", "testharness.js")); err != nil {
		return nil, fmt.Errorf("wpt: %s is not a WPT checkout: %w", opts.Root, err)
	}
	files, err := discover(opts.Root, opts.Paths)
	if err != nil {
		return nil, err
	}
	specs := runsOf(files)
	r := newRunner(opts)
	defer r.close()

	results := make([]Result, len(specs))
	var mu sync.Mutex
	var retry []int
	done := func(i int, res Result) {
		mu.Lock()
		defer mu.Unlock()
		if res.retry {
			retry = append(retry, i)
			return
		}
		results[i] = res
		if opts.Progress != nil {
			opts.Progress(res)
		}
	}

	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = goruntime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for j := 0; j < jobs; j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				done(i, r.timedRun(ctx, specs[i]))
			}
		}()
	}
feed:
	for i := range specs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()

	// Runs stopped by the memory guard alongside the culprit go again, alone.
	for len(retry) > 0 && ctx.Err() == nil {
		i := retry[0]
		retry = retry[1:]
		res := r.timedRun(ctx, specs[i])
		res.retry = false
		done(i, res)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	commit := opts.WPTCommit
	if commit == "" {
		commit = gitCommit(opts.Root)
	}
	return &Report{WPTCommit: commit, Results: results}, nil
}

// runner holds what the runs of one Run share.
type runner struct {
	opts   Options
	tree   *tree
	server *staticServer
	base   *http.Transport
	guard  *memGuard
	setup  func(*runtime.Isolate) error
	logger *slog.Logger
	scale  float64
}

func newRunner(opts Options) *runner {
	t := newTree(opts.Root)
	srv := newStaticServer(t)
	limit := opts.MemoryLimit
	if limit == 0 {
		limit = defaultMemoryLimit()
	}
	r := &runner{opts: opts, tree: t, server: srv, base: srv.baseTransport(), guard: newMemGuard(limit),
		setup: opts.Setup, logger: opts.Logger, scale: opts.TimeoutScale}
	if r.setup == nil {
		r.setup = DefaultSetup
	}
	if r.logger == nil {
		r.logger = slog.New(slog.DiscardHandler)
	}
	if r.scale <= 0 {
		r.scale = 1
	}
	return r
}

func (r *runner) close() {
	r.guard.close()
	r.base.CloseIdleConnections()
	r.server.close()
}

func (r *runner) timeout(spec runSpec) time.Duration {
	d := normalTimeout
	if spec.file.meta.long {
		d = longTimeout
	}
	return time.Duration(float64(d) * r.scale)
}

func (r *runner) timedRun(ctx context.Context, spec runSpec) Result {
	start := time.Now()
	res := r.runOne(ctx, spec)
	res.Duration = time.Since(start)
	return res
}

// runOne runs one test file with one variant in a fresh isolate.
func (r *runner) runOne(ctx context.Context, spec runSpec) Result {
	st := newRunState()
	if spec.file.hasFlag("h2") {
		st.finish(HarnessSkip, "needs wptserve: the HTTP/2 server (.h2. test)", nil)
		return st.result(spec)
	}
	timeout := r.timeout(spec)
	sc, err := newScope(r.tree, st, spec)
	if err != nil {
		st.finish(HarnessError, err.Error(), nil)
		return st.result(spec)
	}
	client := &http.Client{Transport: &transport{base: r.base, tree: r.tree, onNeedsServer: st.needsServer}}
	iso, err := runtime.New(runtime.Options{
		Name: spec.id(),
		// The wall-clock timeout below comes first; the CPU deadline stops
		// a busy loop that keeps the isolate from handling it.
		CPUDeadline: timeout + 2*softTimeoutGrace,
		Logger:      r.logger,
		Setup: func(iso *runtime.Isolate) error {
			iso.SetValue(envKey{}, &Env{Client: client, Location: spec.url(), Console: &st.console})
			if err := r.setup(iso); err != nil {
				return err
			}
			if err := sc.install(iso); err != nil {
				return err
			}
			// Interface objects must be data properties of the global, as
			// idlharness checks; edgerun installs them lazily.
			iso.ForceGlobals()
			return nil
		},
		OnUnhandledRejection: events.ReportUnhandledRejection,
	})
	if err != nil {
		st.finish(HarnessCrash, "setting up the isolate: "+err.Error(), nil)
		return st.result(spec)
	}
	g := r.guard.track(iso)
	defer g.release()
	inv, err := iso.NewInvocation(func(err error) { st.finish(failStatus(err)) })
	if err == nil {
		err = iso.Run(inv, func() { sc.start(spec) })
	}
	if err != nil {
		st.finish(HarnessCrash, "starting the run: "+err.Error(), nil)
	}

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-st.done:
	case <-g.oom:
	case <-ctx.Done():
		st.finish(HarnessError, "run cancelled", nil)
	case <-timer.C:
		_ = iso.Run(nil, sc.softTimeout)
		grace := time.NewTimer(softTimeoutGrace)
		select {
		case <-st.done:
		case <-g.oom:
		case <-ctx.Done():
			st.finish(HarnessError, "run cancelled", nil)
		case <-grace.C:
			st.finish(HarnessTimeout, fmt.Sprintf("the test did not finish within %v and was killed", timeout), nil)
		}
		grace.Stop()
	}
	oom := false
	select {
	case <-g.oom:
		oom = true
		st.force(HarnessCrash, fmt.Sprintf("the run exhausted the memory limit (%d MiB of Go heap) and was stopped", r.guard.limit>>20))
	default:
	}

	// Stop whatever the run still has going (a busy loop, timers, fetches)
	// and discard the isolate.
	iso.VM().Interrupt(errRunOver)
	iso.Kill()
	select {
	case <-iso.Done():
	case <-time.After(exitWait):
		r.logger.Warn("wpt: isolate did not exit; abandoning it", "run", spec.id())
	}
	res := st.result(spec)
	res.retry = oom && g.shared
	return res
}

// failStatus maps an isolate's failure of the run to a harness status.
func failStatus(err error) (string, string, []Subtest) {
	var pe *runtime.PanicError
	switch {
	case errors.Is(err, runtime.ErrCPUDeadline):
		return HarnessTimeout, "the test kept the isolate busy past its deadline: " + err.Error(), nil
	case errors.As(err, &pe):
		return HarnessCrash, err.Error(), nil
	default:
		return HarnessCrash, "the isolate died: " + err.Error(), nil
	}
}

// runtimeInterrupted reports whether err is an interrupt (deadline, memory
// guard, end of run) rather than a JS exception.
func runtimeInterrupted(err error) bool { return runtime.Interrupted(err) }

func asException(err error, ex **goja.Exception) bool { return errors.As(err, ex) }

// gitCommit returns the commit checked out at root, or "".
func gitCommit(root string) string {
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		return ""
	}
	out, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
