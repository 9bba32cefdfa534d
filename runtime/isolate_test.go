package runtime

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func newTestIsolate(t *testing.T, opts Options) *Isolate {
	t.Helper()
	iso, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

// eval runs src as background work and returns its result exported.
func eval(t *testing.T, iso *Isolate, src string) any {
	t.Helper()
	var out any
	err := iso.Do(func() error {
		v, err := iso.VM().RunString(src)
		if err != nil {
			return err
		}
		out = v.Export()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestIsolateRunsTasksInOrder(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	var got []int
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 3; i++ {
		i := i
		if err := iso.Run(nil, func() { got = append(got, i); wg.Done() }); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if len(got) != 3 || got[0] != 0 || got[2] != 2 {
		t.Fatalf("tasks ran out of order: %v", got)
	}
}

func TestMicrotasksDrainAfterGoResolve(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	done := make(chan string, 1)
	err := iso.Do(func() error {
		vm := iso.VM()
		p, resolve, _ := vm.NewPromise()
		_ = vm.Set("p", p)
		_ = vm.Set("report", func(s string) { done <- s })
		if _, err := vm.RunString(`p.then(v => report("got " + v))`); err != nil {
			return err
		}
		op := iso.StartOp()
		go func() { _ = op.Complete(func() { _ = resolve("x") }) }()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-done:
		if s != "got x" {
			t.Fatalf("got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("promise reaction never ran")
	}
}

func TestTimersFireInOrder(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	out := make(chan []string, 1)
	_ = iso.Do(func() error {
		var seen []string
		iso.SetTimer(20*time.Millisecond, false, func() { seen = append(seen, "b"); out <- seen })
		iso.SetTimer(0, false, func() { seen = append(seen, "a") })
		cancelled := iso.SetTimer(5*time.Millisecond, false, func() { seen = append(seen, "cancelled") })
		iso.ClearTimer(cancelled)
		return nil
	})
	select {
	case seen := <-out:
		if strings.Join(seen, ",") != "a,b" {
			t.Fatalf("timers ran as %v", seen)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("timer never fired")
	}
}

func TestCPUDeadlineInterruptsAndKillsIsolate(t *testing.T) {
	iso := newTestIsolate(t, Options{CPUDeadline: 50 * time.Millisecond})
	failed := make(chan error, 2)
	inv, err := iso.NewInvocation(func(err error) { failed <- err })
	if err != nil {
		t.Fatal(err)
	}
	other, _ := iso.NewInvocation(func(err error) { failed <- err })
	_ = iso.Run(inv, func() { _, _ = iso.VM().RunString(`for(;;){}`) })
	got := map[bool]int{}
	for i := 0; i < 2; i++ {
		select {
		case err := <-failed:
			var de *DeadlineError
			got[errors.As(err, &de)]++
		case <-time.After(10 * time.Second):
			t.Fatal("runaway script was not stopped")
		}
	}
	if got[true] != 1 || got[false] != 1 {
		t.Fatalf("want one deadline error and one replaced error, got %v", got)
	}
	_ = other
	<-iso.Done()
	if !iso.Dead() {
		t.Fatal("interrupted isolate is still alive")
	}
	if _, err := iso.NewInvocation(nil); !errors.Is(err, ErrClosed) {
		t.Fatalf("dead isolate accepted an invocation: %v", err)
	}
}

func TestPanicInNativeKillsOnlyThatIsolate(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	failed := make(chan error, 1)
	inv, _ := iso.NewInvocation(func(err error) { failed <- err })
	_ = iso.Run(inv, func() { panic("boom") })
	select {
	case err := <-failed:
		var pe *PanicError
		if !errors.As(err, &pe) {
			t.Fatalf("want PanicError, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("panic was not reported")
	}
}

// goja reports stack exhaustion as an uncatchable *goja.StackOverflowError
// that unwinds the whole call; the isolate stays usable afterwards.
func TestStackOverflowStopsTheCallNotTheIsolate(t *testing.T) {
	iso := newTestIsolate(t, Options{MaxCallStackSize: 500})
	err := iso.Do(func() error {
		_, err := iso.VM().RunString(`function f(){ return f() } f()`)
		return err
	})
	var so *goja.StackOverflowError
	if !errors.As(err, &so) {
		t.Fatalf("want StackOverflowError, got %v", err)
	}
	if got := eval(t, iso, `1 + 1`); got != int64(2) {
		t.Fatalf("isolate unusable after overflow: %v", got)
	}
}

func TestUnhandledRejectionReported(t *testing.T) {
	reasons := make(chan string, 1)
	iso := newTestIsolate(t, Options{OnUnhandledRejection: func(iso *Isolate, p *goja.Promise) {
		reasons <- p.Result().String()
	}})
	eval(t, iso, `Promise.reject(new Error("nobody listens")); Promise.reject(1).catch(() => {}); 0`)
	select {
	case r := <-reasons:
		if !strings.Contains(r, "nobody listens") {
			t.Fatalf("got %q", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("unhandled rejection not reported")
	}
}

func TestLazyGlobal(t *testing.T) {
	built := 0
	iso := newTestIsolate(t, Options{Setup: func(iso *Isolate) error {
		iso.DefineLazyGlobal("Thing", func() goja.Value { built++; return iso.VM().ToValue(42) })
		return nil
	}})
	if got := eval(t, iso, `typeof Thing + ":" + Thing + ":" + Thing`); got != "number:42:42" {
		t.Fatalf("got %v", got)
	}
	if built != 1 {
		t.Fatalf("built %d times", built)
	}
	if got := eval(t, iso, `JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "Thing"))`); got != `{"value":42,"writable":true,"enumerable":false,"configurable":true}` {
		t.Fatalf("descriptor %v", got)
	}
}

func TestCloseWaitsForLiveInvocations(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	inv, _ := iso.NewInvocation(nil)
	iso.Close()
	ran := make(chan struct{})
	if err := iso.Run(inv, func() { close(ran) }); err != nil {
		t.Fatalf("closing isolate refused a live invocation's task: %v", err)
	}
	<-ran
	_ = iso.Run(inv, func() { inv.End() })
	select {
	case <-iso.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("isolate did not exit after its last invocation ended")
	}
}

var shimTests = []struct{ src, want string }{
	{`typeof Symbol.asyncIterator`, "symbol"},
	{`Date.prototype.toGMTString === Date.prototype.toUTCString`, "true"},
	{`const o = {}; Error.captureStackTrace(o); typeof o.stack`, "string"},
	{`const { promise, resolve } = Promise.withResolvers(); resolve(1); promise instanceof Promise`, "true"},
	{`JSON.stringify(Object.groupBy([1, 2, 3], x => x % 2 ? "odd" : "even"))`, `{"odd":[1,3],"even":[2]}`},
	{`Map.groupBy([1, 2, 3], x => x % 2).get(1).length`, "2"},
	{`try { new Uint8Array(2 ** 40) } catch (e) { e instanceof RangeError && e.message }`, "Array buffer allocation failed"},
	{`try { new ArrayBuffer(2 ** 40) } catch (e) { e.message }`, "Array buffer allocation failed"},
	{`try { "ab".repeat(2 ** 40) } catch (e) { e.message }`, "Invalid string length"},
	{`try { "".padEnd(2 ** 40) } catch (e) { e.message }`, "Invalid string length"},
	{`new Uint8Array(4).length + new Float64Array([1, 2]).length + "x".repeat(3) + "a".padStart(3, "-")`, "6xxx--a"},
	{`class B extends Uint8Array {} const b = new B(2); (b instanceof Uint8Array) + ":" + (b instanceof B) + ":" + (new Uint8Array(1).constructor === Uint8Array) + ":" + Uint8Array.name`, "true:true:true:Uint8Array"},
	{`const a = new Uint8Array([1, 2, 3]).buffer; const b = a.transfer(); [a.byteLength, a.detached, b.byteLength, new Uint8Array(b)[2], b.detached].join()`, "0,true,3,3,false"},
	{`const b = new Uint8Array([1, 2]).buffer.transfer(4); [b.byteLength, new Uint8Array(b).join("")].join()`, "4,1200"},
	{`const a = new ArrayBuffer(2); a.transfer(); try { a.transfer() } catch (e) { e instanceof TypeError }`, "true"},
}

func TestLanguageShims(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	for _, tt := range shimTests {
		if got := eval(t, iso, "{"+tt.src+"}"); fmt.Sprint(got) != tt.want {
			t.Errorf("%s = %v, want %s", tt.src, got, tt.want)
		}
	}
}

func TestRejectionHandledAfterReport(t *testing.T) {
	handled := make(chan string, 1)
	iso := newTestIsolate(t, Options{
		OnUnhandledRejection: func(*Isolate, *goja.Promise) {},
		OnRejectionHandled:   func(iso *Isolate, p *goja.Promise) { handled <- p.Result().String() },
	})
	eval(t, iso, `globalThis.p = Promise.reject("late"); 0`)
	eval(t, iso, `p.catch(() => {}); 0`)
	select {
	case r := <-handled:
		if r != "late" {
			t.Fatalf("got %q", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("rejectionhandled never reported")
	}
}

// A module top level that never returns is stopped by the CPU deadline
// during Setup, and New reports it.
func TestSetupHasADeadline(t *testing.T) {
	_, err := New(Options{CPUDeadline: 50 * time.Millisecond, Setup: func(iso *Isolate) error {
		_, err := iso.VM().RunString(`for(;;){}`)
		return err
	}})
	var de *DeadlineError
	if !errors.As(err, &de) {
		t.Fatalf("want DeadlineError, got %v", err)
	}
}

// An unhandledrejection listener that loops is stopped by the deadline.
func TestRejectionListenerHasADeadline(t *testing.T) {
	iso := newTestIsolate(t, Options{CPUDeadline: 50 * time.Millisecond, OnUnhandledRejection: func(iso *Isolate, p *goja.Promise) {
		_, _ = iso.VM().RunString(`for(;;){}`)
	}})
	failed := make(chan error, 1)
	inv, _ := iso.NewInvocation(func(err error) { failed <- err })
	_ = iso.Run(inv, func() { _, _ = iso.VM().RunString(`Promise.reject(1)`) })
	select {
	case err := <-failed:
		var de *DeadlineError
		if !errors.As(err, &de) {
			t.Fatalf("want DeadlineError, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("looping rejection listener was not stopped")
	}
}

// AfterTask runs once the task and its microtasks are done, in order, and
// Turn moves on with every task.
func TestAfterTaskRunsAfterMicrotasks(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	var log []string
	var turns [2]uint64
	err := iso.Do(func() error {
		vm := iso.VM()
		turns[0] = iso.Turn()
		_ = vm.Set("note", func(s string) { log = append(log, s) })
		iso.AfterTask(func() { log = append(log, "after 1") })
		iso.AfterTask(func() { log = append(log, "after 2") })
		_, err := vm.RunString(`Promise.resolve().then(() => note("microtask")); note("task")`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = iso.Do(func() error { turns[1] = iso.Turn(); return nil })
	if got := strings.Join(log, ", "); got != "task, microtask, after 1, after 2" {
		t.Fatalf("order: %s", got)
	}
	if turns[1] <= turns[0] {
		t.Fatalf("Turn did not advance: %v", turns)
	}
}

// BenchmarkNewIsolate is the cost of a bare isolate: goja's runtime plus
// what the runtime package installs before any Web API.
func BenchmarkNewIsolate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		iso, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		iso.Close()
	}
}
