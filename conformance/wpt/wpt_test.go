package wpt

import (
	"context"
	"os"
	"testing"
)

// TestWPTExpectations runs the real WPT checkout named by EDGERUN_WPT_ROOT
// (see `go doc ./conformance/wpt`) against the committed expectations. It
// takes minutes, so it only runs when asked for.
func TestWPTExpectations(t *testing.T) {
	root := os.Getenv("EDGERUN_WPT_ROOT")
	if root == "" {
		t.Skip("EDGERUN_WPT_ROOT is not set")
	}
	exps, err := LoadExpectations("expectations", root)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range exps.Compare(rep) {
		if m.Kind != Stale {
			t.Error(m)
		}
	}
}
