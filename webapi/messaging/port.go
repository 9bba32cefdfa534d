package messaging

// https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

// end is one side of a channel: the port message queue and the
// entanglement. It outlives the MessagePort object that owns it when the
// port is transferred (the new object takes it over, queued messages
// included), which is how "the port message queue of finalTargetPort"
// works here.
type end struct {
	iso       *runtime.Isolate
	owner     *MessagePort
	entangled *end
	queue     []*structuredclone.Serialized
	enabled   bool
	scheduled int // delivery tasks queued on the event loop, not yet run
}

// MessagePort is the Go value behind a MessagePort instance.
type MessagePort struct {
	events.EventTarget
	obj      *goja.Object
	end      *end
	detached bool // [[Detached]]: transferred away or closed
	// onMessage and onMessageError replace the events of a host port
	// (host.go).
	onMessage      func(data goja.Value)
	onMessageError func()
}

func newPort(iso *runtime.Isolate, e *end) *MessagePort {
	p := &MessagePort{end: e}
	e.owner = p
	p.obj = jsclass.New(iso, MessagePortClass, p)
	return p
}

// entangle links two ends.
func entangle(a, b *end) {
	a.entangled, b.entangled = b, a
}

// disentangle is https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle.
func (e *end) disentangle() {
	if other := e.entangled; other != nil {
		other.entangled = nil
	}
	e.entangled = nil
}

// enqueue adds a message to the port message queue, scheduling its
// delivery if the queue is enabled.
func (e *end) enqueue(msg *structuredclone.Serialized) {
	e.queue = append(e.queue, msg)
	if e.enabled {
		e.schedule(1)
	}
}

// enable is the port message queue's "enable": every waiting message gets
// a delivery task.
func (e *end) enable() {
	if e.enabled {
		return
	}
	e.enabled = true
	e.schedule(len(e.queue) - e.scheduled)
}

func (e *end) schedule(n int) {
	for i := 0; i < n; i++ {
		e.scheduled++
		if err := e.iso.Run(e.iso.Current(), e.deliver); err != nil {
			e.scheduled--
		}
	}
}

// deliver runs one queued message task: deserialize into the owner's realm
// and fire "message" (or "messageerror" when deserialization fails).
func (e *end) deliver() {
	e.scheduled--
	if !e.enabled || len(e.queue) == 0 {
		return
	}
	msg := e.queue[0]
	e.queue[0] = nil
	e.queue = e.queue[1:]
	iso := e.iso
	target := e.owner.obj
	var data goja.Value
	var transferred []goja.Value
	// 1. Let finalTargetPort be the MessagePort in whose port message queue
	// the task now finds itself.
	// 3. Let deserializeRecord be StructuredDeserializeWithTransfer(serializeWithTransferResult, targetRealm).
	// If this throws an exception, catch it, fire an event named
	// messageerror at finalTargetPort, using MessageEvent, and then return.
	owner := e.owner
	if ex := iso.VM().Try(func() { data, transferred = structuredclone.Deserialize(iso, msg) }); ex != nil {
		if owner.onMessageError != nil {
			owner.onMessageError()
			return
		}
		events.Dispatch(iso, target, NewMessageEvent(iso, "messageerror", goja.Null(), nil))
		return
	}
	if owner.onMessage != nil {
		owner.onMessage(data)
		return
	}
	// 5. Let newPorts be a new frozen array consisting of all MessagePort
	// objects in deserializeRecord.[[TransferredValues]], if any.
	var ports []goja.Value
	for _, v := range transferred {
		if _, ok := jsclass.Unwrap[*MessagePort](iso, v); ok {
			ports = append(ports, v)
		}
	}
	// 6. Fire an event named message at finalTargetPort, using
	// MessageEvent, with the data attribute initialized to messageClone and
	// the ports attribute initialized to newPorts.
	events.Dispatch(iso, target, NewMessageEvent(iso, "message", data, ports))
}

