// Package structuredclone implements HTML's structured serialization
// (https://html.spec.whatwg.org/multipage/structured-data.html): the
// structuredClone(value, {transfer}) global, and the Serialize/Deserialize
// Go API that postMessage-style APIs (webapi/messaging) build on.
//
// A serialization is a graph of Go records that holds no object of the
// source realm (primitives are goja's runtime-independent values; bytes are
// copied, or moved when transferred), so it can be deserialized later, in
// another task or another isolate. Platform objects take part through
// Register: DOMException is registered here, other packages register their
// serializable (Blob, File) or transferable (MessagePort) interfaces.
package structuredclone
