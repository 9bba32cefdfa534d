package timers

import (
	"testing"
	"time"

	"github.com/edgerun/edgerun/runtime"
)

// TestNestingClamp checks HTML's rule that timers created at a timer
// nesting level above 5 wait at least 4 ms, by asking clamp at each level
// of a chain of nested timers (no clock involved).
func TestNestingClamp(t *testing.T) {
	iso, err := runtime.New(runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	got := make(chan []time.Duration, 1)
	var seen []time.Duration
	var level func()
	level = func() {
		seen = append(seen, clamp(iso, 0), clamp(iso, 10), clamp(iso, -3))
		if len(seen) == 3*8 {
			got <- seen
			return
		}
		iso.SetTimer(0, false, level)
	}
	if err := iso.Do(func() error { level(); return nil }); err != nil {
		t.Fatal(err)
	}
	s := <-got
	for lvl := 0; lvl < 8; lvl++ {
		want := time.Duration(0)
		if lvl > 5 {
			want = 4 * time.Millisecond
		}
		if s[3*lvl] != want || s[3*lvl+2] != want || s[3*lvl+1] != 10*time.Millisecond {
			t.Errorf("nesting level %d: clamp(0), clamp(10), clamp(-3) = %v, want %v, 10ms, %v", lvl, s[3*lvl:3*lvl+3], want, want)
		}
	}
}
