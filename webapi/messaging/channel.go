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
		// 1. Set this's port 1 to a new MessagePort in this's relevant realm.
		// 2. Set this's port 2 to a new MessagePort in this's relevant realm.
		a, b := &end{iso: iso}, &end{iso: iso}
		// 3. Entangle this's port 1 and this's port 2.
		entangle(a, b)
		return &MessageChannel{port1: newPort(iso, a), port2: newPort(iso, b)}
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
