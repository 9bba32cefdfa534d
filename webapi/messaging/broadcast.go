package messaging

// https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
	"github.com/edgerun/edgerun/runtime/webidl"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/structuredclone"
)

// BroadcastChannel is the Go value behind a BroadcastChannel instance.
// Channels reach the other channels of the same name in the same isolate
// (an isolate is one origin here); they stay registered until closed.
type BroadcastChannel struct {
	events.EventTarget
	obj    *goja.Object
	name   string
	closed bool
}

type channelsKey struct{}

// channels lists the isolate's open BroadcastChannels in creation order.
type channels struct{ list []*BroadcastChannel }

func channelsOf(iso *runtime.Isolate) *channels {
	if c, ok := iso.Value(channelsKey{}).(*channels); ok {
		return c
	}
	c := &channels{}
	iso.SetValue(channelsKey{}, c)
	return c
}

// BroadcastChannelClass is the BroadcastChannel interface.
var BroadcastChannelClass = &jsclass.Class{
	Name:    "BroadcastChannel",
	Extends: events.EventTargetClass,
	Length:  1,
	Construct: func(iso *runtime.Isolate, call goja.ConstructorCall) any {
		vm := iso.VM()
		ctx := webidl.Construct("BroadcastChannel")
		ctx.RequireConstructArgs(vm, call, 1)
		// The new BroadcastChannel(name) constructor steps are: set this's
		// channel name to name.
		c := &BroadcastChannel{obj: call.This, name: ctx.DOMString(vm, call.Argument(0))}
		cs := channelsOf(iso)
		cs.list = append(cs.list, c)
		return c
	},
	Members: []jsclass.Member{
		jsclass.Getter("name", func(c *BroadcastChannel, iso *runtime.Isolate) goja.Value { return iso.VM().ToValue(c.name) }),
		jsclass.Method("postMessage", 1, (*BroadcastChannel).jsPostMessage),
		jsclass.Method("close", 0, func(c *BroadcastChannel, iso *runtime.Isolate, _ goja.FunctionCall) goja.Value {
			// The close() method steps are to set this's closed flag to true.
			c.closed = true
			cs := channelsOf(iso)
			for i, x := range cs.list {
				if x == c {
					cs.list = append(cs.list[:i:i], cs.list[i+1:]...)
					break
				}
			}
			return goja.Undefined()
		}),
		events.HandlerAttribute("onmessage", "message"),
		events.HandlerAttribute("onmessageerror", "messageerror"),
	},
}

// jsPostMessage is postMessage(message).
func (c *BroadcastChannel) jsPostMessage(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	vm := iso.VM()
	ctx := webidl.Method("BroadcastChannel", "postMessage")
	ctx.RequireArgs(vm, call, 1)
	// 2. If this's closed flag is true, then throw an "InvalidStateError" DOMException.
	if c.closed {
		events.ThrowDOMException(iso, string(ctx)+": Channel is closed", "InvalidStateError")
	}
	// 3. Let serialized be StructuredSerialize(message). Rethrow any exceptions.
	ser := structuredclone.Serialize(iso, ctx, call.Argument(0), nil)
	// 4. Let sourceOrigin be this's relevant settings object's origin: the
	// global's origin attribute here.
	origin := "null"
	if o := vm.GlobalObject().Get("origin"); o != nil && goja.IsString(o) {
		origin = o.String()
	}
	// 5-7. destinations: the other open channels with the same name, in
	// creation order.
	for _, dest := range channelsOf(iso).list {
		if dest == c || dest.closed || dest.name != c.name {
			continue
		}
		dest := dest
		// 8. For each destination, queue a global task on the DOM
		// manipulation task source.
		_ = iso.Run(iso.Current(), func() {
			// A channel closed since then gets nothing.
			if dest.closed {
				return
			}
			// 8.3. Let data be StructuredDeserialize(serialized, targetRealm).
			// If this throws, fire messageerror at destination.
			var data goja.Value
			if ex := vm.Try(func() { data, _ = structuredclone.Deserialize(iso, ser) }); ex != nil {
				events.Dispatch(iso, dest.obj, NewMessageEvent(iso, "messageerror", goja.Null(), nil))
				return
			}
			// 8.4. Fire an event named message at destination, using
			// MessageEvent, with data and the origin of sourceOrigin.
			ev := NewMessageEvent(iso, "message", data, nil)
			if e, ok := jsclass.Unwrap[*MessageEvent](iso, ev); ok {
				e.origin = origin
			}
			events.Dispatch(iso, dest.obj, ev)
		})
	}
	return goja.Undefined()
}
