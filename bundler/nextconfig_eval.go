package bundler

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// configEvalTimeout bounds next.config evaluation: a config that loops
// forever must not hang `edgerun dev`.
var configEvalTimeout = 10 * time.Second

// configEval is one throwaway goja runtime evaluating a next.config.
type configEval struct {
	vm    *goja.Runtime
	dir   string
	file  string
	phase string
	env   map[string]string
	out   io.Writer // console output
}

func newConfigEval(dir, file, phase string, env map[string]string) (*configEval, error) {
	e := &configEval{vm: goja.New(), dir: dir, file: file, phase: phase, env: map[string]string{}, out: os.Stderr}
	for k, v := range env {
		e.env[k] = v
	}
	if _, ok := e.env["NODE_ENV"]; !ok {
		// Next sets NODE_ENV before loading the config.
		switch phase {
		case PhaseDevelopmentServer:
			e.env["NODE_ENV"] = "development"
		case PhaseTest:
			e.env["NODE_ENV"] = "test"
		default:
			e.env["NODE_ENV"] = "production"
		}
	}
	e.vm.SetMaxCallStackSize(10000)
	if err := e.installGlobals(); err != nil {
		return nil, err
	}
	return e, nil
}

// throw raises a JavaScript Error from a native function.
func (e *configEval) throw(format string, args ...any) {
	panic(e.vm.NewGoError(fmt.Errorf(format, args...)))
}

func (e *configEval) installGlobals() error {
	vm := e.vm
	env := vm.NewObject()
	keys := make([]string, 0, len(e.env))
	for k := range e.env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_ = env.Set(k, e.env[k])
	}
	process := vm.NewObject()
	platform := runtime.GOOS
	if platform == "windows" {
		platform = "win32"
	}
	for k, v := range map[string]any{
		"env":      env,
		"platform": platform,
		"argv":     []any{"node", "next"},
		"version":  "v22.0.0",
		"versions": map[string]any{"node": "22.0.0"},
		"cwd":      func(goja.FunctionCall) goja.Value { return vm.ToValue(e.dir) },
	} {
		_ = process.Set(k, v)
	}
	console := vm.NewObject()
	for _, name := range []string{"log", "info", "warn", "error", "debug"} {
		_ = console.Set(name, func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = a.String()
			}
			fmt.Fprintln(e.out, strings.Join(parts, " "))
			return goja.Undefined()
		})
	}
	if err := vm.Set("process", process); err != nil {
		return err
	}
	if err := vm.Set("console", console); err != nil {
		return err
	}
	return vm.Set("globalThis", vm.GlobalObject())
}

// require serves the Node built-ins a bundled config can still reference
// (esbuild leaves them external).
func (e *configEval) require(call goja.FunctionCall) goja.Value {
	name := call.Argument(0).String()
	switch strings.TrimPrefix(name, "node:") {
	case "path", "path/posix":
		return e.pathModule()
	case "url":
		return e.urlModule()
	case "fs":
		return e.fsModule()
	}
	e.throw("edgerun: next.config: module %q is not supported", name)
	return nil
}

func (e *configEval) strings(call goja.FunctionCall) []string {
	out := make([]string, len(call.Arguments))
	for i, a := range call.Arguments {
		if _, ok := a.Export().(string); !ok {
			panic(e.vm.NewTypeError(fmt.Sprintf(`The "paths[%d]" argument must be of type string. Received %s`, i, a.String())))
		}
		out[i] = a.String()
	}
	return out
}

