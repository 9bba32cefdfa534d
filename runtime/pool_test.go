package runtime

import (
	"sync"
	"testing"
	"time"
)

func TestPoolGrowsToMaxThenShares(t *testing.T) {
	created := 0
	p := NewPool(PoolOptions{Max: 2, New: func() (*Isolate, error) { created++; return New(Options{}) }})
	defer p.Close()
	a, invA, err := p.Acquire(nil)
	if err != nil {
		t.Fatal(err)
	}
	b, invB, _ := p.Acquire(nil)
	if a == b {
		t.Fatal("second concurrent request did not get a new isolate")
	}
	c, invC, _ := p.Acquire(nil)
	if c != a && c != b {
		t.Fatal("pool exceeded Max")
	}
	if created != 2 {
		t.Fatalf("created %d isolates, want 2", created)
	}
	for _, x := range []struct {
		iso *Isolate
		inv *Invocation
	}{{a, invA}, {b, invB}, {c, invC}} {
		inv := x.inv
		_ = x.iso.Do(func() error { inv.End(); return nil })
	}
	d, _, _ := p.Acquire(nil)
	if d != a && d != b {
		t.Fatal("idle isolate was not reused")
	}
}

func TestPoolReplacesDeadIsolate(t *testing.T) {
	p := NewPool(PoolOptions{Max: 1, New: func() (*Isolate, error) { return New(Options{CPUDeadline: 20 * time.Millisecond}) }})
	defer p.Close()
	iso, inv, _ := p.Acquire(func(error) {})
	_ = iso.Run(inv, func() { _, _ = iso.VM().RunString(`for(;;){}`) })
	<-iso.Done()
	iso2, _, err := p.Acquire(nil)
	if err != nil {
		t.Fatal(err)
	}
	if iso2 == iso {
		t.Fatal("dead isolate was handed out again")
	}
}

func TestPoolEvictsIdleIsolates(t *testing.T) {
	p := NewPool(PoolOptions{Max: 1, IdleTimeout: time.Hour, New: func() (*Isolate, error) { return New(Options{}) }})
	defer p.Close()
	iso, inv, _ := p.Acquire(nil)
	_ = iso.Do(func() error { inv.End(); return nil })
	p.evictIdle(time.Now().Add(2 * time.Hour))
	if p.Size() != 0 {
		t.Fatal("idle isolate not evicted")
	}
	<-iso.Done()
}

// A burst of cold requests must not create more than Max isolates: the
// Node pool relies on it for one shared module state.
func TestPoolColdBurstRespectsMax(t *testing.T) {
	var mu sync.Mutex
	created := 0
	p := NewPool(PoolOptions{Max: 1, New: func() (*Isolate, error) {
		mu.Lock()
		created++
		mu.Unlock()
		return New(Options{})
	}})
	defer p.Close()
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			iso, inv, err := p.Acquire(nil)
			if err != nil {
				t.Error(err)
				return
			}
			_ = iso.Do(func() error { inv.End(); return nil })
		}()
	}
	wg.Wait()
	if created != 1 {
		t.Fatalf("created %d isolates with Max 1", created)
	}
}
