package bundler

// The config cache (Options.CacheDir): route configs read by an earlier
// run, by entry path and content hash. Knowing which routes are Node
// routes takes every route's config, and reading one that mentions
// `runtime` (every edge route) is an esbuild transform and a parse, about
// a millisecond of CPU each: on a 60-route project that was most of the
// time before the first Node route could be bundled. Entries written by a
// different edgerun executable are ignored, since the reading rules may
// have changed.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// configFlushDelay batches the writes of configs read in a burst (a
// startup reads them all).
const configFlushDelay = 500 * time.Millisecond

// configCache is the Builder's view of <CacheDir>/configs.json.
type configCache struct {
	mu      sync.Mutex
	loaded  bool
	entries map[string]configEntry // by entry path ("pages/api/x.ts")
	dirty   bool
	timer   *time.Timer
}

type configEntry struct {
	Hash     string
	Config   RouteConfig
	Warnings []Message
}

type configFile struct {
	Executable string
	Entries    map[string]configEntry
}

func contentHash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:16])
}

// lookupConfig returns the cached config of entry for these contents.
func (b *Builder) lookupConfig(entry string, src []byte) (RouteConfig, []Message, bool) {
	if b.opts.CacheDir == "" {
		return RouteConfig{}, nil, false
	}
	c := &b.configs
	c.mu.Lock()
	defer c.mu.Unlock()
	b.loadConfigsLocked()
	e, ok := c.entries[entry]
	if !ok || e.Hash != contentHash(src) {
		return RouteConfig{}, nil, false
	}
	cfg := e.Config
	cfg.Regions, cfg.AllowDynamic = slices.Clone(cfg.Regions), slices.Clone(cfg.AllowDynamic)
	return cfg, slices.Clone(e.Warnings), true
}

// storeConfig records a config read from these contents, written to disk
// after configFlushDelay (or at Close).
func (b *Builder) storeConfig(entry string, src []byte, cfg RouteConfig, warnings []Message) {
	if b.opts.CacheDir == "" {
		return
	}
	c := &b.configs
	c.mu.Lock()
	defer c.mu.Unlock()
	b.loadConfigsLocked()
	c.entries[entry] = configEntry{Hash: contentHash(src), Config: cfg, Warnings: warnings}
	c.dirty = true
	if c.timer == nil {
		c.timer = time.AfterFunc(configFlushDelay, b.flushConfigs)
	}
}

func (b *Builder) loadConfigsLocked() {
	c := &b.configs
	if c.loaded {
		return
	}
	c.loaded = true
	c.entries = map[string]configEntry{}
	data, err := os.ReadFile(filepath.Join(b.opts.CacheDir, "configs.json"))
	if err != nil {
		return
	}
	var f configFile
	if json.Unmarshal(data, &f) == nil && f.Executable == executableStamp() && f.Executable != "" && f.Entries != nil {
		c.entries = f.Entries
	}
}

// flushConfigs writes the cache if it changed.
func (b *Builder) flushConfigs() {
	c := &b.configs
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	if !c.dirty || executableStamp() == "" {
		c.mu.Unlock()
		return
	}
	c.dirty = false
	defer c.mu.Unlock()
	if data, err := json.Marshal(configFile{Executable: executableStamp(), Entries: c.entries}); err == nil {
		_ = writeFileAtomic(filepath.Join(b.opts.CacheDir, "configs.json"), data)
	}
}
