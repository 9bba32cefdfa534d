package structuredclone

// https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
)

type recordType int

// autoLength is a length-tracking view's [[ArrayLength]] or [[ByteLength]].
const autoLength = -1

const (
	typePrimitive recordType = iota
	typeBoolean
	typeNumber
	typeBigInt
	typeString
	typeDate
	typeRegExp
	typeArrayBuffer
	typeSharedArrayBuffer
	typeView
	typeMap
	typeSet
	typeError
	typeArray
	typeObject
	typePlatform
	typeTransferredBuffer
	typeTransferredPlatform
)

// A record is one serialized value. Objects are records that may be
// reached more than once (shared or cyclic references are the same
// *record), which is how the spec's memory map shows up in the output.
type record struct {
	typ  recordType
	prim goja.Value // primitive value, or the [[...Data]] of a boxed primitive/date

	// RegExp
	source, flags goja.Value
	// ArrayBuffer (also a transferred buffer's data)
	bytes []byte
	// SharedArrayBuffer: the isolate (agent cluster) the memory belongs to,
	// and the buffer object, whose memory the clone aliases (a growable
	// one's clones grow with it)
	agent  *runtime.Isolate
	shared *goja.Object
	// resizable ArrayBuffer (also transferred): [[ArrayBufferMaxByteLength]]
	maxByteLength int
	resizable     bool
	// ArrayBufferView; length is autoLength for a length-tracking view
	ctor               string
	buffer             *record
	byteOffset, length int64
	// Map and Set
	entries [][2]*record
	items   []*record
	// Array and Object
	arrayLength int64
	props       []property
	// Error
	errName string
	message goja.Value // nil when the error had no own message
	cause   *record
	stack   goja.Value
	// Platform objects
	platform *Platform
	data     any
}

type property struct {
	key   string
	value *record
}

// Serialized is the result of StructuredSerializeWithTransfer: the value's
// records plus the transfer data holders.
type Serialized struct {
	root      *record
	transfers []*record
}

// serializer carries one run of the algorithm.
type serializer struct {
	iso    *runtime.Isolate
	vm     *goja.Runtime
	in     *intrinsics
	ctx    webidl.Context
	memory map[*goja.Object]*record
}

// dataCloneError throws a "DataCloneError" DOMException with ctx's prefix.
func (s *serializer) dataCloneError(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if s.ctx != "" {
		msg = string(s.ctx) + ": " + msg
	}
	events.ThrowDOMException(s.iso, msg, "DataCloneError")
}

var (
	arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})
	proxyType       = reflect.TypeOf(goja.Proxy{})
	promiseType     = reflect.TypeOf((*goja.Promise)(nil))
)

