package node

import (
	"io"
	"os"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// NodeVersion is the Node.js version edgerun reports in process.version and
// process.versions.node. edgerun follows the Node 20 LTS API surface (the
// oldest Node version Next.js 16 supports is 20.9), so libraries that branch
// on the version take their Node 20 paths.
const NodeVersion = "20.19.0"

// Options configure the Node environment of an isolate.
type Options struct {
	// Dir is the project root: process.cwd(), the base of relative fs paths
	// and an fs sandbox root. Empty means the Go process's working directory.
	Dir string
	// Env is the complete process.env (the host merges .env files and the
	// real environment). Nil means an empty environment: the host's real
	// environment is never leaked implicitly.
	Env map[string]string
	// FSRoots are the directories fs may touch. Nil means {Dir, os.TempDir()}.
	FSRoots []string
	// Stdout and Stderr receive process.stdout/stderr writes. Nil means
	// os.Stdout/os.Stderr.
	Stdout, Stderr io.Writer
	// Argv is process.argv; nil means ["node", Dir].
	Argv []string
}

// env is the per-isolate state of the Node environment.
type env struct {
	iso   *runtime.Isolate
	vm    *goja.Runtime
	opts  Options
	roots []string // resolved fs roots

	modules map[string]goja.Value // id (no "node:" prefix) → exports
	loading map[string]*goja.Object
}

type envKey struct{}

// envOf returns the isolate's Node environment, creating one with default
// Options if Install was never called (Require works without Install).
func envOf(iso *runtime.Isolate) *env {
	if e, ok := iso.Value(envKey{}).(*env); ok {
		return e
	}
	return newEnv(iso, Options{})
}

func newEnv(iso *runtime.Isolate, opts Options) *env {
	if opts.Dir == "" {
		opts.Dir, _ = os.Getwd()
	}
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Env == nil {
		opts.Env = map[string]string{}
	}
	if opts.Argv == nil {
		opts.Argv = []string{"node", opts.Dir}
	}
	e := &env{
		iso:     iso,
		vm:      iso.VM(),
		opts:    opts,
		modules: make(map[string]goja.Value),
		loading: make(map[string]*goja.Object),
	}
	e.roots = resolveRoots(opts)
	defineAsyncIteratorSymbol(e.vm)
	iso.SetValue(envKey{}, e)
	return e
}

// Install defines Node's globals in iso: Buffer, process, global,
// setTimeout/setInterval/setImmediate and their clear functions (Node's
// flavour, returning Timeout/Immediate objects), queueMicrotask, and
// Symbol.asyncIterator (as Symbol.for("Symbol.asyncIterator"), esbuild's
// fallback, when goja lacks it). Globals are built on first use. Call it
// on the isolate's goroutine (from runtime.Options.Setup).
func Install(iso *runtime.Isolate, opts Options) {
	e := newEnv(iso, opts)
	vm := e.vm
	defineAsyncIteratorSymbol(vm)
	iso.DefineGlobal("global", vm.GlobalObject())
	iso.DefineLazyGlobal("Buffer", func() goja.Value { return e.require("buffer").(*goja.Object).Get("Buffer") })
	iso.DefineLazyGlobal("process", func() goja.Value { return e.require("process") })
	for _, name := range []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"} {
		name := name
		iso.DefineLazyGlobal(name, func() goja.Value { return e.require("timers").(*goja.Object).Get(name) })
	}
	if goja.IsUndefined(vm.GlobalObject().Get("queueMicrotask")) {
		iso.DefineLazyGlobal("queueMicrotask", func() goja.Value { return queueMicrotaskFunc(vm) })
	}
}

// queueMicrotaskFunc is the WHATWG queueMicrotask over goja's job queue
// (a resolved promise's reaction is the only job goja lets a host enqueue).
func queueMicrotaskFunc(vm *goja.Runtime) goja.Value {
	v, err := vm.RunString(`(function () {
  const resolved = Promise.resolve();
  return function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'queueMicrotask' on 'Window': parameter 1 is not of type 'Function'.");
    }
    resolved.then(() => callback());
  };
})()`)
	if err != nil {
		panic(err)
	}
	return v
}

