package node

import "testing"

// pathTests follow Node's documentation and test-path-*.js expectations.
var pathTests = []jsTest{
	{"join", `const p = require('path'); return [p.join('/foo', 'bar', 'baz/asdf', 'quux', '..'), p.join('foo', '', 'bar'), p.join(''), p.join('./'), p.join('a/', '../../b'), p.join('/a', '/b/')].join('|')`, "/foo/bar/baz/asdf|foo/bar|.|./|../b|/a/b/"},
	{"normalize", `const p = require('path'); return [p.normalize('/foo/bar//baz/asdf/quux/..'), p.normalize(''), p.normalize('./'), p.normalize('foo/..'), p.normalize('foo/../'), p.normalize('/..'), p.normalize('../a/./b/../../..'), p.normalize('//a')].join('|')`, "/foo/bar/baz/asdf|.|./|.|./|/|../..|/a"},
	{"resolve", `const p = require('path'); return [p.resolve('/foo/bar', './baz'), p.resolve('/foo/bar', '/tmp/file/'), p.resolve('/a', 'b', '..', 'c/'), p.resolve('/')].join('|')`, "/foo/bar/baz|/tmp/file|/a/c|/"},
	{"resolve relative uses cwd", `const p = require('path'); return p.resolve('x/y') === process.cwd() + '/x/y'`, "true"},
	{"relative", `const p = require('path'); return [p.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'), p.relative('/a', '/a'), p.relative('/a/b', '/a'), p.relative('/', '/a/b'), p.relative('/a/b', '/c')].join('|')`, "../../impl/bbb||..|a/b|../../c"},
	{"dirname", `const p = require('path'); return [p.dirname('/foo/bar/baz/asdf/quux'), p.dirname('/a/b/'), p.dirname('/a'), p.dirname('a'), p.dirname(''), p.dirname('//a'), p.dirname('/a/b//c')].join('|')`, "/foo/bar/baz/asdf|/a|/|.|.|//|/a/b/"},
	{"basename", `const p = require('path'); return [p.basename('/foo/bar/baz/asdf/quux.html'), p.basename('/foo/bar/baz/asdf/quux.html', '.html'), p.basename('/aaa/'), p.basename('.js', '.js'), p.basename('/aaa/bbb', 'bbb'), p.basename('/aaa/bbb', 'bb'), p.basename('file.js.old', '.js.old'), p.basename('//a'), p.basename('a', 'a')].join('|')`, "quux.html|quux|aaa||bbb|b|file|a|"},
	{"extname", `const p = require('path'); return [p.extname('index.html'), p.extname('index.coffee.md'), p.extname('index.'), p.extname('index'), p.extname('.index'), p.extname('.index.md'), p.extname('..'), p.extname('/a/b.c/')].join('|')`, ".html|.md|.|||.md||.c"},
	{"parse", `return JSON.stringify(require('path').parse('/home/user/dir/file.txt'))`, `{"root":"/","dir":"/home/user/dir","base":"file.txt","ext":".txt","name":"file"}`},
	{"parse relative", `const p = require('path'); return [JSON.stringify(p.parse('a.txt')), JSON.stringify(p.parse('/')), JSON.stringify(p.parse('./a/')), JSON.stringify(p.parse('.bashrc'))].join('|')`, `{"root":"","dir":"","base":"a.txt","ext":".txt","name":"a"}|{"root":"/","dir":"/","base":"","ext":"","name":""}|{"root":"","dir":".","base":"a","ext":"","name":"a"}|{"root":"","dir":"","base":".bashrc","ext":"","name":".bashrc"}`},
	{"format", `const p = require('path'); return [p.format({ root: '/ignored', dir: '/home/user/dir', base: 'file.txt' }), p.format({ root: '/', base: 'file.txt', ext: 'ignored' }), p.format({ root: '/', name: 'file', ext: '.txt' }), p.format({ name: 'x', ext: 'js' })].join('|')`, "/home/user/dir/file.txt|/file.txt|/file.txt|x.js"},
	{"isAbsolute", `const p = require('path'); return [p.isAbsolute('/foo'), p.isAbsolute('qux/'), p.isAbsolute('.'), p.isAbsolute('')].join()`, "true,false,false,false"},
	{"constants and aliases", `const p = require('path'); return p.sep + p.delimiter + (p.posix === p) + (require('path/posix') === p) + (require('node:path') === p)`, "/:truetruetrue"},
	{"type error", `try { require('path').join('a', 5) } catch (e) { return e.code + ': ' + e.message }`, `ERR_INVALID_ARG_TYPE: The "path" argument must be of type string. Received type number (5)`},
	{"win32 throws", `try { require('path').win32.join('a') } catch (e) { return e.message }`, "edgerun: node:path.win32.join is not supported"},
}

