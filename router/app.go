package router

// App Router route handlers (app/**/route.ts) share the table with the
// pages API routes, because Next.js routes both from one list: its dev
// server and its build sort every page name, app and pages alike, with
// getSortedRoutes (UrlNode), so the same priority order and the same
// conflict errors apply across the two routers. On top of that, Next
// refuses a pages route and an app route with the same path, and two app
// routes that normalise to the same path (route groups).

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// Dirs names a project's route folders relative to the project root,
// slash-separated: "pages" or "src/pages", "app" or "src/app" (Next looks
// for each folder at the root first, then in src/, independently). They
// name files in conflict messages, and app routes' Route.File is relative
// to Pages (see NewProject). Empty fields mean "pages" and "app".
type Dirs struct {
	Pages string
	App   string
}

func (d Dirs) withDefaults() Dirs {
	if d.Pages == "" {
		d.Pages = "pages"
	}
	if d.App == "" {
		d.App = "app"
	}
	d.Pages = path.Clean(strings.Trim(d.Pages, "/"))
	d.App = path.Clean(strings.Trim(d.App, "/"))
	return d
}

// NewProject builds the table of a project with both routers:
// pagesFiles relative to dirs.Pages (as New takes them) and appFiles
// relative to dirs.App ("api/hello/route.ts", "(shop)/cart/route.ts").
//
// Every route.{ext} file of the app directory is a route, at any path
// (not only under /api), with Next's normalizeAppPath: route groups
// "(name)" and parallel-route slots "@name" leave no segment, a folder
// named "%5Fx" is the URL segment "_x", and folders starting with "_"
// are private (they and everything in them are not routes). Other files
// (page.tsx, layout.tsx...) are ignored: edgerun serves route handlers,
// not pages.
//
// An app route's Route.File is its path relative to dirs.Pages
// ("../app/api/hello/route.ts"), so that every Route.File names a file
// the same way, and Route.App is set.
//
// Errors, besides New's:
//   - a pages route and an app route with the same page name: a
//     *ConflictError matching ErrAppPageConflict, listing every pair in
//     Next's words ("Conflicting app and page file was found, please
//     remove the conflicting files to continue:" then one
//     `  "pages/api/x.ts" - "app/api/x/route.ts"` line per pair);
//   - two app routes with the same path through route groups: Next's
//     "You cannot have two parallel pages that resolve to the same path.
//     Please check /(a)/x/route and /(b)/x/route. ...";
//   - two route files in one folder (route.js and route.ts): the
//     duplicate-page error, matching ErrDuplicatePage.
func NewProject(pagesFiles, appFiles []string, dirs Dirs, opts Options) (*Table, error) {
	exts, err := opts.extensions()
	if err != nil {
		return nil, err
	}
	dirs = dirs.withDefaults()
	pages, err := pageRoutes(pagesFiles, exts, dirs.Pages)
	if err != nil {
		return nil, err
	}
	apps, err := appRoutes(appFiles, exts, dirs)
	if err != nil {
		return nil, err
	}

	byPage := make(map[string]*Route, len(pages)+len(apps))
	for _, r := range pages {
		byPage[r.Page] = r
	}
	var conflicts [][2]*Route
	for _, r := range apps {
		if p := byPage[r.Page]; p != nil {
			conflicts = append(conflicts, [2]*Route{p, r})
		}
	}
	if len(conflicts) > 0 {
		return nil, appPageConflict(conflicts)
	}
	for _, r := range apps {
		byPage[r.Page] = r
	}
	return buildTable(append(pages, apps...), byPage)
}

// pageRoutes maps the pages directory's files to API routes, in Next's
// scan order, rejecting duplicates (New's first step).
func pageRoutes(files []string, exts []string, pagesDir string) ([]*Route, error) {
	sorted := sortedFiles(files)
	byPage := make(map[string]*Route)
	var routes []*Route
	for _, f := range sorted {
		page, ok := pageFromFile(f, exts)
		if !ok || !isAPIPage(page) {
			continue
		}
		if prev := byPage[page]; prev != nil {
			if normalizeFile(prev.File) == normalizeFile(f) {
				continue // the same file listed twice
			}
			return nil, &ConflictError{
				Message: fmt.Sprintf("Duplicate page detected. %s and %s both resolve to %s.",
					pagesDir+"/"+normalizeFile(prev.File), pagesDir+"/"+normalizeFile(f), page),
				Page:  page,
				Files: []string{prev.File, f},
				dup:   true,
			}
		}
		r := newRoute(page, f)
		r.display = pagesDir + "/" + normalizeFile(f)
		byPage[page] = r
		routes = append(routes, r)
	}
	return routes, nil
}