// Serialize runs StructuredSerializeWithTransfer
// (https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializewithtransfer).
// Failures throw into the running script (a "DataCloneError" DOMException,
// or whatever a getter threw), so call it from a native function; ctx
// prefixes the messages ("Failed to execute 'postMessage' on 'MessagePort'").
func Serialize(iso *runtime.Isolate, ctx webidl.Context, value goja.Value, transfer []goja.Value) *Serialized {
	s := &serializer{iso: iso, vm: iso.VM(), in: intrinsicsOf(iso), ctx: ctx, memory: map[*goja.Object]*record{}}
	// 1. Let memory be an empty map.
	type transferable struct {
		obj      *goja.Object
		buffer   bool
		slot     any
		platform *Platform
		index    int
	}
	var list []transferable
	// 2. For each transferable of transferList:
	for i, t := range transfer {
		obj, ok := t.(*goja.Object)
		tr := transferable{obj: obj, index: i}
		if ok && obj.ExportType() == arrayBufferType {
			tr.buffer = true
		} else if ok {
			if slot, ok := isPlatformObject(iso, obj); ok {
				if p := platformFor(slot); p != nil && p.Transfer != nil {
					tr.slot, tr.platform = slot, p
				}
			}
		}
		// 2.1. If transferable has neither an [[ArrayBufferData]] internal
		// slot nor a [[Detached]] internal slot, then throw a "DataCloneError".
		if !tr.buffer && tr.platform == nil {
			s.dataCloneError("Value at index %d does not have a transferable type.", i)
		}
		// 2.2. If transferable has an [[ArrayBufferData]] internal slot and
		// IsSharedArrayBuffer(transferable) is true, then throw a "DataCloneError".
		if tr.buffer && runtime.IsSharedArrayBuffer(iso, obj) {
			s.dataCloneError("SharedArrayBuffer at index %d is not transferable.", i)
		}
		// 2.3. If memory[transferable] exists, then throw a "DataCloneError".
		if _, dup := s.memory[obj]; dup {
			name := "ArrayBuffer"
			if !tr.buffer {
				name = tr.platform.Name
			}
			s.dataCloneError("%s at index %d is a duplicate of an earlier %s. Duplicates cannot be transferred.", name, i, name)
		}
		// 2.4. Set memory[transferable] to { [[Type]]: an uninitialized value }.
		rec := &record{typ: typeTransferredBuffer}
		if !tr.buffer {
			rec.typ = typeTransferredPlatform
			rec.platform = tr.platform
		}
		s.memory[obj] = rec
		list = append(list, tr)
	}
	// 3. Let serialized be ? StructuredSerializeInternal(value, false, memory).
	root := s.serialize(value)
	// 4. Let transferDataHolders be a new empty List.
	out := &Serialized{root: root}
	// 5. For each transferable of transferList:
	for _, tr := range list {
		rec := s.memory[tr.obj]
		if tr.buffer {
			ab := tr.obj.Export().(goja.ArrayBuffer)
			// 5.1. If transferable has an [[ArrayBufferData]] internal slot
			// and IsDetachedBuffer(transferable) is true, then throw a "DataCloneError".
			if ab.Detached() {
				s.dataCloneError("An ArrayBuffer is detached and could not be cloned.")
			}
			// 5.5.4. Perform ? DetachArrayBuffer(transferable): a buffer with a
			// detach key (a WebAssembly.Memory's) refuses, with Chrome's TypeError.
			if runtime.IsNonDetachable(tr.obj) {
				ctx := ""
				if s.ctx != "" {
					ctx = string(s.ctx) + ": "
				}
				panic(s.vm.NewTypeError("%sArrayBuffer at index %d is not detachable and could not be transferred.", ctx, tr.index))
			}
			// 5.5. Set dataHolder.[[ArrayBufferData]] to transferable.[[ArrayBufferData]];
			// perform ? DetachArrayBuffer(transferable).
			rec.bytes = ab.Bytes()
			rec.maxByteLength, rec.resizable = runtime.MaxByteLength(iso, tr.obj)
			ab.Detach()
		} else {
			// 5.2. If transferable has a [[Detached]] internal slot and
			// transferable.[[Detached]] is true, then throw a "DataCloneError".
			if tr.platform.Detached != nil && tr.platform.Detached(tr.slot) {
				s.dataCloneError("%s at index %d is already detached.", tr.platform.Name, tr.index)
			}
			if tr.platform.Untransferable != nil {
				if why := tr.platform.Untransferable(tr.slot); why != "" {
					s.dataCloneError("%s", why)
				}
			}
			// 5.6. Otherwise: perform the transfer steps; set [[Detached]] to true.
			rec.data = tr.platform.Transfer(iso, tr.obj, tr.slot)
		}
		out.transfers = append(out.transfers, rec)
	}
	return out
}

