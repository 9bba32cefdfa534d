package urlpattern

import (
	"testing"

	"github.com/edgerun/edgerun/internal/jstest"
)

// jsTests run in an isolate; src is a function body, want its result (or
// "<ErrorName>: <message>" when it throws).
var jsTests = []jstest.Case{
	{"name and length", `return URLPattern.name + URLPattern.length`, "URLPattern0"},
	{"call without new", `URLPattern()`, "TypeError: Failed to construct 'URLPattern': Please use the 'new' operator, this DOM object constructor cannot be called as a function."},
	{"getter descriptor", `const d = Object.getOwnPropertyDescriptor(URLPattern.prototype, "pathname"); return typeof d.get + d.enumerable + d.configurable + (d.set === undefined)`, "functiontruetruetrue"},
	{"brand check", `Object.getOwnPropertyDescriptor(URLPattern.prototype, "protocol").get.call({})`, "TypeError: Illegal invocation"},
	{"method brand check", `URLPattern.prototype.test.call({}, "https://a")`, "TypeError: Illegal invocation"},
	{"toStringTag", `return Object.prototype.toString.call(new URLPattern())`, "[object URLPattern]"},
	{"default components", `const p = new URLPattern(); return [p.protocol, p.username, p.password, p.hostname, p.port, p.pathname, p.search, p.hash].join()`, "*,*,*,*,*,*,*,*"},
	{"constructor string", `const p = new URLPattern("https://example.com/:category/*"); return [p.protocol, p.username, p.hostname, p.port, p.pathname, p.search, p.hash].join("|")`, "https|*|example.com||/:category/*|*|*"},
	{"relative string with base", `return new URLPattern("../admin/*", "https://discussion.example/forum/?page=2").pathname`, "/admin/*"},
	{"relative string without base", `new URLPattern("/foo")`, "TypeError: Failed to construct 'URLPattern': Relative constructor string '/foo' must have a base URL passed as the second argument."},
	{"init with base argument", `new URLPattern({}, "https://example.com")`, "TypeError: Failed to construct 'URLPattern': Invalid second argument baseURL 'https://example.com' provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead."},
	{"undefined arguments", `return new URLPattern(undefined, undefined).pathname`, "*"},
	{"options second", `return new URLPattern({pathname: "/foo"}, {ignoreCase: true}).test({pathname: "/FOO"})`, "true"},
	{"options third", `return new URLPattern("/foo", "https://example.com", {ignoreCase: true}).test("https://example.com/FOO")`, "true"},
	{"case-sensitive by default", `return new URLPattern({pathname: "/foo"}).test({pathname: "/FOO"})`, "false"},
	{"string options second", `return new URLPattern("https://example.com/foo", {ignoreCase: true}).test("https://example.com/FOO")`, "true"},
	{"invalid regexp", `new URLPattern({pathname: "/(\\m)"})`, "TypeError: Failed to construct 'URLPattern': Invalid pathname pattern '/(\\m)'. Custom regular expression group '\\m' is invalid."},
	{"tokenizer error", `new URLPattern({pathname: "/%("})`, "TypeError: Failed to construct 'URLPattern': Invalid pathname pattern '/%('. Unbalanced regex group at index 2."},
	{"invalid hostname", `new URLPattern({hostname: "bad host"})`, "TypeError: Failed to construct 'URLPattern': Invalid hostname pattern 'bad host'. Invalid hostname 'bad host'."},
	{"invalid baseURL", `new URLPattern({baseURL: "nope"})`, "TypeError: Failed to construct 'URLPattern': Invalid baseURL 'nope'."},
	{"symbol input", `new URLPattern(Symbol())`, "TypeError: Failed to construct 'URLPattern': Cannot convert a Symbol value to a string"},
	{"exec groups", `return new URLPattern({pathname: "/api/posts/:id"}).exec("https://example.com/api/posts/42").pathname.groups.id`, "42"},
	{"exec no match", `return new URLPattern({pathname: "/api/posts/:id"}).exec("https://example.com/api/users/42")`, "null"},
	{"exec bad URL", `return new URLPattern({pathname: "/a"}).exec("not a url")`, "null"},
	{"exec result keys", `return Object.keys(new URLPattern().exec("https://a.example/")).join()`, "hash,hostname,inputs,password,pathname,port,protocol,search,username"},
	{"exec inputs with base", `return JSON.stringify(new URLPattern({pathname: "/a/:b"}).exec("/a/c", "https://x.example").inputs)`, `["/a/c","https://x.example"]`},
	{"exec init inputs", `return JSON.stringify(new URLPattern({pathname: "/a/:b"}).exec({pathname: "/a/c", search: "q"}).inputs)`, `[{"pathname":"/a/c","search":"q"}]`},
	{"undefined group", `const g = new URLPattern({pathname: "/a/:b?"}).exec({pathname: "/a"}).pathname.groups; return ("b" in g) + String(g.b)`, "trueundefined"},
	{"test init with base", `new URLPattern({}).test({}, "https://a.example")`, "TypeError: Failed to execute 'test' on 'URLPattern': Invalid second argument baseURL 'https://a.example' provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead."},
	{"test canonicalizes init", `return new URLPattern({pathname: "/caf%C3%A9"}).test({pathname: "/café"})`, "true"},
	{"test unparsable init", `return new URLPattern().test({protocol: "ht tp"})`, "false"},
	{"default port dropped", `return new URLPattern({protocol: "https", port: "443"}).port`, ""},
	{"opaque path", `return new URLPattern("data\\:text/plain,:x").test("data:text/plain,hello")`, "true"},
	// Unicode property escapes work (goja's own RegExp never matches them).
	{"property escape", `const p = new URLPattern({pathname: "/:x(\\p{Lu}+)"}); return p.test({pathname: "/ABC"}) + "," + p.test({pathname: "/abc"})`, "true,false"},
	{"v flag set subtraction", `const p = new URLPattern({pathname: "/([[a-z]--[aeiou]]+)"}); return p.test({pathname: "/xyz"}) + "," + p.test({pathname: "/xaz"})`, "true,false"},
	{"v flag syntax", `new URLPattern({pathname: "/([a-])"})`, "TypeError: Failed to construct 'URLPattern': Invalid pathname pattern '/([a-])'. Custom regular expression group '[a-]' is invalid."},
	{"lookahead", `return new URLPattern({pathname: "/:x((?!admin)[a-z]+)"}).test({pathname: "/admin"})`, "false"},
	// Script_Extensions has no Go table: rejected rather than mis-matched.
	{"unsupported property", `new URLPattern({pathname: "/(\\p{scx=Latn})"})`, "TypeError: Failed to construct 'URLPattern': Invalid pathname pattern '/(\\p{scx=Latn})'. Custom regular expression group '\\p{scx=Latn}' is invalid."},
	{"hasRegExpGroups", `return [new URLPattern({}).hasRegExpGroups, new URLPattern({pathname: "/:a/*"}).hasRegExpGroups, new URLPattern({hash: ":a(x)"}).hasRegExpGroups, new URLPattern({protocol: "(hi)"}).hasRegExpGroups].join()`, "false,false,true,true"},
	{"compareComponent", `return URLPattern.compareComponent("pathname", new URLPattern({pathname: "/foo/bar"}), new URLPattern({pathname: "/foo/:bar"}))`, "1"},
	{"compareComponent inputs", `return URLPattern.compareComponent("pathname", {pathname: "/a"}, "https://x.example/b")`, "-1"},
	{"compareComponent enum", `URLPattern.compareComponent("path", new URLPattern(), new URLPattern())`, "TypeError: Failed to execute 'compareComponent' on 'URLPattern': The provided value 'path' is not a valid enum value of type URLPatternComponent."},
	{"generate", `return new URLPattern({pathname: "/product/:category/:id"}).generate("pathname", {category: "electronics", id: "456", more: "x"})`, "/product/electronics/456"},
	{"generate missing group", `new URLPattern({pathname: "/user/:id"}).generate("pathname", {})`, "TypeError: Failed to execute 'generate' on 'URLPattern': No value for group 'id' in pathname."},
	{"generate hostname", `return new URLPattern("https://:subdomain.example.com/").generate("hostname", {subdomain: "store"})`, "store.example.com"},
}

