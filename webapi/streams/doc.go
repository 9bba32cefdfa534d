// Package streams implements the WHATWG Streams Standard
// (https://streams.spec.whatwg.org/) for edgerun's isolates: ReadableStream
// (default and byte streams, default and BYOB readers), WritableStream,
// TransformStream, the queuing strategies, TextEncoderStream /
// TextDecoderStream (https://encoding.spec.whatwg.org/#interface-mixin-generictransformstream)
// and CompressionStream / DecompressionStream
// (https://compression.spec.whatwg.org/).
//
// # Design
//
// The algorithms are written in Go, one abstract operation per function,
// with the spec's steps quoted as comments. Underlying sources, sinks and
// transformers are the spec's "algorithms": Go closures, so that a stream
// created from JS (new ReadableStream({pull})) and one created by the host
// (NewReadableFromReader) run through the same controller code. JS values
// (chunks, reasons) stay goja values; promises are real goja promises and
// "upon fulfillment" reactions are attached with the original
// %Promise.prototype.then%, captured when the package is first used in an
// isolate, so user code that patches Promise.prototype.then cannot observe
// or break piping, teeing or the Go bridge.
//
// # Go bridge
//
// Other packages (fetch, the HTTP server) exchange bodies with JS through
// NewReadableFromReader, NewReadableFromBytes, ReadAll, Consume and Tee.
// Bytes cross without copying: a Go slice becomes the backing store of a
// Uint8Array, and a Uint8Array chunk's bytes are handed to Go in place.
// Blocking reads run on their own goroutine and complete through
// runtime.Op, one read at a time, so a body is never buffered whole.
//
// Everything here runs on the isolate's goroutine; see package runtime.
package streams
