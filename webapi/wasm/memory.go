package wasm

// WebAssembly.Memory (https://webassembly.github.io/spec/js-api/#memories).
//
// memory.buffer aliases the wasm memory wazero runs on (no copy). wazero
// allocates linear memory through an experimental.MemoryAllocator, which
// this package provides, so it learns of every grow as it happens, whether
// Memory.prototype.grow or the memory.grow instruction caused it. On a grow
// the current buffer of a non-shared memory is detached at once, as the
// spec's "refresh the memory buffer" requires (the memory may have moved);
// the next read of .buffer makes a new one. A shared memory never moves
// (its capacity is its maximum, as wazero requires), its buffers are
// SharedArrayBuffers, and an old one stays valid at its old length.

import (
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
)

const pageSize = 65536

// memory backs a WebAssembly.Memory object.
type memory struct {
	jsclass.Shell
	st     *state
	owner  api.Module // the instance that exports it
	export string     // its name there
	mem    api.Memory
	shared bool
	lin    *linearMemory // nil when another isolate's allocator made it (never)
	obj    *goja.Object
	buffer *goja.Object
	bufLen uint32
}

var (
	memoryCtor = webidl.Construct("Memory")
	growCtx    = webidl.Method("Memory", "grow")
)

// MemoryClass is WebAssembly.Memory.
var MemoryClass = &jsclass.Class{
	Name:      "Memory",
	TagName:   "WebAssembly.Memory",
	NoGlobal:  true,
	Length:    1,
	Construct: constructMemory,
	Members: []jsclass.Member{
		jsclass.Method("grow", 1, (*memory).jsGrow),
		jsclass.Getter("buffer", func(m *memory, iso *runtime.Isolate) goja.Value { return m.bufferObject() }),
		jsclass.Method("toFixedLengthBuffer", 0, func(m *memory, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			return m.bufferObject()
		}),
		jsclass.Method("toResizableBuffer", 0, func(m *memory, iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
			panic(iso.VM().NewTypeError("WebAssembly.Memory.toResizableBuffer(): edgerun has no resizable ArrayBuffers; not supported"))
		}),
	},
}

func constructMemory(iso *runtime.Isolate, call goja.ConstructorCall) any {
	st := stateOf(iso)
	vm := iso.VM()
	desc, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("WebAssembly.Memory(): Argument 0 must be a memory descriptor"))
	}
	// MemoryDescriptor: required [EnforceRange] unsigned long initial;
	// [EnforceRange] unsigned long maximum; boolean shared = false.
	initialV := desc.Get("initial")
	if initialV == nil || goja.IsUndefined(initialV) {
		panic(vm.NewTypeError("WebAssembly.Memory(): Property 'initial' is required"))
	}
	initial := uint32(memoryCtor.Integer(vm, initialV, 32, false, webidl.IntOptions{EnforceRange: true}))
	lim := limits{min: initial}
	if v := desc.Get("maximum"); v != nil && !goja.IsUndefined(v) {
		lim.hasMax, lim.max = true, uint32(memoryCtor.Integer(vm, v, 32, false, webidl.IntOptions{EnforceRange: true}))
	}
	if v := desc.Get("shared"); v != nil {
		lim.shared = v.ToBoolean()
	}
	if v := desc.Get("address"); v != nil && !goja.IsUndefined(v) && v.String() != "i32" {
		panic(vm.NewTypeError("WebAssembly.Memory(): edgerun does not support 64-bit memories (address '%s')", v.String()))
	}
	// If initial is more than 65536, throw a RangeError.
	if initial > 65536 {
		jsclass.Throw(vm, "RangeError", "WebAssembly.Memory(): Property 'initial': value "+itoa(uint64(initial))+" is above the upper bound 65536.")
	}
	if lim.hasMax {
		// If maximum is more than 65536 or less than initial, throw a RangeError.
		if lim.max > 65536 {
			jsclass.Throw(vm, "RangeError", "WebAssembly.Memory(): Property 'maximum': value "+itoa(uint64(lim.max))+" is above the upper bound 65536.")
		}
		if lim.max < initial {
			jsclass.Throw(vm, "RangeError", "WebAssembly.Memory(): Property 'maximum': value "+itoa(uint64(lim.max))+" is below the lower bound "+itoa(uint64(initial))+".")
		}
	} else if lim.shared {
		panic(vm.NewTypeError("WebAssembly.Memory(): If shared is true, maximum property should be defined."))
	}
	if initial > maxPages {
		jsclass.Throw(vm, "RangeError", "WebAssembly.Memory(): could not allocate memory")
	}
	if lim.hasMax && lim.max > maxPages {
		lim.max = maxPages
	}
	e := newEncoder()
	e.vec(5, [][]byte{appendLimits(nil, lim)})
	e.vec(7, [][]byte{encodeExport("memory", kindMemory, 0)})
	alloc := &allocator{shared: lim.shared}
	mod, err := st.instantiateSynthetic("memory", e.b, alloc)
	if err != nil {
		jsclass.Throw(vm, "RangeError", "WebAssembly.Memory(): could not allocate memory")
	}
	m := &memory{st: st, owner: mod, export: "memory", mem: mod.ExportedMemory("memory"), shared: lim.shared, obj: call.This}
	if len(alloc.mems) > 0 {
		m.lin = alloc.mems[0]
		m.lin.owner = weak.Make(m)
	}
	st.memories[m.mem] = call.This
	return m
}

