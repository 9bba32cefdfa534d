package wpt

import (
	"reflect"
	"testing"
)

var metadataTests = []struct {
	name   string
	src    string
	want   metadata
	worker bool
}{
	{"none", "test(() => {});\n", metadata{}, true},
	{"all keys", "// META: global=window,worker\n// META: script=/common/a.js\n//META: script=b.js  \r\n// META: variant=?1-10\n// META: variant=?11-20\n// META: timeout=long\n// META: title=T\n",
		metadata{globals: []string{"window", "worker"}, scripts: []string{"/common/a.js", "b.js"}, variants: []string{"?1-10", "?11-20"}, long: true, title: "T"}, true},
	{"stops at the first other line", "// META: script=a.js\n'use strict';\n// META: script=b.js\n", metadata{scripts: []string{"a.js"}}, true},
	{"window only", "// META: global=window\n", metadata{globals: []string{"window"}}, false},
	{"shadowrealm only", "// META: global=shadowrealm\n", metadata{globals: []string{"shadowrealm"}}, false},
	{"dedicated worker", "// META: global=window,dedicatedworker,shadowrealm\n", metadata{globals: []string{"window", "dedicatedworker", "shadowrealm"}}, true},
	{"service worker only", "// META: global=window,serviceworker\n", metadata{globals: []string{"window", "serviceworker"}}, false},
}

func TestParseMetadata(t *testing.T) {
	for _, tt := range metadataTests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseMetadata([]byte(tt.src))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseMetadata = %+v, want %+v", got, tt.want)
			}
			if got.runsInDedicatedWorker() != tt.worker {
				t.Errorf("runsInDedicatedWorker = %v", !tt.worker)
			}
		})
	}
}

var classifyTests = []struct {
	path string
	kind testKind
	ok   bool
}{
	{"url/url-constructor.any.js", kindAny, true},
	{"FileAPI/FileReaderSync.worker.js", kindWorker, true},
	{"url/toascii.window.js", kindWindow, true},
	{"url/IdnaTestV2-removed.window.js", kindWindow, true},
	{"url/url-setters-a-area.window.js", kindWindow, true},
	{"url/percent-encoding.window.js", 0, false}, // iframes: more than the document shim
	{"url/javascript-urls.window.js", 0, false},
	{"url/resources/a.any.js", 0, false},
	{"fetch/api/support/x.any.js", 0, false},
	{"url/a-element.html", 0, false},
	{"foo/bar-manual.any.js", 0, false},
}

func TestClassify(t *testing.T) {
	for _, tt := range classifyTests {
		kind, ok := classify(tt.path)
		if kind != tt.kind || ok != tt.ok {
			t.Errorf("classify(%q) = %v, %v; want %v, %v", tt.path, kind, ok, tt.kind, tt.ok)
		}
	}
}

var areaTests = []struct{ path, area string }{
	{"encoding/textdecoder-fatal.any.js", "encoding"},
	{"encoding/streams/decode-utf8.any.js", "encoding/streams"},
	{"fetch/api/headers/headers-basic.any.js", "fetch/api"},
	{"fetch/orb/x.any.js", "fetch"},
	{"html/webappapis/atob/base64.any.js", "html/webappapis"},
	{"basic/pass.any.js", "basic"},
}

func TestAreaOf(t *testing.T) {
	for _, tt := range areaTests {
		if got := areaOf(tt.path); got != tt.area {
			t.Errorf("areaOf(%q) = %q, want %q", tt.path, got, tt.area)
		}
	}
}

var urlTests = []struct {
	path, variant, want string
}{
	{"url/url-constructor.any.js", "?include=file", "http://web-platform.test:8000/url/url-constructor.any.worker.js?include=file"},
	{"WebCryptoAPI/digest/digest.https.any.js", "", "https://web-platform.test:8443/WebCryptoAPI/digest/digest.https.any.worker.js"},
	{"a/b.www.any.js", "", "http://www.web-platform.test:8000/a/b.www.any.worker.js"},
	{"url/toascii.window.js", "", "http://web-platform.test:8000/url/toascii.window.html"},
	{"FileAPI/FileReaderSync.worker.js", "", "http://web-platform.test:8000/FileAPI/FileReaderSync.worker.js"},
}

func TestRunURL(t *testing.T) {
	for _, tt := range urlTests {
		kind, _ := classify(tt.path)
		if tt.path == "a/b.www.any.js" {
			kind = kindAny
		}
		got := runSpec{file: &testFile{path: tt.path, kind: kind}, variant: tt.variant}.url()
		if got != tt.want {
			t.Errorf("url(%s%s) = %s, want %s", tt.path, tt.variant, got, tt.want)
		}
	}
}
