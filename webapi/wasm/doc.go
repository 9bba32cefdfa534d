// Package wasm implements the WebAssembly JavaScript Interface
// (https://webassembly.github.io/spec/js-api/) and the streaming functions
// of the WebAssembly Web API (https://webassembly.github.io/spec/web-api/)
// on github.com/tetratelabs/wazero, a pure-Go WebAssembly runtime: the
// WebAssembly namespace with Module, Instance, Memory, Table, Global,
// CompileError, LinkError, RuntimeError, validate, compile, instantiate,
// compileStreaming and instantiateStreaming.
//
// Each isolate has its own wazero runtime; machine code is shared between
// isolates through one compilation cache. Calls into wasm run on the
// isolate's goroutine with a context the isolate's CPU deadline cancels
// (runtime.Isolate.InterruptContext), so a runaway wasm loop is stopped as
// a JS one is. Memory buffers alias wasm memory; a shared memory's buffer
// is a SharedArrayBuffer (runtime.NewSharedArrayBuffer).
//
// Options.AllowCodeGeneration decides whether scripts may compile bytes
// (new WebAssembly.Module(bytes), WebAssembly.compile, WebAssembly.instantiate
// of bytes). Production edge runtimes forbid it and throw V8's
// "Wasm code generation disallowed by embedder" CompileError; modules the
// host compiled (NewModule, for a bundler's `import m from './x.wasm?module'`)
// are always allowed.
//
// Not supported (each throws a TypeError saying so): exception handling
// (Tag, Exception, modules using it do not compile), 64-bit memories,
// resizable buffers (Memory.prototype.toResizableBuffer), funcref values
// crossing into JS other than through tables, exports and imports, non-null
// reference constants for immutable globals, and importing JS functions with
// funcref or v128 parameters. Memories are capped at 1 GiB (16384 pages).
// externref handles given to wasm live as long as the isolate.
package wasm
