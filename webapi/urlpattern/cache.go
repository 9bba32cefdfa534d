package urlpattern

import "sync"

// Route handlers often build the same URLPattern on every request
// (new URLPattern({pathname: "/api/posts/:id"}).exec(req.url)). Compiled
// components are immutable, so they are shared: a component is identified
// by its kind, its pattern string and its options (which also determine
// the encoding callback). The cache is bounded crudely: when it is full it
// is emptied, which keeps it correct and small without bookkeeping on the
// hit path.

const (
	componentCacheSize = 1024
	maxCachedPattern   = 512 // bytes; longer pattern strings are not cached
)

type componentKey struct {
	kind  Component
	input string
	opts  options
}

var componentCache = struct {
	sync.RWMutex
	m map[componentKey]*component
}{m: make(map[componentKey]*component)}

// compileCached is compileComponent through the cache.
func compileCached(kind Component, input string, encode encodingCallback, opts options) (*component, error) {
	if len(input) > maxCachedPattern {
		return compileComponent(kind, input, encode, opts)
	}
	key := componentKey{kind, input, opts}
	componentCache.RLock()
	c, ok := componentCache.m[key]
	componentCache.RUnlock()
	if ok {
		return c, nil
	}
	c, err := compileComponent(kind, input, encode, opts)
	if err != nil {
		return nil, err
	}
	componentCache.Lock()
	if len(componentCache.m) >= componentCacheSize {
		clear(componentCache.m)
	}
	componentCache.m[key] = c
	componentCache.Unlock()
	return c, nil
}
