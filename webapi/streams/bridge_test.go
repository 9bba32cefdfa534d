package streams

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// trackingReader serves n bytes of a deterministic pattern and records how
// far it ran ahead of the consumer, and whether it was closed.
type trackingReader struct {
	remaining   int
	produced    atomic.Int64 // chunks returned by Read
	consumed    atomic.Int64 // chunks seen by the consumer
	maxAhead    atomic.Int64
	closed      chan struct{}
	closeOnce   sync.Once
	block       chan struct{} // if set, Read waits on it before the first byte
	failAfter   int           // if > 0, Read fails after that many chunks
	readCounter int
}

func newTrackingReader(n int) *trackingReader {
	return &trackingReader{remaining: n, closed: make(chan struct{})}
}

func (tr *trackingReader) Read(p []byte) (int, error) {
	if tr.block != nil {
		select {
		case <-tr.block:
		case <-tr.closed:
			return 0, errors.New("read on closed reader")
		}
	}
	if tr.failAfter > 0 && tr.readCounter >= tr.failAfter {
		return 0, errors.New("disk on fire")
	}
	if tr.remaining == 0 {
		return 0, io.EOF
	}
	n := min(len(p), tr.remaining)
	for i := range p[:n] {
		p[i] = byte((tr.remaining - i) * 7)
	}
	tr.remaining -= n
	tr.readCounter++
	ahead := tr.produced.Add(1) - tr.consumed.Load()
	for {
		m := tr.maxAhead.Load()
		if ahead <= m || tr.maxAhead.CompareAndSwap(m, ahead) {
			break
		}
	}
	return n, nil
}

func (tr *trackingReader) Close() error {
	tr.closeOnce.Do(func() { close(tr.closed) })
	return nil
}

func (tr *trackingReader) wasClosed(t *testing.T) {
	t.Helper()
	select {
	case <-tr.closed:
	case <-time.After(5 * time.Second):
		t.Fatal("the io.ReadCloser was never closed")
	}
}

func expectedPattern(n int) []byte {
	tr := newTrackingReader(n)
	b, _ := io.ReadAll(tr)
	return b
}

