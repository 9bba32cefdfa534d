package wasm

// Test modules, assembled with the package's own encoder (there is no
// text-format assembler in the build).

// body encodes a function body with no locals.
func body(code ...byte) []byte {
	b := append([]byte{0}, code...)
	b = append(b, 0x0B)
	return append(appendU32(nil, uint32(len(b))), b...)
}

type testModule struct {
	types    []funcType
	imports  [][]byte
	funcs    []uint32
	tables   [][]byte
	memories [][]byte
	globals  [][]byte
	exports  [][]byte
	elems    [][]byte
	code     [][]byte
	customs  map[string]string
}

func (m testModule) bytes() []byte {
	e := newEncoder()
	var types [][]byte
	for _, t := range m.types {
		types = append(types, encodeFuncType(t))
	}
	e.vec(1, types)
	e.vec(2, m.imports)
	var funcs [][]byte
	for _, f := range m.funcs {
		funcs = append(funcs, appendU32(nil, f))
	}
	e.vec(3, funcs)
	e.vec(4, m.tables)
	e.vec(5, m.memories)
	e.vec(6, m.globals)
	e.vec(7, m.exports)
	e.vec(9, m.elems)
	e.vec(10, m.code)
	for name, data := range m.customs {
		e.section(0, append(appendName(nil, name), data...))
	}
	return e.b
}

var (
	i32 = valI32
	i64 = valI64

	// add(a, b) = a + b, and a custom section.
	addModule = testModule{
		types:   []funcType{{params: []byte{i32, i32}, results: []byte{i32}}},
		funcs:   []uint32{0},
		exports: [][]byte{encodeExport("add", kindFunc, 0)},
		code:    [][]byte{body(0x20, 0, 0x20, 1, 0x6A)},
		customs: map[string]string{"hello": "abc"},
	}.bytes()

	// run() calls env.log(42), stores 7 at address 0 of env.mem and returns
	// the i32 loaded from address 0.
	importModule = testModule{
		types: []funcType{{params: []byte{i32}}, {results: []byte{i32}}},
		imports: [][]byte{
			encodeImport("env", "log", importEntry{kind: kindFunc, typeIndex: 0}),
			encodeImport("env", "mem", importEntry{kind: kindMemory, memory: limits{min: 1}}),
		},
		funcs:   []uint32{1},
		exports: [][]byte{encodeExport("run", kindFunc, 1)},
		code:    [][]byte{body(0x41, 42, 0x10, 0, 0x41, 0, 0x41, 7, 0x36, 2, 0, 0x41, 0, 0x28, 2, 0)},
	}.bytes()

	// trap() hits unreachable; spin() loops forever.
	trapModule = testModule{
		types:   []funcType{{}},
		funcs:   []uint32{0, 0},
		exports: [][]byte{encodeExport("trap", kindFunc, 0), encodeExport("spin", kindFunc, 1)},
		code:    [][]byte{body(0x00), body(0x03, 0x40, 0x0C, 0, 0x0B)},
	}.bytes()

	// An exported memory (1 page, max 4) and grow() = memory.grow(1).
	growModule = testModule{
		types:    []funcType{{results: []byte{i32}}},
		funcs:    []uint32{0},
		memories: [][]byte{appendLimits(nil, limits{min: 1, max: 4, hasMax: true})},
		exports:  [][]byte{encodeExport("memory", kindMemory, 0), encodeExport("grow", kindFunc, 0)},
		code:     [][]byte{body(0x41, 1, 0x40, 0)},
	}.bytes()

	// env.g (i32, immutable) is returned by getG(); counter is a mutable
	// i64 global starting at 5.
	globalModule = testModule{
		types:   []funcType{{results: []byte{i32}}},
		imports: [][]byte{encodeImport("env", "g", importEntry{kind: kindGlobal, global: globalType{val: i32}})},
		funcs:   []uint32{0},
		globals: [][]byte{{i64, 1, 0x42, 5, 0x0B}},
		exports: [][]byte{encodeExport("getG", kindFunc, 0), encodeExport("counter", kindGlobal, 1)},
		code:    [][]byte{body(0x23, 0)},
	}.bytes()

	// tbl is a funcref table of 2 with add at index 0.
	tableModule = testModule{
		types:   []funcType{{params: []byte{i32, i32}, results: []byte{i32}}},
		funcs:   []uint32{0},
		tables:  [][]byte{appendLimits([]byte{valFuncref}, limits{min: 2})},
		exports: [][]byte{encodeExport("add", kindFunc, 0), encodeExport("tbl", kindTable, 0)},
		elems:   [][]byte{{0x00, 0x41, 0, 0x0B, 1, 0}},
		code:    [][]byte{body(0x20, 0, 0x20, 1, 0x6A)},
	}.bytes()

	// Imports f from the module named "" and re-exports it; carries a
	// custom section holding only its name (both trip wazero itself).
	emptyNameModule = append(testModule{
		types:   []funcType{{results: []byte{i32}}},
		imports: [][]byte{encodeImport("", "f", importEntry{kind: kindFunc, typeIndex: 0})},
		exports: [][]byte{encodeExport("f", kindFunc, 0)},
	}.bytes(), 0, 2, 1, 'a')

	// A shared memory (1 page, max 2), exported.
	sharedModule = testModule{
		memories: [][]byte{appendLimits(nil, limits{min: 1, max: 2, hasMax: true, shared: true})},
		exports:  [][]byte{encodeExport("memory", kindMemory, 0)},
	}.bytes()
)
