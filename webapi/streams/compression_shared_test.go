package streams

import "testing"

// sharedChunkTests: compression streams take a BufferSource, which lacks
// [AllowShared]; TextDecoderStream takes an AllowSharedBufferSource.
var sharedChunkTests = []struct{ name, src, want string }{
	{"CompressionStream rejects a shared view", `
		const cs = new CompressionStream("gzip"); const w = cs.writable.getWriter();
		w.write(new Uint8Array(new SharedArrayBuffer(4))).catch(() => {});
		return await cs.readable.getReader().read().catch(e => e.name + ": " + e.message);`,
		"TypeError: Failed to execute 'write' on 'CompressionStream': The provided ArrayBufferView value must not be shared."},
	{"DecompressionStream rejects a shared buffer", `
		const ds = new DecompressionStream("gzip"); const w = ds.writable.getWriter();
		w.write(new SharedArrayBuffer(4)).catch(() => {});
		return await ds.readable.getReader().read().catch(e => e.name + ": " + e.message);`,
		"TypeError: Failed to execute 'write' on 'DecompressionStream': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'."},
	{"TextDecoderStream accepts a shared view", `
		const s = new SharedArrayBuffer(3); new Uint8Array(s).set([104, 105, 33]);
		const ts = new TextDecoderStream(); const w = ts.writable.getWriter();
		w.write(new DataView(s, 1)); w.close();
		const r = ts.readable.getReader(); let out = "";
		for (;;) { const x = await r.read(); if (x.done) break; out += x.value; }
		return out;`, "i!"},
}

func TestSharedChunks(t *testing.T) {
	iso := newFullIsolate(t)
	for _, tt := range sharedChunkTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runAsync(t, iso, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
