package bcrypt

import (
	"errors"
	"testing"
	"time"

	"github.com/edgerun/edgerun/runtime"
)

// A synchronous hash at a high cost is Go code the CPU deadline could not
// stop without interruptCheck: cost 20 is minutes of work.
var deadlineTests = []struct{ name, src string }{
	{"bcryptjs hashSync", `require('bcryptjs').hashSync('x', '$2b$20$abcdefghijklmnopqrstuu')`},
	{"bcryptjs compareSync", `require('bcryptjs@2').compareSync('x', '$2a$20$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W')`},
	{"bcrypt hashSync", `require('bcrypt').hashSync('x', '$2b$20$abcdefghijklmnopqrstuu')`},
	{"bcrypt compareSync", `require('bcrypt').compareSync('x', '$2b$20$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W')`},
	{"caught", `try { require('bcryptjs').hashSync('x', '$2b$20$abcdefghijklmnopqrstuu') } catch (e) {} for (;;) {}`},
}

func TestSyncHashHonoursCPUDeadline(t *testing.T) {
	for _, tt := range deadlineTests {
		t.Run(tt.name, func(t *testing.T) {
			iso := newTestIsolateWith(t, runtime.Options{CPUDeadline: 50 * time.Millisecond})
			failed := make(chan error, 1)
			inv, err := iso.NewInvocation(func(err error) { failed <- err })
			if err != nil {
				t.Fatal(err)
			}
			_ = iso.Run(inv, func() { _, _ = iso.VM().RunString(tt.src) })
			select {
			case err := <-failed:
				var de *runtime.DeadlineError
				if !errors.As(err, &de) {
					t.Fatalf("want a DeadlineError, got %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the hash was not stopped at the CPU deadline")
			}
		})
	}
}

func TestEksBlowfishStops(t *testing.T) {
	stopErr := errors.New("stop")
	calls := 0
	_, err := eksBlowfish([]byte("x"), &[saltLen]byte{}, 1<<20, func() error {
		calls++
		if calls == 3 {
			return stopErr
		}
		return nil
	})
	if !errors.Is(err, stopErr) || calls != 3 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
}
