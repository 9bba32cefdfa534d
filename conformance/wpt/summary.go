package wpt

import (
	"fmt"
	"io"
	"sort"
)

// AreaSummary counts one area's results.
type AreaSummary struct {
	Area string
	// Files and Runs count test files and runs (files × variants).
	Files, Runs int
	// Skipped runs needed something the runner does not have; Broken runs
	// had a harness status other than OK (ERROR, TIMEOUT, CRASH...).
	Skipped, Broken int
	// Subtests and Passed count subtests of runs that were not skipped.
	Subtests, Passed int
}

// Percent is the pass rate over subtests.
func (s AreaSummary) Percent() float64 {
	if s.Subtests == 0 {
		return 0
	}
	return 100 * float64(s.Passed) / float64(s.Subtests)
}

// Summarize counts rep per area (sorted by area) and in total.
func Summarize(rep *Report) (areas []AreaSummary, total AreaSummary) {
	by := map[string]*AreaSummary{}
	files := map[string]bool{}
	total.Area = "total"
	for _, r := range rep.Results {
		a := r.Area
		if a == "" {
			a = areaOf(r.Test)
		}
		s := by[a]
		if s == nil {
			s = &AreaSummary{Area: a}
			by[a] = s
		}
		for _, x := range []*AreaSummary{s, &total} {
			if !files[r.Test] {
				x.Files++
			}
			x.Runs++
			switch {
			case r.Harness == HarnessSkip:
				x.Skipped++
			case r.HarnessFailed():
				x.Broken++
			}
			for _, st := range r.Subtests {
				x.Subtests++
				if st.Passed() {
					x.Passed++
				}
			}
		}
		files[r.Test] = true
	}
	for _, s := range by {
		areas = append(areas, *s)
	}
	sort.Slice(areas, func(i, j int) bool { return areas[i].Area < areas[j].Area })
	return areas, total
}

// WriteSummary prints one row per area and the total, then the last line
// "N passed, M failed" over subtests.
func WriteSummary(w io.Writer, rep *Report) {
	areas, total := Summarize(rep)
	width := len("area")
	for _, s := range areas {
		width = max(width, len(s.Area))
	}
	fmt.Fprintf(w, "%-*s %6s %6s %8s %7s %9s %8s %7s\n", width, "area", "files", "runs", "skipped", "broken", "subtests", "passed", "%")
	row := func(s AreaSummary) {
		fmt.Fprintf(w, "%-*s %6d %6d %8d %7d %9d %8d %6.1f%%\n", width, s.Area, s.Files, s.Runs, s.Skipped, s.Broken, s.Subtests, s.Passed, s.Percent())
	}
	for _, s := range areas {
		row(s)
	}
	row(total)
	fmt.Fprintf(w, "%d passed, %d failed\n", total.Passed, total.Subtests-total.Passed)
}