// serialize is StructuredSerializeInternal (forStorage is always false).
func (s *serializer) serialize(value goja.Value) *record {
	obj, isObj := value.(*goja.Object)
	if !isObj {
		// 4. If value is a Symbol, then throw a "DataCloneError" DOMException.
		if sym, ok := value.(*goja.Symbol); ok {
			s.dataCloneError("Symbol(%s) could not be cloned.", sym.String())
		}
		if value == nil {
			value = goja.Undefined()
		}
		// 3. If value is undefined, null, a Boolean, a Number, a BigInt or a
		// String, then return { [[Type]]: "primitive", [[Value]]: value }.
		return &record{typ: typePrimitive, prim: value}
	}
	// 1. If memory[value] exists, then return memory[value].
	if rec, ok := s.memory[obj]; ok {
		return rec
	}
	in := s.in
	vm := s.vm
	rec := &record{}
	deep := false
	et := obj.ExportType()
	kind := ""
	switch obj.ClassName() {
	case "Array", "Function", "Error", "RegExp":
	default:
		if et != arrayBufferType && et != proxyType && et != promiseType {
			kind = call(in.kind, obj).String()
		}
	}
	_, callable := goja.AssertFunction(obj)
	slot, isPlatform := isPlatformObject(s.iso, obj)
	switch {
	case et == proxyType:
		s.dataCloneError("#<Object> could not be cloned.")
	// 6. If value has a [[BooleanData]], [[NumberData]], [[BigIntData]] or
	// [[StringData]] internal slot: serialized is that primitive.
	case kind == "boolean":
		rec.typ, rec.prim = typeBoolean, call(in.primitive, obj, vm.ToValue(kind))
	case kind == "number":
		rec.typ, rec.prim = typeNumber, call(in.primitive, obj, vm.ToValue(kind))
	case kind == "bigint":
		rec.typ, rec.prim = typeBigInt, call(in.primitive, obj, vm.ToValue(kind))
	case kind == "string":
		rec.typ, rec.prim = typeString, call(in.primitive, obj, vm.ToValue(kind))
	// 7. Otherwise, if value has a [[DateValue]] internal slot.
	case kind == "date":
		rec.typ, rec.prim = typeDate, call(in.primitive, obj, vm.ToValue(kind))
	// 8. Otherwise, if value has a [[RegExpMatcher]] internal slot.
	case obj.ClassName() == "RegExp":
		pair := call(in.regexp, obj).(*goja.Object)
		rec.typ, rec.source, rec.flags = typeRegExp, canonicalSource(pair.Get("0")), pair.Get("1")
	// 9. Otherwise, if value has an [[ArrayBufferData]] internal slot.
	case et == arrayBufferType && runtime.IsSharedArrayBuffer(s.iso, obj):
		// 9.1. If IsSharedArrayBuffer(value) is true: (the cross-origin
		// isolated capability is granted: edge isolates are their own
		// agent cluster, as Node's and Deno's realms are.) 9.1.4. Otherwise,
		// set serialized to { [[Type]]: "SharedArrayBuffer", [[ArrayBufferData]]:
		// value.[[ArrayBufferData]], [[ArrayBufferByteLength]]: value.[[ArrayBufferByteLength]],
		// [[AgentCluster]]: the surrounding agent's agent cluster }.
		rec.typ = typeSharedArrayBuffer
		rec.agent, rec.shared = s.iso, obj
	case et == arrayBufferType:
		ab := obj.Export().(goja.ArrayBuffer)
		// 9.2. If IsDetachedBuffer(value) is true, then throw a "DataCloneError".
		if ab.Detached() {
			s.dataCloneError("An ArrayBuffer is detached and could not be cloned.")
		}
		// 9.3-9.5. Let size be value.[[ArrayBufferByteLength]]; a resizable
		// buffer also records its [[ArrayBufferMaxByteLength]].
		rec.typ = typeArrayBuffer
		rec.bytes = append([]byte{}, ab.Bytes()...)
		rec.maxByteLength, rec.resizable = runtime.MaxByteLength(s.iso, obj)
	// 10. Otherwise, if value has a [[ViewedArrayBuffer]] internal slot.
	case kind == "typedarray" || kind == "dataview":
		// 10.1. If IsArrayBufferViewOutOfBounds(value) is true, then throw a "DataCloneError".
		tracking, outOfBounds := runtime.ViewTracking(s.iso, obj)
		if outOfBounds {
			s.dataCloneError("An ArrayBufferView is out of bounds and could not be cloned.")
		}
		v := call(in.view, obj, vm.ToValue(kind)).(*goja.Object)
		rec.typ = typeView
		rec.ctor = v.Get("0").String()
		bufObj := v.Get("1").(*goja.Object)
		rec.byteOffset = v.Get("2").ToInteger()
		rec.length = v.Get("3").ToInteger()
		// 10.5-10.6. [[ByteLength]] / [[ArrayLength]]: auto for a
		// length-tracking view.
		if tracking {
			rec.length = autoLength
		}
		// 10.3. Let bufferSerialized be ? StructuredSerializeInternal(buffer, forStorage, memory).
		rec.buffer = s.serialize(bufObj)
	// 11. Otherwise, if value has a [[MapData]] internal slot.
	case kind == "map":
		rec.typ, deep = typeMap, true
	// 12. Otherwise, if value has a [[SetData]] internal slot.
	case kind == "set":
		rec.typ, deep = typeSet, true
	// 13. Otherwise, if value has an [[ErrorData]] internal slot and value
	// is not a platform object.
	case obj.ClassName() == "Error" && !isPlatform:
		s.serializeError(obj, rec)
	// 14. Otherwise, if value is an Array exotic object.
	case obj.ClassName() == "Array" && !isPlatform:
		rec.typ, deep = typeArray, true
		rec.arrayLength = obj.Get("length").ToInteger()
	// 15. Otherwise, if value is a platform object that is a serializable object.
	case isPlatform:
		p := platformFor(slot)
		if p == nil || p.Serialize == nil {
			// 16. Otherwise, if value is a platform object, then throw a "DataCloneError".
			s.dataCloneError("%s object could not be cloned.", interfaceName(s.iso, obj))
		}
		rec.typ, rec.platform = typePlatform, p
		rec.data = p.Serialize(s.iso, obj, slot)
	// 17. Otherwise, if IsCallable(value) is true, then throw a "DataCloneError".
	case callable:
		s.dataCloneError("%s could not be cloned.", safeString(vm, obj))
	// 18. Otherwise, if value has any internal slot other than [[Prototype]],
	// [[Extensible]] and [[PrivateElements]], or is an exotic object, then
	// throw a "DataCloneError".
	case et == promiseType || kind == "weakmap" || kind == "weakset" || kind == "symbol":
		s.dataCloneError("#<%s> could not be cloned.", exoticName(et, kind))
	// 19. Otherwise: serialized is an ordinary object record; deep is true.
	default:
		rec.typ, deep = typeObject, true
	}
	// 20. Set memory[value] to serialized.
	s.memory[obj] = rec
	// 21. If deep is true:
	if deep {
		switch rec.typ {
		case typeMap:
			// 21.1. Let copiedList be a new empty List; append every entry.
			entries := call(in.mapEntries, obj).(*goja.Object)
			n := int(entries.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				e := entries.Get(strconv.Itoa(i)).(*goja.Object)
				k, v := e.Get("0"), e.Get("1")
				// For each Record { [[Key]], [[Value]] } entry of copiedList:
				// serialize key then value.
				sk := s.serialize(k)
				sv := s.serialize(v)
				rec.entries = append(rec.entries, [2]*record{sk, sv})
			}
		case typeSet:
			items := call(in.setValues, obj).(*goja.Object)
			n := int(items.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				rec.items = append(rec.items, s.serialize(items.Get(strconv.Itoa(i))))
			}
		default:
			// 21.3. Let properties be ? EnumerableOwnProperties(value, key).
			for _, key := range obj.Keys() {
				// 21.3.2.1. If ! HasOwnProperty(value, key) is true, then:
				if !call(in.hasOwn, obj, vm.ToValue(key)).ToBoolean() {
					continue
				}
				// Let inputValue be ? value.[[Get]](key, value); let
				// outputValue be ? StructuredSerializeInternal(inputValue, ...).
				rec.props = append(rec.props, property{key: key, value: s.serialize(obj.Get(key))})
			}
		}
	}
	// 22. Return serialized.
	return rec
}

