package wasm

// The parts of the WebAssembly binary format the JS API needs and wazero
// does not expose: the import and export sections in module order with
// every kind (wazero's CompiledModule lists functions and memories only, in
// maps), table and global types, function types and custom sections.
// https://webassembly.github.io/spec/core/binary/modules.html
//
// It reads modules wazero has already validated, so it only guards against
// running off the end. The encoder half writes the small modules the
// package synthesizes (a memory, table or global on its own, and the glue
// modules that link imports).

import (
	"errors"
	"fmt"
)

// Value types (https://webassembly.github.io/spec/core/binary/types.html).
const (
	valI32       byte = 0x7F
	valI64       byte = 0x7E
	valF32       byte = 0x7D
	valF64       byte = 0x7C
	valV128      byte = 0x7B
	valFuncref   byte = 0x70
	valExternref byte = 0x6F
)

// External kinds.
const (
	kindFunc   byte = 0x00
	kindTable  byte = 0x01
	kindMemory byte = 0x02
	kindGlobal byte = 0x03
	kindTag    byte = 0x04
)

var kindNames = map[byte]string{kindFunc: "function", kindTable: "table", kindMemory: "memory", kindGlobal: "global", kindTag: "tag"}

type funcType struct{ params, results []byte }

func (t funcType) key() string { return string(t.params) + "|" + string(t.results) }

type limits struct {
	min    uint32
	max    uint32
	hasMax bool
	shared bool
}

type tableType struct {
	elem byte
	lim  limits
}

type globalType struct {
	val     byte
	mutable bool
}

type importEntry struct {
	module, name string
	kind         byte
	typeIndex    uint32 // functions
	table        tableType
	memory       limits
	global       globalType
}

type exportEntry struct {
	name  string
	kind  byte
	index uint32
}

type customSection struct {
	name string
	data []byte
}

// moduleInfo is what the JS API reads from a module's bytes.
type moduleInfo struct {
	types   []funcType
	imports []importEntry
	funcs   []uint32 // type index of each defined function
	tables  []tableType
	globals []globalType
	exports []exportEntry
	customs []customSection
	// sharedMemory: the module defines (not imports) a shared memory.
	sharedMemory bool
}

// funcTypeOf returns the type of function index i (imports first).
func (m *moduleInfo) funcTypeOf(i uint32) (funcType, bool) {
	for _, im := range m.imports {
		if im.kind != kindFunc {
			continue
		}
		if i == 0 {
			return m.typeAt(im.typeIndex)
		}
		i--
	}
	if int(i) < len(m.funcs) {
		return m.typeAt(m.funcs[i])
	}
	return funcType{}, false
}

func (m *moduleInfo) typeAt(i uint32) (funcType, bool) {
	if int(i) < len(m.types) {
		return m.types[i], true
	}
	return funcType{}, false
}

// importedCount counts the imports of a kind (they come first in its index space).
func (m *moduleInfo) importedCount(kind byte) uint32 {
	n := uint32(0)
	for _, im := range m.imports {
		if im.kind == kind {
			n++
		}
	}
	return n
}

// importOf returns the import that index i of kind refers to, if any.
func (m *moduleInfo) importOf(kind byte, i uint32) (int, bool) {
	for j, im := range m.imports {
		if im.kind != kind {
			continue
		}
		if i == 0 {
			return j, true
		}
		i--
	}
	return 0, false
}

func (m *moduleInfo) tableTypeOf(i uint32) tableType {
	if j, ok := m.importOf(kindTable, i); ok {
		return m.imports[j].table
	}
	i -= m.importedCount(kindTable)
	if int(i) < len(m.tables) {
		return m.tables[i]
	}
	return tableType{}
}

func (m *moduleInfo) globalTypeOf(i uint32) globalType {
	if j, ok := m.importOf(kindGlobal, i); ok {
		return m.imports[j].global
	}
	i -= m.importedCount(kindGlobal)
	if int(i) < len(m.globals) {
		return m.globals[i]
	}
	return globalType{}
}

var errTruncated = errors.New("wasm: unexpected end of module")

type reader struct {
	b   []byte
	pos int
}

func (r *reader) byte() byte {
	if r.pos >= len(r.b) {
		panic(errTruncated)
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7F) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	panic(errors.New("wasm: bad LEB128"))
}

// skipLEB skips a signed or unsigned LEB128 number of any width.
func (r *reader) skipLEB() {
	for r.byte()&0x80 != 0 {
	}
}

func (r *reader) bytes(n uint32) []byte {
	if uint64(r.pos)+uint64(n) > uint64(len(r.b)) {
		panic(errTruncated)
	}
	s := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s
}

func (r *reader) name() string { return string(r.bytes(r.u32())) }

func (r *reader) limits() limits {
	flags := r.byte()
	l := limits{min: r.u32(), shared: flags&0x02 != 0}
	if flags&0x01 != 0 {
		l.hasMax, l.max = true, r.u32()
	}
	return l
}

func (r *reader) valType() byte {
	v := r.byte()
	if v == 0x63 || v == 0x64 { // (ref null? heaptype) from typed function references
		r.skipLEB()
		return valFuncref
	}
	return v
}

func (r *reader) tableType() tableType { return tableType{elem: r.valType(), lim: r.limits()} }

func (r *reader) globalType() globalType {
	return globalType{val: r.valType(), mutable: r.byte() == 1}
}

