package fetch

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// loadWPTJSON reads a JSON array of test cases (each an array).
func loadWPTJSON(t testing.TB, rel string) [][]any {
	p := jstest.WPTData(t, rel)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonBytes converts a JSON array of numbers to bytes.
func jsonBytes(v any) []byte {
	arr, _ := v.([]any)
	out := make([]byte, len(arr))
	for i, x := range arr {
		out[i] = byte(x.(float64))
	}
	return out
}

// loadObjects reads a JSON array, keeping only its object entries (WPT
// tables interleave comment strings).
func loadObjects(t testing.TB, path string) []map[string]any {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw []any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, r := range raw {
		if m, ok := r.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
