package bundler

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// probe runs src in a fresh goja runtime and reports whether it compiled,
// ran, and evaluated to true (after draining promise jobs).
func probe(src string) (works bool, err error) {
	defer func() {
		if r := recover(); r != nil { // goja's parser panics on some input
			works, err = false, fmt.Errorf("goja panicked: %v", r)
		}
	}()
	vm := goja.New()
	v, err := vm.RunString(src)
	if err != nil {
		return false, err
	}
	return v.StrictEquals(vm.ToValue(true)), nil
}

func TestGojaFeatureTable(t *testing.T) {
	for _, f := range gojaFeatures {
		t.Run(f.Name, func(t *testing.T) {
			works, err := probe(f.Probe)
			if works != f.Supported {
				t.Errorf("goja support for %q is %v, target.go says %v (probe %q, err %v); update gojaFeatures and gojaVerifiedVersion",
					f.Name, works, f.Supported, f.Probe, err)
			}
			if !f.Supported && f.Why == "" {
				t.Errorf("%q: unsupported features must say what esbuild does instead", f.Name)
			}
		})
	}
}

// gojaBuiltinProbes documents the built-ins the edgerun realm has to shim
// (they are not esbuild features, so they are not in target.go). When one
// flips, the matching shim in runtime/ can go.
var gojaBuiltinProbes = []struct {
	name  string
	src   string
	works bool
}{
	{"Symbol.asyncIterator", `typeof Symbol.asyncIterator === "symbol"`, false},
	{"Symbol.dispose", `typeof Symbol.dispose === "symbol"`, false},
	{"Intl", `typeof Intl === "object"`, false},
	{"WeakRef", `typeof WeakRef === "function"`, false},
	{"Promise.withResolvers", `typeof Promise.withResolvers === "function"`, false},
	{"Object.groupBy", `typeof Object.groupBy === "function"`, false},
	{"structuredClone", `typeof structuredClone === "function"`, false},
	{"queueMicrotask", `typeof queueMicrotask === "function"`, false},
	{"Error.captureStackTrace", `typeof Error.captureStackTrace === "function"`, false},
	{"Array.prototype.findLast", `[1, 2].findLast(x => x < 2) === 1`, true},
	{"Object.hasOwn", `Object.hasOwn({ a: 1 }, "a")`, true},
	{"Error cause", `new Error("x", { cause: 1 }).cause === 1`, true},
	{"Array.prototype.toSorted", `[2, 1].toSorted()[0] === 1`, true},
	{"Set.prototype.union", `new Set([1]).union(new Set([2])).size === 2`, true},
	{"Promise.any", `typeof Promise.any === "function"`, true},
}

func TestGojaBuiltins(t *testing.T) {
	for _, p := range gojaBuiltinProbes {
		works, err := probe(p.src)
		if works != p.works {
			t.Errorf("%s: works=%v, expected %v (err %v); update the shim list", p.name, works, p.works, err)
		}
	}
}

func TestGojaVersionVerified(t *testing.T) {
	// Test binaries carry no dependency build info, so read go.mod.
	data, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) < 2 || f[0] != "github.com/dop251/goja" {
			continue
		}
		if f[1] != gojaVerifiedVersion {
			t.Errorf("go.mod has goja %s but target.go was verified against %s: check TestGojaFeatureTable, then bump gojaVerifiedVersion", f[1], gojaVerifiedVersion)
		}
		return
	}
	t.Fatal("github.com/dop251/goja not found in go.mod")
}
