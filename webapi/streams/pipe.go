package streams

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

func (s *ReadableStream) jsPipeTo(r *realm, call goja.FunctionCall) *goja.Object {
	return r.rejectedWith(r.newTypeError("Failed to execute 'pipeTo' on 'ReadableStream': piping is not supported yet"))
}

func (s *ReadableStream) jsPipeThrough(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	throw(s.r.newTypeError("Failed to execute 'pipeThrough' on 'ReadableStream': piping is not supported yet"))
	return nil
}

func readableStreamFrom(iso *runtime.Isolate, call goja.FunctionCall) goja.Value {
	r := realmOf(iso)
	throw(r.newTypeError("Failed to execute 'from' on 'ReadableStream': ReadableStream.from is not supported yet"))
	return nil
}
