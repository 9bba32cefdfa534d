package wpt

import (
	"context"
	"testing"

	"github.com/edgerun/edgerun/runtime"
)

func TestMemGuardStopsEveryRunInFlight(t *testing.T) {
	var isos []*runtime.Isolate
	for i := 0; i < 2; i++ {
		iso, err := runtime.New(runtime.Options{})
		if err != nil {
			t.Fatal(err)
		}
		isos = append(isos, iso)
	}
	g := newMemGuard(1) // any heap is over the limit
	defer g.close()
	var runs []*guarded
	for _, iso := range isos {
		runs = append(runs, g.track(iso))
	}
	for i, r := range runs {
		<-r.oom
		<-isos[i].Done()
		if !r.shared {
			t.Errorf("run %d: shared = false with two runs in flight", i)
		}
	}
}

func TestMemGuardBlamesALoneRun(t *testing.T) {
	iso, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := newMemGuard(1)
	defer g.close()
	r := g.track(iso)
	<-r.oom
	if r.shared {
		t.Error("shared = true for a lone run")
	}
}

// A run stopped only because another one exhausted memory is run again, alone.
func TestRunRetriesInnocentRuns(t *testing.T) {
	rep, err := Run(context.Background(), Options{
		Root:         testRoot,
		Paths:        []string{"basic/crash.any.js", "basic/timeout.any.js"},
		Jobs:         2,
		TimeoutScale: testScale,
		MemoryLimit:  heapNow() + 512<<20,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"basic/crash.any.js": HarnessCrash, "basic/timeout.any.js": HarnessTimeout}
	for _, r := range rep.Results {
		if r.Harness != want[r.Test] {
			t.Errorf("%s: harness %s (%s), want %s", r.Test, r.Harness, r.Message, want[r.Test])
		}
	}
}
