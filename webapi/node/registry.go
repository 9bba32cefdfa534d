package node

import (
	"embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// A builtin is one entry of the module table. Exactly one way of building
// it is set.
type builtin struct {
	// internal modules are only reachable from other built-ins.
	internal bool
	// js is an embedded source file (js/<js>), run as a CommonJS module
	// with a fourth parameter, binding, built by binding (if set).
	js      string
	binding func(e *env) *goja.Object
	// native builds the exports in Go.
	native func(e *env) goja.Value
	// alias re-exports another module, or one property of it (aliasProp).
	alias, aliasProp string
	// unsupported lists the functions of a module edgerun cannot offer;
	// each throws the not-supported error when called.
	unsupported []string
}

func (b builtin) load(e *env, name string) goja.Value {
	switch {
	case b.native != nil:
		return b.native(e)
	case b.js != "":
		return e.runJS(name, b)
	case b.alias != "":
		v := e.require(b.alias)
		if b.aliasProp != "" {
			return v.(*goja.Object).Get(b.aliasProp)
		}
		return v
	default:
		obj := e.vm.NewObject()
		for _, fn := range b.unsupported {
			_ = obj.Set(fn, notSupportedFunc(e.vm, name, fn))
		}
		return obj
	}
}

//go:embed js/*.js
var jsFiles embed.FS

// programs caches compiled module sources, shared by all isolates.
var programs sync.Map // file → *goja.Program

func program(file string) *goja.Program {
	if p, ok := programs.Load(file); ok {
		return p.(*goja.Program)
	}
	src, err := jsFiles.ReadFile("js/" + file)
	if err != nil {
		panic(fmt.Sprintf("node: missing embedded module %s: %v", file, err))
	}
	wrapped := "(function (exports, require, module, binding) {" + string(src) + "\n})"
	p, err := goja.Compile("node:"+file, wrapped, false)
	if err != nil {
		panic(fmt.Sprintf("node: compiling %s: %v", file, err))
	}
	p2, _ := programs.LoadOrStore(file, p)
	return p2.(*goja.Program)
}

// runJS evaluates an embedded module the way Node evaluates a CommonJS
// file: module.exports is registered before the body runs so that cycles
// see the partial exports.
func (e *env) runJS(name string, b builtin) goja.Value {
	vm := e.vm
	fnV, err := vm.RunProgram(program(b.js))
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnV)
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("id", name)
	e.loading[name] = module
	defer delete(e.loading, name)
	var binding goja.Value = goja.Undefined()
	if b.binding != nil {
		binding = b.binding(e)
	}
	if _, err := fn(goja.Undefined(), exports, e.internalRequire(), module, binding); err != nil {
		panic(err)
	}
	return module.Get("exports")
}

type internalRequireKey struct{}

// internalRequire is the require function embedded modules get: it also
// reaches internal modules.
func (e *env) internalRequire() goja.Value {
	if f, ok := e.iso.Value(internalRequireKey{}).(goja.Value); ok {
		return f
	}
	f := jsclass.Function(e.vm, "require", 1, func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		if len(id) > 5 && id[:5] == "node:" {
			id = id[5:]
		}
		return e.require(id)
	})
	e.iso.SetValue(internalRequireKey{}, goja.Value(f))
	return f
}