func (e *configEval) pathModule() goja.Value {
	vm := e.vm
	m := vm.NewObject()
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"join":      func(c goja.FunctionCall) goja.Value { return vm.ToValue(nodePathJoin(e.strings(c)...)) },
		"resolve":   func(c goja.FunctionCall) goja.Value { return vm.ToValue(nodePathResolve(e.dir, e.strings(c)...)) },
		"normalize": func(c goja.FunctionCall) goja.Value { return vm.ToValue(nodePathNormalize(c.Argument(0).String())) },
		"dirname":   func(c goja.FunctionCall) goja.Value { return vm.ToValue(nodePathDirname(c.Argument(0).String())) },
		"extname":   func(c goja.FunctionCall) goja.Value { return vm.ToValue(nodePathExtname(c.Argument(0).String())) },
		"isAbsolute": func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(strings.HasPrefix(c.Argument(0).String(), "/"))
		},
		"basename": func(c goja.FunctionCall) goja.Value {
			ext := ""
			if len(c.Arguments) > 1 && !goja.IsUndefined(c.Argument(1)) {
				ext = c.Argument(1).String()
			}
			return vm.ToValue(nodePathBasename(c.Argument(0).String(), ext))
		},
		"relative": func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(nodePathRelative(e.dir, c.Argument(0).String(), c.Argument(1).String()))
		},
	}
	for k, f := range fns {
		_ = m.Set(k, f)
	}
	_ = m.Set("sep", "/")
	_ = m.Set("delimiter", ":")
	_ = m.Set("posix", m)
	_ = m.Set("default", m)
	return m
}

func (e *configEval) urlModule() goja.Value {
	vm := e.vm
	m := vm.NewObject()
	_ = m.Set("fileURLToPath", func(c goja.FunctionCall) goja.Value {
		s := c.Argument(0).String()
		if o, ok := c.Argument(0).(*goja.Object); ok && o.Get("href") != nil {
			s = o.Get("href").String()
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "file" {
			panic(vm.NewTypeError("The URL must be of scheme file"))
		}
		return vm.ToValue(u.Path)
	})
	_ = m.Set("pathToFileURL", func(c goja.FunctionCall) goja.Value {
		p := nodePathResolve(e.dir, c.Argument(0).String())
		href := (&url.URL{Scheme: "file", Path: p}).String()
		o := vm.NewObject()
		_ = o.Set("href", href)
		_ = o.Set("pathname", p)
		_ = o.Set("protocol", "file:")
		_ = o.Set("toString", func(goja.FunctionCall) goja.Value { return vm.ToValue(href) })
		return o
	})
	return m
}

// fsModule offers the read-only calls configs make (reading package.json,
// checking for a file); writes are not something a config load should do.
func (e *configEval) fsModule() goja.Value {
	vm := e.vm
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(e.dir, p)
	}
	m := vm.NewObject()
	_ = m.Set("existsSync", func(c goja.FunctionCall) goja.Value {
		_, err := os.Stat(abs(c.Argument(0).String()))
		return vm.ToValue(err == nil)
	})
	_ = m.Set("readFileSync", func(c goja.FunctionCall) goja.Value {
		enc := c.Argument(1)
		if o, ok := enc.(*goja.Object); ok {
			enc = o.Get("encoding")
		}
		if enc == nil || goja.IsUndefined(enc) || goja.IsNull(enc) {
			e.throw("edgerun: next.config: fs.readFileSync without an encoding (a Buffer) is not supported; pass 'utf8'")
		}
		data, err := os.ReadFile(abs(c.Argument(0).String()))
		if err != nil {
			e.throw("%v", err)
		}
		return vm.ToValue(string(data))
	})
	_ = m.Set("readdirSync", func(c goja.FunctionCall) goja.Value {
		ents, err := os.ReadDir(abs(c.Argument(0).String()))
		if err != nil {
			e.throw("%v", err)
		}
		names := make([]any, len(ents))
		for i, d := range ents {
			names[i] = d.Name()
		}
		return vm.ToValue(names)
	})
	return m
}

// errPending is returned when a promise is still pending after every
// queued job ran: the config waits for a timer or I/O, which the loader
// does not provide.
var errPending = errors.New("promise did not settle (timers and network I/O are not available while loading next.config)")

// settle unwraps a promise. goja runs queued promise jobs when the
// outermost call returns, so by now a promise that only awaits other
// promises has settled.
func (e *configEval) settle(v goja.Value) (goja.Value, error) {
	o, ok := v.(*goja.Object)
	if !ok {
		return v, nil
	}
	p, ok := o.Export().(*goja.Promise)
	if !ok {
		return v, nil
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return p.Result(), nil
	case goja.PromiseStateRejected:
		return nil, e.jsError(p.Result())
	}
	return nil, errPending
}

// jsError turns a thrown or rejected value into an error with its stack.
func (e *configEval) jsError(v goja.Value) error {
	if o, ok := v.(*goja.Object); ok {
		if stack := o.Get("stack"); stack != nil && !goja.IsUndefined(stack) {
			return errors.New(stack.String())
		}
	}
	if v == nil {
		return errors.New("undefined")
	}
	return errors.New(v.String())
}

