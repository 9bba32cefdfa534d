package node

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// crossCheckTables are the behaviour tables whose expectations were
// written from Node's documentation; TestCrossCheckWithNode runs them in a
// real Node.js to catch expectations that drifted from Node.
func crossCheckTables() map[string][]jsTest {
	withPrelude := func(prelude string, tests []jsTest) []jsTest {
		out := make([]jsTest, len(tests))
		for i, tt := range tests {
			tt.src = prelude + tt.src
			out[i] = tt
		}
		return out
	}
	return map[string][]jsTest{
		"buffer": bufferTests, "events": eventsTests, "inspect": inspectTests, "format": formatTests,
		"util": utilTests, "path": pathTests, "querystring": querystringTests, "string_decoder": stringDecoderTests,
		"url": legacyURLTests, "assert": assertTests,
		"async:events": eventsAsyncTests, "async:util": utilAsyncTests, "async:assert": assertAsyncTests,
		"async:stream": withPrelude(streamPrelude, streamAsyncTests),
	}
}

// TestCrossCheckWithNode is a maintainer tool, not part of the normal
// suite: with EDGERUN_NODE_CROSSCHECK=1 and node on PATH it reports
// table cases where real Node.js disagrees with the expected value.
func TestCrossCheckWithNode(t *testing.T) {
	if os.Getenv("EDGERUN_NODE_CROSSCHECK") == "" {
		t.Skip("set EDGERUN_NODE_CROSSCHECK=1 to compare the tables with a real Node.js")
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not on PATH")
	}
	type entry struct {
		Group, Name, Src, Want string
		Async                  bool
	}
	var all []entry
	for group, tests := range crossCheckTables() {
		async := len(group) > 6 && group[:6] == "async:"
		for _, tt := range tests {
			all = append(all, entry{group, tt.name, tt.src, tt.want, async})
		}
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "tables.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(nodeBin, "testdata/crosscheck.js", file).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	t.Logf("differences from Node.js (edgerun-specific cases are expected here):\n%s", out)
}
