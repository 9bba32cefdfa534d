package messaging

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

// Host ports: entangled MessagePorts that a host algorithm drives from Go,
// as the Streams Standard's transferable streams do ("add a handler for
// port's message event"). Such ports never reach scripts, so their
// messages go straight to Go callbacks instead of through events.

// Post runs the message port post message steps for message with an empty
// transfer list. thrown is what serializing message threw (a
// DataCloneError), nil when it was posted or there was no entangled port.
func (p *MessagePort) Post(iso *runtime.Isolate, message goja.Value) (thrown goja.Value) {
	// 1. Let targetPort be the port with which sourcePort is entangled, if any.
	var target *end
	if p.end != nil {
		target = p.end.entangled
	}
	// 5. Let serializeWithTransferResult be ? StructuredSerializeWithTransfer(message, transfer).
	var ser *structuredclone.Serialized
	if ex := iso.VM().Try(func() { ser = structuredclone.Serialize(iso, "", message, nil) }); ex != nil {
		return ex.Value()
	}
	// 6. If targetPort is null, then return.
	if target == nil {
		return nil
	}
	// 7. Add a task to the port message queue of targetPort.
	target.enqueue(ser)
	return nil
}

// Handle sends p's messages to onMessage and its message errors (data that
// could not be deserialized) to onError, then enables p's port message
// queue.
func (p *MessagePort) Handle(onMessage func(data goja.Value), onError func()) {
	p.onMessage, p.onMessageError = onMessage, onError
	p.end.enable()
}

// Disentangle disentangles p, if it is entangled.
func (p *MessagePort) Disentangle() { p.end.disentangle() }
