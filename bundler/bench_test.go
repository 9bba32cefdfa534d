package bundler

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

const benchRoute = `import { Counter, sum } from '@/lib/counter'
import { flavour } from 'fakepkg'

export const config = { api: { bodyParser: { sizeLimit: '2mb' } } }

export default async function handler(req: any, res: any) {
  res.json({ total: await sum(3), n: new Counter().inc(), flavour, edit: %d })
}
`

// BenchmarkRebuild measures the dev loop for one route: an edit to the
// route file, then Build (config re-read + incremental esbuild rebuild).
func BenchmarkRebuild(b *testing.B) {
	dir := newProject(b, map[string]string{"pages/api/r.ts": fmt.Sprintf(benchRoute, 0)})
	builder := NewBuilder(Options{Dir: dir, PagesDir: "pages"})
	defer builder.Close()
	if _, err := builder.Build("api/r.ts"); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "pages", "api", "r.ts")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := os.WriteFile(file, []byte(fmt.Sprintf(benchRoute, i+1)), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := builder.Build("api/r.ts"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColdBuild measures a route's first build (context creation
// included), what `edgerun start` pays per route.
func BenchmarkColdBuild(b *testing.B) {
	dir := newProject(b, map[string]string{"pages/api/r.ts": fmt.Sprintf(benchRoute, 0)})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		builder := NewBuilder(Options{Dir: dir, PagesDir: "pages"})
		if _, err := builder.Build("api/r.ts"); err != nil {
			b.Fatal(err)
		}
		builder.Close()
	}
}

// BenchmarkReadConfig measures static config extraction for one route.
func BenchmarkReadConfig(b *testing.B) {
	dir := newProject(b, map[string]string{"pages/api/r.ts": fmt.Sprintf(benchRoute, 0)})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := ReadConfig(dir, "pages/api/r.ts"); err != nil {
			b.Fatal(err)
		}
	}
}