// serializeError is step 13.
func (s *serializer) serializeError(obj *goja.Object, rec *record) {
	vm := s.vm
	rec.typ = typeError
	// Registered before the cause is serialized, so a cause cycle is a reference.
	s.memory[obj] = rec
	// 13.1. Let name be ? Get(value, "name").
	name := obj.Get("name")
	// 13.2. If name is not one of "Error", "EvalError", "RangeError",
	// "ReferenceError", "SyntaxError", "TypeError", or "URIError", then set
	// name to "Error".
	rec.errName = "Error"
	if name != nil && goja.IsString(name) {
		switch n := name.String(); n {
		case "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError":
			rec.errName = n
		}
	}
	// 13.3. Let valueMessageDesc be ? value.[[GetOwnProperty]]("message").
	// 13.4. Let message be undefined if IsDataDescriptor(valueMessageDesc)
	// is false, and ? ToString(valueMessageDesc.[[Value]]) otherwise.
	if d, ok := call(s.in.ownDesc, obj, vm.ToValue("message")).(*goja.Object); ok && (hasKey(d, "value") || hasKey(d, "writable")) {
		rec.message = d.Get("value").ToString()
	}
	// The cause is kept when it is an own data property, as browsers do.
	if d, ok := call(s.in.ownDesc, obj, vm.ToValue("cause")).(*goja.Object); ok && (hasKey(d, "value") || hasKey(d, "writable")) {
		rec.cause = s.serialize(d.Get("value"))
	}
	// User agents may attach other data: V8 keeps the stack.
	if d, ok := call(s.in.ownDesc, obj, vm.ToValue("stack")).(*goja.Object); ok {
		if st := d.Get("value"); st != nil && goja.IsString(st) {
			rec.stack = st
		}
	}
}

