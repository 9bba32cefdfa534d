package node

import (
	"strings"
	"testing"
)

var inspectTests = []jsTest{
	{"primitives", `const { inspect } = require('util'); return [inspect('a'), inspect("it's"), inspect(1), inspect(-0), inspect(10n), inspect(null), inspect(undefined), inspect(true), inspect(Symbol('s'))].join('|')`, `'a'|"it's"|1|-0|10n|null|undefined|true|Symbol(s)`},
	{"object", `return require('util').inspect({ a: 1, 'b-c': 'x', [Symbol('s')]: 2 })`, `{ a: 1, 'b-c': 'x', [Symbol(s)]: 2 }`},
	{"empty", `const { inspect } = require('util'); return [inspect({}), inspect([]), inspect(new Map()), inspect(new Set())].join('|')`, `{}|[]|Map(0) {}|Set(0) {}`},
	{"array", `return require('util').inspect([1, 'a', [2, [3, [4, [5]]]]])`, `[ 1, 'a', [ 2, [ 3, [Array] ] ] ]`},
	{"nested depth", `return require('util').inspect({ a: { b: { c: { d: 1 } } } })`, `{ a: { b: { c: [Object] } } }`},
	{"depth option", `return require('util').inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 })`, `{ a: [Object] }`},
	{"class instance", `class Foo { constructor() { this.x = 1 } } return require('util').inspect(new Foo())`, `Foo { x: 1 }`},
	{"null proto", `const o = Object.create(null); o.a = 1; return require('util').inspect(o)`, `[Object: null prototype] { a: 1 }`},
	{"map set", `return require('util').inspect(new Map([['a', 1]])) + ' ' + require('util').inspect(new Set([1, 2]))`, `Map(1) { 'a' => 1 } Set(2) { 1, 2 }`},
	{"functions", `const { inspect } = require('util'); class A {} class B extends A {} return [inspect(function foo() {}), inspect(() => {}), inspect(A), inspect(B), inspect(async function af() {})].join('|')`, `[Function: foo]|[Function (anonymous)]|[class A]|[class B extends A]|[AsyncFunction: af]`},
	{"circular", `const o = { a: 1 }; o.self = o; return require('util').inspect(o)`, `<ref *1> { a: 1, self: [Circular *1] }`},
	{"date regexp", `const { inspect } = require('util'); return inspect(new Date(0)) + ' ' + inspect(/a+/g)`, `1970-01-01T00:00:00.000Z /a+/g`},
	{"typed", `const { inspect } = require('util'); return inspect(new Uint8Array([1, 2])) + ' ' + inspect(Buffer.from('hi')) + ' ' + inspect(new ArrayBuffer(2))`, `Uint8Array(2) [ 1, 2 ] <Buffer 68 69> ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }`},
	{"boxed", `const { inspect } = require('util'); return inspect(new Number(3)) + ' ' + inspect(new String('ab'))`, `[Number: 3] [String: 'ab']`},
	{"error", `const e = new Error('boom'); e.stack = 'Error: boom\n    at x'; e.code = 'E1'; return require('util').inspect(e)`, "Error: boom\n    at x {\n  code: 'E1'\n}"},
	{"error no stack", `const e = new TypeError('bad'); e.stack = ''; return require('util').inspect(e)`, `[TypeError: bad]`},
	{"promise", `const { inspect } = require('util'); return inspect(Promise.resolve(4)) + ' ' + inspect(new Promise(() => {}))`, `Promise { 4 } Promise { <pending> }`},
	{"getter", `return require('util').inspect({ get a() { return 1 }, set b(v) {} })`, `{ a: [Getter], b: [Setter] }`},
	{"custom", `const o = { [require('util').inspect.custom]() { return 'CUSTOM' } }; return require('util').inspect({ o })`, `{ o: CUSTOM }`},
	{"long breaks", `return require('util').inspect({ aaaaaaaaaaaa: 'x'.repeat(60), bbbbbbbbbbbbb: 'y'.repeat(6), c: 1, d: 'z'.repeat(50) })`, "{\n  aaaaaaaaaaaa: '" + strings.Repeat("x", 60) + "',\n  bbbbbbbbbbbbb: 'yyyyyy',\n  c: 1,\n  d: '" + strings.Repeat("z", 50) + "'\n}"},
	{"breaks at 80", `return require('util').inspect({ aaaaaaaaaaaa: 'x'.repeat(30), bbbbbbbbbbbbb: 'y'.repeat(30), c: 1 })`, "{\n  aaaaaaaaaaaa: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n  bbbbbbbbbbbbb: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy',\n  c: 1\n}"},
	{"fits 80", `return require('util').inspect({ a: 'x'.repeat(40), b: 'y'.repeat(10) })`, "{ a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyy' }"},
	{"grouped numbers", `return require('util').inspect(Array.from({ length: 30 }, (_, i) => i * 7))`, "[\n    0,   7,  14,  21,  28,  35,  42,  49,\n   56,  63,  70,  77,  84,  91,  98, 105,\n  112, 119, 126, 133, 140, 147, 154, 161,\n  168, 175, 182, 189, 196, 203\n]"},
	{"more items", `return require('util').inspect(Array.from({ length: 102 }, () => 0)).endsWith('... 2 more items\n]')`, "true"},
	{"holes", `return require('util').inspect([1, , , 4])`, `[ 1, <2 empty items>, 4 ]`},
	{"colors use the JS renderer", `return JSON.stringify(require('util').inspect({ a: 1, s: 'x' }, { colors: true }))`, `"{ a: \u001b[33m1\u001b[39m, s: \u001b[32m'x'\u001b[39m }"`},
	{"getters option", `return require('util').inspect({ get a() { return 1 } }, { getters: true })`, `{ a: [Getter: 1] }`},
	{"formatWithOptions", `return require('util').formatWithOptions({ depth: 0 }, '%O', { a: { b: 1 } })`, `{ a: [Object] }`},
	{"escape", `return require('util').inspect('a\nb\x01')`, `'a\nb\x01'`},
}

