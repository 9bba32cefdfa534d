package node

import (
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

var requireTests = []jsTest{
	{"node prefix same object", `return (require('node:fs') === require('fs')) + ' ' + (require('fs/promises') === require('fs').promises)`, "true true"},
	{"unknown module", `try { require('left-pad') } catch (e) { return e.code + ': ' + e.message }`, "MODULE_NOT_FOUND: Cannot find module 'left-pad'"},
	{"unknown node: module", `try { require('node:nope') } catch (e) { return e.code + ': ' + e.message }`, "ERR_UNKNOWN_BUILTIN_MODULE: No such built-in module: node:nope"},
	{"internal modules hidden", `try { require('internal/errors') } catch (e) { return e.code }`, "MODULE_NOT_FOUND"},
	{"unsupported module loads, functions throw", `const cp = require('child_process'); try { cp.spawn('ls') } catch (e) { return typeof cp.exec + ' ' + e.code + ' ' + e.message }`, "function ERR_NOT_SUPPORTED edgerun: node:child_process.spawn is not supported"},
	{"unsupported constructor", `const { Worker, isMainThread } = require('worker_threads'); try { new Worker('x.js') } catch (e) { return isMainThread + ' ' + e.message }`, "true edgerun: node:worker_threads.Worker is not supported"},
	{"net isIP", `const net = require('net'); return [net.isIP('1.2.3.4'), net.isIP('::1'), net.isIP('fe80::1%eth0'), net.isIP('01.2.3.4'), net.isIP('x'), net.isIPv4('256.1.1.1'), net.isIPv6('::')].join()`, "4,6,6,0,0,false,true"},
	{"http tables", `const http = require('http'); return http.STATUS_CODES[418] + ' ' + http.METHODS.length + ' ' + http.METHODS[0] + ' ' + (new http.Agent({ keepAlive: true }).keepAlive) + ' ' + require('https').globalAgent.defaultPort`, "I'm a Teapot 35 ACL true 443"},
	{"http request unsupported", `try { require('https').request('https://x') } catch (e) { return e.message }`, "edgerun: node:https.request is not supported"},
	{"validateHeaderName", `try { require('http').validateHeaderName('bad header') } catch (e) { return e.code }`, "ERR_INVALID_HTTP_TOKEN"},
	{"module.createRequire", `const { createRequire, builtinModules, isBuiltin } = require('module'); const r = createRequire('/app/x.js'); let msg; try { r('pkg') } catch (e) { msg = e.message } return (r('path') === require('path')) + ' ' + builtinModules.includes('fs') + ' ' + isBuiltin('node:path') + ' ' + isBuiltin('pkg') + ' ' + JSON.stringify(msg)`, `true true true false "Cannot find module 'pkg'\nRequire stack:\n- /app/x.js"`},
	{"diagnostics_channel", `const dc = require('diagnostics_channel'); const ch = dc.channel('x'); const got = []; const fn = (m, n) => got.push(n + ':' + m.v); const before = ch.hasSubscribers; ch.subscribe(fn); ch.publish({ v: 1 }); dc.unsubscribe('x', fn); ch.publish({ v: 2 }); return before + ' ' + got.join()`, "false x:1"},
	{"punycode", `const p = require('punycode'); return [p.toASCII('mañana.com'), p.encode('ü'), p.toUnicode('xn--maana-pta.com'), p.decode('tda')].join()`, "xn--maana-pta.com,tda,mañana.com,ü"},
	{"vm runInThisContext", `const vm = require('vm'); return vm.runInThisContext('1 + 2') + ' ' + new vm.Script('"s"').runInThisContext() + ' ' + vm.compileFunction('return a * 2', ['a'])(21)`, "3 s 42"},
	{"v8 heap stats", `return typeof require('v8').getHeapStatistics().used_heap_size`, "number"},
	{"tty", `return require('tty').isatty(1)`, "false"},
	{"constants", `const c = require('constants'); return [c.ENOENT > 0, c.O_RDONLY, c.RSA_PKCS1_PADDING].join()`, "true,0,1"},
	{"legacy stream aliases", `return (require('_stream_readable') === require('stream').Readable) + ''`, "true"},
	{"perf_hooks", `const { performance } = require('perf_hooks'); return typeof performance.now()`, "number"},
	{"dns unsupported", `try { require('dns').lookup('x', () => {}) } catch (e) { return e.message }`, "edgerun: node:dns.lookup is not supported"},
	{"sys alias", `return require('sys') === require('util')`, "true"},
}

func TestRequire(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	runTable(t, iso, requireTests)
}

func TestBuiltinsAndIsBuiltin(t *testing.T) {
	for _, id := range []string{"fs", "node:fs", "fs/promises", "stream/web", "worker_threads", "_stream_readable", "node:test" + "x"} {
		want := id != "node:testx"
		if got := IsBuiltin(id); got != want {
			t.Errorf("IsBuiltin(%q) = %v", id, got)
		}
	}
	if IsBuiltin("internal/errors") {
		t.Error("internal module reported as built-in")
	}
	// Node 20's module.builtinModules (minus node:-only ids).
	node20 := strings.Fields(`_http_agent _http_client _http_common _http_incoming _http_outgoing _http_server _stream_duplex
		_stream_passthrough _stream_readable _stream_transform _stream_wrap _stream_writable _tls_common _tls_wrap assert
		assert/strict async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns
		dns/promises domain events fs fs/promises http http2 https inspector inspector/promises module net os path
		path/posix path/win32 perf_hooks process punycode querystring readline readline/promises repl stream
		stream/consumers stream/promises stream/web string_decoder sys timers timers/promises tls trace_events tty url
		util util/types v8 vm wasi worker_threads zlib`)
	if strings.Join(Builtins, " ") != strings.Join(node20, " ") {
		t.Errorf("Builtins differ from Node 20's builtinModules:\n got %v\nwant %v", Builtins, node20)
	}
}

func TestRequireErrors(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	err := iso.Do(func() error {
		_, err := Require(iso, "nope")
		var mnf *ModuleNotFoundError
		if !errors.As(err, &mnf) || err.Error() != "Cannot find module 'nope'" {
			t.Errorf("Require(nope) = %v", err)
		}
		_, err = RequireEdge(iso, "fs")
		var nmf *NativeModuleNotFoundError
		if !errors.As(err, &nmf) || err.Error() != "Native module not found: fs" {
			t.Errorf("RequireEdge(fs) = %v", err)
		}
		_, err = RequireEdge(iso, "buffer")
		if err == nil {
			t.Error("RequireEdge accepted an id without the node: prefix, unlike Next.js")
		}
		v, err := RequireEdge(iso, "node:events")
		if err != nil {
			t.Fatal(err)
		}
		keys := v.(*goja.Object).Keys()
		if strings.Join(keys, ",") != "EventEmitter,captureRejectionSymbol,defaultMaxListeners,errorMonitor,listenerCount,on,once" {
			t.Errorf("edge events exports = %v", keys)
		}
		v2, _ := RequireEdge(iso, "node:events")
		if v2 != v {
			t.Error("RequireEdge does not cache")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRequireEdgeThrowsTypeError checks the JS view of RequireEdge's
// error through ThrowRequireError.
func TestRequireEdgeThrowsTypeError(t *testing.T) {
	iso := newTestIsolate(t, Options{})
	got := ""
	_ = iso.Do(func() error {
		vm := iso.VM()
		_ = vm.Set("edgeRequire", func(call goja.FunctionCall) goja.Value {
			v, err := RequireEdge(iso, call.Argument(0).String())
			if err != nil {
				ThrowRequireError(vm, err)
			}
			return v
		})
		v, err := vm.RunString(`try { edgeRequire('node:fs') } catch (e) { e.name + ': ' + e.message }`)
		if err != nil {
			return err
		}
		got = v.String()
		return nil
	})
	if got != "TypeError: Native module not found: node:fs" {
		t.Fatalf("got %q", got)
	}
}
