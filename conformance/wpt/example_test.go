package wpt_test

import (
	"context"
	"fmt"
	"os"

	"github.com/edgerun/edgerun/conformance/wpt"
)

// Run a WPT directory and print each run's subtests.
func ExampleRun() {
	rep, err := wpt.Run(context.Background(), wpt.Options{
		Root:  "testdata/root",
		Paths: []string{"basic/pass.any.js", "basic/fail.any.js"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rep.Results {
		fmt.Println(r.ID(), r.Harness)
		for _, s := range r.Subtests {
			fmt.Printf("  %s %s\n", s.Status, s.Name)
		}
	}
	wpt.WriteSummary(os.Stdout, rep)
	// Output:
	// basic/fail.any.js OK
	//   PASS passes
	//   FAIL fails
	//   FAIL rejects
	// basic/pass.any.js OK
	//   PASS arithmetic
	//   PASS self is the global
	//   PASS promise
	//   PASS async
	// area   files   runs  skipped  broken  subtests   passed       %
	// basic      2      2        0       0         7        5   71.4%
	// total      2      2        0       0         7        5   71.4%
	// 5 passed, 2 failed
}
