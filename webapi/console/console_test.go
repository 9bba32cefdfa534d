package console_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/edgerun/edgerun/runtime"
	"github.com/edgerun/edgerun/webapi/console"
	"github.com/edgerun/edgerun/webapi/events"
	"github.com/edgerun/edgerun/webapi/events/eventstest"
)

// recorder is a Sink that keeps "level: msg" lines.
type recorder struct {
	mu    sync.Mutex
	lines []string
}

func (r *recorder) Log(level, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lines = append(r.lines, level+": "+msg)
}

func (r *recorder) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.lines, "\n")
}

// formatTests compare console.log output with what Node 22 prints for the
// same arguments.
var formatTests = []struct{ name, args, want string }{
	{"string", `"hello"`, "hello"},
	{"several", `"a", 1, true, null, undefined`, "a 1 true null undefined"},
	{"%s", `"%s=%s", "a", 1`, "a=1"},
	{"%s -0 and bigint", `"%s %s %s", -0, 5n, Symbol("x")`, "-0 5n Symbol(x)"},
	{"%s object", `"%s", {a: {b: 1}}`, "{ a: [Object] }"},
	{"%s user toString", `"%s", {toString() { return "T" }}`, "T"},
	{"%s array", `"%s", [1, [2, [3]]]`, "[ 1, [Array] ]"},
	{"%s error", `"%s", Object.assign(new Error("e"), {stack: "Error: e\n    at f (a.js:1:1)"})`, "Error: e\n    at f (a.js:1:1)"},
	{"%d", `"%d %d %d %d", 42.5, "7", 3n, {}`, "42.5 7 3n NaN"},
	{"%i", `"%i %i", 42.9, "0x10"`, "42 16"},
	{"%f", `"%f %f", "1.5abc", Symbol()`, "1.5 NaN"},
	{"%j", `"%j", {a: [1, "x"]}`, `{"a":[1,"x"]}`},
	{"%j circular", `"%j", (() => { const o = {}; o.o = o; return o })()`, "[Circular]"},
	{"%o", `"%o", [1]`, "[ 1, [length]: 1 ]"},
	{"%O", `"%O", {a: 1}`, "{ a: 1 }"},
	{"%c", `"%cstyled", "color: red"`, "styled"},
	{"%%", `"100%% %s", "sure"`, "100% sure"},
	{"missing args", `"%s and %d"`, "%s and %d"},
	{"missing some", `"%s and %s", "x"`, "x and %s"},
	{"unknown directive", `"%x %s", 1`, "%x 1"},
	{"extra args", `"%s", "a", "b", {c: 1}`, "a b { c: 1 }"},
	{"non-string first", `{a: 1}, "b"`, "{ a: 1 } b"},
	{"nested object", `{a: 1, b: "two", c: [1, 2, 3], d: {e: {f: {g: 1}}}}`, "{ a: 1, b: 'two', c: [ 1, 2, 3 ], d: { e: { f: [Object] } } }"},
	{"quotes", `["it's", 'say "hi"', "both ' and \""]`, `[ "it's", 'say "hi"', ` + "`both ' and \"`" + ` ]`},
	{"escapes", `["a\nb\t\u0001\\"]`, `[ 'a\nb\t\x01\\' ]`},
	{"keys", `{"a-b": 1, _ok: 2, [Symbol("s")]: 3, 1: 4}`, "{ '1': 4, 'a-b': 1, _ok: 2, [Symbol(s)]: 3 }"},
	{"empty", `{}, [], new Map(), new Set()`, "{} [] Map(0) {} Set(0) {}"},
	{"map and set", `new Map([["a", 1], [{}, [2]]]), new Set([1, "x"])`, "Map(2) { 'a' => 1, {} => [ 2 ] } Set(2) { 1, 'x' }"},
	{"functions", `function foo() {}, () => {}, async function bar() {}, function* gen() {}, (() => { class A {}; return [A, class B extends A {}] })()`,
		"[Function: foo] [Function (anonymous)] [AsyncFunction: bar] [GeneratorFunction: gen] [ [class A], [class B extends A] ]"},
	{"function with props", `Object.assign(function f() {}, {x: 1})`, "[Function: f] { x: 1 }"},
	{"class instance", `new (class Foo { constructor() { this.a = 1 } })(), new (class Bar {})()`, "Foo { a: 1 } Bar {}"},
	{"null prototype", `Object.assign(Object.create(null), {a: 1}), Object.create(null)`, "[Object: null prototype] { a: 1 } [Object: null prototype] {}"},
	{"circular", `(() => { const o = {name: "o"}; o.self = o; o.list = [o]; return o })()`, "<ref *1> { name: 'o', self: [Circular *1], list: [ [Circular *1] ] }"},
	{"depth", `{a: {b: {c: {d: 1}}}}`, "{ a: { b: { c: [Object] } } }"},
	{"depth arrays", `[[[[1]]]]`, "[ [ [ [Array] ] ] ]"},
	{"primitives", `-0, 1e21, NaN, 10n, Symbol.iterator`, "-0 1e+21 NaN 10n Symbol(Symbol.iterator)"},
	{"boxed", `new Number(3), new String("ab"), new Boolean(false), Object(Symbol("s")), Object(2n)`, "[Number: 3] [String: 'ab'] [Boolean: false] [Symbol: Symbol(s)] [BigInt: 2n]"},
	{"date and regexp", `new Date(0), /a+b/gi, new Date(NaN)`, "1970-01-01T00:00:00.000Z /a+b/gi Invalid Date"},
	{"sparse", `[1, , , 4, , ]`, "[ 1, <2 empty items>, 4, <1 empty item> ]"},
	{"array extras", `Object.assign([1, 2], {x: "y"})`, "[ 1, 2, x: 'y' ]"},
	{"accessors", `{get a() { return 1 }, set b(v) {}, get c() { return 1 }, set c(v) {}}`, "{ a: [Getter], b: [Setter], c: [Getter/Setter] }"},
	{"typed arrays", `new Uint8Array([1, 2, 3]), new Float64Array(0), new BigInt64Array([5n])`, "Uint8Array(3) [ 1, 2, 3 ] Float64Array(0) [] BigInt64Array(1) [ 5n ]"},
	{"array buffer", `new Uint8Array([1, 2, 255]).buffer`, "ArrayBuffer { [Uint8Contents]: <01 02 ff>, byteLength: 3 }"},
	{"promise", `Promise.resolve(4), new Promise(() => {}), (() => { const p = Promise.reject(3); p.catch(() => {}); return p })()`, "Promise { 4 } Promise { <pending> } Promise { <rejected> 3 }"},
	{"weak", `new WeakMap(), new WeakSet()`, "WeakMap { <items unknown> } WeakSet { <items unknown> }"},
	{"arguments", `(function () { return arguments })(1, "a")`, "[Arguments] { '0': 1, '1': 'a' }"},
	{"toStringTag", `{[Symbol.toStringTag]: "Own"}, new (class X { get [Symbol.toStringTag]() { return "Tag" } })()`, "{ [Symbol(Symbol.toStringTag)]: 'Own' } X [Tag] {}"},
	{"custom inspect", `{[Symbol.for("nodejs.util.inspect.custom")](depth, opts, inspect) { return "custom:" + depth + ":" + inspect({x: 1}) }}`, "custom:2:{ x: 1 }"},
	{"custom inspect object", `{a: {[Symbol.for("nodejs.util.inspect.custom")]() { return {replaced: true} }}}`, "{ a: { replaced: true } }"},
	{"long array", `Array.from({length: 120}, (_, i) => i).slice(0, 7)`, "[\n  0, 1, 2, 3,\n  4, 5, 6\n]"},
	{"many items", `Array.from({length: 101}, () => 0)`, "[\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0,\n  ... 1 more item\n]"},
	{"right aligned numbers", `[1, 22, 333, 4444, 5, 66, 777]`, "[\n     1, 22, 333,\n  4444,  5,  66,\n   777\n]"},
	{"strings grouped", `["a", "bb", "ccc", "dddd", "e", "ff", "ggg"]`, "[\n  'a',   'bb',\n  'ccc', 'dddd',\n  'e',   'ff',\n  'ggg'\n]"},
	{"wide object breaks", `{alpha: "aaaaaaaaaaaaaaaa", beta: "bbbbbbbbbbbbbbbb", gamma: "cccccccccccccccc", delta: "dd"}`, "{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccc',\n  delta: 'dd'\n}"},
	{"nested breaks", `{a: {b: {c: {}}}}`, "{ a: { b: { c: {} } } }"},
	{"four levels go multi-line", `[{a: [{b: 1}]}]`, "[ { a: [ [Object] ] } ]"},
	{"error", `(() => { const e = new Error("boom"); e.stack = "Error: boom\n    at f (file.js:1:1)"; return e })()`, "Error: boom\n    at f (file.js:1:1)"},
	{"error props", `(() => { const e = new TypeError("bad"); e.stack = "TypeError: bad\n    at f (file.js:1:1)"; e.code = "E_BAD"; return e })()`, "TypeError: bad\n    at f (file.js:1:1) {\n  code: 'E_BAD'\n}"},
	{"error without stack", `(() => { const e = new RangeError("r"); e.stack = undefined; return e })()`, "[RangeError: r]"},
	{"error in object", `{e: (() => { const e = new Error("x"); e.stack = "Error: x\n    at g (a.js:2:3)"; return e })()}`, "{\n  e: Error: x\n      at g (a.js:2:3)\n}"},
	{"goja stack rewritten", `(() => { function thrower() { return new Error("g") } return thrower().stack.split("\n")[0] })()`, "Error: g"},
	{"long string in object", `{s: "x".repeat(30) + "\n" + "y".repeat(60)}`, "{\n  s: '" + strings.Repeat("x", 30) + "\\n' +\n    '" + strings.Repeat("y", 60) + "'\n}"},
	{"large array is cut", `new Array(1000).fill("x")`, "[\n" + strings.Repeat("  "+strings.TrimSuffix(strings.Repeat("'x', ", 12), " ")+"\n", 8) + "  'x', 'x', 'x', 'x',\n  ... 900 more items\n]"},
	{"huge holey array", `new Array(1e9), (() => { const a = [1]; a[50001] = 2; return a })()`, "[ <1000000000 empty items> ] [ 1, <50000 empty items>, 2 ]"},
	{"big typed array", `new Uint8Array(1e6)`, "Uint8Array(1000000) [\n" + strings.Repeat("  "+strings.TrimSuffix(strings.Repeat("0, ", 12), " ")+"\n", 8) + "  0, 0, 0, 0,\n  ... 999900 more items\n]"},
	{"error subclass", `(() => { class MyError extends Error {}; const e = new MyError("m"); e.stack = "Error: m\n    at f (a.js:1:1)"; return e })()`, "MyError: m\n    at f (a.js:1:1)"},
	{"symbols", `Symbol(), Symbol("abc"), Symbol.for("def")`, "Symbol() Symbol(abc) Symbol(def)"},
	{"DOM-ish class", `new AbortController().signal`, "AbortSignal {}"},
	{"DOMException", `(() => { const e = new DOMException("m", "AbortError"); e.stack = "AbortError: m\n    at x (y.js:1:1)"; return e })()`, "DOMException [AbortError]: m\n    at x (y.js:1:1)"},
}

