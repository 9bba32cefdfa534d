package bundler

import (
	"errors"
	"os"
	"path"
	"path/filepath"
)

// FindAppDir returns "app" or "src/app" for the project at dir, or "" when
// it has neither: Next's findDir, which prefers ./app over ./src/app and
// looks for it independently of the pages folder.
func FindAppDir(dir string) string {
	for _, cand := range []string{"app", "src/app"} {
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(cand))); err == nil && fi.IsDir() {
			return cand
		}
	}
	return ""
}

// FindRouteDirs returns the project's pages folder (as [FindPagesDir]) and
// its app folder ("" when none). A project with an app folder needs no
// pages/api: its pages folder is then the existing pages or src/pages
// folder, or the one Next would use beside the app folder ("pages" for
// app, "src/pages" for src/app), which need not exist. Bundles name route
// files relative to it, app routes included ("../app/api/x/route.ts").
// Without either folder the error is FindPagesDir's.
func FindRouteDirs(dir string) (pagesDir, appDir string, err error) {
	appDir = FindAppDir(dir)
	pagesDir, err = FindPagesDir(dir)
	if err == nil || appDir == "" || !errors.Is(err, ErrNoPagesDir) {
		return pagesDir, appDir, err
	}
	for _, cand := range []string{"pages", "src/pages"} {
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(cand))); err == nil && fi.IsDir() {
			return cand, appDir, nil
		}
	}
	return path.Join(path.Dir(appDir), "pages"), appDir, nil
}