var formatTests = []jsTest{
	{"%s", `return require('util').format('%s:%s', 'a', 5)`, "a:5"},
	{"%d %i %f", `return require('util').format('%d %i %f %d', '42', '3.9', '1.5', 10n)`, "42 3 1.5 10n"},
	{"%j", `const o = {}; o.o = o; return require('util').format('%j %j', { a: 1 }, o)`, `{"a":1} [Circular]`},
	{"%o %O", `return require('util').format('%O', { a: [1] })`, `{ a: [ 1 ] }`},
	{"%%", `return require('util').format('100%% %s', 'x')`, "100% x"},
	{"extra args", `return require('util').format('a', 'b', 1, { c: 2 })`, "a b 1 { c: 2 }"},
	{"no format", `return require('util').format(1, 'x', [2])`, "1 x [ 2 ]"},
	{"missing args", `return require('util').format('%s %s', 'a')`, "a %s"},
	{"%s object", `return require('util').format('%s', { a: { b: 1 } })`, "{ a: [Object] }"},
	{"%s error is inspected", `return require('util').format('%s', new Error('e1')).split('\n')[0]`, "Error: e1"},
	{"%s user toString", `class A { toString() { return 'AAA' } } return require('util').format('%s', new A())`, "AAA"},
	{"%c", `return require('util').format('%cred', 'color: red')`, "red"},
}

var utilTests = []jsTest{
	{"inherits", `const util = require('util'); function A() {} A.prototype.hi = () => 'hi'; function B() {} util.inherits(B, A); return new B().hi() + (B.super_ === A)`, "hitrue"},
	{"isDeepStrictEqual", `const { isDeepStrictEqual: eq } = require('util'); return [eq({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), eq({ a: 1 }, { a: '1' }), eq([1], { 0: 1, length: 1 }), eq(new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]])), eq(new Set([{ a: 1 }]), new Set([{ a: 1 }])), eq(NaN, NaN), eq(0, -0), eq(new Date(1), new Date(1)), eq(Buffer.from('a'), Buffer.from('a'))].join()`, "true,false,false,true,true,true,false,true,true"},
	{"deep circular", `const { isDeepStrictEqual: eq } = require('util'); const a = { x: 1 }; a.a = a; const b = { x: 1 }; b.a = b; return eq(a, b)`, "true"},
	{"types", `const { types: t } = require('util'); return [t.isPromise(Promise.resolve()), t.isPromise({ then() {} }), t.isDate(new Date()), t.isRegExp(/x/), t.isUint8Array(Buffer.alloc(1)), t.isTypedArray(new Float32Array(1)), t.isMap(new Map()), t.isSet(new Set()), t.isArrayBuffer(new ArrayBuffer(1)), t.isAsyncFunction(async () => {}), t.isNativeError(new TypeError()), t.isProxy(new Proxy({}, {})), t.isBoxedPrimitive(new String('')), t.isGeneratorFunction(function* () {})].join()`, "true,false,true,true,true,true,true,true,true,true,true,true,true,true"},
	{"util/types alias", `return require('util/types') === require('util').types`, "true"},
	{"deprecate", `const util = require('util'); const f = util.deprecate(() => 5, 'old', 'DEP0'); return f() + f()`, "10"},
	{"toUSVString", `return require('util').toUSVString('a\ud800') === 'a\ufffd'`, "true"},
	{"getSystemErrorName", `return require('util').getSystemErrorName(-2)`, "ENOENT"},
	{"isArray", `return require('util').isArray([])`, "true"},
}

var utilAsyncTests = []jsTest{
	{"promisify", `const util = require('util'); const f = (a, cb) => setTimeout(() => cb(null, a * 2), 1); done(await util.promisify(f)(21))`, "42"},
	{"promisify error", `const util = require('util'); const f = (cb) => cb(new Error('nope')); try { await util.promisify(f)() } catch (e) { done(e.message) }`, "nope"},
	{"promisify custom", `const util = require('util'); function f() {} f[util.promisify.custom] = () => Promise.resolve('custom'); done(await util.promisify(f)())`, "custom"},
	{"promisify setTimeout", `const util = require('util'); done(await util.promisify(setTimeout)(1, 'v'))`, "v"},
	{"callbackify", `const util = require('util'); util.callbackify(async (x) => x + 1)(1, (err, v) => done(err + ' ' + v))`, "null 2"},
	{"callbackify falsy rejection", `const util = require('util'); util.callbackify(() => Promise.reject(null))((err) => done(err.code + ' ' + err.reason))`, "ERR_FALSY_VALUE_REJECTION null"},
}

func TestUtil(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	t.Run("inspect", func(t *testing.T) { runTable(t, iso, inspectTests) })
	t.Run("format", func(t *testing.T) { runTable(t, iso, formatTests) })
	t.Run("util", func(t *testing.T) { runTable(t, iso, utilTests) })
	t.Run("async", func(t *testing.T) { runAsyncTable(t, iso, utilAsyncTests) })
}
