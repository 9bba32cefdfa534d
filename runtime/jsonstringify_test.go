package runtime_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime"
)

// stringifyTests are JS expressions whose StringifyJSON result must be
// goja's JSON.stringify's, error included.
var stringifyTests = []string{
	`{ message: 'Hello world!', ok: true, n: 42 }`,
	`'plain'`, `42`, `-0`, `1.5e300`, `0.1`, `NaN`, `-Infinity`, `true`, `null`, `undefined`,
	`[1, 'a', null, undefined, () => 1, Symbol('s'), NaN, [], {}]`,
	`{ a: undefined, b: () => 1, c: Symbol('x'), d: 1, [Symbol('k')]: 2 }`,
	`{ u: undefined }`, `{ first: undefined, second: 2 }`,
	`'quote " backslash \\ newline \n tab \t bell \u0007 del \u007f'`,
	`'é ünïcödé 😀 \u2028 \u2029'`,
	`'lone \ud800 and \udfff and pair \ud83d\ude00'`,
	`{ 'ké"y': 1, '\n': 2 }`,
	`new Date(0)`,
	`{ d: new Date(86400000) }`,
	`{ toJSON(key) { return 'key:' + key } }`,
	`{ nested: { toJSON(key) { return 'key:' + key } } }`,
	`[{ toJSON(key) { return 'index:' + key } }]`,
	`new Number(3)`, `new String('s')`, `new Boolean(false)`, `[new Number(1), new String('x'), new Boolean(true)]`,
	`Object.defineProperty({}, 'g', { get() { return 'got' }, enumerable: true })`,
	`Object.defineProperty({ v: 1 }, 'hidden', { value: 2, enumerable: false })`,
	`Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })`,
	`new Map([[1, 2]])`, `new Set([1])`, `/re/g`, `new Error('e')`,
	`(() => { const a = [1, , 3]; a.length = 5; return a })()`,
	`{ 2: 'b', 1: 'a', x: 'x' }`,
	`(() => { const o = {}; o.self = o; return o })()`,
	`(() => { const a = []; a.push(a); return a })()`,
	`{ big: 1n }`, `10n`,
	`{ get boom() { throw new Error('boom') } }`,
	`{ toJSON() { throw new TypeError('nope') } }`,
	`Object.assign(Object.create(null), { z: 1 })`,
	`new Uint8Array([1, 2])`,
	`{ deep: [[[{ x: [1, { y: 'z' }] }]]] }`,
	`() => 1`, `Symbol('top')`,
}

func TestStringifyJSONMatchesBuiltin(t *testing.T) {
	vm := goja.New()
	for _, src := range stringifyTests {
		value, err := vm.RunString("(" + src + ")")
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		stringify, _ := goja.AssertFunction(vm.Get("JSON").(*goja.Object).Get("stringify"))
		want, wantErr := stringify(goja.Undefined(), value)
		got, gotErr := runtime.StringifyJSON(vm, value)
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%s: error %v, builtin's %v", src, gotErr, wantErr)
			continue
		}
		if wantErr != nil {
			if gotErr.Error() != wantErr.Error() {
				t.Errorf("%s: error %q, builtin's %q", src, gotErr, wantErr)
			}
			continue
		}
		if !got.StrictEquals(want) {
			t.Errorf("%s: %v, builtin's %v", src, got, want)
		}
	}
}

func TestStringifyJSONDepth(t *testing.T) {
	vm := goja.New()
	value, _ := vm.RunString(`(() => { let o = {}; for (let i = 0; i < 20000; i++) o = { o }; return o })()`)
	if _, err := runtime.StringifyJSON(vm, value); err == nil {
		t.Fatal("no error for 20000 levels of nesting")
	}
}

func BenchmarkStringifyJSON(b *testing.B) {
	vm := goja.New()
	value, _ := vm.RunString(`({ message: 'Hello world!', ok: true, n: 42 })`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.StringifyJSON(vm, value); err != nil {
			b.Fatal(err)
		}
	}
}
