package fetch

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// sharedBodyTests: BodyInit's BufferSource lacks [AllowShared].
var sharedBodyTests = []jstest.Case{
	{"shared buffer body", `try { new Response(new SharedArrayBuffer(2)) } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: Failed to construct 'Response': The provided ArrayBuffer value must not be shared."},
	{"shared view body", `try { new Request("https://a.test/", {method: "POST", body: new DataView(new SharedArrayBuffer(2))}) } catch (e) { return e.name + ": " + e.message }`,
		"TypeError: Failed to construct 'Request': The provided ArrayBufferView value must not be shared."},
	{"detached view body", `const b = new ArrayBuffer(1 << 20); const v = new Uint8Array(b, 1 << 19); b.transfer(); return (await new Response(v).arrayBuffer()).byteLength`, "0"},
}

func TestSharedBodies(t *testing.T) {
	jstest.RunIn(t, newIsolate(t, Options{}), sharedBodyTests, jstest.Eval)
}
