package router_test

import (
	"errors"
	"fmt"

	"github.com/edgerun/edgerun/router"
)

func Example() {
	table, err := router.New([]string{
		"api/hello.ts",
		"api/post/create.ts",
		"api/post/[pid].ts",
		"api/post/[...slug].ts",
		"index.tsx", // not an API route: ignored
	}, router.Options{})
	if err != nil {
		panic(err)
	}
	for _, r := range table.Routes() {
		fmt.Println(r.Page)
	}

	for _, path := range []string{"/api/post/create", "/api/post/a%2Fb", "/api/post/x/y", "/api/nope", "/api/post/%zz"} {
		m, err := table.Match(path)
		switch {
		case errors.Is(err, router.ErrBadEscape):
			fmt.Println(path, "→ 400 Bad Request")
		case m == nil:
			fmt.Println(path, "→ 404")
		default:
			fmt.Println(path, "→", m.Route.File, m.Params)
		}
	}
	// Output:
	// /api/hello
	// /api/post/create
	// /api/post/[pid]
	// /api/post/[...slug]
	// /api/post/create → api/post/create.ts []
	// /api/post/a%2Fb → api/post/[pid].ts [{pid [a/b] false}]
	// /api/post/x/y → api/post/[...slug].ts [{slug [x y] true}]
	// /api/nope → 404
	// /api/post/%zz → 400 Bad Request
}

func ExampleNew_conflict() {
	_, err := router.New([]string{"api/x/[id].ts", "api/x/[slug].ts"}, router.Options{})
	var conflict *router.ConflictError
	if errors.As(err, &conflict) {
		fmt.Println(conflict.Message)
	}
	// Output:
	// You cannot use different slug names for the same dynamic path ('id' !== 'slug').
}

func ExampleCanonicalize() {
	for _, p := range []string{"/api/echo/", "/api//echo", "/api/echo"} {
		target, redirect := router.Canonicalize(p, false)
		fmt.Println(p, target, redirect)
	}
	// Output:
	// /api/echo/ /api/echo true
	// /api//echo /api/echo true
	// /api/echo /api/echo false
}

func ExampleTable_Explain() {
	table, _ := router.New([]string{"api/post/create.ts", "api/post/[pid].ts"}, router.Options{})
	for _, e := range table.Explain("/api/post/create") {
		fmt.Println(e)
	}
	// Output:
	// ✓ /api/post/create (pages/api/post/create.ts): exact match
	// ✗ /api/post/[pid] (pages/api/post/[pid].ts): matches, but /api/post/create has priority
}
