package node

import "testing"

var bufferTests = []jsTest{
	{"utf8 round trip", `return Buffer.from('héllo €😀').toString()`, "héllo €😀"},
	{"utf8 bytes", `return Buffer.from('é€').toString('hex')`, "c3a9e282ac"},
	{"lone surrogate", `return Buffer.from('a\ud800b').toString('hex')`, "61efbfbd62"},
	{"invalid utf8 maximal subpart", `return Array.from(Buffer.from([0xe2, 0x82, 0x41, 0xff, 0xf0, 0x9f, 0x98]).toString(), (c) => c.charCodeAt(0).toString(16)).join()`, "fffd,41,fffd,fffd"},
	{"bom kept", `return Buffer.from([0xef, 0xbb, 0xbf, 0x41]).toString().length`, "2"},
	{"hex", `return Buffer.from('48656c6C6f', 'hex').toString()`, "Hello"},
	{"hex stops at bad pair", `return Buffer.from('abzz12', 'hex').toString('hex')`, "ab"},
	{"hex odd", `return Buffer.from('abc', 'hex').toString('hex')`, "ab"},
	{"base64", `return Buffer.from('hello world').toString('base64')`, "aGVsbG8gd29ybGQ="},
	{"base64 decode lenient", `return Buffer.from('aGVs bG8\nd29y-_bGQ', 'base64').toString('hex')`, "68656c6c6f1ddbdcbefdb190"},
	{"base64url", `return Buffer.from([0xfb, 0xff, 0xfe]).toString('base64url')`, "-__-"},
	{"base64url decode", `return Buffer.from('-__-', 'base64url').toString('hex')`, "fbfffe"},
	{"base64 stops at =", `return Buffer.from('YQ==YWJj', 'base64').toString()`, "a"},
	{"latin1", `return Buffer.from('ÿé\u0100', 'latin1').toString('hex')`, "ffe900"},
	{"binary alias", `return Buffer.from([0xff, 0xe9]).toString('binary')`, "ÿé"},
	{"ascii decode masks", `return Buffer.from([0xe9, 0x41]).toString('ascii')`, "iA"},
	{"utf16le", `return Buffer.from('a€', 'utf16le').toString('hex')`, "6100ac20"},
	{"ucs2 round trip", `return Buffer.from('a\ud83d\ude00', 'ucs2').toString('ucs-2')`, "a😀"},
	{"unknown encoding", `try { Buffer.from('x', 'nope') } catch (e) { return e.code + ' ' + e.message }`, "ERR_UNKNOWN_ENCODING Unknown encoding: nope"},
	{"isEncoding", `return [Buffer.isEncoding('UTF-8'), Buffer.isEncoding('binary'), Buffer.isEncoding('utf32'), Buffer.isEncoding('')].join()`, "true,true,false,false"},
	{"byteLength", `return [Buffer.byteLength('€'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength('abcd', 'hex'), Buffer.byteLength('ab', 'utf16le'), Buffer.byteLength(new ArrayBuffer(7))].join()`, "3,2,2,4,7"},
	{"isBuffer and subclass", `const b = Buffer.alloc(2); return [Buffer.isBuffer(b), b instanceof Uint8Array, b instanceof Buffer, Buffer.isBuffer(new Uint8Array(2)), b.constructor === Buffer].join()`, "true,true,true,false,true"},
	{"alloc fill", `return Buffer.alloc(5, 'ab').toString()`, "ababa"},
	{"alloc fill hex", `return Buffer.alloc(4, 'a1', 'hex').toString('hex')`, "a1a1a1a1"},
	{"alloc size error", `try { Buffer.alloc(-1) } catch (e) { return e.code + ': ' + e.message }`, `ERR_OUT_OF_RANGE: The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -1`},
	{"alloc type error", `try { Buffer.alloc('5') } catch (e) { return e.name + ' ' + e.code + ': ' + e.message }`, `TypeError ERR_INVALID_ARG_TYPE: The "size" argument must be of type number. Received type string ('5')`},
	{"from array", `return Buffer.from([1, 2, 256, -1]).toString('hex')`, "010200ff"},
	{"from arraybuffer shares", `const ab = new ArrayBuffer(4); const b = Buffer.from(ab, 1, 2); new Uint8Array(ab)[1] = 9; return b[0] + ',' + b.length`, "9,2"},
	{"from buffer copies", `const a = Buffer.from('ab'); const b = Buffer.from(a); a[0] = 0x7a; return b.toString()`, "ab"},
	{"from json", `return Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))).toString()`, "hi"},
	{"from bad", `try { Buffer.from(5) } catch (e) { return e.message }`, `The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received type number (5)`},
	{"slice shares memory", `const a = Buffer.from('hello'); const s = a.slice(1, 3); s[0] = 0x45; return a.toString() + ' ' + (s instanceof Buffer)`, "hEllo true"},
	{"subarray negative", `return Buffer.from('hello').subarray(-3).toString()`, "llo"},
	{"toString range", `return Buffer.from('hello').toString('utf8', 1, 3)`, "el"},
	{"compare", `return [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')), Buffer.from('abc').compare(Buffer.from('xbcx'), 1, 3, 1)].join()`, "-1,1,0"},
	{"sort with compare", `return [Buffer.from('b'), Buffer.from('a'), Buffer.from('ab')].sort(Buffer.compare).map(String).join()`, "a,ab,b"},
	{"concat", `return Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63]), Buffer.from('de')]).toString()`, "abcde"},
	{"concat truncate", `return Buffer.concat([Buffer.from('abc'), Buffer.from('de')], 4).toString()`, "abcd"},
	{"concat pad", `return Buffer.concat([Buffer.from('a')], 3).toString('hex')`, "610000"},
	{"equals", `return [Buffer.from('ab').equals(Buffer.from('ab')), Buffer.from('ab').equals(Buffer.from('ac'))].join()`, "true,false"},
	{"fill", `return Buffer.alloc(6).fill('xy', 1, 5).toString('hex')`, "007879787900"},
	{"fill number", `return Buffer.alloc(3).fill(257).toString('hex')`, "010101"},
	{"indexOf", `const b = Buffer.from('this is a buffer'); return [b.indexOf('is'), b.indexOf('is', 3), b.indexOf(Buffer.from('a buf')), b.indexOf(0x62), b.lastIndexOf('is'), b.indexOf('zz'), b.includes('buf'), b.indexOf('', 99)].join()`, "2,5,8,10,5,-1,true,16"},
	{"indexOf hex", `return Buffer.from('abcdef').indexOf('6364', 0, 'hex')`, "2"},
	{"copy", `const a = Buffer.from('hello'); const b = Buffer.alloc(7, '.'); const n = a.copy(b, 2, 1, 4); return n + b.toString()`, "3..ell.."},
	{"copy overlap", `const a = Buffer.from('abcdef'); a.copy(a, 2, 0, 4); return a.toString()`, "ababcd"},
	{"write", `const b = Buffer.alloc(6); const n = b.write('héllo', 1); return n + ':' + b.toString('hex')`, "5:0068c3a96c6c"},
	{"write no partial char", `const b = Buffer.alloc(2); return b.write('a€') + b.toString('hex')`, "16100"},
	{"write hex", `const b = Buffer.alloc(3); b.write('ffee', 1, 'hex'); return b.toString('hex')`, "00ffee"},
	{"toJSON", `return JSON.stringify(Buffer.from([1, 2]))`, `{"type":"Buffer","data":[1,2]}`},
	{"read ints", `const b = Buffer.from([0x01, 0x02, 0xff, 0xfe, 0x80, 0, 0, 0]); return [b.readUInt8(2), b.readInt8(2), b.readUInt16LE(0), b.readUInt16BE(0), b.readInt16BE(2), b.readUInt32LE(0), b.readInt32BE(1), b.readUIntBE(0, 3), b.readIntLE(2, 2), b.readUint32BE(4)].join()`, "255,-1,513,258,-2,4278125057,50331264,66303,-257,2147483648"},
	{"write ints", `const b = Buffer.alloc(8); b.writeUInt16BE(0xbeef, 0); b.writeInt16LE(-2, 2); b.writeInt32BE(-1, 4); return b.toString('hex')`, "beeffeffffffffff"},
	{"write uint32 le", `const b = Buffer.alloc(4); return b.writeUInt32LE(0xdeadbeef) + b.toString('hex')`, "4efbeadde"},
	{"write intBE 6", `const b = Buffer.alloc(6); b.writeIntBE(-123456789, 0, 6); return b.readIntBE(0, 6)`, "-123456789"},
	{"write uintLE 6", `const b = Buffer.alloc(6); b.writeUIntLE(0x1234567890ab, 0, 6); return b.toString('hex')`, "ab9078563412"},
	{"floats", `const b = Buffer.alloc(12); b.writeFloatLE(1.5, 0); b.writeDoubleBE(-0.1, 4); return b.toString('hex') + ' ' + b.readFloatLE(0) + ' ' + b.readDoubleBE(4)`, "0000c03fbfb999999999999a 1.5 -0.1"},
	{"bigint", `const b = Buffer.alloc(16); b.writeBigInt64LE(-2n, 0); b.writeBigUInt64BE(0x0102030405060708n, 8); return b.toString('hex') + ' ' + b.readBigInt64LE(0) + ' ' + b.readBigUint64BE(8)`, "feffffffffffffff0102030405060708 -2 72623859790382856"},
	{"read out of range", `try { Buffer.alloc(2).readUInt16LE(1) } catch (e) { return e.code + ': ' + e.message }`, `ERR_OUT_OF_RANGE: The value of "offset" is out of range. It must be >= 0 and <= 0. Received 1`},
	{"read empty", `try { Buffer.alloc(0).readUInt8(0) } catch (e) { return e.code + ': ' + e.message }`, `ERR_BUFFER_OUT_OF_BOUNDS: Attempt to access memory outside buffer bounds`},
	{"write value range", `try { Buffer.alloc(2).writeUInt8(256) } catch (e) { return e.code + ': ' + e.message }`, `ERR_OUT_OF_RANGE: The value of "value" is out of range. It must be >= 0 and <= 255. Received 256`},
	{"swap16", `return Buffer.from([1, 2, 3, 4]).swap16().toString('hex')`, "02010403"},
	{"inspect", `return Buffer.from('abc')[Symbol.for('nodejs.util.inspect.custom')]()`, "<Buffer 61 62 63>"},
	{"species map", `const m = Buffer.from([1, 2]).map((x) => x * 2); return (m instanceof Buffer) + m.toString('hex')`, "true0204"},
	{"Buffer() call", `return Buffer('ab').toString() + Buffer(2).length`, "ab2"},
	{"module exports", `const b = require('buffer'); return [b.Buffer === Buffer, b.kMaxLength, typeof b.SlowBuffer, b.constants.MAX_STRING_LENGTH > 0, b.atob('aGk='), b.btoa('hi')].join()`, "true,4294967296,function,true,hi,aGk="},
	{"isUtf8", `const b = require('buffer'); return [b.isUtf8(Buffer.from('é')), b.isUtf8(Buffer.from([0xff])), b.isAscii(Buffer.from('a'))].join()`, "true,false,true"},
	{"node prefix", `return require('node:buffer').Buffer === Buffer`, "true"},
}

func TestBuffer(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, bufferTests)
}

func BenchmarkBufferBase64(b *testing.B) {
	iso := newTestIsolate(b, Options{})
	err := iso.Do(func() error {
		_, err := iso.VM().RunString(`var s = 'x'.repeat(1024); function f() { return Buffer.from(s).toString('base64') }`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	_ = iso.Do(func() error {
		f, _ := goja_AssertFunction(iso.VM().Get("f"))
		for i := 0; i < b.N; i++ {
			if _, err := f(nil); err != nil {
				return err
			}
		}
		return nil
	})
}