func hasKey(o *goja.Object, k string) bool {
	for _, x := range o.Keys() {
		if x == k {
			return true
		}
	}
	return false
}

func exoticName(et reflect.Type, kind string) string {
	switch {
	case et == promiseType:
		return "Promise"
	case kind == "weakmap":
		return "WeakMap"
	case kind == "weakset":
		return "WeakSet"
	}
	return "Object"
}

// safeString is ToString that cannot throw (for messages).
func safeString(vm *goja.Runtime, v goja.Value) string {
	var s string
	if ex := vm.Try(func() { s = v.String() }); ex != nil {
		return "#<Object>"
	}
	return s
}

// canonicalSource undoes goja's spelling of "/" as "\u002f" in the source
// of a RegExp built from a string (new RegExp("/").source), so the clone's
// source reads "\/" as in browsers. Both forms match the same strings; an
// escape that is itself escaped ("\\u002f") is left alone.
func canonicalSource(src goja.Value) goja.Value {
	gs, ok := src.(goja.String)
	if !ok || !strings.Contains(src.String(), `\u002f`) {
		return src
	}
	n := gs.Length()
	out := make([]uint16, 0, n)
	for i := 0; i < n; i++ {
		c := gs.CharAt(i)
		if c != '\\' || i+1 >= n {
			out = append(out, c)
			continue
		}
		if i+5 < n && gs.CharAt(i+1) == 'u' && gs.CharAt(i+2) == '0' && gs.CharAt(i+3) == '0' && gs.CharAt(i+4) == '2' && (gs.CharAt(i+5) == 'f' || gs.CharAt(i+5) == 'F') {
			out = append(out, '\\', '/')
			i += 5
			continue
		}
		out = append(out, c, gs.CharAt(i+1))
		i++
	}
	return goja.StringFromUTF16(out)
}
