package wpt

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"sync/atomic"
)

// DefaultExpectationsDir is where `edgerun wpt` looks for expectations when
// --expectations is not given (relative to the working directory, i.e. the
// edgerun repository root).
const DefaultExpectationsDir = "conformance/wpt/expectations"

const usage = `usage: edgerun wpt --root WPT_DIR [--report FILE] [--expectations DIR] [--update]
                  [--jobs N] [--timeout-scale F] [--memory-limit MiB] [--wpt-commit SHA] [-v] [--debug] [PATH ...]

Runs the Web Platform Tests in WPT_DIR against edge isolates. PATH is a file or
directory relative to WPT_DIR (url, fetch/api/headers, url/url-constructor.any.js);
none means every supported area. Exit status: 0 when every result matches the
expectations, 1 on an unexpected failure or pass, 2 on a usage or setup error.
`

// Main is `edgerun wpt`: it parses args (the arguments after "wpt"), runs
// the tests, writes the report and the summary, checks or updates the
// expectations, and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("edgerun wpt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	root := fs.String("root", "", "the WPT checkout (required)")
	reportFile := fs.String("report", "", "write the JSON report to `FILE`")
	expDir := fs.String("expectations", "", "expectations `DIR` (default "+DefaultExpectationsDir+" when it exists)")
	update := fs.Bool("update", false, "rewrite the expectations from this run, keeping existing reasons")
	jobs := fs.Int("jobs", 0, "runs in parallel (default GOMAXPROCS)")
	scale := fs.Float64("timeout-scale", 1, "multiply the per-run timeouts (10 s, 60 s for timeout=long)")
	commit := fs.String("wpt-commit", "", "the WPT commit to record in the report (default: git rev-parse in WPT_DIR)")
	verbose := fs.Bool("v", false, "print every run as it finishes")
	debug := fs.Bool("debug", false, "print the isolates' diagnostics (native panics with their stacks) to stderr")
	memLimit := fs.Uint64("memory-limit", 0, "Go heap `MiB` past which runs are stopped and reported CRASH (default: half the machine's memory, 1-8 GiB)")

	// Flags may follow paths (edgerun wpt url --root ../wpt).
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *root == "" {
		fmt.Fprintln(stderr, "edgerun wpt: --root is required")
		fs.Usage()
		return 2
	}
	if *scale <= 0 {
		fmt.Fprintln(stderr, "edgerun wpt: --timeout-scale must be positive")
		return 2
	}
	dir := *expDir
	if dir == "" {
		if st, err := os.Stat(DefaultExpectationsDir); err == nil && st.IsDir() {
			dir = DefaultExpectationsDir
		} else if *update {
			fmt.Fprintln(stderr, "edgerun wpt: --update needs --expectations DIR")
			return 2
		}
	}
	var exps *Expectations
	if dir != "" {
		var pruned []string
		var err error
		exps, pruned, err = loadExpectations(dir, *root, *update)
		if err != nil {
			fmt.Fprintf(stderr, "edgerun wpt: %v\n", err)
			return 2
		}
		for _, p := range pruned {
			fmt.Fprintf(stderr, "edgerun wpt: dropping the expectations of %s: no such file\n", p)
		}
		fmt.Fprintf(stderr, "edgerun wpt: expectations from %s\n", dir)
	} else {
		fmt.Fprintln(stderr, "edgerun wpt: no expectations directory; every failure is unexpected")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var n atomic.Int64
	opts := Options{Root: *root, Paths: paths, Jobs: *jobs, TimeoutScale: *scale, WPTCommit: *commit, MemoryLimit: *memLimit << 20}
	if *debug {
		opts.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	opts.Progress = func(r Result) {
		i := n.Add(1)
		if *verbose {
			passed := 0
			for _, s := range r.Subtests {
				if s.Passed() {
					passed++
				}
			}
			line := fmt.Sprintf("[%d] %-7s %s (%d/%d, %.1fs)", i, r.Harness, r.ID(), passed, len(r.Subtests), r.Duration.Seconds())
			if r.Harness != HarnessOK && r.Message != "" {
				line += ": " + firstLine(r.Message)
			}
			fmt.Fprintln(stderr, line)
		} else if i%50 == 0 {
			fmt.Fprintf(stderr, "edgerun wpt: %d runs done\n", i)
		}
	}
	rep, err := Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "edgerun wpt: %v\n", err)
		return 2
	}
	if *reportFile != "" {
		if err := rep.WriteFile(*reportFile); err != nil {
			fmt.Fprintf(stderr, "edgerun wpt: %v\n", err)
			return 2
		}
	}

	code := 0
	if exps == nil {
		exps = &Expectations{Files: map[string]*FileExpectation{}}
	}
	if *update {
		exps.Update(rep)
		if err := exps.Write(runAreas(rep)); err != nil {
			fmt.Fprintf(stderr, "edgerun wpt: %v\n", err)
			return 2
		}
		fmt.Fprintf(stderr, "edgerun wpt: updated the expectations in %s\n", exps.Dir)
	} else {
		ms := exps.Compare(rep)
		for _, m := range ms {
			fmt.Fprintln(stdout, m)
		}
		if u := Unexpected(ms); u > 0 {
			fmt.Fprintf(stdout, "%d unexpected results\n", u)
			code = 1
		}
	}
	WriteSummary(stdout, rep)
	return code
}

// runAreas lists the areas rep covers.
func runAreas(rep *Report) []string {
	set := map[string]bool{}
	for _, r := range rep.Results {
		set[r.Area] = true
	}
	var out []string
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
