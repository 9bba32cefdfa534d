package streams

import (
	"fmt"
	"io"
	goruntime "runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// textReader yields n bytes of deterministic JSON lines, about as
// compressible as typical API responses. The text comes from a 4 MB
// pattern generated once (far larger than DEFLATE's 32 KB window, so the
// compression ratio is the pattern's own), so the benchmark measures the
// stream, not the generator.
type textReader struct {
	n   int
	off int
}

var benchPattern = func() []byte {
	words := []string{"stream", "chunk", "edge", "runtime", "pipe", "gzip", "backpressure", "reader", "writer", "tee", "byob", "queue"}
	seed := uint32(1)
	rnd := func() uint32 { seed = seed*1664525 + 1013904223; return seed >> 8 }
	var b []byte
	for len(b) < 4<<20 {
		b = fmt.Appendf(b, `{"id":%d,"user":"%x","kind":"%s","score":%d.%03d,"tags":["%s","%s"]}`+"\n",
			rnd(), rnd(), words[rnd()%12], rnd()%1000, rnd()%1000, words[rnd()%12], words[rnd()%12])
	}
	return b
}()

func (t *textReader) Read(p []byte) (int, error) {
	if t.n == 0 {
		return 0, io.EOF
	}
	i := 0
	for i < len(p) && i < t.n {
		c := copy(p[i:min(len(p), t.n)], benchPattern[t.off:])
		t.off = (t.off + c) % len(benchPattern)
		i += c
	}
	t.n -= i
	return i, nil
}

func (t *textReader) Close() error { return nil }

// heapSampler records the peak heap in use while running.
type heapSampler struct {
	stop chan struct{}
	wg   sync.WaitGroup
	peak atomic.Uint64
}

func sampleHeap() *heapSampler {
	h := &heapSampler{stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		var ms goruntime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			goruntime.ReadMemStats(&ms)
			if ms.HeapAlloc > h.peak.Load() {
				h.peak.Store(ms.HeapAlloc)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) done() uint64 {
	close(h.stop)
	h.wg.Wait()
	return h.peak.Load()
}

// BenchmarkPipeThroughGzip streams 100 MB from a Go reader through
// pipeThrough(new CompressionStream("gzip")) into a Go consumer, reporting
// throughput and the peak heap growth over the run.
func BenchmarkPipeThroughGzip(b *testing.B) {
	benchmarkPipeThrough(b, `new CompressionStream("gzip")`)
}

// BenchmarkPipeThroughIdentity is the same pipeline through an identity
// TransformStream: the cost of the streams machinery alone.
func BenchmarkPipeThroughIdentity(b *testing.B) {
	benchmarkPipeThrough(b, `new TransformStream()`)
}

func benchmarkPipeThrough(b *testing.B, transform string) {
	const size = 100 << 20
	iso, err := runtime.New(runtime.Options{CPUDeadline: -1, Setup: func(iso *runtime.Isolate) error {
		Install(iso)
		return nil
	}})
	if err != nil {
		b.Fatal(err)
	}
	defer iso.Close()
	b.SetBytes(size)
	b.ReportAllocs()
	var peakGrowth uint64
	for i := 0; i < b.N; i++ {
		goruntime.GC()
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		h := sampleHeap()
		done := make(chan goja.Value, 1)
		compressed := 0
		err := iso.Do(func() error {
			src := NewReadableFromReader(iso, &textReader{n: size}, 64<<10)
			_ = iso.VM().Set("src", src)
			v, err := iso.VM().RunString(`src.pipeThrough(` + transform + `)`)
			if err != nil {
				return err
			}
			Consume(iso, v.(*goja.Object), func(p []byte) error {
				compressed += len(p)
				return nil
			}, func(err goja.Value) { done <- err })
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if e := <-done; e != nil {
			b.Fatal(e)
		}
		peak := h.done()
		if peak > base && peak-base > peakGrowth {
			peakGrowth = peak - base
		}
		if compressed == 0 {
			b.Fatal("no output")
		}
	}
	b.ReportMetric(float64(peakGrowth)/(1<<20), "peak-heap-MB")
	// The body must stream: its heap footprint is bounded by a few chunks
	// and the compressor's state, not by the 100 MB that flow through.
	if peakGrowth > 32<<20 {
		b.Fatalf("peak heap grew by %d MB; the pipeline buffers", peakGrowth>>20)
	}
}

// BenchmarkReadAllBytes is the fetch body path: NewReadableFromBytes then
// ReadAll (allocation count per body is the number to watch).
func BenchmarkReadAllBytes(b *testing.B) {
	iso, err := runtime.New(runtime.Options{CPUDeadline: -1, Setup: func(iso *runtime.Isolate) error {
		Install(iso)
		return nil
	}})
	if err != nil {
		b.Fatal(err)
	}
	defer iso.Close()
	body := make([]byte, 1024)
	b.ReportAllocs()
	err = iso.Do(func() error {
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			n := 0
			ReadAll(iso, NewReadableFromBytes(iso, body), func(p []byte, err goja.Value) { n = len(p) })
			if n != len(body) {
				b.Fatalf("read %d bytes", n)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkJSReadLoop is a script reading 100 chunks from a JS source with
// reader.read() (per-chunk cost of the default controller and reader).
func BenchmarkJSReadLoop(b *testing.B) {
	iso, err := runtime.New(runtime.Options{CPUDeadline: -1, Setup: func(iso *runtime.Isolate) error {
		Install(iso)
		return nil
	}})
	if err != nil {
		b.Fatal(err)
	}
	defer iso.Close()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if got := runAsync(b, iso, `
			let i = 0;
			const rs = new ReadableStream({ pull(c) { if (i++ < 100) c.enqueue(i); else c.close(); } });
			const r = rs.getReader(); let n = 0;
			for (;;) { const x = await r.read(); if (x.done) break; n++; }
			return n;`); got != "100" {
			b.Fatal(got)
		}
	}
}
