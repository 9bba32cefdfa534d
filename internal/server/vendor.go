package server

// Vendor programs (see bundler/vendor.go): in development, routes are
// bundled without their npm packages, which are bundled and compiled once
// per package set and kept across reloads. An isolate runs a vendor
// program the first time one of its routes requires a package from it.

import (
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/bundler"
	"github.com/edgerun/edgerun/runtime"
)

// vendorProgram is one compiled vendor bundle.
type vendorProgram struct {
	once    sync.Once
	bundle  *bundler.Vendor
	program *goja.Program
	specs   map[string]bool
	err     error
}

// vendorCache holds the vendor programs of a builder, by runtime and
// package set; generations that share the builder share it.
type vendorCache struct {
	mu       sync.Mutex
	m        map[string]*vendorProgram
	prepared map[bundler.Runtime]bool
}

func newVendorCache() *vendorCache {
	return &vendorCache{m: map[string]*vendorProgram{}, prepared: map[bundler.Runtime]bool{}}
}

// get returns the compiled vendor program for specs, building it on first
// use (concurrent callers wait).
func (c *vendorCache) get(b *bundler.Builder, rt bundler.Runtime, specs []string) (*vendorProgram, error) {
	if len(specs) == 0 {
		return nil, nil
	}
	key := string(rt) + "\x00" + strings.Join(specs, "\x00")
	c.mu.Lock()
	vp := c.m[key]
	if vp == nil {
		vp = &vendorProgram{}
		c.m[key] = vp
	}
	c.mu.Unlock()
	vp.once.Do(func() {
		v, err := b.BuildVendor(rt, specs)
		if err != nil {
			vp.err = err
			return
		}
		prog, err := goja.Compile(v.Path, v.Code, false)
		if err != nil {
			vp.err = fmt.Errorf("server: compiling the npm packages %s: %w", strings.Join(specs, ", "), err)
			return
		}
		vp.bundle, vp.program = v, prog
		vp.specs = make(map[string]bool, len(specs))
		for _, s := range specs {
			vp.specs[s] = true
		}
	})
	if vp.err != nil {
		// A failed build is not cached: the packages may be installed next.
		c.mu.Lock()
		if c.m[key] == vp {
			delete(c.m, key)
		}
		c.mu.Unlock()
		return nil, vp.err
	}
	return vp, nil
}

// prepare compiles, in the background, the vendor set of runtime rt that
// the project's routes used last (in any run; see
// bundler.RecentVendorSets), once per runtime. Compiling a vendor program
// is most of a route's first build (zod alone takes 30–40 ms in goja); a
// route's first load calls prepare before it bundles the route, which
// only then tells which packages it imports, so that the two overlap. A
// guess that turns out wrong costs CPU time, not correctness: routes ask
// get for the sets they need.
func (c *vendorCache) prepare(b *bundler.Builder, rt bundler.Runtime) {
	c.mu.Lock()
	done := c.prepared[rt]
	c.prepared[rt] = true
	c.mu.Unlock()
	if done {
		return
	}
	for _, vs := range b.RecentVendorSets() {
		if vs.Runtime == rt {
			go func() { _, _ = c.get(b, vs.Runtime, vs.Specs) }()
			return
		}
	}
}

type vendorKey struct{ vp *vendorProgram }

// vendorRequire wraps a require: package specifiers of vp are served from
// the vendor program (run once per isolate), everything else by base.
func vendorRequire(vp *vendorProgram, base func(iso *runtime.Isolate, id string) (goja.Value, error)) func(iso *runtime.Isolate, id string) (goja.Value, error) {
	if vp == nil {
		return base
	}
	return func(iso *runtime.Isolate, id string) (goja.Value, error) {
		if !vp.specs[id] {
			return base(iso, id)
		}
		table, ok := iso.Value(vendorKey{vp}).(*goja.Object)
		if !ok {
			var err error
			table, err = iso.LoadCommonJS(vp.program, vp.bundle.Path, func(id string) (goja.Value, error) { return base(iso, id) })
			if err != nil {
				return nil, err
			}
			iso.SetValue(vendorKey{vp}, table)
		}
		thunk, ok := goja.AssertFunction(table.Get(id))
		if !ok {
			return nil, fmt.Errorf("Cannot find module '%s'", id)
		}
		return thunk(goja.Undefined())
	}
}
