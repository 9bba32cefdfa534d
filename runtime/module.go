package runtime

import (
	"fmt"
	"path"

	"github.com/dop251/goja"
)

// RequireFunc resolves a module id for a bundle's require calls (Node
// built-ins and host modules such as next/server; npm packages are already
// inside the bundle).
type RequireFunc func(id string) (goja.Value, error)

// LoadCommonJS runs a compiled bundle whose completion value is a CommonJS
// wrapper function — `(function (exports, require, module, __filename,
// __dirname) {...})`, or the edge form with only the first three
// parameters — and returns module.exports. The *goja.Program is shared by
// every isolate that runs the route; each call gets fresh module objects.
// filename is the route path relative to the project ("pages/api/x.ts").
func (iso *Isolate) LoadCommonJS(prog *goja.Program, filename string, require RequireFunc) (*goja.Object, error) {
	vm := iso.vm
	fnv, err := vm.RunProgram(prog)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		return nil, fmt.Errorf("runtime: %s: bundle did not evaluate to a function", filename)
	}
	exports := vm.NewObject()
	module := vm.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("id", filename)
	_ = module.Set("filename", filename)
	_ = module.Set("loaded", false)
	req := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		v, err := require(id)
		if err != nil {
			if ex, ok := err.(*goja.Exception); ok {
				panic(ex)
			}
			panic(vm.NewGoError(err))
		}
		return v
	})
	if _, err := fn(exports, exports, req, module, vm.ToValue(filename), vm.ToValue(path.Dir(filename))); err != nil {
		return nil, err
	}
	_ = module.Set("loaded", true)
	out, ok := module.Get("exports").(*goja.Object)
	if !ok {
		return vm.NewObject(), nil
	}
	return out, nil
}
