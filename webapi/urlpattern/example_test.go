package urlpattern_test

import (
	"fmt"

	"github.com/edgerun/edgerun/webapi/urlpattern"
)

func ExampleNew() {
	p, err := urlpattern.New("https://example.com/books/:id(\\d+)", urlpattern.Options{})
	if err != nil {
		panic(err)
	}
	r, err := p.Exec("https://example.com/books/123?ref=home")
	if err != nil || r == nil {
		panic("no match")
	}
	for _, g := range r.Get(urlpattern.Pathname).Groups {
		fmt.Println(g.Name, "=", g.Value)
	}
	fmt.Println(p.PatternString(urlpattern.Search), p.HasRegExpGroups())
	// Output:
	// id = 123
	// * true
}

func ExampleNewFromInit() {
	pathname := "/api/posts/:id"
	p, err := urlpattern.NewFromInit(&urlpattern.Init{Pathname: &pathname}, urlpattern.Options{})
	if err != nil {
		panic(err)
	}
	ok, _ := p.Test("https://any.example/api/posts/7")
	fmt.Println(ok)
	ok, _ = p.Test("https://any.example/api/posts/7/comments")
	fmt.Println(ok)
	// Output:
	// true
	// false
}
