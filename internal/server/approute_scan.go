package server

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/router"
)

// A project's route files are the pages folder's api/ files and the app
// folder's route handlers. Both are named relative to the pages folder
// ("api/x.ts", "../app/api/y/route.ts"), the way the bundler and the
// route table name them, so one sorted list tells a reload whether the
// set of routes changed.

// scanRouteFiles lists the route files of the project at dir whose pages
// folder is pagesDir (relative to dir, slash-separated).
func scanRouteFiles(dir, pagesDir string) ([]string, error) {
	files, err := scanAPIFiles(filepath.Join(dir, filepath.FromSlash(pagesDir)))
	if err != nil {
		return nil, err
	}
	appDir := bundler.FindAppDir(dir)
	if appDir == "" {
		return files, nil
	}
	prefix := appPrefix(pagesDir, appDir)
	root := filepath.Join(dir, filepath.FromSlash(appDir))
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// Private folders hold no routes; dependencies and dot
			// folders none either.
			if p != root && (strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, "route.") {
			rel, _ := filepath.Rel(root, p)
			files = append(files, prefix+filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("server: scanning %s: %w", appDir, err)
	}
	sort.Strings(files)
	return files, nil
}

// appPrefix is how app files are named relative to the pages folder:
// "../app/" for pages and app at the same level.
func appPrefix(pagesDir, appDir string) string {
	rel, err := filepath.Rel(filepath.FromSlash(pagesDir), filepath.FromSlash(appDir))
	if err != nil {
		return "../" + appDir + "/"
	}
	return filepath.ToSlash(rel) + "/"
}

// newRouteTable builds the route table from scanRouteFiles' list.
func newRouteTable(dir, pagesDir string, files []string, pageExtensions []string) (*router.Table, error) {
	appDir := bundler.FindAppDir(dir)
	if appDir == "" {
		return router.New(files, router.Options{PageExtensions: pageExtensions})
	}
	prefix := appPrefix(pagesDir, appDir)
	var pages, app []string
	for _, f := range files {
		if rest, ok := strings.CutPrefix(f, prefix); ok {
			app = append(app, rest)
		} else {
			pages = append(pages, f)
		}
	}
	return router.NewProject(pages, app, router.Dirs{Pages: pagesDir, App: path.Clean(appDir)}, router.Options{PageExtensions: pageExtensions})
}