func install(out console.Sink) func(iso *runtime.Isolate) {
	return func(iso *runtime.Isolate) {
		events.Install(iso)
		console.Install(iso, out)
	}
}

func TestFormat(t *testing.T) {
	for _, tt := range formatTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			iso := eventstest.New(t, install(rec))
			if got := eventstest.Eval(t, iso, "console.log("+tt.args+")"); strings.HasPrefix(got, "throws") {
				t.Fatal(got)
			}
			if got, want := rec.String(), "log: "+tt.want; got != want {
				t.Errorf("console.log(%s)\ngot:\n%s\nwant:\n%s", tt.args, got, want)
			}
		})
	}
}

var methodTests = []struct{ name, src, want string }{
	{"levels", `console.debug("d"); console.info("i"); console.warn("w"); console.error("e"); console.dirxml("x")`, "debug: d\ninfo: i\nwarn: w\nerror: e\nlog: x"},
	{"assert", `console.assert(true, "no"); console.assert(false); console.assert(0, "x %s", "y"); console.assert(null, {a: 1})`, "warn: Assertion failed\nwarn: Assertion failed: x y\nwarn: Assertion failed: [object Object]"},
	{"count", `console.count(); console.count(); console.count("a"); console.countReset(); console.count(); console.countReset("zz")`, "log: default: 1\nlog: default: 2\nlog: a: 1\nlog: default: 1\nwarn: Warning: Count for 'zz' does not exist"},
	{"group", `console.log("a"); console.group("G"); console.log("b\nc"); console.groupCollapsed(); console.info("d"); console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log("e")`, "log: a\nlog: G\nlog:   b\n  c\ninfo:     d\nlog: e"},
	{"time warnings", `console.timeEnd("nope"); console.time("t"); console.time("t"); console.timeLog("x")`, "warn: Warning: No such label 'nope' for console.timeEnd()\nwarn: Warning: Label 't' already exists for console.time()\nwarn: Warning: No such label 'x' for console.timeLog()"},
	{"dir", `console.dir({a: {b: {c: {d: 1}}}}, {depth: 0}); console.dir({[Symbol.for("nodejs.util.inspect.custom")]() { return "no" }})`, "log: { a: [Object] }\nlog: {\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}"},
	{"table", `console.table([{a: 1, b: "Y"}, {a: "Z", c: 2}])`, "log: ┌─────────┬─────┬─────┬───┐\n│ (index) │ a   │ b   │ c │\n├─────────┼─────┼─────┼───┤\n│ 0       │ 1   │ 'Y' │   │\n│ 1       │ 'Z' │     │ 2 │\n└─────────┴─────┴─────┴───┘"},
	{"table primitives", `console.table(["x", 2])`, "log: ┌─────────┬────────┐\n│ (index) │ Values │\n├─────────┼────────┤\n│ 0       │ 'x'    │\n│ 1       │ 2      │\n└─────────┴────────┘"},
	{"table properties", `console.table({r: {a: 1, b: 2}}, ["b"])`, "log: ┌─────────┬───┐\n│ (index) │ b │\n├─────────┼───┤\n│ r       │ 2 │\n└─────────┴───┘"},
	{"table map", `console.table(new Map([["k", 1]]))`, "log: ┌───────────────────┬─────┬────────┐\n│ (iteration index) │ Key │ Values │\n├───────────────────┼─────┼────────┤\n│ 0                 │ 'k' │ 1      │\n└───────────────────┴─────┴────────┘"},
	{"table non-object", `console.table(5)`, "log: 5"},
}

