package wpt

import (
	"fmt"
	"strings"
	"sync"
)

// runState collects one run's results. testharness reports into it on the
// isolate's goroutine; the runner goroutine reads it. The first finish wins.
type runState struct {
	mu       sync.Mutex
	done     chan struct{}
	finished bool
	harness  string
	message  string
	subtests []Subtest
	partial  []Subtest // from result callbacks, for runs that never complete
	needs    []string  // what the run needed from wptserve
	console  cappedBuffer
}

// consoleLimit bounds the console output kept per run.
const consoleLimit = 64 << 10

// cappedBuffer keeps the first consoleLimit bytes written to it.
type cappedBuffer struct {
	mu        sync.Mutex
	b         []byte
	truncated bool
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := consoleLimit - len(c.b)
	if len(p) > room {
		c.b = append(c.b, p[:max(room, 0)]...)
		c.truncated = true
	} else {
		c.b = append(c.b, p...)
	}
	return len(p), nil
}

func (c *cappedBuffer) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := string(c.b)
	if c.truncated {
		s += "\n[console output truncated]\n"
	}
	return s
}

func newRunState() *runState { return &runState{done: make(chan struct{})} }

func (s *runState) addPartial(t Subtest) {
	s.mu.Lock()
	s.partial = append(s.partial, t)
	s.mu.Unlock()
}

func (s *runState) needsServer(what string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, w := range s.needs {
		if w == what {
			return
		}
	}
	s.needs = append(s.needs, what)
}

// finish records the run's outcome; subtests nil means "whatever the result
// callbacks reported so far".
func (s *runState) finish(harness, message string, subtests []Subtest) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.finished {
		return
	}
	s.finished = true
	s.harness, s.message = harness, message
	if subtests == nil {
		subtests = append([]Subtest(nil), s.partial...)
	}
	s.subtests = subtests
	close(s.done)
}

// result turns the state into a Result. A run that asked for wptserve is a
// SKIP whatever happened after: its failures say nothing about edgerun.
func (s *runState) result(spec runSpec) Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := Result{Test: spec.file.path, Variant: spec.variant, Area: spec.file.area,
		Harness: s.harness, Message: s.message, Subtests: s.subtests, Console: s.console.String()}
	if len(s.needs) > 0 {
		n := len(r.Subtests)
		r.Harness = HarnessSkip
		r.Message = "needs wptserve: " + strings.Join(s.needs, "; ")
		if n > 0 {
			r.Message += fmt.Sprintf(" (%d subtests not counted)", n)
		}
		r.Subtests = nil
	}
	if r.Subtests == nil {
		r.Subtests = []Subtest{}
	}
	return r
}

// force overrides the outcome (the memory guard's verdict beats whatever
// the dying isolate reported), keeping the subtests known so far.
func (s *runState) force(harness, message string) {
	s.mu.Lock()
	if !s.finished {
		s.mu.Unlock()
		s.finish(harness, message, nil)
		return
	}
	s.harness, s.message = harness, message
	s.mu.Unlock()
}
