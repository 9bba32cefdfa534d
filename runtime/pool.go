package runtime

import (
	"runtime"
	"sync"
	"time"
)

// PoolOptions configure a Pool.
type PoolOptions struct {
	// New creates an isolate (usually runtime.New with a Setup that installs
	// globals and loads the route's shared *goja.Program).
	New func() (*Isolate, error)
	// Max bounds the number of isolates; zero means GOMAXPROCS. JS is
	// CPU-bound, so more isolates than cores only adds memory.
	Max int
	// IdleTimeout evicts isolates with no live invocation for this long.
	// Zero means one minute; negative disables eviction.
	IdleTimeout time.Duration
}

// A Pool hands out isolates for one route. Isolates are created lazily, up
// to Max; while all existing isolates are busy and the pool is below Max a
// new one is created, otherwise the least loaded isolate takes the request
// (several requests interleave on one isolate while they await I/O, as on
// workerd). Dead isolates (interrupted, panicked) are dropped and replaced on
// demand.
type Pool struct {
	opts PoolOptions

	mu       sync.Mutex
	created  *sync.Cond // signalled when a creation finishes
	isolates []*Isolate
	creating int
	closed   bool
	stop     chan struct{}
}

// NewPool returns an empty pool.
func NewPool(opts PoolOptions) *Pool {
	if opts.Max <= 0 {
		opts.Max = runtime.GOMAXPROCS(0)
	}
	if opts.IdleTimeout == 0 {
		opts.IdleTimeout = time.Minute
	}
	p := &Pool{opts: opts, stop: make(chan struct{})}
	p.created = sync.NewCond(&p.mu)
	if opts.IdleTimeout > 0 {
		go p.janitor()
	}
	return p
}

// Acquire picks an isolate and registers an invocation on it. onFail is
// called on the isolate's goroutine if the isolate abandons the invocation.
// The caller ends the invocation when the request is finished.
func (p *Pool) Acquire(onFail func(error)) (*Isolate, *Invocation, error) {
	for attempt := 0; attempt < 3; attempt++ {
		iso, err := p.pick()
		if err != nil {
			return nil, nil, err
		}
		inv, err := iso.NewInvocation(onFail)
		if err == nil {
			return iso, inv, nil
		}
		p.remove(iso) // closed or died between pick and registration
	}
	return nil, nil, ErrClosed
}

func (p *Pool) pick() (*Isolate, error) {
	p.mu.Lock()
	for {
		if p.closed {
			p.mu.Unlock()
			return nil, ErrClosed
		}
		var best *Isolate
		alive := p.isolates[:0]
		for _, iso := range p.isolates {
			if iso.Dead() {
				continue
			}
			alive = append(alive, iso)
			if best == nil || iso.Load() < best.Load() {
				best = iso
			}
		}
		for i := len(alive); i < len(p.isolates); i++ {
			p.isolates[i] = nil
		}
		p.isolates = alive
		full := len(p.isolates)+p.creating >= p.opts.Max
		if best != nil && (best.Load() == 0 || full) {
			p.mu.Unlock()
			return best, nil
		}
		if !full {
			break
		}
		// Every slot is taken by isolates still being created: wait for
		// one rather than exceed Max (for the Node pool, Max is 1: two
		// isolates would split the module state Node routes share).
		p.created.Wait()
	}
	p.creating++
	p.mu.Unlock()

	iso, err := p.opts.New()

	p.mu.Lock()
	defer p.mu.Unlock()
	p.creating--
	p.created.Broadcast()
	if err != nil {
		return nil, err
	}
	if p.closed {
		iso.Close()
		return nil, ErrClosed
	}
	p.isolates = append(p.isolates, iso)
	return iso, nil
}

func (p *Pool) remove(iso *Isolate) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, x := range p.isolates {
		if x == iso {
			p.isolates = append(p.isolates[:i], p.isolates[i+1:]...)
			return
		}
	}
}

// Size reports the number of isolates in the pool.
func (p *Pool) Size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.isolates)
}

// Close retires the pool: no new invocations are accepted, and each isolate
// stops once its in-flight invocations have ended (hot reload relies on this
// to let running requests finish on the old code).
func (p *Pool) Close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	isolates := p.isolates
	p.isolates = nil
	close(p.stop)
	p.created.Broadcast()
	p.mu.Unlock()
	for _, iso := range isolates {
		iso.Close() // exits once its live invocations have ended
	}
}

func (p *Pool) janitor() {
	tick := time.NewTicker(p.opts.IdleTimeout / 2)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case now := <-tick.C:
			p.evictIdle(now)
		}
	}
}

func (p *Pool) evictIdle(now time.Time) {
	p.mu.Lock()
	var keep, evict []*Isolate
	for _, iso := range p.isolates {
		if iso.Load() == 0 && now.Sub(iso.idleSince()) >= p.opts.IdleTimeout {
			evict = append(evict, iso)
		} else {
			keep = append(keep, iso)
		}
	}
	p.isolates = keep
	p.mu.Unlock()
	for _, iso := range evict {
		iso.Close()
	}
}
