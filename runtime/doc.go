// Package runtime hosts JavaScript for edgerun: isolates, their event loops,
// the isolate pool, CPU deadlines and the lazily installed global object.
//
// It knows nothing about any particular Web API. Packages under webapi/
// install their classes into an [Isolate] through its Setup hook, using the
// class builder in runtime/jsclass and the conversions in runtime/webidl.
//
// # Ownership
//
// An [Isolate] is one goroutine that owns one *goja.Runtime (goja runtimes
// are not goroutine-safe). Every access to the runtime, and to any goja.Value
// that belongs to it, happens on that goroutine: from the Setup hook, from a
// task passed to [Isolate.Run], from a timer, or from the completion of an
// [Op]. Other goroutines talk to an isolate only by submitting tasks.
//
// # Invocations and CPU deadlines
//
// Work done on behalf of one HTTP request is an [Invocation]. Every task,
// timer and host-operation completion remembers the invocation that was
// current when it was created, and the time the isolate spends running it is
// charged to that invocation. When an invocation exceeds its CPU budget the
// isolate is interrupted (goja's Interrupt), every invocation still live on
// it fails with [ErrCPUDeadline] or [ErrIsolateReplaced], and the isolate is
// discarded: goja drops its pending promise jobs when an interrupt unwinds
// the stack, so an interrupted isolate is never reused.
package runtime
