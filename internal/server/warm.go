package server

// Background building in development. `next dev` compiles a route when it
// is first requested; edgerun also builds every route in the background,
// so that later first requests find their route ready and compile errors
// show in the terminal without a request. That work must not slow down
// the requests that do come: it starts once the first request has been
// answered (or after warmDelay if none is being served), and between two
// builds it waits for the requests in flight to finish.

import (
	"fmt"
	"time"
)

// warmDelay is how long after startup the background build waits for a
// first request before starting anyway; a first request still being
// served holds it up to maxWarmDelay (its route may take a while to build
// the first time, and the background build would slow it down).
const (
	warmDelay    = 200 * time.Millisecond
	maxWarmDelay = 2 * time.Second
)

// maxPause bounds one wait for requests in flight, so that a long-lived
// request (a stream) does not hold the background build forever.
const maxPause = 250 * time.Millisecond

// served ends a request's count (ServeHTTP).
func (s *Server) served() {
	s.inflight.Add(-1)
	s.firstOnce.Do(func() { close(s.firstServed) })
}

// awaitIdle returns when no request is in flight, or after maxPause.
func (s *Server) awaitIdle() {
	deadline := time.Now().Add(maxPause)
	for s.inflight.Load() > 0 && time.Now().Before(deadline) && !s.closed.Load() {
		time.Sleep(time.Millisecond)
	}
}

// warmUp builds the startup generation in the background and prints the
// routes that fail to build, as next dev prints a compile error.
func (s *Server) warmUp(p *project) {
	select {
	case <-s.firstServed:
	case <-time.After(warmDelay):
		if s.inflight.Load() > 0 {
			select {
			case <-s.firstServed:
			case <-time.After(maxWarmDelay - warmDelay):
			}
		}
	}
	if p.retired.Load() || s.closed.Load() {
		return
	}
	start := time.Now()
	p.warm()
	if p.retired.Load() {
		return
	}
	failed := 0
	seen := map[string]bool{}
	for _, rt := range p.routes {
		rt.mu.Lock()
		err := rt.err
		rt.mu.Unlock()
		if err == nil {
			continue
		}
		failed++
		if !rt.logged.Load() && !seen[err.Error()] {
			seen[err.Error()] = true
			s.logRouteError(rt, err)
		}
	}
	s.log.Debug(fmt.Sprintf("built %d routes in the background in %s (%d failed)", len(p.routes), formatDuration(time.Since(start)), failed))
}