// skipConstExpr skips a constant expression up to and including its end.
func (r *reader) skipConstExpr() {
	for {
		op := r.byte()
		switch op {
		case 0x0B: // end
			return
		case 0x41, 0x42, 0x23, 0xD2: // i32.const, i64.const, global.get, ref.func
			r.skipLEB()
		case 0x43:
			r.bytes(4)
		case 0x44:
			r.bytes(8)
		case 0xD0: // ref.null heaptype
			r.skipLEB()
		case 0xFD: // v128.const
			r.skipLEB()
			r.bytes(16)
		case 0xFB: // GC prefix: opcode then maybe an index
			r.skipLEB()
		}
	}
}

// parseModule reads the sections the JS API needs from a validated module.
func parseModule(b []byte) (info *moduleInfo, err error) {
	defer func() {
		if x := recover(); x != nil {
			e, ok := x.(error)
			if !ok {
				panic(x)
			}
			info, err = nil, e
		}
	}()
	r := &reader{b: b}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("wasm: not a WebAssembly module")
	}
	r.pos = 8
	info = &moduleInfo{}
	for r.pos < len(b) {
		id := r.byte()
		size := r.u32()
		body := r.bytes(size)
		s := &reader{b: body}
		switch id {
		case 0:
			name := s.name()
			info.customs = append(info.customs, customSection{name: name, data: body[s.pos:]})
		case 1:
			for n := s.u32(); n > 0; n-- {
				if form := s.byte(); form != 0x60 {
					return nil, fmt.Errorf("wasm: unsupported type form 0x%x", form)
				}
				var t funcType
				for p := s.u32(); p > 0; p-- {
					t.params = append(t.params, s.valType())
				}
				for q := s.u32(); q > 0; q-- {
					t.results = append(t.results, s.valType())
				}
				info.types = append(info.types, t)
			}
		case 2:
			for n := s.u32(); n > 0; n-- {
				im := importEntry{module: s.name(), name: s.name(), kind: s.byte()}
				switch im.kind {
				case kindFunc:
					im.typeIndex = s.u32()
				case kindTable:
					im.table = s.tableType()
				case kindMemory:
					im.memory = s.limits()
				case kindGlobal:
					im.global = s.globalType()
				case kindTag:
					s.byte()
					im.typeIndex = s.u32()
				}
				info.imports = append(info.imports, im)
			}
		case 3:
			for n := s.u32(); n > 0; n-- {
				info.funcs = append(info.funcs, s.u32())
			}
		case 4:
			for n := s.u32(); n > 0; n-- {
				info.tables = append(info.tables, s.tableType())
			}
		case 5:
			for n := s.u32(); n > 0; n-- {
				if s.limits().shared {
					info.sharedMemory = true
				}
			}
		case 6:
			for n := s.u32(); n > 0; n-- {
				info.globals = append(info.globals, s.globalType())
				s.skipConstExpr()
			}
		case 7:
			for n := s.u32(); n > 0; n-- {
				info.exports = append(info.exports, exportEntry{name: s.name(), kind: s.byte(), index: s.u32()})
			}
		}
	}
	return info, nil
}

// encoder writes a module.
type encoder struct{ b []byte }

func newEncoder() *encoder { return &encoder{b: []byte("\x00asm\x01\x00\x00\x00")} }

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7F)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func appendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7F)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte { return append(appendU32(b, uint32(len(s))), s...) }

func appendLimits(b []byte, l limits) []byte {
	flags := byte(0)
	if l.hasMax {
		flags |= 0x01
	}
	if l.shared {
		flags |= 0x02
	}
	b = append(b, flags)
	b = appendU32(b, l.min)
	if l.hasMax {
		b = appendU32(b, l.max)
	}
	return b
}

func (e *encoder) section(id byte, body []byte) {
	e.b = append(e.b, id)
	e.b = appendU32(e.b, uint32(len(body)))
	e.b = append(e.b, body...)
}

// vec writes a section holding a vector of n items.
func (e *encoder) vec(id byte, items [][]byte) {
	if len(items) == 0 {
		return
	}
	body := appendU32(nil, uint32(len(items)))
	for _, it := range items {
		body = append(body, it...)
	}
	e.section(id, body)
}

func encodeFuncType(t funcType) []byte {
	b := []byte{0x60}
	b = appendU32(b, uint32(len(t.params)))
	b = append(b, t.params...)
	b = appendU32(b, uint32(len(t.results)))
	return append(b, t.results...)
}

// encodeImport writes an import entry of the given type.
func encodeImport(module, name string, im importEntry) []byte {
	b := appendName(nil, module)
	b = appendName(b, name)
	b = append(b, im.kind)
	switch im.kind {
	case kindFunc:
		b = appendU32(b, im.typeIndex)
	case kindTable:
		b = append(b, im.table.elem)
		b = appendLimits(b, im.table.lim)
	case kindMemory:
		b = appendLimits(b, im.memory)
	case kindGlobal:
		mut := byte(0)
		if im.global.mutable {
			mut = 1
		}
		b = append(b, im.global.val, mut)
	case kindTag:
		b = append(b, 0x00)
		b = appendU32(b, im.typeIndex)
	}
	return b
}

func encodeExport(name string, kind byte, index uint32) []byte {
	b := appendName(nil, name)
	b = append(b, kind)
	return appendU32(b, index)
}
