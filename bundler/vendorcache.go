package bundler

// The vendor cache (Options.CacheDir): vendor bundles kept on disk between
// runs, so that a second `edgerun dev` in a project does not bundle its npm
// packages again (zod alone is 30–40 ms of esbuild on a 2-core machine).
// An entry is found by what decides its output — the runtime, the package
// specifiers, the build options, the lockfiles and the edgerun executable
// itself — and is only used while every one of its input files still has
// the size and modification time it had when it was built, so an
// `npm install` or a hand-patched package rebuilds it. The cache also
// remembers which vendor sets were used last (RecentVendorSets), so that
// the server can compile them while it loads the routes that need them.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// vendorCacheFormat changes when the entry format or the way vendor
// bundles are built changes without the executable changing (never, in
// practice: a rebuilt executable invalidates every entry).
const vendorCacheFormat = "1"

// maxRecentVendorSets bounds the recent list.
const maxRecentVendorSets = 8

// maxVendorEntries bounds the entries kept: each rebuild of the executable
// and each install makes new ones, and the least recently used go.
const maxVendorEntries = 16

// VendorSet names a vendor bundle: the npm packages of split builds for
// one runtime.
type VendorSet struct {
	Runtime Runtime
	Specs   []string
}

// vendorEntry is one cached Vendor as stored on disk.
type vendorEntry struct {
	Path     string
	Code     string
	Inputs   []fileStamp
	Warnings []Message
}

// fileStamp identifies a file's version cheaply.
type fileStamp struct {
	Path  string
	Size  int64
	MTime int64 // nanoseconds
}

func stampOf(path string) (fileStamp, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, false
	}
	return fileStamp{Path: path, Size: fi.Size(), MTime: fi.ModTime().UnixNano()}, true
}

// executableStamp identifies the running program: its output is what the
// cache stores, and any rebuild of it may change that output.
var executableStamp = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, ok := stampOf(exe)
	if !ok {
		return ""
	}
	return exe + "\x00" + strconv.FormatInt(st.Size, 10) + "\x00" + strconv.FormatInt(st.MTime, 10)
})

// lockfiles are the files whose change means installed packages changed.
var lockfiles = []string{"package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"}

// vendorCacheKey returns the entry name for a vendor set, "" when the
// executable cannot be identified (then nothing is cached).
func (b *Builder) vendorCacheKey(rt Runtime, specs []string) string {
	exe := executableStamp()
	if exe == "" {
		return ""
	}
	h := sha256.New()
	write := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
	}
	write(vendorCacheFormat, exe, b.opts.Dir, string(rt), strconv.Itoa(int(b.opts.Mode)),
		strconv.FormatBool(b.opts.AllowEdgeNodeBuiltins), strconv.FormatBool(b.opts.DisableGoBcrypt))
	write(specs...)
	keys := make([]string, 0, len(b.opts.Env))
	for k := range b.opts.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		write(k, b.opts.Env[k])
	}
	for _, name := range lockfiles {
		if st, ok := stampOf(filepath.Join(b.opts.Dir, name)); ok {
			write(name, strconv.FormatInt(st.Size, 10), strconv.FormatInt(st.MTime, 10))
		}
	}
	return "vendor-" + hex.EncodeToString(h.Sum(nil)[:16]) + ".json"
}

// cachedVendor returns the cached Vendor for the set, if it is still valid.
func (b *Builder) cachedVendor(key string, rt Runtime, specs []string) *Vendor {
	data, err := os.ReadFile(filepath.Join(b.opts.CacheDir, key))
	if err != nil {
		return nil
	}
	var e vendorEntry
	if json.Unmarshal(data, &e) != nil || e.Code == "" {
		return nil
	}
	inputs := []string{filepath.Join(b.opts.Dir, filepath.FromSlash(e.Path))}
	for _, in := range e.Inputs {
		if st, ok := stampOf(in.Path); !ok || st != in {
			return nil
		}
		inputs = append(inputs, in.Path)
	}
	sort.Strings(inputs)
	now := time.Now()
	_ = os.Chtimes(filepath.Join(b.opts.CacheDir, key), now, now) // recently used: pruned last
	return &Vendor{Runtime: rt, Specs: slices.Clone(specs), Path: e.Path, Code: e.Code, Inputs: inputs, Warnings: e.Warnings}
}

