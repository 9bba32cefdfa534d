package url

import (
	"encoding/json"
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// fastInputs are inputs the fast path must either reject or parse exactly
// as the library does.
var fastInputs = []string{
	"http://example.com",
	"https://EXAMPLE.com:443/a/b?c=d#e",
	"http://a:080/x",
	"http://a:/x",
	"http://a:8080",
	"http://a:65536/",
	"http://a.b.c./p",
	"http://a..b/",
	"http://.a/",
	"http://1.2.3.4/",
	"http://0x7f/",
	"http://a.1/",
	"http://xn--nxasmq6b.com/",
	"http://user@a/",
	"http://a/b/../c",
	"http://a/b/./c",
	"http://a/b/%2e/c",
	"http://a/b/%2E%2e/c",
	"http://a/.",
	"http://a/..?x",
	"http://a/b\\c",
	"http://a/`{}^",
	"http://a/?'\"",
	"http://a/?`{}^|\\",
	"http://a/#`",
	"http://a/#a#b?c",
	"http://a/?q#f?g",
	"http://a?x",
	"http://a#x",
	"http://a/ b",
	"http://a/\tb",
	"http://a/é",
	"http://a/%zz",
	"https://a/x:y@z;w=v,&$!*()+~",
	"http://a-/-b",
	"HTTP://a/",
	"ws://a/",
}

// relativeInputs are resolved against fastBase.
var relativeInputs = []string{"/x", "/x?y#z", "//other/x", "/\\x", "/./x", "/a/../b", "x", "?q", "#f", "/", "/é"}

const fastBase = "http://Base.example:8080/dir/page?q#f"

func checkSame(t *testing.T, name string, got *URL, want *URL) {
	t.Helper()
	pairs := [][3]string{
		{"href", got.Href(), want.Href()},
		{"protocol", got.Protocol(), want.Protocol()},
		{"username", got.Username(), want.Username()},
		{"password", got.Password(), want.Password()},
		{"host", got.Host(), want.Host()},
		{"hostname", got.Hostname(), want.Hostname()},
		{"port", got.Port(), want.Port()},
		{"pathname", got.Pathname(), want.Pathname()},
		{"search", got.Search(), want.Search()},
		{"hash", got.Hash(), want.Hash()},
		{"origin", got.Origin(), want.Origin()},
		{"hrefWithoutFragment", got.HrefWithoutFragment(), want.HrefWithoutFragment()},
	}
	for _, p := range pairs {
		if p[1] != p[2] {
			t.Errorf("%s: %s = %q, library %q", name, p[0], p[1], p[2])
		}
	}
	gq, gok := got.Query()
	wq, wok := want.Query()
	if gq != wq || gok != wok {
		t.Errorf("%s: query = %q,%v, library %q,%v", name, gq, gok, wq, wok)
	}
}

func libraryParse(input string, base *URL) (*URL, error) {
	var b = base
	if b != nil {
		b = b.Clone()
		b.lib()
	}
	u, err := parser.Parse(input)
	if b != nil {
		u, err = parser.BasicParser(input, b.u, nil, 0)
	}
	if err != nil {
		return nil, err
	}
	return &URL{u: u}, nil
}

func TestFastPathMatchesLibrary(t *testing.T) {
	accepted := 0
	check := func(input string) {
		f, ok := parseFast(input)
		if !ok {
			return
		}
		accepted++
		want, err := libraryParse(input, nil)
		if err != nil {
			t.Errorf("%q: fast path accepted what the library rejects: %v", input, err)
			return
		}
		checkSame(t, input, &URL{fast: f}, want)
	}
	for _, in := range fastInputs {
		check(in)
	}
	// Every absolute input of the WPT data, when available.
	minAccepted := 10 // the hand-written inputs alone
	if p := maybeData(t, "url/resources/urltestdata.json"); p != "" {
		minAccepted = 20
		var cases []any
		if err := json.Unmarshal([]byte(p), &cases); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if m, ok := c.(map[string]any); ok {
				check(m["input"].(string))
			}
		}
	}
	base, err := Parse(fastBase, "")
	if err != nil || base.fast == nil {
		t.Fatalf("base not on the fast path: %v", err)
	}
	for _, in := range relativeInputs {
		f, ok := resolveFast(in, base.fast)
		if !ok {
			continue
		}
		accepted++
		want, err := libraryParse(in, base)
		if err != nil {
			t.Errorf("%q: fast path accepted what the library rejects: %v", in, err)
			continue
		}
		checkSame(t, in+" against "+fastBase, &URL{fast: f}, want)
	}
	t.Logf("fast path took %d inputs", accepted)
	if accepted < minAccepted {
		t.Errorf("fast path took only %d inputs", accepted)
	}
}

func TestFastRecordSetters(t *testing.T) {
	u, _ := Parse("https://a.example/p?x=1#h", "")
	if u.fast == nil {
		t.Fatal("not fast")
	}
	u.SetQuery("y=2", true)
	if u.fast == nil || u.Href() != "https://a.example/p?y=2#h" || u.Search() != "?y=2" || u.Hash() != "#h" {
		t.Errorf("SetQuery: %q (fast %v)", u.Href(), u.fast != nil)
	}
	u.SetQuery("", false)
	if q, ok := u.Query(); u.Href() != "https://a.example/p#h" || ok || q != "" {
		t.Errorf("SetQuery(null): %q", u.Href())
	}
	u.SetPathname("/a b")
	if u.fast != nil || u.Href() != "https://a.example/a%20b#h" {
		t.Errorf("SetPathname: %q", u.Href())
	}
}

// maybeData returns a WPT data file's contents, or "" when absent.
func maybeData(t *testing.T, rel string) (s string) {
	ok := t.Run("data "+rel, func(t *testing.T) { s = jstest.ReadWPTData(t, rel) })
	if !ok {
		return ""
	}
	return s
}
