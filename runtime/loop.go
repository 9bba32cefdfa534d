package runtime

import (
	"container/heap"
	"time"
)

// The event loop: a FIFO of macrotasks fed from any goroutine, and a heap of
// timers driven by one time.Timer. goja_nodejs's eventloop is not used because
// it creates its own goja.Runtime, keeps only timers (not host operations)
// as reasons to stay alive and starts one goroutine per interval; edgerun
// needs numeric timer ids, per-invocation accounting and one wake-up timer.

type task struct {
	inv *Invocation // nil: background work
	fn  func()
	op  bool // completion of an Op: releases one pending count after fn
}

// TimerID identifies a timer; ids start at 1 and are never reused within an isolate.
type TimerID int64

type timer struct {
	id       TimerID
	when     time.Time
	interval time.Duration // > 0 for repeating timers
	repeat   bool
	nesting  int
	inv      *Invocation
	fn       func()
	index    int // in the heap, -1 when not scheduled
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].id < h[j].id
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// SetTimer schedules fn to run after d (repeatedly every d when repeat is
// true). The timer is charged to the current invocation. It must be called on
// the isolate's goroutine. Clamping rules (HTML's 4 ms after nesting level 5)
// are the caller's business; see [Isolate.TimerNesting].
func (iso *Isolate) SetTimer(d time.Duration, repeat bool, fn func()) TimerID {
	if d < 0 {
		d = 0
	}
	if repeat && d < time.Millisecond {
		// A zero interval would be due again at once, forever, and starve
		// the loop (HTML clamps intervals too).
		d = time.Millisecond
	}
	iso.nextTimerID++
	t := &timer{
		id:      iso.nextTimerID,
		when:    time.Now().Add(d),
		repeat:  repeat,
		nesting: iso.timerNesting + 1,
		inv:     iso.current,
		fn:      fn,
	}
	if repeat {
		t.interval = d
	}
	iso.timersByID[t.id] = t
	heap.Push(&iso.timers, t)
	return t.id
}

// ClearTimer cancels a timer. Unknown or already-fired ids are ignored.
func (iso *Isolate) ClearTimer(id TimerID) {
	t, ok := iso.timersByID[id]
	if !ok {
		return
	}
	delete(iso.timersByID, id)
	if t.index >= 0 {
		heap.Remove(&iso.timers, t.index)
	}
}

// TimerNesting reports the HTML timer nesting level of the running task:
// 0 outside timers, n inside a timer created at level n-1.
func (iso *Isolate) TimerNesting() int { return iso.timerNesting }

// PendingTimers reports how many timers are scheduled.
func (iso *Isolate) PendingTimers() int { return len(iso.timersByID) }

// runDueTimers runs every timer that is due, in order of due time then id.
func (iso *Isolate) runDueTimers(now time.Time) {
	for len(iso.timers) > 0 && !iso.dead {
		t := iso.timers[0]
		if t.when.After(now) {
			return
		}
		heap.Pop(&iso.timers)
		if t.repeat {
			t.when = now.Add(t.interval)
			heap.Push(&iso.timers, t)
		} else {
			delete(iso.timersByID, t.id)
		}
		inv := t.inv
		if inv != nil && (inv.failed || inv.ended) {
			inv = nil
		}
		prev := iso.timerNesting
		iso.timerNesting = t.nesting
		iso.runTask(task{inv: inv, fn: t.fn})
		iso.timerNesting = prev
	}
}

// nextTimerWait returns how long the loop may sleep before the earliest timer.
func (iso *Isolate) nextTimerWait(now time.Time) (time.Duration, bool) {
	if len(iso.timers) == 0 {
		return 0, false
	}
	d := iso.timers[0].when.Sub(now)
	if d < 0 {
		d = 0
	}
	return d, true
}
