package node

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fsTests(dir, outside string) []jsTest {
	return []jsTest{
		{"write and read sync", `const fs = require('fs'); fs.writeFileSync('a.txt', 'héllo'); return fs.readFileSync('a.txt', 'utf8') + ' ' + fs.readFileSync('a.txt').length + ' ' + Buffer.isBuffer(fs.readFileSync('a.txt'))`, "héllo 6 true"},
		{"relative to project dir", `return require('fs').readFileSync(process.cwd() + '/a.txt', { encoding: 'utf8' })`, "héllo"},
		{"append", `const fs = require('fs'); fs.appendFileSync('a.txt', '!'); return fs.readFileSync('a.txt', 'latin1').length`, "7"},
		{"stat", `const s = require('fs').statSync('a.txt'); return [s.isFile(), s.isDirectory(), s.size, s.mtime instanceof Date, s.mtimeMs > 0, typeof s.mode].join()`, "true,false,7,true,true,number"},
		{"enoent shape", `try { require('fs').readFileSync('/nope/x.txt'.replace('/nope', process.cwd() + '/nope')) } catch (e) { return [e.code, e.errno, e.syscall, e.message.replace(process.cwd(), '<dir>'), e instanceof Error, e.path.replace(process.cwd(), '<dir>')].join('|') }`, "ENOENT|-2|open|ENOENT: no such file or directory, open '<dir>/nope/x.txt'|true|<dir>/nope/x.txt"},
		{"sandbox denies outside", `try { require('fs').readFileSync(` + jsString(outside) + `) } catch (e) { return [e.code, e.errno, e.syscall, e.message.startsWith("EACCES: permission denied, open '` + outside + `'"), e.message.includes('FSRoots')].join('|') }`, "EACCES|-13|open|true|true"},
		{"sandbox relative escape", `try { require('fs').readFileSync('../../../../etc/hostname') } catch (e) { return e.code }`, "EACCES"},
		{"existsSync outside is false", `return require('fs').existsSync(` + jsString(outside) + `) + ' ' + require('fs').existsSync('a.txt') + ' ' + require('fs').existsSync('zzz')`, "false true false"},
		{"tmpdir allowed", `const fs = require('fs'); const os = require('os'); const d = fs.mkdtempSync(require('path').join(os.tmpdir(), 'edgerun-')); fs.writeFileSync(d + '/t', 'x'); const r = fs.readFileSync(d + '/t', 'utf8'); fs.rmSync(d, { recursive: true }); return r + fs.existsSync(d)`, "xfalse"},
		{"mkdir recursive and readdir", `const fs = require('fs'); const first = fs.mkdirSync('d1/d2/d3', { recursive: true }); fs.writeFileSync('d1/f.txt', ''); const names = fs.readdirSync('d1'); const ents = fs.readdirSync('d1', { withFileTypes: true }).map((d) => d.name + ':' + d.isDirectory()); return first.endsWith('/d1') + ' ' + names.join() + ' ' + ents.join()`, "true d2,f.txt d2:true,f.txt:false"},
		{"readdir recursive", `return require('fs').readdirSync('d1', { recursive: true }).sort().join()`, "d2,d2/d3,f.txt"},
		{"mkdir exists", `try { require('fs').mkdirSync('d1') } catch (e) { return e.code + ' ' + e.syscall }`, "EEXIST mkdir"},
		{"rename copy unlink", `const fs = require('fs'); fs.writeFileSync('r1', 'data'); fs.renameSync('r1', 'r2'); fs.copyFileSync('r2', 'r3'); fs.unlinkSync('r2'); return fs.existsSync('r1') + ' ' + fs.existsSync('r2') + ' ' + fs.readFileSync('r3', 'utf8')`, "false false data"},
		{"copyFile excl", `const fs = require('fs'); try { fs.copyFileSync('r3', 'a.txt', fs.constants.COPYFILE_EXCL) } catch (e) { return e.code + ' ' + e.message.includes("copyfile 'r3' -> 'a.txt'") }`, "EEXIST true"},
		{"rm directory without recursive", `try { require('fs').rmSync('d1') } catch (e) { return e.code }`, "EISDIR"},
		{"rm force missing", `require('fs').rmSync('missing', { force: true }); return 'ok'`, "ok"},
		{"rmdir non-empty", `try { require('fs').rmdirSync('d1') } catch (e) { return e.code }`, "ENOTEMPTY"},
		{"open read write close", `const fs = require('fs'); const fd = fs.openSync('fd.txt', 'w+'); fs.writeSync(fd, 'abcdef'); const buf = Buffer.alloc(3); const n = fs.readSync(fd, buf, 0, 3, 2); fs.closeSync(fd); return n + buf.toString()`, "3cde"},
		{"bad fd", `try { require('fs').closeSync(99) } catch (e) { return e.code }`, "EBADF"},
		{"access", `const fs = require('fs'); fs.accessSync('a.txt', fs.constants.R_OK); try { fs.accessSync('nope') } catch (e) { return e.code + ' ' + e.syscall }`, "ENOENT access"},
		{"realpath", `return require('fs').realpathSync('d1/../a.txt').endsWith('/a.txt')`, "true"},
		{"symlink escape denied", `const fs = require('fs'); fs.symlinkSync(` + jsString(filepath.Dir(outside)) + `, 'link'); try { fs.readFileSync('link/` + filepath.Base(outside) + `') } catch (e) { return e.code }`, "EACCES"},
		{"path types", `const fs = require('fs'); return fs.readFileSync(Buffer.from('a.txt'), 'utf8').length + ' ' + fs.readFileSync(new URL('file://' + process.cwd() + '/a.txt'), 'utf8').length`, "6 6"},
		{"invalid path type", `try { require('fs').readFileSync(5 > 4 ? {} : 1) } catch (e) { return e.code }`, "ERR_INVALID_ARG_TYPE"},
		{"writeSync stdout fd", `return require('fs').writeSync(1, 'hi')`, "2"},
	}
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }

