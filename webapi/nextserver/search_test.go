package nextserver

import "testing"

var edgeSearchTests = []struct {
	name   string
	query  string
	params []Param
	want   string
}{
	{"nothing", "", nil, ""},
	{"query kept when canonical", "a=1&b=2", nil, "a=1&b=2"},
	{"param appended", "x=1", []Param{{"id", []string{"42"}}}, "x=1&id=42"},
	{"param replaces in place", "id=zzz&x=1", []Param{{"id", []string{"42"}}}, "id=42&x=1"},
	{"param re-encoded", "", []Param{{"id", []string{"a/b c~*"}}}, "id=a%2Fb+c%7E*"},
	{"catch-all values", "", []Param{{"slug", []string{"a", "b"}}}, "slug=a&slug=b"},
	{"catch-all replaces repeated key", "slug=x&q=1&slug=y", []Param{{"slug", []string{"a", "b"}}}, "slug=a&slug=b&q=1"},
	{"repeated keys grouped at first position", "t=1&u=2&t=3", nil, "t=1&t=3&u=2"},
	{"form decoding then encoding", "q=a%20b+c&flag&e=", nil, "q=a+b+c&flag=&e="},
	{"array-index keys first, ascending", "b=1&10=x&2=y&02=z", nil, "2=y&10=x&b=1&02=z"},
	{"2^32-1 is not an index", "b=1&4294967295=x&4294967294=y", nil, "4294967294=y&b=1&4294967295=x"},
	{"nxtP folds into the plain key", "nxtPid=7&y=1", []Param{{"id", []string{"42"}}}, "y=1&id=7"},
	{"nxtI folds too, bare prefix stays", "nxtIx=1&nxtP=2", nil, "nxtP=2&x=1"},
	{"_rsc stripped", "_rsc=abc&a=1", nil, "a=1"},
	{"empty pairs dropped", "&&a=1&", nil, "a=1"},
}

func TestEdgeSearch(t *testing.T) {
	for _, tt := range edgeSearchTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EdgeSearch(tt.query, tt.params); got != tt.want {
				t.Errorf("EdgeSearch(%q, %v) = %q, want %q", tt.query, tt.params, got, tt.want)
			}
		})
	}
}

func TestEdgeSearchNoQueryDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { EdgeSearch("", nil) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
