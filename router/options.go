package router

import (
	"fmt"
	"strings"
)

// DefaultPageExtensions is Next.js's default `pageExtensions`
// (server/config-shared.ts).
var DefaultPageExtensions = []string{"tsx", "ts", "jsx", "js"}

// Options configures New.
type Options struct {
	// PageExtensions mirrors next.config.js `pageExtensions`: the file
	// suffixes (without the leading dot) that make a file a page. An
	// extension may itself contain dots ("page.ts"), which is how projects
	// colocate helpers and tests with their routes. Nil or empty means
	// DefaultPageExtensions. Extensions are matched literally (Next builds a
	// regexp from them unescaped; nobody relies on that).
	PageExtensions []string
}

func (o Options) extensions() ([]string, error) {
	if len(o.PageExtensions) == 0 {
		return DefaultPageExtensions, nil
	}
	for _, ext := range o.PageExtensions {
		if ext == "" || strings.HasPrefix(ext, ".") || strings.ContainsAny(ext, `/\`) {
			return nil, fmt.Errorf("router: invalid page extension %q: want a suffix without the leading dot, like \"ts\" or \"page.ts\"", ext)
		}
	}
	return o.PageExtensions, nil
}
