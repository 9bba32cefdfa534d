// Package streams implements the WHATWG Streams Standard
// (https://streams.spec.whatwg.org/) for edgerun's isolates: ReadableStream
// (default and byte streams, default and BYOB readers, tee, pipeTo and
// pipeThrough with AbortSignal, ReadableStream.from, async iteration),
// WritableStream, TransformStream, ByteLengthQueuingStrategy and
// CountQueuingStrategy; TextEncoderStream and TextDecoderStream
// (https://encoding.spec.whatwg.org/#interface-textencoderstream, over
// webapi/encoding); and CompressionStream and DecompressionStream
// (https://compression.spec.whatwg.org/: gzip, deflate, deflate-raw and
// brotli).
//
// # Design
//
// The algorithms are written in Go, one abstract operation per function,
// with the spec's steps quoted as comments. Underlying sources, sinks and
// transformers become the spec's "algorithms", Go closures, so a stream
// created from JS (new ReadableStream({pull})) and one created by the host
// (NewReadableFromReader) run through the same controller code. Chunks and
// reasons stay goja values; promises are real goja promises, and the
// spec's "upon fulfillment" reactions are attached with the original
// %Promise.prototype.then%, captured when the package is first used in an
// isolate, so user code that patches Promise.prototype.then cannot observe
// or break piping, teeing or the Go bridge.
//
// Two goja details shape the code. goja runs promise jobs with an empty
// call stack, and Go code that calls back into goja from there drains the
// whole job queue on the spot; every Go reaction step therefore runs behind
// a small JS trampoline (realm.handler), and host entry points use
// realm.enter, so microtasks run when the spec says they do. And goja has no
// Symbol.asyncIterator: Install defines it as Symbol.for("Symbol.asyncIterator"),
// the symbol esbuild's lowered for-await loops look up.
//
// # Go bridge
//
// Other packages (fetch, the HTTP server) exchange bodies with JS through
// NewReadableFromReader, NewReadableFromBytes, ReadAll, Consume, Tee and
// the predicates IsReadableStream, Locked and Disturbed. Bytes cross without
// copying: a Go slice becomes the backing store of a Uint8Array, and the
// bytes of a byte stream's chunks (whose buffers were transferred, so no
// script can reach them) are handed to Go in place. Blocking reads run on
// their own goroutine and complete through runtime.Op, one read at a time,
// so a body is never buffered whole.
//
// # Not supported
//
// Transferring streams with postMessage/structuredClone ([Transferable]),
// and the "owning" stream type proposal. ArrayBuffer.prototype.transfer,
// SharedArrayBuffer and Float16Array are goja gaps that some conformance
// tests rely on.
//
// Everything here runs on the isolate's goroutine; see package runtime.
package streams