// memoryObject returns the JS object for an exported memory, making it on
// first sight (the same memory always gives the same object).
func (st *state) memoryObject(owner api.Module, export string, mem api.Memory, shared bool, lin *linearMemory) *goja.Object {
	if obj, ok := st.memories[mem]; ok {
		return obj
	}
	m := &memory{st: st, owner: owner, export: export, mem: mem, shared: shared, lin: lin}
	if lin != nil {
		lin.owner = weak.Make(m)
	}
	obj := jsclass.New(st.iso, MemoryClass, m)
	m.obj = obj
	st.memories[mem] = obj
	return obj
}

// bufferObject is the buffer getter: the current buffer, refreshed if the
// memory has grown since it was made.
func (m *memory) bufferObject() goja.Value {
	size := m.mem.Size()
	if m.buffer != nil && m.bufLen == size {
		if m.shared || !m.buffer.Export().(goja.ArrayBuffer).Detached() {
			return m.buffer
		}
	}
	m.refresh()
	data, _ := m.mem.Read(0, size)
	vm := m.st.iso.VM()
	if m.shared {
		m.buffer = runtime.NewSharedArrayBuffer(m.st.iso, data)
		// A shared memory's buffer is frozen (SetIntegrityLevel(buffer, "frozen")).
		if m.st.freeze != nil {
			if _, err := m.st.freeze(goja.Undefined(), m.buffer); err != nil {
				panic(err)
			}
		}
	} else {
		m.buffer = vm.ToValue(vm.NewArrayBuffer(data)).(*goja.Object)
		// [[ArrayBufferDetachKey]] = "WebAssembly.Memory": only grow detaches it.
		runtime.SetNonDetachable(m.st.iso, m.buffer)
	}
	m.bufLen = size
	return m.buffer
}

// refresh is "refresh the memory buffer": a non-shared memory's current
// buffer is detached; the next .buffer makes a new one.
func (m *memory) refresh() {
	if m.buffer == nil {
		return
	}
	if !m.shared {
		m.buffer.Export().(goja.ArrayBuffer).Detach()
	}
	m.buffer = nil
}

func (m *memory) jsGrow(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	growCtx.RequireArgs(vm, call, 1)
	delta := uint32(growCtx.Integer(vm, call.Argument(0), 32, false, webidl.IntOptions{EnforceRange: true}))
	// 3. Let ret be the mem_grow(store, memaddr, delta); if it is error,
	//    throw a RangeError exception.
	old, ok := m.mem.Grow(delta)
	if !ok {
		jsclass.Throw(vm, "RangeError", "WebAssembly.Memory.grow(): Maximum memory size exceeded")
	}
	// 5. Refresh the memory buffer of memaddr.
	m.refresh()
	// 6. Return ret.
	return vm.ToValue(old)
}

// allocator hands wazero the linear memories of one instantiation.
type allocator struct {
	shared bool
	mems   []*linearMemory
}

func (a *allocator) Allocate(capBytes, maxBytes uint64) experimental.LinearMemory {
	l := &linearMemory{max: maxBytes, shared: a.shared}
	if a.shared {
		// A shared memory must never move: reserve its maximum (Go maps
		// large allocations lazily, so untouched pages cost nothing).
		l.buf = make([]byte, 0, maxBytes)
	} else {
		l.buf = make([]byte, 0, capBytes)
	}
	a.mems = append(a.mems, l)
	return l
}

// linearMemory is one wasm memory's bytes.
type linearMemory struct {
	buf    []byte
	max    uint64
	shared bool
	owner  weak.Pointer[memory] // weak: wazero's store must not keep the JS realm alive
}

// Reallocate implements experimental.LinearMemory: wazero calls it to set
// the size, on creation and on every grow.
func (l *linearMemory) Reallocate(size uint64) []byte {
	if size > l.max {
		return nil
	}
	if size <= uint64(cap(l.buf)) {
		l.buf = l.buf[:size]
	} else {
		if l.shared {
			return nil
		}
		newCap := max(size, 2*uint64(cap(l.buf)))
		newCap = min(newCap, l.max)
		nb := make([]byte, size, newCap)
		copy(nb, l.buf)
		l.buf = nb
	}
	if m := l.owner.Value(); m != nil {
		m.refresh()
	}
	return l.buf
}

// Free implements experimental.LinearMemory.
func (l *linearMemory) Free() { l.buf = nil }

func itoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
