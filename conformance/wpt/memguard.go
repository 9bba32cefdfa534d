package wpt

import (
	"bufio"
	"errors"
	"math"
	"os"
	goruntime "runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/edgerun/edgerun/runtime"
)

// errOutOfMemory is the interrupt value of a run stopped by the memory guard.
var errOutOfMemory = errors.New("wpt: the run exhausted the memory limit")

// memGuard stops runs when the Go heap grows past a limit. goja has no
// per-runtime memory accounting (notes §1.3), so a test that allocates in a
// loop would otherwise take the whole process down. The heap is shared, so
// the guard cannot tell which of the runs in flight is to blame: it
// interrupts all of them; those that were not alone are run again later,
// alone, where the blame is exact.
type memGuard struct {
	limit uint64
	mu    sync.Mutex
	runs  map[*guarded]struct{}
	stop  chan struct{}
	done  chan struct{}
}

// guarded is one run under the guard.
type guarded struct {
	g      *memGuard
	iso    *runtime.Isolate
	oom    chan struct{} // closed when the guard stopped the run
	shared bool          // other runs were in flight when it was stopped
}

const memSampleEvery = 20 * time.Millisecond

func newMemGuard(limit uint64) *memGuard {
	g := &memGuard{limit: limit, runs: map[*guarded]struct{}{}, stop: make(chan struct{}), done: make(chan struct{})}
	go g.watch()
	return g
}

func (g *memGuard) close() {
	close(g.stop)
	<-g.done
}

func (g *memGuard) track(iso *runtime.Isolate) *guarded {
	r := &guarded{g: g, iso: iso, oom: make(chan struct{})}
	g.mu.Lock()
	g.runs[r] = struct{}{}
	g.mu.Unlock()
	return r
}

func (r *guarded) release() {
	r.g.mu.Lock()
	delete(r.g.runs, r)
	r.g.mu.Unlock()
}

func (g *memGuard) watch() {
	defer close(g.done)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	tick := time.NewTicker(memSampleEvery)
	defer tick.Stop()
	for {
		select {
		case <-g.stop:
			return
		case <-tick.C:
		}
		g.mu.Lock()
		idle := len(g.runs) == 0
		g.mu.Unlock()
		if idle {
			continue
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 || sample[0].Value.Uint64() < g.limit {
			continue
		}
		// The heap counts garbage too: collect before blaming anyone.
		goruntime.GC()
		metrics.Read(sample)
		if sample[0].Value.Uint64() < g.limit {
			continue
		}
		g.mu.Lock()
		n := len(g.runs)
		for r := range g.runs {
			delete(g.runs, r)
			r.shared = n > 1
			close(r.oom) // before the kill, so the run blames the guard, not the kill
			r.iso.VM().Interrupt(errOutOfMemory)
			r.iso.Kill()
		}
		g.mu.Unlock()
		time.Sleep(100 * time.Millisecond) // let the killed isolates unwind
		goruntime.GC()
	}
}

// defaultMemoryLimit is 90% of GOMEMLIMIT when one is set, else half the
// machine's memory, within [1 GiB, 8 GiB].
func defaultMemoryLimit() uint64 {
	if l := debug.SetMemoryLimit(-1); l > 0 && l < math.MaxInt64 {
		return uint64(l) / 10 * 9
	}
	const gib = 1 << 30
	total := totalMemory()
	if total == 0 {
		return 4 * gib
	}
	return min(max(total/2, gib), 8*gib)
}

// totalMemory reads MemTotal from /proc/meminfo (0 when unavailable).
func totalMemory() uint64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			return 0
		}
		kb, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			return 0
		}
		return kb * 1024
	}
	return 0
}