func TestJS(t *testing.T) {
	jstest.RunIn(t, newIsolate(t), jsTests, jstest.Call)
}

// TestHasRegExpGroupsWPT follows WPT's urlpattern-hasregexpgroups.any.js
// (which is not a data file): every component, each group kind.
func TestHasRegExpGroupsWPT(t *testing.T) {
	iso := newIsolate(t)
	got := jstest.Call(t, iso, `
	const fails = [];
	const expect = (v, want, what) => { if (v !== want) fails.push(what) };
	expect(new URLPattern({}).hasRegExpGroups, false, "match-everything");
	for (const c of ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"]) {
		expect(new URLPattern({[c]: "*"}).hasRegExpGroups, false, "wildcard in " + c);
		expect(new URLPattern({[c]: ":foo"}).hasRegExpGroups, false, "segment wildcard in " + c);
		expect(new URLPattern({[c]: ":foo?"}).hasRegExpGroups, false, "optional segment wildcard in " + c);
		expect(new URLPattern({[c]: ":foo(hi)"}).hasRegExpGroups, true, "named regexp group in " + c);
		expect(new URLPattern({[c]: "(hi)"}).hasRegExpGroups, true, "anonymous regexp group in " + c);
		if (c !== "protocol" && c !== "port") {
			expect(new URLPattern({[c]: "a-{:hello}-z-*-a"}).hasRegExpGroups, false, "mixed wildcards in " + c);
			expect(new URLPattern({[c]: "a-(hi)-z-(lo)-a"}).hasRegExpGroups, true, "mixed regexp groups in " + c);
		}
	}
	expect(new URLPattern({pathname: "/a/:foo/:baz?/b/*"}).hasRegExpGroups, false, "complex pathname");
	expect(new URLPattern({pathname: "/a/:foo/:baz([a-z]+)?/b/*"}).hasRegExpGroups, true, "complex pathname with regexp");
	return fails.join("; ")`)
	if got != "" {
		t.Error(got)
	}
}
