package runtime_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// parseJSONTests are texts ParseJSON must read as goja's JSON.parse does
// (compared through a checker run in JS).
var parseJSONTests = []string{
	`{"id":7,"name":"ada","tags":["a","b","c"]}`,
	` { "a" : [ 1 , 2 , { "b" : null } ] , "c" : true , "d" : false } `,
	`[]`, `{}`, `[[]]`, `[{}]`, `""`, `"x"`, `0`, `-0`, `1.5`, `-2.5e-3`, `1E3`, `1e+2`, `123456789012345678901234567890`,
	`9007199254740993`, `5e-324`, `true`, `false`, `null`,
	`"esc \" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20ac"`,
	`"pair \ud83d\ude00 literal 😀 é"`,
	`{"dup":1,"other":2,"dup":3}`,
	`{"2":"b","1":"a","x":"x"}`,
	`{"é":1,"😀":2}`,
	"\t\n\r [1]\n",
}

func TestParseJSONMatchesBuiltin(t *testing.T) {
	vm := goja.New()
	parse, _ := goja.AssertFunction(vm.Get("JSON").(*goja.Object).Get("parse"))
	same, err := vm.RunString(`(function same(a, b) {
		if (typeof a !== typeof b) return false;
		if (typeof a === 'number') return Object.is(a, b);
		if (a === null || typeof a !== 'object') return a === b;
		if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
		const ka = Object.keys(a), kb = Object.keys(b);
		if (ka.join('\u0000') !== kb.join('\u0000')) return false;
		return ka.every((k) => same(a[k], b[k]));
	})`)
	if err != nil {
		t.Fatal(err)
	}
	sameFn, _ := goja.AssertFunction(same)
	for _, text := range parseJSONTests {
		want, err := parse(goja.Undefined(), vm.ToValue(text))
		if err != nil {
			t.Fatalf("builtin %q: %v", text, err)
		}
		got, err := runtime.ParseJSON(vm, text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if ok, _ := sameFn(goja.Undefined(), got, want); !ok.ToBoolean() {
			t.Errorf("%q: got %v, builtin %v", text, got, want)
		}
	}
}

// Escapes of lone surrogates survive (goja's builtin turns them into
// U+FFFD); "__proto__" is an own property, not the prototype.
func TestParseJSONStrictSemantics(t *testing.T) {
	if v, err := runtime.ParseJSON(goja.New(), `[1e400, -1e400]`); err != nil || v.String() != "Infinity,-Infinity" {
		t.Errorf("1e400: %v %v, want Infinity", v, err) // goja's builtin rejects it
	}
	vm := goja.New()
	v, err := runtime.ParseJSON(vm, `{"s":"\ud800x","__proto__":{"polluted":true}}`)
	if err != nil {
		t.Fatal(err)
	}
	_ = vm.Set("v", v)
	got, err := vm.RunString(`[v.s.length, v.s.charCodeAt(0).toString(16), Object.getPrototypeOf(v) === Object.prototype,
		Object.keys(v).join(), v.polluted === undefined].join(' ')`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "2 d800 true s,__proto__ true"; got.String() != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// V8's wording, as a route sees it under next start.
var parseJSONErrorTests = []struct{ text, want string }{
	{``, "Unexpected end of JSON input"},
	{`{"a":1`, "Expected ',' or '}' after property value in JSON at position 6 (line 1 column 7)"},
	{`{`, "Expected property name or '}' in JSON at position 1 (line 1 column 2)"},
	{`[1`, "Expected ',' or ']' after array element in JSON at position 2 (line 1 column 3)"},
	{`[`, "Unexpected end of JSON input"},
	{`tru`, "Unexpected end of JSON input"},
	{`abc`, `Unexpected token 'a', "abc" is not valid JSON`},
	{`[1,]`, `Unexpected token ']', "[1,]" is not valid JSON`},
	{`{"a":1,"b":2,"c":3,"d":x,"e":5,"f":6}`, `Unexpected token 'x', ...""c":3,"d":x,"e":5,"f"... is not valid JSON`},
	{`x23456789012345678901`, `Unexpected token 'x', "x234567890"... is not valid JSON`},
	{`12345678901234567890 x`, `Unexpected non-whitespace character after JSON at position 21 (line 1 column 22)`},
	{`["123456789012345678",x]`, `Unexpected token 'x', ..."12345678",x]" is not valid JSON`},
	{`{a:1}`, "Expected property name or '}' in JSON at position 1 (line 1 column 2)"},
	{`{"a":1,}`, "Expected double-quoted property name in JSON at position 7 (line 1 column 8)"},
	{`{"a" 1}`, "Expected ':' after property name in JSON at position 5 (line 1 column 6)"},
	{`{"a":1 "b":2}`, "Expected ',' or '}' after property value in JSON at position 7 (line 1 column 8)"},
	{"[1\n 2]", "Expected ',' or ']' after array element in JSON at position 4 (line 2 column 2)"},
	{`1 2`, "Unexpected non-whitespace character after JSON at position 2 (line 1 column 3)"},
	{"\"a\tb\"", "Bad control character in string literal in JSON at position 2 (line 1 column 3)"},
	{`"\x"`, "Bad escaped character in JSON at position 2 (line 1 column 3)"},
	{`"\u12G4"`, "Bad Unicode escape in JSON at position 2 (line 1 column 3)"},
	{`"abc`, "Unterminated string in JSON at position 4 (line 1 column 5)"},
	{`-`, "No number after minus sign in JSON at position 1 (line 1 column 2)"},
	{`1.`, "Unterminated fractional number in JSON at position 2 (line 1 column 3)"},
	{`1e`, "Exponent part is missing a number in JSON at position 2 (line 1 column 3)"},
}

func TestParseJSONErrors(t *testing.T) {
	vm := goja.New()
	for _, tt := range parseJSONErrorTests {
		_, err := runtime.ParseJSON(vm, tt.text)
		ex, ok := err.(*goja.Exception)
		if !ok {
			t.Errorf("%q: error %v, want a SyntaxError", tt.text, err)
			continue
		}
		obj := ex.Value().ToObject(vm)
		if name := obj.Get("name").String(); name != "SyntaxError" || obj.Get("message").String() != tt.want {
			t.Errorf("%q: %s: %q, want SyntaxError: %q", tt.text, name, obj.Get("message"), tt.want)
		}
	}
	if _, err := runtime.ParseJSON(vm, strings.Repeat("[", 1<<15)+strings.Repeat("]", 1<<15)); err == nil {
		t.Error("no error for 32768 levels of nesting")
	}
}

func BenchmarkParseJSON(b *testing.B) {
	vm := goja.New()
	const text = `{"id":7,"name":"ada","tags":["a","b","c"]}`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.ParseJSON(vm, text); err != nil {
			b.Fatal(err)
		}
	}
}
