package structuredclone

// https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
)

type deserializer struct {
	iso    *runtime.Isolate
	vm     *goja.Runtime
	in     *intrinsics
	memory map[*record]goja.Value
}

// Deserialize runs StructuredDeserializeWithTransfer into iso's realm and
// returns the value and the transferred objects. A Serialized must be
// deserialized at most once when it carries transfers (their data moves).
// Call on iso's goroutine; errors throw into the running script.
func Deserialize(iso *runtime.Isolate, ser *Serialized) (goja.Value, []goja.Value) {
	d := &deserializer{iso: iso, vm: iso.VM(), in: intrinsicsOf(iso), memory: map[*record]goja.Value{}}
	// 3. For each transferDataHolder of serializeWithTransferResult.[[TransferDataHolders]]:
	var transferred []goja.Value
	for _, rec := range ser.transfers {
		var v goja.Value
		if rec.typ == typeTransferredBuffer {
			// 3.2. If transferDataHolder.[[Type]] is "ArrayBuffer", then set
			// value to a new ArrayBuffer object whose [[ArrayBufferData]] is
			// transferDataHolder.[[ArrayBufferData]].
			v = d.arrayBuffer(rec.bytes, rec)
			rec.bytes = nil
		} else {
			// 3.3. Otherwise: perform the transfer-receiving steps.
			v = rec.platform.Receive(iso, rec.data)
		}
		// 3.4. Set memory[transferDataHolder] to value.
		d.memory[rec] = v
		transferred = append(transferred, v)
	}
	// 4. Let deserialized be ? StructuredDeserialize(serialized, targetRealm, memory).
	return d.deserialize(ser.root), transferred
}

// deserialize is StructuredDeserialize.
func (d *deserializer) deserialize(rec *record) goja.Value {
	// 1. If memory[serialized] exists, then return memory[serialized].
	if v, ok := d.memory[rec]; ok {
		return v
	}
	vm, in := d.vm, d.in
	deep := false
	var value goja.Value
	switch rec.typ {
	case typePrimitive:
		// 4. If serialized.[[Type]] is "primitive", then set value to serialized.[[Value]].
		return rec.prim
	case typeBoolean:
		value = call(in.newBoolean, rec.prim)
	case typeNumber:
		value = call(in.newNumber, rec.prim)
	case typeBigInt:
		value = call(in.newBigInt, rec.prim)
	case typeString:
		value = call(in.newString, rec.prim)
	case typeDate:
		value = call(in.newDate, rec.prim)
	case typeRegExp:
		value = call(in.newRegExp, rec.source, rec.flags)
	case typeArrayBuffer:
		value = d.arrayBuffer(append([]byte{}, rec.bytes...), rec)
	case typeSharedArrayBuffer:
		// 10.1. If targetRealm's corresponding agent cluster is not
		// serialized.[[AgentCluster]], then throw a "DataCloneError".
		// (Go memory must not be shared between isolates' goroutines.)
		if rec.agent != d.iso {
			events.ThrowDOMException(d.iso, "A SharedArrayBuffer cannot be shared outside the isolate that created it.", "DataCloneError")
		}
		// 10.2. Otherwise, set value to a new SharedArrayBuffer object in
		// targetRealm whose [[ArrayBufferData]] is serialized.[[ArrayBufferData]].
		value = runtime.ShareSharedArrayBuffer(d.iso, rec.shared)
	case typeView:
		// 13.1. Let deserializedArrayBuffer be ? StructuredDeserialize(serialized.[[ArrayBufferSerialized]], targetRealm, memory).
		buf := d.deserialize(rec.buffer)
		// 13.2-13.3. A length-tracking view ([[ByteLength]] or
		// [[ArrayLength]] auto) is made without a length.
		length := vm.ToValue(rec.length)
		if rec.length == autoLength {
			length = goja.Undefined()
		}
		value = call(in.newView, vm.ToValue(rec.ctor), buf, vm.ToValue(rec.byteOffset), length)
	case typeMap:
		value, deep = call(in.newMap), true
	case typeSet:
		value, deep = call(in.newSet), true
	case typeArray:
		// 16. Let outputProto be targetRealm.[[Intrinsics]].[[%Array.prototype%]];
		// set value to ! ArrayCreate(serialized.[[Length]], outputProto).
		value, deep = call(in.newArray, vm.ToValue(rec.arrayLength)), true
	case typeObject:
		value, deep = vm.NewObject(), true
	case typeError:
		value = d.error(rec)
	case typePlatform:
		value = rec.platform.Deserialize(d.iso, rec.data)
	default:
		panic("structuredclone: transfer record reached without its data holder")
	}
	// 20. Set memory[serialized] to value.
	d.memory[rec] = value
	// 21. If deep is true:
	if deep {
		obj := value.(*goja.Object)
		switch rec.typ {
		case typeMap:
			for _, e := range rec.entries {
				k := d.deserialize(e[0])
				v := d.deserialize(e[1])
				call(in.mapSet, obj, k, v)
			}
		case typeSet:
			for _, it := range rec.items {
				call(in.setAdd, obj, d.deserialize(it))
			}
		default:
			// For each Record { [[Key]], [[Value]] } entry of
			// serialized.[[Properties]]: perform ! CreateDataProperty(value,
			// entry.[[Key]], deserializedValue).
			for _, p := range rec.props {
				v := d.deserialize(p.value)
				_ = obj.DefineDataProperty(p.key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			}
		}
	}
	return value
}

// error is step 19: an Error of the serialized name's prototype, with its
// message (and, as V8 keeps them, cause and stack).
func (d *deserializer) error(rec *record) goja.Value {
	vm := d.vm
	hasMsg := rec.message != nil
	msg := goja.Undefined()
	if hasMsg {
		msg = rec.message
	}
	obj := call(d.in.newError, vm.ToValue(rec.errName), vm.ToValue(hasMsg), msg).(*goja.Object)
	d.memory[rec] = obj
	if rec.cause != nil {
		_ = obj.DefineDataProperty("cause", d.deserialize(rec.cause), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	if rec.stack != nil {
		_ = obj.DefineDataProperty("stack", rec.stack, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return obj
}

// arrayBuffer makes a deserialized or transferred ArrayBuffer over data:
// resizable, with its [[ArrayBufferMaxByteLength]], when rec's was.
func (d *deserializer) arrayBuffer(data []byte, rec *record) goja.Value {
	if !rec.resizable {
		return d.vm.ToValue(d.vm.NewArrayBuffer(data))
	}
	obj, err := runtime.NewResizableArrayBuffer(d.iso, data, rec.maxByteLength)
	if err != nil {
		panic(d.vm.NewTypeError(err.Error()))
	}
	return obj
}
