package messaging

// https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// MessageChannel is the Go value behind a MessageChannel instance.
type MessageChannel struct {
	jsclass.Shell
	port1, port2 *MessagePort
}

// MessageChannelClass is the MessageChannel interface.
var MessageChannelClass = &jsclass.Class{
	Name: "MessageChannel",
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		// 1-3. Set this's port 1 and port 2 to new MessagePorts in this's
		//      relevant realm; entangle them.
		port1, port2 := newEntangledPorts(iso)
		return &MessageChannel{port1: port1, port2: port2}
	},
	Members: []jsclass.Member{
		jsclass.Getter("port1", func(c *MessageChannel, iso *runtime.Isolate) goja.Value { return c.port1.obj }),
		jsclass.Getter("port2", func(c *MessageChannel, iso *runtime.Isolate) goja.Value { return c.port2.obj }),
	},
}

// Classes lists the interfaces Install exposes.
var Classes = []*jsclass.Class{MessageChannelClass, MessagePortClass, MessageEventClass, BroadcastChannelClass}

// Install exposes MessageChannel, MessagePort, MessageEvent and
// BroadcastChannel as lazy globals.
func Install(iso *runtime.Isolate) { jsclass.Install(iso, Classes...) }

// newEntangledPorts returns two new MessagePorts in iso, entangled.
func newEntangledPorts(iso *runtime.Isolate) (*MessagePort, *MessagePort) {
	a, b := &end{iso: iso}, &end{iso: iso}
	entangle(a, b)
	return newPort(iso, a), newPort(iso, b)
}