// defineAsyncIteratorSymbol gives goja a Symbol.asyncIterator. esbuild's
// lowered for-await uses Symbol.asyncIterator when it exists and
// Symbol.for("Symbol.asyncIterator") otherwise; defining the former as the
// latter makes both spellings agree.
func defineAsyncIteratorSymbol(vm *goja.Runtime) {
	sym := vm.Get("Symbol").(*goja.Object)
	if _, ok := sym.Get("asyncIterator").(*goja.Symbol); ok {
		return
	}
	forFn, _ := goja.AssertFunction(sym.Get("for"))
	v, err := forFn(sym, vm.ToValue("Symbol.asyncIterator"))
	if err != nil {
		panic(err)
	}
	_ = sym.DefineDataProperty("asyncIterator", v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// Builtins lists the built-in module ids Node knows (module.builtinModules),
// without the "node:" prefix, sorted.
var Builtins []string

func publicBuiltins() []string {
	ids := make([]string, 0, len(builtinTable))
	for id, b := range builtinTable {
		if !b.internal {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// IsBuiltin reports whether id names a Node built-in module, with or
// without the "node:" prefix.
func IsBuiltin(id string) bool {
	b, ok := builtinTable[strings.TrimPrefix(id, "node:")]
	return ok && !b.internal
}

// Require returns the exports of the built-in module id ("fs", "node:fs",
// "fs/promises", ...), building it on first use and caching it per
// isolate. An unknown id gives a *ModuleNotFoundError ("Cannot find module
// 'x'"); a module whose initialisation throws gives the *goja.Exception.
// Call on the isolate's goroutine.
func Require(iso *runtime.Isolate, id string) (v goja.Value, err error) {
	name, ok := builtinName(id)
	if !ok {
		return nil, notFound(id)
	}
	e := envOf(iso)
	if ex := e.vm.Try(func() { v = e.require(name) }); ex != nil {
		return nil, ex
	}
	return v, nil
}

// builtinName maps a require id to its table key. Ids that only exist with
// the prefix (none in Node 20's CJS table besides node:test) are not served.
func builtinName(id string) (string, bool) {
	name := strings.TrimPrefix(id, "node:")
	b, ok := builtinTable[name]
	if !ok || b.internal {
		return "", false
	}
	return name, true
}

// edgeModules are the modules Next.js's edge sandbox serves from its
// global require, with the exports it picks (server/web/sandbox/context.ts).
var edgeModules = map[string]struct {
	name  string
	picks []string
}{
	"node:buffer":      {"buffer", []string{"constants", "kMaxLength", "kStringMaxLength", "Buffer", "SlowBuffer"}},
	"node:events":      {"events", []string{"EventEmitter", "captureRejectionSymbol", "defaultMaxListeners", "errorMonitor", "listenerCount", "on", "once"}},
	"node:async_hooks": {"async_hooks", []string{"AsyncLocalStorage", "AsyncResource"}},
	"node:assert":      {"assert", []string{"AssertionError", "deepEqual", "deepStrictEqual", "doesNotMatch", "doesNotReject", "doesNotThrow", "equal", "fail", "ifError", "match", "notDeepEqual", "notDeepStrictEqual", "notEqual", "notStrictEqual", "ok", "rejects", "strict", "strictEqual", "throws"}},
	"node:util":        {"util", []string{"_extend", "callbackify", "format", "inherits", "promisify", "types"}},
}

type edgeCacheKey struct{ id string }

// RequireEdge serves the edge runtime's require: only the five modules
// Next.js exposes, by their "node:" ids, as plain objects holding the
// exports Next picks. Anything else is the TypeError Next throws,
// "Native module not found: <id>". Call on the isolate's goroutine.
func RequireEdge(iso *runtime.Isolate, id string) (v goja.Value, err error) {
	m, ok := edgeModules[id]
	if !ok {
		return nil, &NativeModuleNotFoundError{ID: id}
	}
	if v, ok := iso.Value(edgeCacheKey{id}).(goja.Value); ok {
		return v, nil
	}
	full, err := Require(iso, m.name)
	if err != nil {
		return nil, err
	}
	src := full.(*goja.Object)
	obj := iso.VM().NewObject()
	for _, k := range m.picks {
		_ = obj.Set(k, src.Get(k))
	}
	iso.SetValue(edgeCacheKey{id}, goja.Value(obj))
	return obj, nil
}

// require builds (or returns the cached) module name; it panics with a JS
// exception on failure, so it is only for use inside JS-facing code.
func (e *env) require(name string) goja.Value {
	if v, ok := e.modules[name]; ok {
		return v
	}
	if m, ok := e.loading[name]; ok {
		return m.Get("exports") // a require cycle sees the partial exports, as in Node
	}
	b, ok := builtinTable[name]
	if !ok {
		panic(notFound(name).jsError(e.vm))
	}
	v := b.load(e, name)
	e.modules[name] = v
	return v
}
