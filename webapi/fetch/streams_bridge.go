package fetch

import (
	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/streams"
)

// The bridge to webapi/streams: one place that names the functions bodies
// use, so the body code reads in the standard's terms.

const readChunkSize = streams.DefaultChunkSize

func newStreamFromBytes(iso *runtime.Isolate, b []byte) *goja.Object {
	return streams.NewReadableFromBytes(iso, b)
}

func isReadableStream(iso *runtime.Isolate, v goja.Value) bool {
	return streams.IsReadableStream(iso, v)
}

func streamLocked(iso *runtime.Isolate, s *goja.Object) bool { return streams.Locked(iso, s) }

func streamDisturbed(iso *runtime.Isolate, s *goja.Object) bool { return streams.Disturbed(iso, s) }

func streamReadAll(iso *runtime.Isolate, s *goja.Object, done func(b []byte, err goja.Value)) {
	streams.ReadAll(iso, s, done)
}

func streamConsume(iso *runtime.Isolate, s *goja.Object, onChunk func(b []byte) error, done func(err goja.Value)) {
	streams.Consume(iso, s, onChunk, done)
}

func streamTee(iso *runtime.Isolate, s *goja.Object) (a, b *goja.Object) {
	return streams.Tee(iso, s)
}
