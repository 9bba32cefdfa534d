package url

import (
	"errors"
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
	"github.com/edgerun/edgerun/webapi/file"
)

var jsTests = []jstest.Case{
	// URL
	{"construct", `return new URL("HTTP://Example.COM:80/a/../b?x#y").href`, "http://example.com/b?x#y"},
	{"relative", `return new URL("../d", "http://a.com/b/c/").href`, "http://a.com/b/d"},
	{"backslashes", `return new URL("http:\\\\a.com\\b").href`, "http://a.com/b"},
	{"ipv4 normalised", `return new URL("http://0x7f.1/").host`, "127.0.0.1"},
	{"ipv6 keeps brackets", `return new URL("http://[::1]:8080/").host`, "[::1]:8080"},
	{"idn", `return new URL("https://bücher.example/").hostname`, "xn--bcher-kva.example"},
	{"data pathname", `return new URL("data:text/plain,hi").pathname`, "text/plain,hi"},
	{"blob origin", `return new URL("blob:https://a.com:443/uuid").origin`, "https://a.com"},
	{"file origin", `return new URL("file:///tmp/x").origin`, "null"},
	{"invalid", `new URL("nope")`, "TypeError: Failed to construct 'URL': Invalid URL"},
	{"invalid base", `new URL("/a", "nope")`, "TypeError: Failed to construct 'URL': Invalid base URL"},
	{"null base is a string", `new URL("/a", null)`, "TypeError: Failed to construct 'URL': Invalid base URL"},
	{"no args", `new URL()`, "TypeError: Failed to construct 'URL': 1 argument required, but only 0 present."},
	{"call without new", `URL("http://a")`, "TypeError: Failed to construct 'URL': Please use the 'new' operator, this DOM object constructor cannot be called as a function."},
	{"href setter throws", `const u = new URL("http://a/"); u.href = "nope"`, "TypeError: Failed to set the 'href' property on 'URL': Invalid URL"},
	{"canParse", `return [URL.canParse("http://a"), URL.canParse("/a"), URL.canParse("/a", "http://b")].join()`, "true,false,true"},
	{"parse", `return URL.parse("x") === null && URL.parse("/p", "http://h").href`, "http://h/p"},
	{"statics length", `return URL.parse.length + "" + URL.canParse.length + URL.length`, "111"},
	{"toJSON and String", `const u = new URL("http://a/b"); return JSON.stringify({u}) + String(u)`, `{"u":"http://a/b"}http://a/b`},
	{"setters", `const u = new URL("http://a/"); u.protocol = "https"; u.username = "us er"; u.password = "p@ss"; u.port = "8443"; u.pathname = "x y"; u.hash = "h"; return u.href`, "https://us%20er:p%40ss@a:8443/x%20y#h"},
	{"default port dropped", `const u = new URL("https://a:8443/"); u.port = "443"; return u.host`, "a"},
	{"port on file ignored", `const u = new URL("file:///x"); u.port = "1"; return u.port`, ""},
	{"opaque path trailing space", `return new URL("data:space ?q").href`, "data:space%20?q"},
	{"origin is read-only", `const u = new URL("http://a/"); u.origin = "x"; return u.origin`, "http://a"},
	{"brand check", `Object.getOwnPropertyDescriptor(URL.prototype, "href").get.call({})`, "TypeError: Illegal invocation"},
	{"instances", `const u = new URL("http://a"); return Object.prototype.toString.call(u) + Object.keys(URL.prototype).length`, "[object URL]14"},
	{"subclass", `class My extends URL { get x() { return this.host } } return new My("http://q/").x`, "q"},

	// Blob URLs (the store is package file's).
	{"createObjectURL", `const u = URL.createObjectURL(new Blob(["x"])); return /^blob:null\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u) + new URL(u).origin`, "truenull"},
	{"createObjectURL needs a Blob", `URL.createObjectURL("x")`, "TypeError: Failed to execute 'createObjectURL' on 'URL': Overload resolution failed."},
	{"revokeObjectURL ignores junk", `URL.revokeObjectURL("nope"); URL.revokeObjectURL("https://a/"); return "ok"`, "ok"},

	// searchParams and href stay in sync both ways.
	{"searchParams same object", `const u = new URL("http://a/?x=1"); return u.searchParams === u.searchParams`, "true"},
	{"searchParams reads query", `return new URL("http://a/?a=1&b=2&a=3").searchParams.getAll("a").join()`, "1,3"},
	{"append updates href", `const u = new URL("http://a/?x=1#f"); u.searchParams.append("y", "a b&c"); return u.href`, "http://a/?x=1&y=a+b%26c#f"},
	{"delete last param nulls query", `const u = new URL("http://a/?x=1"); u.searchParams.delete("x"); return u.href + "|" + u.search`, "http://a/|"},
	{"search setter updates params", `const u = new URL("http://a/?x=1"); const p = u.searchParams; u.search = "?y=2"; return p.get("y") + p.has("x")`, "2false"},
	{"href setter updates params", `const u = new URL("http://a/?x=1"); const p = u.searchParams; u.href = "http://b/?z=3"; return p.toString()`, "z=3"},
	{"empty search clears params", `const u = new URL("http://a/?x=1"); const p = u.searchParams; u.search = ""; return p.size + u.href`, "0http://a/"},
	{"sort updates", `const u = new URL("http://a/?b=2&a=1"); u.searchParams.sort(); return u.search`, "?a=1&b=2"},
	{"opaque path delete keeps %20", `const u = new URL("data:space ?test"); u.searchParams.delete("test"); return u.href`, "data:space%20"},

	// URLSearchParams
	{"parse string", `return [...new URLSearchParams("?a=b+c&d=%26&e&=f&&g=%zz")].map(p => p.join(":")).join("|")`, "a:b c|d:&|e:|:f|g:%zz"},
	{"plus after percent", `return new URLSearchParams("a=%2B+").get("a")`, "+ "},
	{"invalid utf8", `return new URLSearchParams("a=%E2%82x").get("a")`, "\ufffdx"},
	{"record", `return new URLSearchParams({a: "1", b: 2}).toString()`, "a=1&b=2"},
	{"record lone surrogate keys merge", `const p = new URLSearchParams({"\uD835x": "1", "xx": "2", "\uFFFDx": "3"}); return p.size + p.get("\uFFFDx")`, "23"},
	{"sequence", `return new URLSearchParams([["a", "1"], new Set(["b", "2"])]).toString()`, "a=1&b=2"},
	{"sequence bad pair", `new URLSearchParams([["a"]])`, "TypeError: Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements"},
	{"sequence not sequence", `new URLSearchParams([1])`, "TypeError: Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence."},
	{"copy constructor", `const a = new URLSearchParams("x=1"); const b = new URLSearchParams(a); b.append("y", "2"); return a + "|" + b`, "x=1|x=1&y=2"},
	{"null init is a string", `return new URLSearchParams(null).toString()`, "null="},
	{"serialize", `return new URLSearchParams([["a b", "~!'()*-._ é"]]).toString()`, "a+b=%7E%21%27%28%29*-._+%C3%A9"},
	{"set", `const p = new URLSearchParams("a=1&b=2&a=3"); p.set("a", "x"); return p.toString()`, "a=x&b=2"},
	{"delete with value", `const p = new URLSearchParams("a=1&a=2"); p.delete("a", "2"); return p.toString()`, "a=1"},
	{"has with value", `const p = new URLSearchParams("a=1"); return p.has("a", "1") + "" + p.has("a", "2") + p.has("a", undefined)`, "truefalsetrue"},
	{"get missing", `return new URLSearchParams("").get("x")`, "null"},
	{"size", `return new URLSearchParams("a=1&b=2&a=3").size`, "3"},
	{"sort by code units stable", `const p = new URLSearchParams([["\uFFFD", "1"], ["\uD83D\uDE00", "2"], ["a", "3"], ["a", "0"]]); p.sort(); return [...p.values()].join()`, "3,0,2,1"},
	{"append arity", `new URLSearchParams().append("a")`, "TypeError: Failed to execute 'append' on 'URLSearchParams': 2 arguments required, but only 1 present."},
	{"iteration sees changes", `const p = new URLSearchParams("a=1&b=2"); const out = []; for (const [k] of p) { out.push(k); if (k === "a") p.delete("b") } return out.join()`, "a"},
	{"forEach", `let s = ""; new URLSearchParams("a=1&b=2").forEach((v, k, o) => s += k + v + (o instanceof URLSearchParams)); return s`, "a1trueb2true"},
	{"iterator tag", `return Object.prototype.toString.call(new URLSearchParams().entries())`, "[object URLSearchParams Iterator]"},
	{"symbol key throws", `new URLSearchParams({[Symbol()]: "x"}) ; return "no"`, "TypeError: Failed to construct 'URLSearchParams': Cannot convert a Symbol value to a string"},
}