// MessagePortClass is the MessagePort interface.
var MessagePortClass = &jsclass.Class{
	Name:    "MessagePort",
	Extends: events.EventTargetClass,
	Members: []jsclass.Member{
		jsclass.Method("postMessage", 1, (*MessagePort).jsPostMessage),
		jsclass.Method("start", 0, func(p *MessagePort, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// The start() method steps are to enable this's port message
			// queue, if it is not already enabled.
			p.end.enable()
			return goja.Undefined()
		}),
		jsclass.Method("close", 0, func(p *MessagePort, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// 1. Set this's [[Detached]] internal slot value to true.
			p.detached = true
			// 2. If this is entangled, disentangle it.
			p.end.disentangle()
			return goja.Undefined()
		}),
		jsclass.Accessor("onmessage",
			func(p *MessagePort, iso *runtime.Isolate) goja.Value { return p.Handler("message") },
			func(p *MessagePort, iso *runtime.Isolate, v goja.Value) {
				p.SetHandler(iso, "message", v)
				// The first time a MessagePort object's onmessage IDL
				// attribute is set, the port's port message queue must be enabled.
				p.end.enable()
			}),
		events.HandlerAttribute("onmessageerror", "messageerror"),
		events.HandlerAttribute("onclose", "close"),
	},
}

// jsPostMessage is postMessage(message, transfer) and
// postMessage(message, options).
func (p *MessagePort) jsPostMessage(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("MessagePort", "postMessage")
	ctx.RequireArgs(vm, call, 1)
	var transfer []goja.Value
	switch opt := call.Argument(1); {
	case webidl.IsNullish(opt):
	case isIterable(opt):
		transfer = objects(vm, ctx, ctx.Sequence(vm, opt))
	default:
		dict := ctx.Dictionary(vm, opt, "StructuredSerializeOptions")
		if t := webidl.Member(dict, "transfer"); t != nil {
			transfer = objects(vm, ctx, ctx.Sequence(vm, t))
		}
	}
	// message port post message steps:
	// 1. Let targetPort be the port with which sourcePort is entangled, if any; otherwise null.
	var target *end
	if p.end != nil {
		target = p.end.entangled
	}
	// 3. If transfer contains sourcePort, then throw a "DataCloneError" DOMException.
	doomed := false
	for i, t := range transfer {
		q, ok := jsclass.Unwrap[*MessagePort](iso, t)
		if !ok {
			continue
		}
		if q == p {
			events.ThrowDOMException(iso, string(ctx)+": Port at index "+itoa(i)+" contains the source port.", "DataCloneError")
		}
		// 4. Let doomed be false; if targetPort is not null and transfer
		// contains targetPort, then set doomed to true.
		if target != nil && q.end == target {
			doomed = true
		}
	}
	// 5. Let serializeWithTransferResult be ? StructuredSerializeWithTransfer(message, transfer).
	ser := structuredclone.Serialize(iso, ctx, call.Argument(0), transfer)
	// 6. If targetPort is null, or if doomed is true, then return.
	if target == nil || doomed {
		return goja.Undefined()
	}
	// 7. Add a task that runs the following steps to the port message
	// queue of targetPort.
	target.enqueue(ser)
	return goja.Undefined()
}

func isIterable(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	it := o.GetSymbol(goja.SymIterator)
	return it != nil && !goja.IsUndefined(it)
}

func objects(vm *goja.Runtime, ctx webidl.Context, vs []goja.Value) []goja.Value {
	for _, v := range vs {
		if _, ok := v.(*goja.Object); !ok {
			ctx.TypeError(vm, "The provided value is not of type 'object'.")
		}
	}
	return vs
}

// MessagePort is transferable
// (https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports):
// the transfer steps hand the channel end (entanglement and queued
// messages) to the data holder; receiving makes a new MessagePort own it,
// its queue disabled until started.
func init() {
	structuredclone.Register(&structuredclone.Platform{
		Name:     "MessagePort",
		Match:    func(slot any) bool { _, ok := slot.(*MessagePort); return ok },
		Detached: func(slot any) bool { return slot.(*MessagePort).detached },
		Transfer: func(iso *runtime.Isolate, obj *goja.Object, slot any) any {
			p := slot.(*MessagePort)
			e := p.end
			p.detached = true
			p.end = &end{iso: iso, owner: p}
			e.owner = nil
			e.enabled = false
			return e
		},
		Receive: func(iso *runtime.Isolate, data any) *goja.Object {
			e := data.(*end)
			e.iso = iso
			return newPort(iso, e).obj
		},
	})
}
