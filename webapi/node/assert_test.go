package node

import "testing"

var assertTests = []jsTest{
	{"ok passes", `const assert = require('assert'); assert(true); assert.ok(1); return 'fine'`, "fine"},
	{"ok fails", `try { require('assert').ok(false) } catch (e) { return [e.name, e.code, e.message, e.generatedMessage, e.actual, e.expected, e.operator].join('|') }`, "AssertionError|ERR_ASSERTION|false == true|true|false|true|=="},
	{"ok no args", `try { require('assert').ok() } catch (e) { return e.message }`, "No value argument passed to `assert.ok()`"},
	{"ok message", `try { require('assert')(0, 'custom') } catch (e) { return e.message + e.generatedMessage }`, "customfalse"},
	{"ok error message", `try { require('assert')(0, new TypeError('mine')) } catch (e) { return e.name + e.message }`, "TypeErrormine"},
	{"strictEqual", `try { require('assert').strictEqual(1, 2) } catch (e) { return e.message }`, "Expected values to be strictly equal:\n\n1 !== 2\n"},
	{"strictEqual strings", `try { require('assert').strictEqual('a', 'b') } catch (e) { return e.message }`, "Expected values to be strictly equal:\n\n'a' !== 'b'\n"},
	{"equal", `try { require('assert').equal(1, 2) } catch (e) { return e.message }`, "1 == 2"},
	{"equal loose ok", `require('assert').equal(1, '1'); return 'ok'`, "ok"},
	{"notStrictEqual", `try { require('assert').notStrictEqual(1, 1) } catch (e) { return e.message }`, `Expected "actual" to be strictly unequal to: 1`},
	{"deepStrictEqual diff", `try { require('assert').deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }) } catch (e) { return e.message }`, "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n    a: 1,\n+   b: 2\n-   b: 3\n  }"},
	{"deepStrictEqual passes", `require('assert').deepStrictEqual({ a: [1, { b: new Map([[1, 2]]) }] }, { a: [1, { b: new Map([[1, 2]]) }] }); return 'ok'`, "ok"},
	{"deepEqual loose", `const a = require('assert'); a.deepEqual({ a: 1 }, { a: '1' }); try { a.deepEqual({ a: 1 }, { a: 2 }) } catch (e) { return e.message.split('\n')[0] }`, "Expected values to be loosely deep-equal:"},
	{"throws", `const a = require('assert'); a.throws(() => { throw new TypeError('x') }, TypeError); a.throws(() => { throw new Error('abc') }, /bc/); a.throws(() => { throw new Error('m') }, { message: 'm' }); try { a.throws(() => {}) } catch (e) { return e.message }`, "Missing expected exception."},
	{"throws wrong class rethrows", `try { require('assert').throws(() => { throw new RangeError('r') }, TypeError) } catch (e) { return e.name + ': ' + e.message.split('\n')[0] }`, `AssertionError: The error is expected to be an instance of "TypeError". Received "RangeError"`},
	{"doesNotThrow", `try { require('assert').doesNotThrow(() => { throw new Error('oops') }) } catch (e) { return e.message }`, "Got unwanted exception.\nActual message: \"oops\""},
	{"match", `try { require('assert').match('abc', /x/) } catch (e) { return e.message }`, "The input did not match the regular expression /x/. Input:\n\n'abc'\n"},
	{"fail", `try { require('assert').fail() } catch (e) { return e.message } `, "Failed"},
	{"ifError", `try { require('assert').ifError(new Error('bad')) } catch (e) { return e.message }`, "ifError got unwanted exception: bad"},
	{"strict mode", `const s = require('assert').strict; try { s.equal(1, '1') } catch (e) { return (s.strict === s) + ' ' + e.message.split('\n')[0] + ' ' + (require('assert/strict') === s) }`, "true Expected values to be strictly equal: true"},
	{"AssertionError ctor", `const { AssertionError } = require('assert'); const e = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }); return (e instanceof Error) + ' ' + e.code`, "true ERR_ASSERTION"},
}

var assertAsyncTests = []jsTest{
	{"rejects", `const a = require('assert'); await a.rejects(Promise.reject(new Error('no')), /no/); try { await a.rejects(Promise.resolve(1)) } catch (e) { done(e.message) }`, "Missing expected rejection."},
	{"doesNotReject", `try { await require('assert').doesNotReject(async () => { throw new Error('z') }) } catch (e) { done(e.message) }`, "Got unwanted rejection.\nActual message: \"z\""},
}

func TestAssert(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, assertTests)
	runAsyncTable(t, iso, assertAsyncTests)
}

var osTests = []jsTest{
	{"basics", `const os = require('os'); return [os.EOL === '\n', os.platform() === process.platform, typeof os.hostname(), os.tmpdir().length > 0, os.cpus().length > 0, typeof os.totalmem(), os.endianness(), typeof os.networkInterfaces(), typeof os.userInfo().username, os.constants.errno.ENOENT > 0].join()`, "true,true,string,true,true,number,LE,object,string,true"},
}

func TestOS(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, osTests)
}
