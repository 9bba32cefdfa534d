package file

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// sharedTests: BlobPart's BufferSource lacks [AllowShared].
var sharedTests = []jstest.Case{
	{"shared buffer part", `new Blob([new SharedArrayBuffer(2)])`, "TypeError: Failed to construct 'Blob': The provided ArrayBuffer value must not be shared."},
	{"shared view part", `new Blob([new Uint8Array(new SharedArrayBuffer(2))])`, "TypeError: Failed to construct 'Blob': The provided ArrayBufferView value must not be shared."},
	{"detached view part", `const b = new ArrayBuffer(1 << 20); const v = new Uint8Array(b, 1 << 19); b.transfer(); return new Blob([v, "x"]).size`, "1"},
}

func TestShared(t *testing.T) {
	jstest.RunIn(t, newIsolate(t), sharedTests, jstest.CallAsync)
}