// storeVendor writes the entry in the background (Close waits for it). A
// cache that cannot be written is no cache: errors are ignored.
func (b *Builder) storeVendor(key string, v *Vendor) {
	e := vendorEntry{Path: v.Path, Code: v.Code, Warnings: v.Warnings}
	entry := filepath.Join(b.opts.Dir, filepath.FromSlash(v.Path)) // in memory (stdin), not on disk
	for _, in := range v.Inputs {
		if in == entry {
			continue
		}
		st, ok := stampOf(in)
		if !ok {
			return // an input vanished meanwhile: the entry could never be valid
		}
		e.Inputs = append(e.Inputs, st)
	}
	if !b.startWrite() {
		return
	}
	go func() {
		defer b.writes.Done()
		data, err := json.Marshal(e)
		if err != nil {
			return
		}
		if writeFileAtomic(filepath.Join(b.opts.CacheDir, key), data) == nil {
			pruneVendorEntries(b.opts.CacheDir)
		}
	}()
}

// pruneVendorEntries removes the least recently used entries beyond
// maxVendorEntries.
func pruneVendorEntries(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, "vendor-*.json"))
	type entry struct {
		name string
		used time.Time
	}
	var entries []entry
	for _, n := range names {
		if filepath.Base(n) == "vendor-recent.json" {
			continue
		}
		if fi, err := os.Stat(n); err == nil {
			entries = append(entries, entry{n, fi.ModTime()})
		}
	}
	if len(entries) <= maxVendorEntries {
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].used.After(entries[j].used) })
	for _, e := range entries[maxVendorEntries:] {
		_ = os.Remove(e.name)
	}
}

// RecentVendorSets lists the vendor sets that split builds of this project
// used most recently (in any run), most recent first, so that a server can
// prepare them before its routes ask. Empty without Options.CacheDir.
func (b *Builder) RecentVendorSets() []VendorSet {
	if b.opts.CacheDir == "" {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(b.opts.CacheDir, "vendor-recent.json"))
	if err != nil {
		return nil
	}
	var sets []VendorSet
	if json.Unmarshal(data, &sets) != nil {
		return nil
	}
	return sets
}

// noteRecentVendorSet moves the set to the front of the recent list (in
// the background; Close waits for it).
func (b *Builder) noteRecentVendorSet(rt Runtime, specs []string) {
	specs = slices.Clone(specs)
	if !b.startWrite() {
		return
	}
	go func() {
		defer b.writes.Done()
		b.recentMu.Lock()
		defer b.recentMu.Unlock()
		b.writeRecentVendorSet(rt, specs)
	}()
}

func (b *Builder) writeRecentVendorSet(rt Runtime, specs []string) {
	sets := b.RecentVendorSets()
	if len(sets) > 0 && sets[0].Runtime == rt && slices.Equal(sets[0].Specs, specs) {
		return
	}
	sets = slices.DeleteFunc(sets, func(s VendorSet) bool { return s.Runtime == rt && slices.Equal(s.Specs, specs) })
	sets = append([]VendorSet{{Runtime: rt, Specs: specs}}, sets...)
	if len(sets) > maxRecentVendorSets {
		sets = sets[:maxRecentVendorSets]
	}
	data, err := json.Marshal(sets)
	if err != nil {
		return
	}
	_ = writeFileAtomic(filepath.Join(b.opts.CacheDir, "vendor-recent.json"), data)
}

// startWrite registers a background write with Close, unless the Builder
// is closed (a late vendor build of a replaced Builder writes nothing).
func (b *Builder) startWrite() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.writes.Add(1)
	return true
}

// writeFileAtomic writes through a temporary file and a rename, so that a
// concurrent reader (another edgerun process) never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+strings.TrimSuffix(filepath.Base(path), ".json")+"-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
