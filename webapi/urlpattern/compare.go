package urlpattern

import "strings"

// CompareComponent orders two patterns by how specific their component c
// is: -1 when left's is less specific than right's, 1 when more, 0 when
// equal. It is URLPattern.compareComponent(), a Chrome API that WPT tests
// as tentative; it has no spec text yet, so this follows Chrome: parts are
// compared in order (fixed text > regexp > segment wildcard > full
// wildcard, then modifier none > + > ? > *, then prefix, value and suffix
// as byte strings), and a missing part counts as an empty fixed text.
func CompareComponent(c Component, left, right *Pattern) int {
	l, r := left.components[c].parts, right.components[c].parts
	i := 0
	for ; i < len(l) && i < len(r); i++ {
		if d := comparePart(&l[i], &r[i]); d != 0 {
			return d
		}
	}
	empty := part{typ: partFixedText, modifier: modNone}
	switch {
	case i == len(l) && i != len(r):
		return comparePart(&empty, &r[i])
	case i != len(l) && i == len(r):
		return comparePart(&l[i], &empty)
	}
	return 0
}

func comparePart(l, r *part) int {
	switch {
	case l.typ != r.typ:
		return sign(int(l.typ) - int(r.typ))
	case l.modifier != r.modifier:
		return sign(int(l.modifier) - int(r.modifier))
	}
	if d := strings.Compare(l.prefix, r.prefix); d != 0 {
		return d
	}
	if d := strings.Compare(l.value, r.value); d != 0 {
		return d
	}
	return strings.Compare(l.suffix, r.suffix)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