func TestJS(t *testing.T) {
	jstest.RunIn(t, newIsolate(t), jsTests, jstest.Call)
}

var parseTests = []struct {
	input, base, href string
	err               error
}{
	{"http://a/b?c#d", "", "http://a/b?c#d", nil},
	{"../x", "http://a/b/c", "http://a/x", nil},
	{"x", "", "", ErrInvalidURL},
	{"x", "bad", "", ErrInvalidBase},
	{"https://EXAMPLE.com:443/%7e", "", "https://example.com/%7e", nil},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		u, err := Parse(tt.input, tt.base)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Parse(%q, %q) error %v, want %v", tt.input, tt.base, err, tt.err)
			}
			continue
		}
		if err != nil || u.Href() != tt.href {
			t.Errorf("Parse(%q, %q) = %v, %v; want %q", tt.input, tt.base, u, err, tt.href)
		}
	}
}

var urlencodedTests = []struct {
	in   string
	want [][2]string
}{
	{"a=1&b=2", [][2]string{{"a", "1"}, {"b", "2"}}},
	{"&&a&=b&c=d=e", [][2]string{{"a", ""}, {"", "b"}, {"c", "d=e"}}},
	{"%41+%2b%", [][2]string{{"A +%", ""}}},
}

func TestURLEncoded(t *testing.T) {
	for _, tt := range urlencodedTests {
		got := ParseURLEncoded(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("ParseURLEncoded(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParseURLEncoded(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
	if got := SerializeURLEncoded([][2]string{{"a b", "c&d"}, {"é", ""}}); got != "a+b=c%26d&%C3%A9=" {
		t.Errorf("SerializeURLEncoded = %q", got)
	}
}

func TestObjectURLStore(t *testing.T) {
	iso := newIsolate(t)
	got := jstest.Call(t, iso, `globalThis.u = URL.createObjectURL(new Blob(["hello"])); return u`)
	err := iso.Do(func() error {
		if b, ok := file.ResolveObjectURL(iso, got); !ok || string(b.Bytes()) != "hello" {
			t.Errorf("blob URL %q does not resolve", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	jstest.Call(t, iso, `URL.revokeObjectURL(u + "#frag")`)
	_ = iso.Do(func() error {
		if _, ok := file.ResolveObjectURL(iso, got); ok {
			t.Error("revoked blob URL still resolves")
		}
		return nil
	})
}