func TestMethods(t *testing.T) {
	for _, tt := range methodTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			iso := eventstest.New(t, install(rec))
			if got := eventstest.Eval(t, iso, tt.src); strings.HasPrefix(got, "throws") {
				t.Fatal(got)
			}
			if got := rec.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

var namespaceTests = []eventstest.Case{
	{"descriptor", `console; const d = Object.getOwnPropertyDescriptor(globalThis, "console"); return [d.writable, d.enumerable, d.configurable, d.value === console].join()`, "true,false,true,true"},
	{"no Console interface", `return "Console" in globalThis`, "false"},
	{"prototype chain", `const p = Object.getPrototypeOf(console); return Object.getOwnPropertyNames(p).length + ":" + (Object.getPrototypeOf(p) === Object.prototype)`, "0:true"},
	{"toStringTag", `const d = Object.getOwnPropertyDescriptor(console, Symbol.toStringTag); return [String(console), d.writable, d.enumerable, d.configurable].join()`, "[object console],false,false,true"},
	{"methods", `return Object.keys(console).join()`, "assert,clear,debug,error,info,log,table,trace,warn,dir,dirxml,count,countReset,group,groupCollapsed,groupEnd,time,timeLog,timeEnd"},
	{"method shape", `const d = Object.getOwnPropertyDescriptor(console, "log"); return [d.writable, d.enumerable, d.configurable, console.log.length, console.log.name].join()`, "true,true,true,0,log"},
	{"label toString", `let called = 0; for (const m of ["count", "countReset", "time", "timeLog", "timeEnd"]) console[m]({toString() { called++; return "L" }}); return called`, "5"},
	{"label toString throws", `try { console.count({toString() { throw new Error("conv") }}) } catch (e) { return e.message }`, "conv"},
	{"historical", `return [console.timeline, console.timelineEnd, console.markTimeline].join()`, ",,"},
	{"symbols don't throw", `console.log(Symbol()); console.log(Symbol.isConcatSpreadable); return "ok"`, "ok"},
}

func TestNamespace(t *testing.T) {
	eventstest.Run(t, namespaceTests, install(console.SinkFunc(func(string, string) {})))
}

var timeFormatTests = []struct {
	ms   float64
	want string
}{
	{0.1234, "0.123ms"}, {5, "5ms"}, {999.9996, "1000ms"}, {1500, "1.500s"}, {62345, "1:02.345 (m:ss.mmm)"}, {3723456, "1:02:03.456 (h:mm:ss.mmm)"},
}

func TestFormatTime(t *testing.T) {
	for _, tt := range timeFormatTests {
		if got := console.FormatTime(tt.ms); got != tt.want {
			t.Errorf("FormatTime(%v) = %q, want %q", tt.ms, got, tt.want)
		}
	}
}