// TestConsumeStreamsWithoutBuffering pushes 10 MB through
// NewReadableFromReader → Consume and checks the reader never ran more than
// a couple of chunks ahead of the consumer.
func TestConsumeStreamsWithoutBuffering(t *testing.T) {
	iso := newIsolate(t)
	const size = 10 << 20
	const chunk = 16 << 10
	tr := newTrackingReader(size)
	done := make(chan goja.Value, 1)
	crc := crc32.NewIEEE()
	total := 0
	err := iso.Do(func() error {
		s := NewReadableFromReader(iso, tr, chunk)
		Consume(iso, s, func(b []byte) error {
			tr.consumed.Add(1)
			total += len(b)
			crc.Write(b)
			return nil
		}, func(err goja.Value) { done <- err })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case e := <-done:
		if e != nil {
			t.Fatalf("consume failed: %v", e)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("consume never finished")
	}
	if total != size {
		t.Fatalf("consumed %d bytes, want %d", total, size)
	}
	if crc.Sum32() != crc32.ChecksumIEEE(expectedPattern(size)) {
		t.Fatal("bytes differ from the source")
	}
	t.Logf("reader ran at most %d chunks ahead", tr.maxAhead.Load())
	if ahead := tr.maxAhead.Load(); ahead > 3 {
		t.Fatalf("reader ran %d chunks ahead of the consumer; the stream buffers", ahead)
	}
	tr.wasClosed(t)
}

// bridgeTests run JS against streams made by the Go bridge; setup receives
// the isolate and defines globals for the script.
var bridgeTests = []struct {
	name  string
	setup func(iso *runtime.Isolate, tr *trackingReader)
	size  int
	src   string
	want  string
}{
	{"reader stream read by JS", nil, 100000, `
		const r = body.getReader(); let n = 0, chunks = 0;
		for (;;) { const { value, done } = await r.read(); if (done) break; n += value.length; chunks++; }
		return n + ":" + chunks + ":" + (body instanceof ReadableStream);`, "100000:7:true"},
	{"reader stream byob", nil, 10, `
		const r = body.getReader({ mode: "byob" }); let n = 0;
		for (;;) { const { value, done } = await r.read(new Uint8Array(3)); if (done) break; n += value.length; }
		return n;`, "10"},
	{"cancel closes the reader", func(iso *runtime.Isolate, tr *trackingReader) { tr.block = make(chan struct{}) }, 10, `
		const r = body.getReader(); const p = r.read(); await r.cancel("stop");
		const x = await p; return x.done;`, "true"},
	{"read error errors the stream", func(iso *runtime.Isolate, tr *trackingReader) { tr.failAfter = 1 }, 100000, `
		const r = body.getReader(); await r.read();
		try { await r.read(); } catch (e) { return e.name + ": " + e.message; }`, "TypeError: streams: reading the body failed: disk on fire"},
	{"async iteration", nil, 40000, lowerForAwaitSrc(`
		let n = 0; for await (const c of body) n += c.byteLength; return n;`), "40000"},
}

// lowerForAwaitSrc marks a source for esbuild lowering in the test loop.
func lowerForAwaitSrc(src string) string { return "//lower\n" + src }

func TestBridgeFromReader(t *testing.T) {
	for _, tt := range bridgeTests {
		t.Run(tt.name, func(t *testing.T) {
			iso := newIsolate(t)
			tr := newTrackingReader(tt.size)
			if tt.setup != nil {
				tt.setup(iso, tr)
			}
			_ = iso.Do(func() error {
				iso.DefineGlobal("body", NewReadableFromReader(iso, tr, 16<<10))
				return nil
			})
			src := tt.src
			if strings.HasPrefix(src, "//lower\n") {
				src = lowerForAwait(t, strings.TrimPrefix(src, "//lower\n"))
			}
			if got := runAsync(t, iso, src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			tr.wasClosed(t)
		})
	}
}

func TestReadAllAndBytes(t *testing.T) {
	iso := newIsolate(t)
	type res struct {
		b   []byte
		err goja.Value
	}
	cases := []struct {
		name string
		make func() *goja.Object
		want string
		err  string
	}{
		{"bytes", func() *goja.Object { return NewReadableFromBytes(iso, []byte("hello")) }, "hello", ""},
		{"empty bytes", func() *goja.Object { return NewReadableFromBytes(iso, nil) }, "", ""},
		{"reader", func() *goja.Object { return NewReadableFromReader(iso, io.NopCloser(strings.NewReader("abcdef")), 2) }, "abcdef", ""},
		{"js stream", func() *goja.Object {
			v, _ := iso.VM().RunString(`new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.enqueue(new TextEncoderLike()); c.close(); } })`)
			return v.(*goja.Object)
		}, "", "TypeError: Received non-Uint8Array chunk"},
		{"errored", func() *goja.Object {
			v, _ := iso.VM().RunString(`new ReadableStream({ start(c) { c.error(new RangeError("nope")); } })`)
			return v.(*goja.Object)
		}, "", "RangeError: nope"},
	}
	_ = iso.Do(func() error {
		_, err := iso.VM().RunString(`globalThis.TextEncoderLike = class { }`)
		return err
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := make(chan res, 1)
			_ = iso.Do(func() error {
				ReadAll(iso, c.make(), func(b []byte, err goja.Value) { out <- res{b, err} })
				return nil
			})
			var r res
			select {
			case r = <-out:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadAll never finished")
			}
			if c.err != "" {
				if r.err == nil {
					t.Fatalf("no error, got %q", r.b)
				}
				var got string
				_ = iso.Do(func() error {
					o := r.err.(*goja.Object)
					got = o.Get("name").String() + ": " + o.Get("message").String()
					return nil
				})
				if got != c.err {
					t.Fatalf("error %q, want %q", got, c.err)
				}
				return
			}
			if r.err != nil {
				t.Fatalf("unexpected error %v", r.err)
			}
			if !bytes.Equal(r.b, []byte(c.want)) {
				t.Fatalf("got %q, want %q", r.b, c.want)
			}
		})
	}
}

func TestBridgePredicatesAndTee(t *testing.T) {
	iso := newIsolate(t)
	var got []bool
	var a, b *goja.Object
	_ = iso.Do(func() error {
		s := NewReadableFromBytes(iso, []byte("xyz"))
		got = append(got, IsReadableStream(iso, s), Locked(iso, s), Disturbed(iso, s), IsReadableStream(iso, iso.VM().NewObject()))
		a, b = Tee(iso, s)
		got = append(got, Locked(iso, s))
		iso.DefineGlobal("a", a)
		iso.DefineGlobal("b", b)
		return nil
	})
	want := []bool{true, false, false, false, true}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("predicates = %v, want %v", got, want)
		}
	}
	res := runAsync(t, iso, `
		const ra = await a.getReader().read(), rb = await b.getReader().read();
		const str = (v) => String.fromCharCode(...v);
		return str(ra.value) + "|" + str(rb.value) + "|" + (ra.value.buffer === rb.value.buffer);`)
	if res != "xyz|xyz|false" {
		t.Fatalf("tee branches read %q", res)
	}
}
