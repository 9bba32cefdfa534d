package jsregex

// ECMAScript rejects an iteration of a quantified atom that matches the
// empty string once the minimum count is reached (RepeatMatcher: "If min =
// 0 and y's endIndex = x's endIndex, return failure"). Go's regexp and
// regexp2 accept it, which shows when the atom holds a capture:
// /^(.*)(.*)?$/.exec("ab") leaves the second group undefined in JS and ""
// elsewhere. Iterations that match nothing never move the position, so
// without captures inside the atom the results are the same and nothing
// needs doing.
//
// For the optional iterations (all of them when min is 0) the atom is
// replaced by its non-empty restriction when one can be written with the
// same backtracking order (X* becomes X+ and so on), which keeps the
// pattern on Go's regexp. Otherwise regexp2 runs it with a guard around
// each iteration that fails when nothing was consumed (see guardedRepeat).
// Repeats with min > 0 and a capturing, possibly empty atom are left as
// they are: a documented difference.

// nullable reports whether n can match the empty string.
func nullable(n node) bool {
	switch n := n.(type) {
	case *literal:
		return false
	case *class:
		return n.set.strs[""]
	case *group:
		return n.body == nil || nullable(n.body)
	case *sequence:
		for _, item := range n.items {
			if !nullable(item) {
				return false
			}
		}
		return true
	case *alternation:
		for _, a := range n.alts {
			if nullable(a) {
				return true
			}
		}
		return false
	case *repeat:
		return n.min == 0 || nullable(n.body)
	}
	return true // assertions, lookarounds, backreferences, empty
}

// hasCapture reports whether n contains a capturing group.
func hasCapture(n node) bool {
	switch n := n.(type) {
	case *group:
		return n.capture || (n.body != nil && hasCapture(n.body))
	case *sequence:
		for _, item := range n.items {
			if hasCapture(item) {
				return true
			}
		}
	case *alternation:
		for _, a := range n.alts {
			if hasCapture(a) {
				return true
			}
		}
	case *repeat:
		return hasCapture(n.body)
	case *lookaround:
		return hasCapture(n.body)
	}
	return false
}

// nonEmpty returns a node matching exactly the non-empty matches of n, in
// the order n produces them, when one is easy to write.
func nonEmpty(n node) (node, bool) {
	if !nullable(n) {
		return n, true
	}
	switch n := n.(type) {
	case *class:
		set := n.set.clone()
		delete(set.strs, "")
		return &class{set: set}, true
	case *group:
		if n.body == nil {
			return &class{set: &charSet{}}, true
		}
		body, ok := nonEmpty(n.body)
		if !ok {
			return nil, false
		}
		return &group{capture: n.capture, index: n.index, body: body}, true
	case *alternation:
		alts := make([]node, 0, len(n.alts))
		for _, a := range n.alts {
			na, ok := nonEmpty(a)
			if !ok {
				return nil, false
			}
			alts = append(alts, na)
		}
		return &alternation{alts: alts}, true
	case *repeat:
		if nullable(n.body) || n.max == 0 {
			return nil, false
		}
		return &repeat{min: max(n.min, 1), max: n.max, greedy: n.greedy, body: n.body}, true
	case *assertion:
		return &class{set: &charSet{}}, true // never
	}
	return nil, false
}

// fixEmptyChecks rewrites the repeats whose optional iterations could
// match the empty string and capture. It reports whether some repeat
// needs regexp2's guard.
func fixEmptyChecks(n node) (node, bool) {
	switch n := n.(type) {
	case *group:
		if n.body == nil {
			return n, false
		}
		body, guard := fixEmptyChecks(n.body)
		n.body = body
		return n, guard
	case *sequence:
		guard := false
		for i, item := range n.items {
			var g bool
			n.items[i], g = fixEmptyChecks(item)
			guard = guard || g
		}
		return n, guard
	case *alternation:
		guard := false
		for i, a := range n.alts {
			var g bool
			n.alts[i], g = fixEmptyChecks(a)
			guard = guard || g
		}
		return n, guard
	case *lookaround:
		body, guard := fixEmptyChecks(n.body)
		n.body = body
		return n, guard
	case *repeat:
		body, guard := fixEmptyChecks(n.body)
		n.body = body
		if n.min > 0 || n.max == 0 || !nullable(body) || !hasCapture(body) {
			return n, guard
		}
		if ne, ok := nonEmpty(body); ok {
			n.body = ne
			return n, guard
		}
		return &guardedRepeat{repeat: n}, true
	}
	return n, false
}

// guardedRepeat is a repeat (min 0) whose every iteration must consume
// input. regexp2 writes each iteration as
//
//	(?=([\s\S]*)) body (?!\N(?![\s\S]))
//
// capturing the rest of the input in group N first and failing when the
// rest is unchanged at the end. The guard groups shift the numbers of the
// pattern's own groups; see renumber.
type guardedRepeat struct {
	*repeat
	num int // the guard group's number in the emitted pattern
}

func (*guardedRepeat) isNode() {}

// renumber gives every capturing group and guard its number in the
// emitted pattern (groups are numbered in the order their "(" appears)
// and returns the emitted number of each original group (index 0 is the
// whole match).
func renumber(n node, ncap int) []int {
	out := make([]int, ncap+1)
	next := 1
	var walk func(node)
	walk = func(n node) {
		switch n := n.(type) {
		case *group:
			if n.capture {
				out[n.index] = next
				next++
			}
			if n.body != nil {
				walk(n.body)
			}
		case *guardedRepeat:
			n.num = next
			next++
			walk(n.body)
		case *sequence:
			for _, item := range n.items {
				walk(item)
			}
		case *alternation:
			for _, a := range n.alts {
				walk(a)
			}
		case *repeat:
			walk(n.body)
		case *lookaround:
			walk(n.body)
		}
	}
	walk(n)
	return out
}