func TestPath(t *testing.T) {
	iso := newTestIsolate(t, Options{Dir: "/srv/app"})
	runTable(t, iso, pathTests)
}

// querystringTests compare with the outputs in Node's querystring docs
// and test-querystring.js.
var querystringTests = []jsTest{
	{"parse doc example", `const o = require('querystring').parse('foo=bar&abc=xyz&abc=123'); return JSON.stringify(o) + ' ' + Object.getPrototypeOf(o)`, `{"foo":"bar","abc":["xyz","123"]} null`},
	{"parse plus and escapes", `return JSON.stringify(require('querystring').parse('a=b+c&d=%20e&f=%zz&g=%E2%9C%93&h'))`, `{"a":"b c","d":" e","f":"%zz","g":"✓","h":""}`},
	{"parse empty pieces", `return JSON.stringify(require('querystring').parse('&&a=1&&=2&b='))`, `{"a":"1","":"2","b":""}`},
	{"parse custom sep eq", `return JSON.stringify(require('querystring').parse('w:%D6%D0%CE%C4;foo:bar', ';', ':'))`, "{\"w\":\"\ufffd\ufffd\ufffd\ufffd\",\"foo\":\"bar\"}"},
	{"parse maxKeys", `return Object.keys(require('querystring').parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })).join()`, "a,b"},
	{"parse maxKeys 0", `return Object.keys(require('querystring').parse('a=1&b=2&c=3', null, null, { maxKeys: 0 })).join()`, "a,b,c"},
	{"parse bad utf8", `return JSON.stringify(require('querystring').parse('a=%FF%41'))`, "{\"a\":\"\ufffdA\"}"},
	{"stringify doc example", `return require('querystring').stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' })`, "foo=bar&baz=qux&baz=quux&corge="},
	{"stringify sep eq", `return require('querystring').stringify({ foo: 'bar', baz: 'qux' }, ';', ':')`, "foo:bar;baz:qux"},
	{"stringify types", `return require('querystring').stringify({ n: 1, i: Infinity, b: true, o: { x: 1 }, u: undefined, s: 'a b&c', big: 10n })`, "n=1&i=&b=true&o=&u=&s=a%20b%26c&big=10"},
	{"escape unescape", `const qs = require('querystring'); return qs.escape("a b!'()*~é") + ' ' + qs.unescape('%41%zz+b')`, "a%20b!'()*~%C3%A9 A%zz+b"},
	{"unescapeBuffer", `return require('querystring').unescapeBuffer('a%2Bb+c%', true).toString()`, "a+b c%"},
	{"round trip", `const qs = require('querystring'); return JSON.stringify(qs.parse(qs.stringify({ 'k y': ['1', '2&3'], z: 'é' })))`, `{"k y":["1","2&3"],"z":"é"}`},
	{"decode alias", `const qs = require('querystring'); return (qs.decode === qs.parse) + ' ' + (qs.encode === qs.stringify)`, "true true"},
}

func TestQuerystring(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, querystringTests)
}

var stringDecoderTests = []jsTest{
	{"utf8 split", `const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf8'); const euro = Buffer.from('€'); return d.write(euro.subarray(0, 1)) + '|' + d.write(euro.subarray(1, 2)) + '|' + d.write(euro.subarray(2)) + '|' + d.end()`, "||€|"},
	{"utf8 4 bytes", `const { StringDecoder } = require('string_decoder'); const d = new StringDecoder(); const b = Buffer.from('a😀b'); return d.write(b.subarray(0, 3)) + d.write(b.subarray(3))`, "a😀b"},
	{"end incomplete", `const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2, 0x82])); return d.end().charCodeAt(0).toString(16)`, "fffd"},
	{"utf16le split surrogate", `const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf16le'); const b = Buffer.from('😀', 'utf16le'); return d.write(b.subarray(0, 3)).length + ':' + d.write(b.subarray(3)).charCodeAt(0).toString(16)`, "1:de00"},
	{"utf16le surrogate at unit boundary", `const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf16le'); const b = Buffer.from('😀', 'utf16le'); return d.write(b.subarray(0, 2)).length + ':' + d.write(b.subarray(2))`, "0:😀"},
	{"base64 chunks", `const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('base64'); return d.write(Buffer.from('ab')) + '|' + d.write(Buffer.from('cd')) + '|' + d.end()`, "|YWJj|ZA=="},
	{"hex", `const { StringDecoder } = require('string_decoder'); return new StringDecoder('hex').write(Buffer.from([1, 255]))`, "01ff"},
	{"unknown", `const { StringDecoder } = require('string_decoder'); try { new StringDecoder('nope') } catch (e) { return e.code }`, "ERR_UNKNOWN_ENCODING"},
}

func TestStringDecoder(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, stringDecoderTests)
}
