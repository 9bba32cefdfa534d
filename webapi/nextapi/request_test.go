package nextapi

import (
	"reflect"
	"testing"
)

var buildQueryTests = []struct {
	name       string
	raw        string
	params     []Param
	wantQuery  []QueryValue
	wantSearch string
}{
	{name: "empty", raw: "", wantSearch: ""},
	{name: "repeats become arrays, grouped by key when re-serialised", raw: "a=1&b=2&a=3",
		wantQuery:  []QueryValue{{Key: "a", Values: []string{"1", "3"}, Array: true}, {Key: "b", Values: []string{"2"}}},
		wantSearch: "?a=1&a=3&b=2"},
	{name: "plus, escapes, empty values", raw: "c=%20z&d&e=x+y",
		wantQuery:  []QueryValue{{Key: "c", Values: []string{" z"}}, {Key: "d", Values: []string{""}}, {Key: "e", Values: []string{"x y"}}},
		wantSearch: "?c=+z&d=&e=x+y"},
	{name: "malformed escapes kept literally", raw: "e=%zz&f=%4",
		wantQuery:  []QueryValue{{Key: "e", Values: []string{"%zz"}}, {Key: "f", Values: []string{"%4"}}},
		wantSearch: "?e=%25zz&f=%254"},
	{name: "invalid UTF-8 is one U+FFFD per bad byte", raw: "q=%FF%C3",
		wantQuery:  []QueryValue{{Key: "q", Values: []string{"\uFFFD\uFFFD"}}},
		wantSearch: "?q=%EF%BF%BD%EF%BF%BD"},
	{name: "integer keys first", raw: "b=1&10=x&2=y&02=z",
		wantQuery:  []QueryValue{{Key: "2", Values: []string{"y"}}, {Key: "10", Values: []string{"x"}}, {Key: "b", Values: []string{"1"}}, {Key: "02", Values: []string{"z"}}},
		wantSearch: "?2=y&10=x&b=1&02=z"},
	{name: "params win and leave the search", raw: "id=override&id=2&x=1",
		params:     []Param{{Name: "id", Values: []string{"42"}}},
		wantQuery:  []QueryValue{{Key: "x", Values: []string{"1"}}, {Key: "id", Values: []string{"42"}}},
		wantSearch: "?x=1"},
	{name: "catch-all", raw: "slug=q",
		params:    []Param{{Name: "slug", Values: []string{"a", "b/c"}, Array: true}},
		wantQuery: []QueryValue{{Key: "slug", Values: []string{"a", "b/c"}, Array: true}}},
	{name: "internal nxtP/nxtI keys dropped", raw: "nxtPslug=1&nxtIx=2&nxtP=3&nxtI=4",
		wantQuery:  []QueryValue{{Key: "nxtP", Values: []string{"3"}}, {Key: "nxtI", Values: []string{"4"}}},
		wantSearch: "?nxtP=3&nxtI=4"},
	{name: "characters the form serializer escapes", raw: "k=a*b-c.d_e~f!g'h(i)j[k]",
		wantQuery:  []QueryValue{{Key: "k", Values: []string{"a*b-c.d_e~f!g'h(i)j[k]"}}},
		wantSearch: "?k=a*b-c.d_e%7Ef%21g%27h%28i%29j%5Bk%5D"},
}

func TestBuildQuery(t *testing.T) {
	for _, tt := range buildQueryTests {
		t.Run(tt.name, func(t *testing.T) {
			q, search := BuildQuery(tt.raw, tt.params)
			if !reflect.DeepEqual(q, tt.wantQuery) {
				t.Errorf("query %+v, want %+v", q, tt.wantQuery)
			}
			if search != tt.wantSearch {
				t.Errorf("search %q, want %q", search, tt.wantSearch)
			}
		})
	}
}
