package server

// The dev watcher: fsnotify over the project tree (fsnotify watches one
// directory at a time, so every folder is added, and folders created later
// are added as they appear), debounced so that an editor's save — often a
// burst of create/write/rename events over a few milliseconds — becomes one
// reload with every path it touched.
//
// A request that arrives while changes are pending does not get the old
// generation: it waits for them (flush), once the burst has been quiet
// for flushQuiet, so that a save followed by a refresh always serves the
// saved code and does not wait out the whole debounce.

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchDebounce is how long the watcher waits after the last event of a
// burst before reloading when no request is waiting.
const watchDebounce = 8 * time.Millisecond

// flushQuiet is the quiet time after the last event that a waiting request
// needs before the reload: editors write a save within a millisecond
// (truncate and write, or write a temporary file and rename it).
const flushQuiet = 2 * time.Millisecond

// flushMaxWait bounds how long a request waits for pending changes while
// events keep coming (a tool rewriting files in a loop).
const flushMaxWait = 100 * time.Millisecond

// ignoredDirs are never watched: dependencies, VCS data and build output.
var ignoredDirs = map[string]bool{"node_modules": true, ".git": true, ".edgerun": true, ".next": true, ".turbo": true, ".vercel": true}

// watcher feeds file changes to Server.reload.
type watcher struct {
	s     *Server
	fs    *fsnotify.Watcher
	dir   string
	stop  chan struct{}
	done  chan struct{}
	flush chan chan struct{} // requests waiting for the pending changes

	// dirty is set while changes are pending (not yet reloaded).
	dirty atomic.Bool

	mu      sync.Mutex
	watched map[string]bool
}

// Watch starts reloading the project whenever its files change, until
// Close. Config.Watch starts it from New.
func (s *Server) Watch() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.watcher.Load() != nil {
		return nil
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("server: watching the project: %w", err)
	}
	w := &watcher{s: s, fs: fw, dir: s.current.Load().dir, stop: make(chan struct{}), done: make(chan struct{}),
		flush: make(chan chan struct{}), watched: map[string]bool{}}
	if err := w.addTree(w.dir, nil); err != nil {
		fw.Close()
		return err
	}
	s.watcher.Store(w)
	go w.loop()
	return nil
}

// awaitPending returns once the changes pending when it was called are
// applied (at once when there are none).
func (w *watcher) awaitPending() {
	if !w.dirty.Load() {
		return
	}
	reply := make(chan struct{})
	select {
	case w.flush <- reply:
		<-reply
	case <-w.done:
	}
}

// addTree watches dir and its folders; files found in folders that were
// created after the watch began are reported to found (their create events
// may have come before the watch).
func (w *watcher) addTree(dir string, found func(string)) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return nil // vanished meanwhile
		}
		if !d.IsDir() {
			if found != nil {
				found(path)
			}
			return nil
		}
		if path != w.dir && (ignoredDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		w.mu.Lock()
		seen := w.watched[path]
		w.watched[path] = true
		w.mu.Unlock()
		if !seen {
			if err := w.fs.Add(path); err != nil && path == w.dir {
				return fmt.Errorf("server: watching the project: %w", err)
			}
		}
		return nil
	})
}

// relevant filters events to files that can change what is served.
func (w *watcher) relevant(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".env") && filepath.Dir(path) == w.dir {
		return true
	}
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false // editor swap and backup files
	}
	rel, err := filepath.Rel(w.dir, path)
	if err == nil {
		for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
			if ignoredDirs[part] {
				return false
			}
		}
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".json":
		return true
	case "":
		return true // possibly a folder (created, removed or renamed)
	}
	// public/ files are looked up per request; only the folder itself
	// matters, and that is an extension-less path.
	return false
}

func (w *watcher) loop() {
	defer close(w.done)
	pending := map[string]bool{}
	var waiting []chan struct{}
	var lastEvent, firstWait time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	// arm sets the timer for the pending changes: the debounce, or the
	// shorter quiet time when a request waits for them.
	arm := func() {
		if len(pending) == 0 {
			return
		}
		wait := time.Until(lastEvent.Add(watchDebounce))
		if len(waiting) > 0 {
			wait = min(time.Until(lastEvent.Add(flushQuiet)), time.Until(firstWait.Add(flushMaxWait)))
		}
		timer.Reset(max(wait, 0))
	}
	add := func(p string) {
		pending[p] = true
		lastEvent = time.Now()
		w.dirty.Store(true)
	}
	for {
		select {
		case <-w.stop:
			timer.Stop()
			for _, c := range waiting {
				close(c)
			}
			return
		case reply := <-w.flush:
			if len(pending) == 0 {
				close(reply)
				continue
			}
			if len(waiting) == 0 {
				firstWait = time.Now()
			}
			waiting = append(waiting, reply)
			arm()
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					if base := filepath.Base(ev.Name); !ignoredDirs[base] && !strings.HasPrefix(base, ".") {
						_ = w.addTree(ev.Name, func(p string) {
							if w.relevant(p) {
								add(p)
							}
						})
						add(ev.Name)
						arm()
					}
					continue
				}
			}
			if ev.Op&(fsnotify.Remove|fsnotify.Rename) != 0 {
				w.forget(ev.Name)
			}
			if !w.relevant(ev.Name) {
				continue
			}
			add(ev.Name)
			arm()
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.s.log.Warn("file watcher: " + err.Error())
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			pending = map[string]bool{}
			_ = w.s.reload(changed)
			w.dirty.Store(false)
			for _, c := range waiting {
				close(c)
			}
			waiting = nil
		}
	}
}

// forget drops a removed folder (and its subfolders) from the watch list,
// so that a folder created again at the same path is watched again.
func (w *watcher) forget(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for p := range w.watched {
		if p == path || strings.HasPrefix(p, path+string(filepath.Separator)) {
			delete(w.watched, p)
			_ = w.fs.Remove(p)
		}
	}
}

func (w *watcher) close() {
	close(w.stop)
	w.fs.Close()
	<-w.done
}
