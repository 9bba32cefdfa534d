package router

import (
	"strings"
)

// Table is an immutable set of API routes, safe for concurrent use.
type Table struct {
	routes  []*Route          // match priority order (UrlNode.smoosh)
	static  map[string]*Route // page → route, for routes without params
	dynamic []*Route          // routes with params, in priority order
	byPage  map[string]*Route
}

// New builds the table from files relative to the pages directory, slash-
// separated ("api/hello.ts", "api/a/index.ts"). The order of files does not
// matter: like Next's recursiveReadDir, New sorts them (JavaScript string
// order) before mapping them, so results and errors are deterministic.
//
// Only API routes are kept: pages named "/api" or "/api/…" (so pages/api.ts
// counts, as in Next's isAPIRoute). Other pages, files without a page
// extension and "*.d.ts" are ignored.
//
// Errors:
//   - two files resolving to the same page: *ConflictError matching
//     ErrDuplicatePage, with Next's text "Duplicate page detected. pages/x
//     and pages/y both resolve to /api/x." (files in sorted order);
//   - every conflict Next's sorted-routes.ts rejects: *ConflictError with
//     its text verbatim (spec §3.3). Like Next, New stops at the first one.
//   - an invalid Options.PageExtensions entry.
func New(files []string, opts Options) (*Table, error) {
	exts, err := opts.extensions()
	if err != nil {
		return nil, err
	}
	pages, err := pageRoutes(files, exts, "pages")
	if err != nil {
		return nil, err
	}
	byPage := make(map[string]*Route, len(pages))
	for _, r := range pages {
		byPage[r.Page] = r
	}
	return buildTable(pages, byPage)
}

// buildTable orders the routes (createPagesMapping order: first file of
// each page) with Next's UrlNode, which also raises sorted-routes.ts's
// conflicts.
func buildTable(pages []*Route, byPage map[string]*Route) (*Table, error) {
	t := &Table{static: make(map[string]*Route), byPage: byPage}
	root := &urlNode{}
	for _, r := range pages {
		if err := root.insert(r); err != nil {
			return nil, err
		}
	}
	var err error
	if t.routes, err = root.smoosh("/", make([]*Route, 0, len(pages))); err != nil {
		return nil, err
	}
	for _, r := range t.routes {
		if r.Dynamic() {
			t.dynamic = append(t.dynamic, r)
		} else {
			t.static[r.Page] = r
		}
	}
	return t, nil
}

// normalizeFile is the file as Next prints it relative to pages/: slash-
// separated, without a leading slash.
func normalizeFile(f string) string {
	return strings.TrimLeft(strings.ReplaceAll(f, `\`, "/"), "/")
}

// Routes returns the routes in match priority order: for each level of the
// page tree, the page ending there, then static children (sorted), then
// [param], then [...catchAll], then [[...optional]] (Next's UrlNode.smoosh).
// The slice is a copy; the routes are shared and must not be modified.
func (t *Table) Routes() []*Route {
	return append([]*Route(nil), t.routes...)
}

// Lookup returns the route for a page name ("/api/posts/[id]"), or nil.
func (t *Table) Lookup(page string) *Route {
	return t.byPage[page]
}

// Len returns the number of routes.
func (t *Table) Len() int { return len(t.routes) }
