package node

import "testing"

var zlibTests = []jsTest{
	{"gzip round trip", `const z = require('zlib'); const c = z.gzipSync('hello hello hello'); return z.gunzipSync(c).toString() + ' ' + c[0].toString(16) + c[1].toString(16)`, "hello hello hello 1f8b"},
	{"deflate inflate", `const z = require('zlib'); return z.inflateSync(z.deflateSync(Buffer.from('abc'))).toString() + z.inflateRawSync(z.deflateRawSync('raw')).toString()`, "abcraw"},
	{"node deflate output decodes", `const z = require('zlib'); return z.inflateSync(Buffer.from('eJzLSM3JyQcABiwCFQ==', 'base64')).toString() + ' ' + z.inflateRawSync(Buffer.from('y0jNyckHAA==', 'base64')).toString()`, "hello hello"},
	{"unzip detects", `const z = require('zlib'); return z.unzipSync(z.gzipSync('g')).toString() + z.unzipSync(z.deflateSync('d')).toString()`, "gd"},
	{"brotli", `const z = require('zlib'); return z.brotliDecompressSync(Buffer.from('CwKAaGVsbG8D', 'base64')).toString() + ' ' + z.brotliDecompressSync(z.brotliCompressSync('round trip')).toString()`, "hello round trip"},
	{"level option", `const z = require('zlib'); const big = 'a'.repeat(10000); return (z.deflateSync(big, { level: 9 }).length < z.deflateSync(big, { level: 0 }).length) + ''`, "true"},
	{"header error", `try { require('zlib').gunzipSync(Buffer.from('nope')) } catch (e) { return [e.code, e.errno, e.message].join() }`, "Z_DATA_ERROR,-3,incorrect header check"},
	{"truncated", `const z = require('zlib'); try { z.gunzipSync(z.gzipSync('hello').subarray(0, 10)) } catch (e) { return [e.code, e.errno, e.message].join() }`, "Z_BUF_ERROR,-5,unexpected end of file"},
	{"crc32", `return require('zlib').crc32('hello')`, "907060870"},
	{"input types", `const z = require('zlib'); return z.gunzipSync(z.gzipSync(new Uint8Array([104, 105]).buffer)).toString()`, "hi"},
	{"constants", `const z = require('zlib'); return z.constants.Z_SYNC_FLUSH + ' ' + z.Z_BEST_COMPRESSION + ' ' + z.codes.Z_DATA_ERROR`, "2 9 -3"},
}

var zlibAsyncTests = []jsTest{
	{"callback", `const z = require('zlib'); z.gzip('async data', (err, c) => z.gunzip(c, (err2, d) => done(err + ' ' + err2 + ' ' + d)))`, "null null async data"},
	{"promisify", `const z = require('zlib'); const { promisify } = require('util'); const c = await promisify(z.deflate)('p'); done((await promisify(z.inflate)(c)).toString())`, "p"},
	{"callback error", `require('zlib').inflate(Buffer.from('xx'), (err) => done(err.code))`, "Z_DATA_ERROR"},
	{"stream gzip gunzip pipeline", `const z = require('zlib'); const { pipeline, Readable, Writable } = require('stream'); const parts = []; pipeline(Readable.from(['chunk1 ', 'chunk2 ', 'x'.repeat(100000)]), z.createGzip(), z.createGunzip(), new Writable({ write(c, e, cb) { parts.push(c); cb() } }), (err) => { const s = Buffer.concat(parts).toString(); done(err + ' ' + s.length + ' ' + s.slice(0, 13)) })`, "undefined 100014 chunk1 chunk2"},
	{"stream brotli", `const z = require('zlib'); const comp = z.createBrotliCompress(); const chunks = []; comp.on('data', (c) => chunks.push(c)); comp.on('end', () => done(z.brotliDecompressSync(Buffer.concat(chunks)).toString())); comp.write('br'); comp.end('otli')`, "brotli"},
	{"stream inflate corrupt", `const z = require('zlib'); const s = z.createInflate(); s.on('error', (e) => done(e.code)); s.end(Buffer.from('definitely not zlib'))`, "Z_DATA_ERROR"},
	{"stream flush", `const z = require('zlib'); const g = z.createDeflate(); const chunks = []; g.on('data', (c) => chunks.push(c)); g.write('part'); g.flush(() => { const inf = z.createInflate(); inf.on('data', (c) => done(String(c))); inf.write(Buffer.concat(chunks)) })`, "part"},
	{"unzip stream", `const z = require('zlib'); const u = z.createUnzip(); let s = ''; u.on('data', (c) => s += c); u.on('end', () => done(s)); u.end(z.gzipSync('unzipped'))`, "unzipped"},
}

func TestZlib(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, zlibTests)
	runAsyncTable(t, iso, zlibAsyncTests)
}
