package wasm

import (
	"context"
	"fmt"
	goruntime "runtime"
	"sync"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/edgerun/edgerun/runtime"
)

// maxPages caps a memory at 1 GiB (the runtime's per-buffer cap): wazero
// allocates memories as Go slices, and an allocation Go cannot satisfy kills
// the process. The JS API's own limit is 65536 pages (4 GiB).
const maxPages = 16384

// features are the WebAssembly proposals V8 ships that wazero implements.
// Exception handling is left out: its JS API (Tag, Exception) is not.
const features = api.CoreFeaturesV2 | experimental.CoreFeaturesThreads |
	experimental.CoreFeaturesTailCall | experimental.CoreFeaturesExtendedConst

var (
	// compilationCache shares machine code between isolates: every isolate
	// has its own wazero runtime (its instances must not meet another's),
	// but compiling the same bytes again is a cache hit.
	compilationCache     = wazero.NewCompilationCache()
	validatorOnce        sync.Once
	validator            wazero.Runtime
	runtimeConfigOnce    sync.Once
	runtimeConfig        wazero.RuntimeConfig
	validatorConfigBuilt wazero.RuntimeConfig
)

func config() wazero.RuntimeConfig {
	runtimeConfigOnce.Do(func() {
		runtimeConfig = wazero.NewRuntimeConfig().
			WithCoreFeatures(features).
			WithCompilationCache(compilationCache).
			WithMemoryLimitPages(maxPages).
			// Calls pass a context the CPU deadline cancels (see call).
			WithCloseOnContextDone(true)
	})
	return runtimeConfig
}

// validate compiles with the interpreter (cheap: no machine code) to check
// bytes, for WebAssembly.validate.
func validate(b []byte) error {
	validatorOnce.Do(func() {
		validatorConfigBuilt = wazero.NewRuntimeConfigInterpreter().WithCoreFeatures(features).WithMemoryLimitPages(maxPages)
		validator = wazero.NewRuntimeWithConfig(context.Background(), validatorConfigBuilt)
	})
	if info, err := parseModule(b); err == nil {
		b = forWazero(b, info)
	}
	cm, err := validator.CompileModule(context.Background(), b)
	if err != nil {
		return err
	}
	return cm.Close(context.Background())
}

// state is an isolate's WebAssembly realm: its wazero runtime and the JS
// objects standing for wasm entities, so each keeps its identity.
type state struct {
	iso  *runtime.Isolate
	opts Options
	rt   wazero.Runtime
	seq  int

	externs   []goja.Value            // externref handles: value i+1 is externs[i]
	externIDs map[*goja.Object]uint64 // objects already given a handle
	funcs     map[funcKey]*goja.Object
	funcByRef map[uint64]*goja.Object
	refOf     map[*goja.Object]uint64
	sigs      map[string]funcType // every function type seen, for Table.get
	memories  map[api.Memory]*goja.Object
	globals   map[api.Global]*goja.Object

	// The outermost call into wasm owns the interruptible context.
	depth   int
	callCtx context.Context
	release func()
	// pending is the exception a JS import threw (a panic value), rethrown
	// once the wasm call it unwound returns.
	pending any

	exportedFuncs map[*goja.Object]*exportedFn
	errors        *errorClasses
	freeze        goja.Callable
}

type funcKey struct {
	module string
	index  uint32
}

type stateKey struct{}

func stateOf(iso *runtime.Isolate) *state {
	if st, ok := iso.Value(stateKey{}).(*state); ok {
		return st
	}
	panic("wasm: WebAssembly is not installed in this isolate")
}

func newState(iso *runtime.Isolate, opts Options) *state {
	st := &state{
		iso: iso, opts: opts,
		externIDs: map[*goja.Object]uint64{},
		funcs:     map[funcKey]*goja.Object{},
		funcByRef: map[uint64]*goja.Object{},
		refOf:     map[*goja.Object]uint64{},
		sigs:      map[string]funcType{},
		memories:  map[api.Memory]*goja.Object{},
		globals:   map[api.Global]*goja.Object{},

		exportedFuncs: map[*goja.Object]*exportedFn{},
	}
	iso.SetValue(stateKey{}, st)
	return st
}

// runtime returns the isolate's wazero runtime, made on first use. It is
// closed when the isolate is collected.
func (st *state) runtime() wazero.Runtime {
	if st.rt == nil {
		rt := wazero.NewRuntimeWithConfig(context.Background(), config())
		st.rt = rt
		goruntime.AddCleanup(st, func(rt wazero.Runtime) { _ = rt.Close(context.Background()) }, rt)
	}
	return st.rt
}

// name returns a fresh instance name; wazero links imports by name, and
// every instance of the isolate's runtime needs its own.
func (st *state) name(kind string) string {
	st.seq++
	return fmt.Sprintf("edgerun:%s:%d", kind, st.seq)
}

// ctx returns the context for wasm work on the isolate's goroutine: the
// outermost call's interruptible context, so the CPU deadline stops a
// runaway loop in wasm code as it stops one in JS.
func (st *state) ctx() context.Context {
	if st.callCtx != nil {
		return st.callCtx
	}
	return context.Background()
}

// enter runs fn with the interruptible context set up for the outermost
// wasm call.
func (st *state) enter(fn func(ctx context.Context) error) error {
	if st.depth == 0 {
		st.callCtx, st.release = st.iso.InterruptContext()
	}
	st.depth++
	defer func() {
		st.depth--
		if st.depth == 0 {
			st.release()
			st.callCtx, st.release = nil, nil
		}
	}()
	return fn(st.callCtx)
}

// takePending returns and clears the exception a JS import threw.
func (st *state) takePending() any {
	err := st.pending
	st.pending = nil
	return err
}

func (st *state) noteTypes(info *moduleInfo) {
	for _, t := range info.types {
		st.sigs[t.key()] = t
	}
}