// appRoutes maps the app directory's route files to routes.
func appRoutes(files []string, exts []string, dirs Dirs) ([]*Route, error) {
	prefix := relDir(dirs.Pages, dirs.App)
	sorted := sortedFiles(files)
	type entry struct {
		appPage string // "/(group)/api/x/route", Next's page of the file
		route   *Route
	}
	byAppPage := make(map[string]*Route)
	byPath := make(map[string]entry)
	var routes []*Route
	for _, f := range sorted {
		appPage, ok := appPageFromFile(f, exts)
		if !ok {
			continue
		}
		file := normalizeFile(f)
		if prev := byAppPage[appPage]; prev != nil {
			prevFile := strings.TrimPrefix(prev.display, dirs.App+"/")
			if prevFile == file {
				continue // the same file listed twice
			}
			return nil, &ConflictError{
				Message: fmt.Sprintf("Duplicate page detected. %s and %s both resolve to %s.",
					dirs.App+"/"+prevFile, dirs.App+"/"+file, appPage),
				Page:  normalizeAppPath(appPage),
				Files: []string{prev.File, path.Join(prefix, file)},
				dup:   true,
			}
		}
		r := newRoute(normalizeAppPath(appPage), path.Join(prefix, file))
		r.App = true
		r.display = dirs.App + "/" + file
		byAppPage[appPage] = r
		if prev, ok := byPath[r.Page]; ok {
			return nil, &ConflictError{
				Message: fmt.Sprintf("You cannot have two parallel pages that resolve to the same path. Please check %s and %s. Refer to the route group docs for more information: https://nextjs.org/docs/app/building-your-application/routing/route-groups",
					prev.appPage, appPage),
				Page:  r.Page,
				Files: []string{prev.route.File, r.File},
			}
		}
		byPath[r.Page] = entry{appPage, r}
		routes = append(routes, r)
	}
	return routes, nil
}

// appPageFromFile turns a file relative to the app directory into Next's
// app page ("/(shop)/api/cart/route"), reporting whether the file is a
// route handler: its last part is "route." plus a page extension (Next's
// isAppRouterPage with pageExtensions), and no folder on its way is
// private ("_x": recursiveReadDir's ignorePartFilter).
func appPageFromFile(file string, exts []string) (string, bool) {
	p := "/" + strings.TrimLeft(strings.ReplaceAll(file, `\`, "/"), "/")
	dir, base := path.Split(p)
	if !strings.HasPrefix(base, "route.") || !contains(exts, base[len("route."):]) {
		return "", false
	}
	for _, part := range strings.Split(dir, "/") {
		if strings.HasPrefix(part, "_") {
			return "", false
		}
	}
	if strings.Contains(strings.Trim(dir, "/")+"/", "//") && dir != "/" {
		return "", false // an empty folder name: no URL reaches it
	}
	return dir + "route", true
}

// normalizeAppPath is Next's function of the same name
// (shared/lib/router/utils/app-paths.ts): groups and @slots leave no
// segment, and the leaf "route" goes. On top of it, a leading "%5F" in a
// folder name becomes "_", as Next's docs promise for private-looking URL
// segments ("%5Fapi" serves /_api).
func normalizeAppPath(appPage string) string {
	parts := strings.Split(appPage, "/")
	var b strings.Builder
	for i, seg := range parts {
		switch {
		case seg == "":
		case seg[0] == '(' && seg[len(seg)-1] == ')':
		case seg[0] == '@':
		case (seg == "page" || seg == "route") && i == len(parts)-1:
		default:
			if len(seg) >= 3 && strings.EqualFold(seg[:3], "%5F") {
				seg = "_" + seg[3:]
			}
			b.WriteString("/")
			b.WriteString(seg)
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// appPageConflict is Next's "Conflicting app and page file" error, one
// line per pair, in the order the app files were scanned.
func appPageConflict(pairs [][2]*Route) *ConflictError {
	var b strings.Builder
	if len(pairs) == 1 {
		b.WriteString("Conflicting app and page file was found, please remove the conflicting files to continue:")
	} else {
		b.WriteString("Conflicting app and page files were found, please remove the conflicting files to continue:")
	}
	var files []string
	for _, p := range pairs {
		fmt.Fprintf(&b, "\n  %q - %q", p[0].display, p[1].display)
		files = append(files, p[0].File, p[1].File)
	}
	return &ConflictError{Message: b.String(), Page: pairs[0][1].Page, Files: files, appPage: true}
}

// sortedFiles copies files in Next's scan order (JavaScript string order
// of the slash-separated names).
func sortedFiles(files []string) []string {
	sorted := append([]string(nil), files...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return jsLess(normalizeFile(sorted[i]), normalizeFile(sorted[j]))
	})
	return sorted
}

// relDir is the slash path from folder from to folder to, both relative
// to the same root and clean: ("pages", "app") → "../app",
// ("src/pages", "src/app") → "../app", ("pages", "src/app") → "../src/app".
func relDir(from, to string) string {
	f := strings.Split(from, "/")
	t := strings.Split(to, "/")
	if from == "." {
		f = nil
	}
	if to == "." {
		t = nil
	}
	i := 0
	for i < len(f) && i < len(t) && f[i] == t[i] {
		i++
	}
	var parts []string
	for range f[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}