// run calls fn with a deadline, converting exceptions and interrupts.
func (e *configEval) run(what string, fn func() (goja.Value, error)) (goja.Value, error) {
	timer := time.AfterFunc(configEvalTimeout, func() { e.vm.Interrupt("timeout") })
	v, err := fn()
	timer.Stop()
	e.vm.ClearInterrupt()
	if err != nil {
		var interrupted *goja.InterruptedError
		var ex *goja.Exception
		switch {
		case errors.As(err, &interrupted):
			return nil, configError(e.file, "edgerun: %s: %s did not finish within %s", e.file, what, configEvalTimeout)
		case errors.As(err, &ex):
			return nil, configError(e.file, "edgerun: %s: %s threw %s", e.file, what, ex.String())
		}
		return nil, configError(e.file, "edgerun: %s: %s: %v", e.file, what, err)
	}
	v, err = e.settle(v)
	if err != nil {
		return nil, configError(e.file, "edgerun: %s: %s: %v", e.file, what, err)
	}
	return v, nil
}

// load evaluates the bundled config and extracts it.
func (e *configEval) load(code string) (*NextConfig, error) {
	vm := e.vm
	module := vm.NewObject()
	exports := vm.NewObject()
	_ = module.Set("exports", exports)
	require := vm.ToValue(e.require).(*goja.Object)
	_ = require.Set("resolve", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(nodePathResolve(e.dir, c.Argument(0).String()))
	})
	abs := filepath.Join(e.dir, e.file)
	v, err := e.run("loading it", func() (goja.Value, error) {
		prg, err := goja.Compile(e.file, code, false)
		if err != nil {
			return nil, err
		}
		wrapper, err := vm.RunProgram(prg)
		if err != nil {
			return nil, err
		}
		fn, ok := goja.AssertFunction(wrapper)
		if !ok {
			return nil, errors.New("bundle is not a function")
		}
		if _, err := fn(goja.Undefined(), exports, require, module, vm.ToValue(abs), vm.ToValue(filepath.Dir(abs))); err != nil {
			return nil, err
		}
		// userConfig = module.default || module (Next's loadConfig).
		exp := module.Get("exports")
		if o, ok := exp.(*goja.Object); ok {
			if d := o.Get("default"); d != nil && !goja.IsUndefined(d) && !goja.IsNull(d) {
				exp = d
			}
		}
		return exp, nil
	})
	if err != nil {
		return nil, err
	}
	if fn, ok := goja.AssertFunction(v); ok {
		defaults, derr := vm.RunString("(" + defaultConfigJSON + ")")
		if derr != nil {
			return nil, derr
		}
		opts := vm.NewObject()
		_ = opts.Set("defaultConfig", defaults)
		v, err = e.run("calling the exported function", func() (goja.Value, error) {
			return fn(goja.Undefined(), vm.ToValue(e.phase), opts)
		})
		if err != nil {
			return nil, err
		}
	}
	obj, ok := v.(*goja.Object)
	if !ok || goja.IsNull(v) {
		return nil, configError(e.file, "edgerun: %s must export a config object (or a function returning one), got %s", e.file, typeOf(v))
	}
	return e.extract(obj)
}

// typeOf is JavaScript's typeof for messages.
func typeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	}
	if _, ok := goja.AssertFunction(v); ok {
		return "function"
	}
	switch v.Export().(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	}
	return "object"
}

// defaultConfigJSON is the part of Next's defaultConfig a config function
// may spread or read.
const defaultConfigJSON = `{
  "env": {}, "basePath": "", "assetPrefix": "", "trailingSlash": false,
  "skipTrailingSlashRedirect": false, "skipProxyUrlNormalize": false,
  "pageExtensions": ["tsx", "ts", "jsx", "js"], "compress": true, "poweredByHeader": true,
  "generateEtags": true, "reactStrictMode": null, "distDir": ".next", "cleanDistDir": true,
  "i18n": null, "experimental": { "proxyClientMaxBodySize": 10485760, "trustHostHeader": false, "caseSensitiveRoutes": false }
}`
