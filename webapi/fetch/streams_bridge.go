package fetch

import (
	"io"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/runtime/jsclass"
)

// The bridge to webapi/streams. Until that package lands, bodies work only
// while they stay bytes or Go readers: every operation that needs a JS
// ReadableStream throws a TypeError saying so.

const readChunkSize = 64 << 10

func errStreamsUnavailable(iso *runtime.Isolate) {
	jsclass.Throw(iso.VM(), "TypeError", "ReadableStream bodies are not supported yet (webapi/streams is not installed)")
}

func newStreamFromReader(iso *runtime.Isolate, r io.ReadCloser) *goja.Object {
	_ = r.Close()
	errStreamsUnavailable(iso)
	return nil
}

func newStreamFromBytes(iso *runtime.Isolate, b []byte) *goja.Object {
	errStreamsUnavailable(iso)
	return nil
}

func isReadableStream(iso *runtime.Isolate, v goja.Value) bool { return false }

func streamLocked(iso *runtime.Isolate, s *goja.Object) bool { return false }

func streamDisturbed(iso *runtime.Isolate, s *goja.Object) bool { return false }

func streamReadAll(iso *runtime.Isolate, s *goja.Object, done func(b []byte, err goja.Value)) {
	errStreamsUnavailable(iso)
}

func streamConsume(iso *runtime.Isolate, s *goja.Object, onChunk func(b []byte) error, done func(err goja.Value)) {
	errStreamsUnavailable(iso)
}

func streamTee(iso *runtime.Isolate, s *goja.Object) (a, b *goja.Object) {
	errStreamsUnavailable(iso)
	return nil, nil
}

// streamError errors a readable stream with reason (fetch aborted mid-body).
func streamError(iso *runtime.Isolate, s *goja.Object, reason goja.Value) {}
