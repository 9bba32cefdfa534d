package messaging

// Transferable streams' transfer steps, which send a stream over a pair of
// MessagePorts. https://streams.spec.whatwg.org/#rs-transfer,
// https://streams.spec.whatwg.org/#ws-transfer,
// https://streams.spec.whatwg.org/#ts-transfer. The streams side (the
// cross-realm transform) is in package streams.
//
// Ports never leave their isolate, so a transferred stream serves
// structuredClone and MessagePort.postMessage within one isolate, as it
// would within one browser agent.

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/webapi/streams"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

func init() {
	// ReadableStream: 5-8. pipe value into a cross-realm writable on port1;
	// receiving: SetUpCrossRealmTransformReadable(value, port).
	registerStream("ReadableStream", (*streams.ReadableStream).Locked, (*streams.ReadableStream).PipeToPort, streams.ReadableFromPort)
	// WritableStream: 5-8. pipe a cross-realm readable on port1 into value;
	// receiving: SetUpCrossRealmTransformWritable(value, port).
	registerStream("WritableStream", (*streams.WritableStream).Locked, (*streams.WritableStream).PipeFromPort, streams.WritableToPort)
	structuredclone.Register(&structuredclone.Platform{
		Name:  "TransformStream",
		Match: func(slot any) bool { _, ok := slot.(*streams.TransformStream); return ok },
		// 3. If ! IsReadableStreamLocked(readable) is true, throw a "DataCloneError" DOMException.
		// 4. If ! IsWritableStreamLocked(writable) is true, throw a "DataCloneError" DOMException.
		Untransferable: func(slot any) string {
			if r, w := slot.(*streams.TransformStream).Streams(); r.Locked() || w.Locked() {
				return "A TransformStream could not be cloned because it was locked."
			}
			return ""
		},
		Transfer: func(iso *runtime.Isolate, _ *goja.Object, slot any) any {
			r, w := slot.(*streams.TransformStream).Streams()
			// 5. Set dataHolder.[[readable]] to ! StructuredSerializeWithTransfer(readable, « readable »).
			// 6. Set dataHolder.[[writable]] to ! StructuredSerializeWithTransfer(writable, « writable »).
			return [2]*structuredclone.Serialized{serializeTransferring(iso, r.Object()), serializeTransferring(iso, w.Object())}
		},
		Receive: func(iso *runtime.Isolate, data any) *goja.Object {
			held := data.([2]*structuredclone.Serialized)
			// 1-4. Deserialize both; set value.[[readable]] and value.[[writable]].
			readable, _ := structuredclone.Deserialize(iso, held[0])
			writable, _ := structuredclone.Deserialize(iso, held[1])
			return streams.TransformStreamOf(iso, readable, writable)
		},
	})
}

// registerStream registers ReadableStream's or WritableStream's transfer
// steps, which are the same but for the stream they set up on each side.
func registerStream[S any](name string, locked func(S) bool, pipe func(S, streams.Port), receive func(*runtime.Isolate, streams.Port) *goja.Object) {
	structuredclone.Register(&structuredclone.Platform{
		Name:  name,
		Match: func(slot any) bool { _, ok := slot.(S); return ok },
		// 1. If ! Is{Readable,Writable}StreamLocked(value) is true, throw a "DataCloneError" DOMException.
		Untransferable: func(slot any) string {
			if locked(slot.(S)) {
				return "A " + name + " could not be cloned because it was locked."
			}
			return ""
		},
		Transfer: func(iso *runtime.Isolate, _ *goja.Object, slot any) any {
			// 2-4. Let port1 and port2 be new, entangled MessagePorts.
			port1, port2 := newEntangledPorts(iso)
			// 5-8. Pipe through port1.
			pipe(slot.(S), port1)
			// 9. Set dataHolder.[[port]] to ! StructuredSerializeWithTransfer(port2, « port2 »).
			return serializeTransferring(iso, port2.obj)
		},
		Receive: func(iso *runtime.Isolate, data any) *goja.Object {
			// 1-3. Deserialize dataHolder.[[port]]; set up the cross-realm transform on it.
			return receive(iso, receivePort(iso, data))
		},
	})
}

// serializeTransferring is StructuredSerializeWithTransfer(v, « v »).
func serializeTransferring(iso *runtime.Isolate, v *goja.Object) *structuredclone.Serialized {
	return structuredclone.Serialize(iso, "", v, []goja.Value{v})
}

// receivePort deserializes a data holder's [[port]].
func receivePort(iso *runtime.Isolate, data any) *MessagePort {
	v, _ := structuredclone.Deserialize(iso, data.(*structuredclone.Serialized))
	port, ok := jsclass.Unwrap[*MessagePort](iso, v)
	if !ok {
		panic("messaging: a transferred stream's data holder is not a MessagePort")
	}
	return port
}
