package streams

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/events"
)

// standardTests cover WritableStream, TransformStream, piping, the queuing
// strategies and the encoding and compression streams: src is the body of
// an async function whose result (or "throws Name: message") must equal want.
var standardTests = []struct {
	name, src, want string
}{
	{"writable write and close", `
		const log = [];
		const ws = new WritableStream({ write(c) { log.push(c) }, close() { log.push("closed") } });
		const w = ws.getWriter(); await w.write("a"); await w.write("b"); await w.close();
		return log.join();`, "a,b,closed"},
	{"writable backpressure", `
		let release;
		const ws = new WritableStream({ write() { return new Promise(r => release = r) } }, { highWaterMark: 2 });
		const w = ws.getWriter(); await w.ready;
		const sizes = [w.desiredSize]; w.write(1); sizes.push(w.desiredSize); w.write(2); sizes.push(w.desiredSize); w.write(3); sizes.push(w.desiredSize);
		let ready = false; w.ready.then(() => ready = true);
		await null; await null; const before = ready;
		release(); await new Promise(r => setTimeoutLike(r));
		return sizes.join() + ":" + before;`, "2,1,0,-1:false"},
	{"writable abort signal", `
		let signal;
		const ws = new WritableStream({ start(c) { signal = c.signal } });
		await ws.abort("why");
		return signal.aborted + ":" + signal.reason;`, "true:why"},
	{"writable sink error", `
		const ws = new WritableStream({ write() { throw new RangeError("full") } });
		const w = ws.getWriter();
		try { await w.write(1) } catch (e) { return e.name + ":" + (await w.closed.catch(e => e.message)) }`, "RangeError:full"},
	{"writer release rejects ready", `
		const w = new WritableStream().getWriter(); w.releaseLock();
		return await w.ready.catch(e => e.name);`, "TypeError"},
	{"transform uppercase", `
		const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()) }, flush(ctl) { ctl.enqueue("!") } });
		const w = ts.writable.getWriter(); w.write("a"); w.write("b"); w.close();
		const r = ts.readable.getReader(); let out = "";
		for (;;) { const x = await r.read(); if (x.done) break; out += x.value; }
		return out;`, "AB!"},
	{"transform terminate", `
		const ts = new TransformStream({ start(c) { c.terminate() } });
		const closed = await ts.readable.getReader().read();
		const err = await ts.writable.getWriter().closed.catch(e => e.name);
		return closed.done + ":" + err;`, "true:TypeError"},
	{"transform cancel reaches transformer", `
		let reason;
		const ts = new TransformStream({ cancel(r) { reason = r } });
		await ts.readable.cancel("stop");
		return reason + ":" + (await ts.writable.getWriter().closed.catch(e => e));`, "stop:stop"},
	{"pipeTo", `
		const out = [];
		const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close() } });
		await rs.pipeTo(new WritableStream({ write(c) { out.push(c) } }));
		return out.join() + ":" + rs.locked;`, "1,2:false"},
	{"pipeTo error forward aborts dest", `
		let abortReason;
		const rs = new ReadableStream({ start(c) { c.error("bad") } });
		const e = await rs.pipeTo(new WritableStream({ abort(r) { abortReason = r } })).catch(e => e);
		return e + ":" + abortReason;`, "bad:bad"},
	{"pipeTo error backward cancels source", `
		let cancelReason;
		const rs = new ReadableStream({ cancel(r) { cancelReason = r } });
		const ws = new WritableStream({ start(c) { c.error("sink broke") } });
		const e = await rs.pipeTo(ws).catch(e => e);
		return e + ":" + cancelReason;`, "sink broke:sink broke"},
	{"pipeTo preventClose", `
		const ws = new WritableStream();
		await new ReadableStream({ start(c) { c.close() } }).pipeTo(ws, { preventClose: true });
		const w = ws.getWriter(); await w.write(1); await w.close();
		return "ok";`, "ok"},
	{"pipeTo abort signal", `
		const ac = new AbortController();
		let canceled, aborted;
		const rs = new ReadableStream({ cancel(r) { canceled = r.name } });
		const ws = new WritableStream({ abort(r) { aborted = r.name } });
		const p = rs.pipeTo(ws, { signal: ac.signal });
		ac.abort();
		const e = await p.catch(e => e.name);
		return e + ":" + canceled + ":" + aborted;`, "AbortError:AbortError:AbortError"},
	{"pipeTo already aborted signal with preventAbort", `
		const ac = new AbortController(); ac.abort("now");
		let aborted = false;
		const ws = new WritableStream({ abort() { aborted = true } });
		const e = await new ReadableStream().pipeTo(ws, { signal: ac.signal, preventAbort: true }).catch(e => e);
		return e + ":" + aborted + ":" + ws.locked;`, "now:false:false"},
	{"pipeTo bad signal", `
		return await new ReadableStream().pipeTo(new WritableStream(), { signal: {} }).catch(e => e.name);`, "TypeError"},
	{"pipeThrough", `
		const rs = new ReadableStream({ start(c) { c.enqueue("x"); c.close() } });
		const out = rs.pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c + c) } }));
		return (await out.getReader().read()).value + ":" + rs.locked;`, "xx:true"},
	{"pipeThrough locked", `
		const rs = new ReadableStream(); rs.getReader();
		try { rs.pipeThrough(new TransformStream()) } catch (e) { return e.name }`, "TypeError"},
	{"ReadableStream.from array", `
		const r = ReadableStream.from([1, Promise.resolve(2), 3]).getReader(); const out = [];
		for (;;) { const x = await r.read(); if (x.done) break; out.push(x.value); }
		return out.join();`, "1,2,3"},
	{"ReadableStream.from not iterable", `try { ReadableStream.from(5) } catch (e) { return e.name }`, "TypeError"},
	{"ByteLengthQueuingStrategy", `
		const s = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
		return [s.highWaterMark, s.size(new Uint8Array(5)), s.size.name, s.size.length, s.size === new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size].join();`,
		"16,5,size,1,true"},
	{"CountQueuingStrategy", `
		const s = new CountQueuingStrategy({ highWaterMark: 4 });
		return [s.highWaterMark, s.size("anything"), s.size.length, Object.prototype.toString.call(s)].join();`, "4,1,0,[object CountQueuingStrategy]"},
	{"strategy needs highWaterMark", `try { new CountQueuingStrategy({}) } catch (e) { return e.name }`, "TypeError"},
	{"TextEncoderStream", `
		const ts = new TextEncoderStream(); const w = ts.writable.getWriter();
		w.write("h\uD83D"); w.write("\uDE00!"); w.close();
		const r = ts.readable.getReader(); const bytes = [];
		for (;;) { const x = await r.read(); if (x.done) break; bytes.push(...x.value); }
		return ts.encoding + ":" + bytes.join();`, "utf-8:104,240,159,152,128,33"},
	{"TextDecoderStream split character", `
		const ts = new TextDecoderStream(); const w = ts.writable.getWriter();
		w.write(new Uint8Array([0xE2, 0x82])); w.write(new Uint8Array([0xAC, 0x41])); w.close();
		const r = ts.readable.getReader(); let s = "";
		for (;;) { const x = await r.read(); if (x.done) break; s += x.value; }
		return s;`, "€A"},
	{"TextDecoderStream fatal", `
		const ts = new TextDecoderStream("utf-8", { fatal: true });
		const w = ts.writable.getWriter(); w.write(new Uint8Array([0xFF])).catch(() => {});
		return await ts.readable.getReader().read().catch(e => e.name);`, "TypeError"},
	{"TextDecoderStream bad label", `try { new TextDecoderStream("nope") } catch (e) { return e.name }`, "RangeError"},
	{"TextDecoderStream attributes", `
		const ts = new TextDecoderStream("latin1", { ignoreBOM: true });
		return [ts.encoding, ts.fatal, ts.ignoreBOM].join();`, "windows-1252,false,true"},
	{"CompressionStream bad format", `try { new CompressionStream("zip") } catch (e) { return e.name }`, "TypeError"},
	{"compression round trip", `
		const input = new TextEncoder().encode("hello ".repeat(1000));
		const out = {};
		for (const f of ["gzip", "deflate", "deflate-raw", "brotli"]) {
			const rs = new ReadableStream({ start(c) { c.enqueue(input); c.close() } })
				.pipeThrough(new CompressionStream(f)).pipeThrough(new DecompressionStream(f));
			const r = rs.getReader(); let n = 0;
			for (;;) { const x = await r.read(); if (x.done) break; n += x.value.length; }
			out[f] = n;
		}
		return JSON.stringify(out);`, `{"gzip":6000,"deflate":6000,"deflate-raw":6000,"brotli":6000}`},
	{"decompression junk", `
		const ds = new DecompressionStream("deflate-raw"); const w = ds.writable.getWriter();
		w.write(new Uint8Array([1, 0, 0, 255, 255, 9])).catch(() => {});
		return await ds.readable.getReader().read().catch(e => e.name + ": " + e.message);`, "TypeError: Junk found after end of compressed data."},
	{"decompression truncated", `
		const ds = new DecompressionStream("gzip"); const w = ds.writable.getWriter();
		w.write(new Uint8Array([31, 139, 8, 0])).catch(() => {}); w.close().catch(() => {});
		return await ds.readable.getReader().read().catch(e => e.name + ": " + e.message);`, "TypeError: Compressed input was truncated."},
	{"decompression bad chunk", `
		const ds = new DecompressionStream("gzip"); const w = ds.writable.getWriter();
		w.write("text").catch(() => {});
		return await ds.readable.getReader().read().catch(e => e.name);`, "TypeError"},
}

