package bundler

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestInlineSourceMapSources(t *testing.T) {
	dir := newProject(t, map[string]string{
		"pages/api/deep/[id].ts": "import { sum } from '../../../lib/counter'\nexport default () => sum(2)\n",
	})
	b := mustBuild(t, Options{Dir: dir, PagesDir: "pages"}, "api/deep/[id].ts")
	data, err := InlineSourceMap(b.Code)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Sources        []string `json:"sources"`
		SourcesContent []string `json:"sourcesContent"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var resolved []string
	for _, s := range m.Sources {
		resolved = append(resolved, SourcePath(b.Path, s))
	}
	if want := []string{"pages/api/deep/[id].ts", "lib/counter.ts"}; !reflect.DeepEqual(resolved, want) {
		t.Errorf("sources %q resolve to %q, want %q", m.Sources, resolved, want)
	}
	if len(m.SourcesContent) != 0 {
		t.Errorf("sourcesContent is embedded")
	}
	if _, err := InlineSourceMap("no map"); err == nil {
		t.Error("expected an error without a map")
	}
}
