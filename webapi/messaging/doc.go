// Package messaging implements HTML's channel messaging inside one isolate
// (https://html.spec.whatwg.org/multipage/web-messaging.html#channel-messaging):
// MessageChannel, MessagePort and MessageEvent, and BroadcastChannel. Messages are structured
// clones (webapi/structuredclone) taken when postMessage is called and
// delivered as tasks on the receiving port's isolate once its port message
// queue is enabled (start(), or setting onmessage). MessagePorts are
// transferable.
//
// Ports are entangled within one isolate only, and a BroadcastChannel
// reaches the channels of its name in the same isolate: posting to another
// isolate is not supported.
package messaging