func newFullIsolate(t testing.TB) *runtime.Isolate {
	t.Helper()
	iso, err := runtime.New(runtime.Options{Setup: func(iso *runtime.Isolate) error {
		events.Install(iso)
		Install(iso)
		// TextEncoder for the tests, and a macrotask hop.
		_, err := iso.VM().RunString(`
			globalThis.TextEncoder = class { encode(s) { return new Uint8Array([...unescape(encodeURIComponent(s))].map(c => c.charCodeAt(0))) } };
			globalThis.setTimeoutLike = (f) => Promise.resolve().then(() => Promise.resolve()).then(() => Promise.resolve()).then(f);`)
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(iso.Close)
	return iso
}

func TestStandard(t *testing.T) {
	iso := newFullIsolate(t)
	for _, tt := range standardTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runAsync(t, iso, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCompressionMatchesGo checks CompressionStream output against Go's
// decompressors, and DecompressionStream against Go's compressors, in both
// directions, with the input split into odd-sized chunks.
func TestCompressionMatchesGo(t *testing.T) {
	iso := newFullIsolate(t)
	input := []byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 5000))
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(input)
	w.Close()

	type result struct {
		b   []byte
		err goja.Value
	}
	run := func(transform string, data []byte) []byte {
		out := make(chan result, 1)
		_ = iso.Do(func() error {
			vm := iso.VM()
			// Split into 1000-byte chunks to exercise the streaming paths.
			var chunks []any
			for i := 0; i < len(data); i += 1000 {
				chunks = append(chunks, vm.ToValue(vm.NewArrayBuffer(append([]byte(nil), data[i:min(i+1000, len(data))]...))))
			}
			_ = vm.Set("chunks", chunks)
			v, err := vm.RunString(`ReadableStream.from(chunks.map(b => new Uint8Array(b))).pipeThrough(` + transform + `)`)
			if err != nil {
				return err
			}
			ReadAll(iso, v.(*goja.Object), func(b []byte, err goja.Value) { out <- result{b, err} })
			return nil
		})
		select {
		case r := <-out:
			if r.err != nil {
				t.Fatalf("%s: %v", transform, r.err)
			}
			return r.b
		case <-time.After(10 * time.Second):
			t.Fatalf("%s never finished", transform)
			return nil
		}
	}
	// JS compresses, Go decompresses.
	compressed := run(`new CompressionStream("gzip")`, input)
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(got, input) {
		t.Fatalf("Go could not decompress CompressionStream output: %v (%d bytes)", err, len(got))
	}
	if len(compressed) >= len(input)/10 {
		t.Fatalf("compressed %d bytes into %d", len(input), len(compressed))
	}
	// Go compresses, JS decompresses.
	if got := run(`new DecompressionStream("gzip")`, gz.Bytes()); !bytes.Equal(got, input) {
		t.Fatalf("DecompressionStream of Go gzip gave %d bytes, want %d", len(got), len(input))
	}
}
