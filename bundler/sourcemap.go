package bundler

import (
	"encoding/base64"
	"errors"
	"net/url"
	"path"
	"strings"
)

const inlineMapPrefix = "//# sourceMappingURL=data:application/json;base64,"

// InlineSourceMap returns the decoded source map embedded in a bundle's
// Code, for tools that map positions themselves (a dev error overlay
// building code frames, for instance; goja does it on its own when
// compiling). Sources content is not embedded: read the files from disk.
func InlineSourceMap(code string) ([]byte, error) {
	i := strings.LastIndex(code, inlineMapPrefix)
	if i < 0 {
		return nil, errors.New("bundler: no inline source map")
	}
	data := code[i+len(inlineMapPrefix):]
	if j := strings.IndexAny(data, "\r\n"); j >= 0 {
		data = data[:j]
	}
	return base64.StdEncoding.DecodeString(data)
}

// SourcePath resolves a source-map source against the bundle's Path, the
// way goja and the source-map spec do: the map's sources are relative to
// the route's folder ("x.ts", "../../lib/a.ts"), so that goja, given Path
// as the script name, prints project-relative names in stack traces.
// SourcePath("pages/api/x.ts", "../../lib/a.ts") is "lib/a.ts".
// Sources are URL references, so esbuild escapes "[id].ts" as
// "%5Bid%5D.ts"; SourcePath unescapes.
func SourcePath(bundlePath, source string) string {
	if u, err := url.PathUnescape(source); err == nil {
		source = u
	}
	return path.Join(path.Dir(bundlePath), source)
}