var fsAsyncTests = []jsTest{
	{"callback readFile", `require('fs').readFile('a.txt', 'utf8', (err, data) => done(err + ' ' + data))`, "null héllo!"},
	{"callback error", `require('fs').readFile('zzz', (err) => done(err.code + ' ' + err.syscall))`, "ENOENT open"},
	{"promises", `const fsp = require('fs/promises'); await fsp.writeFile('p.txt', 'promised'); const s = await fsp.stat('p.txt'); const t = await fsp.readFile('p.txt', 'utf8'); await fsp.unlink('p.txt'); done(s.size + ' ' + t + ' ' + (require('fs').promises === fsp))`, "8 promised true"},
	{"promises reject", `try { await require('fs').promises.readFile('nope') } catch (e) { done(e.code + ' ' + (e instanceof Error)) }`, "ENOENT true"},
	{"filehandle", `const fh = await require('fs/promises').open('fh.txt', 'w+'); await fh.write('12345'); const { bytesRead, buffer } = await fh.read(Buffer.alloc(2), 0, 2, 1); const st = await fh.stat(); await fh.close(); done(bytesRead + buffer.toString() + st.size)`, "2235"},
	{"read stream", `const fs = require('fs'); fs.writeFileSync('big.bin', Buffer.alloc(200000, 7)); const chunks = []; fs.createReadStream('big.bin', { highWaterMark: 65536 }).on('data', (c) => chunks.push(c.length)).on('close', () => done(chunks.join()))`, "65536,65536,65536,3392"},
	{"read stream range", `const fs = require('fs'); let s = ''; fs.createReadStream('a.txt', { start: 1, end: 3, encoding: 'latin1' }).on('data', (c) => s += c).on('end', () => done(s))`, "\u00c3\u00a9l"},
	{"read stream enoent", `require('fs').createReadStream('nope').on('error', (e) => done(e.code))`, "ENOENT"},
	{"write stream", `const fs = require('fs'); const ws = fs.createWriteStream('ws.txt'); ws.on('open', (fd) => {}); ws.write('a'); ws.write(Buffer.from('b')); ws.end('c', () => done(fs.readFileSync('ws.txt', 'utf8') + ws.bytesWritten))`, "abc3"},
	{"pipe file to file", `const fs = require('fs'); const { pipeline } = require('stream'); pipeline(fs.createReadStream('big.bin'), fs.createWriteStream('big2.bin'), (err) => done(err + ' ' + fs.statSync('big2.bin').size))`, "undefined 200000"},
	{"exists callback", `require('fs').exists('a.txt', (ok) => done(String(ok)))`, "true"},
	{"sandbox async", `require('fs').readFile('/etc/passwd', (err) => done(err.code))`, "EACCES"},
	{"promisify exists", `done(String(await require('util').promisify(require('fs').exists)('a.txt')))`, "true"},
	{"cp recursive and opendir", `const fs = require('fs'); fs.mkdirSync('cpsrc/sub', { recursive: true }); fs.writeFileSync('cpsrc/sub/f.txt', 'copied'); await fs.promises.cp('cpsrc', 'cpdst', { recursive: true }); const dir = await fs.promises.opendir('cpdst/sub'); const names = []; for (let d = await dir.read(); d; d = await dir.read()) names.push(d.name + ':' + d.isFile()); done(fs.readFileSync('cpdst/sub/f.txt', 'utf8') + ' ' + names.join())`, "copied f.txt:true"},
	{"cp directory needs recursive", `try { require('fs').cpSync('cpsrc', 'cpdst2') } catch (e) { done(e.code) }`, "ERR_FS_EISDIR"},
	{"mkdir promise recursive", `const r = await require('fs/promises').mkdir('m1/m2', { recursive: true }); done(r.endsWith('m1'))`, "true"},
}

func TestFS(t *testing.T) {
	dir := t.TempDir()
	// The "outside" file must not be under the temp dir (an allowed root),
	// so the test narrows the roots to the project directory.
	outsideDir := t.TempDir()
	outside := filepath.Join(outsideDir, "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	roots := []string{dir, filepath.Join(os.TempDir(), "edgerun-fs-test-scratch")}
	_ = os.MkdirAll(roots[1], 0o755)
	t.Cleanup(func() { os.RemoveAll(roots[1]) })
	iso := newTestIsolate(t, Options{Dir: dir, FSRoots: roots})
	tests := fsTests(dir, outside)
	// tmpdir test needs the real tmpdir allowed: run it in a default-roots isolate.
	runTable(t, iso, tests[:8])
	isoTmp := newTestIsolate(t, Options{Dir: dir})
	runTable(t, isoTmp, tests[8:9])
	runTable(t, iso, tests[9:])
	runAsyncTable(t, iso, fsAsyncTests)
}
