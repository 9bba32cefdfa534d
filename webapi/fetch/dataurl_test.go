package fetch

import (
	"bytes"
	"os"
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/webapi/encoding"
)

func TestDataURLProcessorWPT(t *testing.T) {
	for _, tc := range loadWPTJSON(t, "fetch/data-urls/resources/data-urls.json") {
		input := tc[0].(string)
		u, ok := parseURL(input, "")
		var got dataURL
		if ok {
			got, ok = processDataURL(u)
		}
		if tc[1] == nil {
			if ok {
				t.Errorf("%q: got %q, want failure", input, got.mimeType.String())
			}
			continue
		}
		if !ok {
			t.Errorf("%q: failed, want %q", input, tc[1])
			continue
		}
		if mt := isomorphicEncode(got.mimeType.String()); mt != tc[1].(string) {
			// The JSON holds the header value; compare as code points.
			if got.mimeType.String() != tc[1].(string) {
				t.Errorf("%q: MIME type %q, want %q", input, got.mimeType.String(), tc[1])
			}
		}
		if want := jsonBytes(tc[2]); !bytes.Equal(got.body, want) {
			t.Errorf("%q: body %v, want %v", input, got.body, want)
		}
	}
}

func TestForgivingBase64WPT(t *testing.T) {
	for _, tc := range loadWPTJSON(t, "fetch/data-urls/resources/base64.json") {
		input := tc[0].(string)
		got, ok := encoding.ForgivingBase64Decode([]byte(input))
		if tc[1] == nil {
			if ok {
				t.Errorf("%q: got %v, want failure", input, got)
			}
			continue
		}
		if want := jsonBytes(tc[1]); !ok || !bytes.Equal(got, want) {
			t.Errorf("%q: got %v %v, want %v", input, got, ok, want)
		}
	}
}

var mimeTypeTests = []struct{ in, want string }{
	{"text/html;charset=gbk", "text/html;charset=gbk"},
	{" TEXT/HTML ; CHARSET = x ", "text/html"},
	{"text/html;charset=\"x\\\"y\";a=b;a=c", "text/html;charset=\"x\\\"y\";a=b"},
	{"text/html;charset=", "text/html"},
	{"text/html;=x;y", "text/html"},
	{"x/y;z=\"\"", "x/y;z=\"\""},
	{"/html", ""},
	{"text/", ""},
	{"te xt/html", ""},
}

func TestParseMIMEType(t *testing.T) {
	for _, tt := range mimeTypeTests {
		m, ok := ParseMIMEType(tt.in)
		got := ""
		if ok {
			got = m.String()
		}
		if got != tt.want {
			t.Errorf("ParseMIMEType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The mimesniff WPT tables exercise the same parser.
func TestParseMIMETypeWPT(t *testing.T) {
	for _, file := range []string{"mimesniff/mime-types/resources/mime-types.json", "mimesniff/mime-types/resources/generated-mime-types.json"} {
		p := jstest.WPTData(t, file)
		cases := loadObjects(t, p)
		for _, c := range cases {
			in, _ := c["input"].(string)
			m, ok := ParseMIMEType(in)
			want, _ := c["output"].(string)
			if c["output"] == nil {
				if ok {
					t.Errorf("%q: got %q, want failure", in, m.String())
				}
				continue
			}
			if !ok || m.String() != want {
				got := "failure"
				if ok {
					got = m.String()
				}
				t.Errorf("%q: got %q, want %q", in, got, want)
			}
		}
	}
}

// TestFetchDataURLsWPT runs fetch/data-urls/resources/*.json through fetch()
// as WPT's processing.any.js and base64.any.js do.
func TestFetchDataURLsWPT(t *testing.T) {
	dataURLs := jstest.WPTData(t, "fetch/data-urls/resources/data-urls.json")
	base64 := jstest.WPTData(t, "fetch/data-urls/resources/base64.json")
	iso := newIsolate(t, Options{})
	for _, f := range []struct{ path, prefix string }{{dataURLs, ""}, {base64, "data:;base64,"}} {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		setGlobal(t, iso, "TESTS", string(raw))
		setGlobal(t, iso, "PREFIX", f.prefix)
		got := jstest.Eval(t, iso, `
			const failures = [];
			for (const [input, a, b] of JSON.parse(TESTS)) {
				const url = PREFIX + input;
				const mime = PREFIX ? (a === null ? null : "text/plain;charset=US-ASCII") : a;
				const body = PREFIX ? a : b;
				try {
					const r = await fetch(url);
					const bytes = Array.from(new Uint8Array(await r.arrayBuffer()));
					if (mime === null) failures.push(url + ": resolved");
					else if (r.headers.get("content-type") !== mime || bytes.join() !== body.join())
						failures.push(url + ": " + r.headers.get("content-type") + " " + bytes.join());
				} catch (e) {
					if (mime !== null || !(e instanceof TypeError)) failures.push(url + ": " + e);
				}
			}
			return failures.join("\n")`)
		if got != "" {
			t.Errorf("%s:\n%s", f.path, got)
		}
	}
}
