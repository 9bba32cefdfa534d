// Package node implements the Node.js built-in modules and globals that
// Node-runtime API routes use: Buffer, process, path, url, querystring,
// util, events, stream, string_decoder, assert, os, zlib, crypto, fs and
// fs/promises, timers, async_hooks, http's tables, module.createRequire and
// the smaller modules listed in [Builtins].
//
// Reference: the Node.js 20 API documentation,
// https://nodejs.org/docs/latest-v20.x/api/ (behaviour, error codes and
// message texts are Node's). Node's source was read for behaviour only;
// nothing is copied from it. The behaviour tables in the tests were checked
// against a real Node.js 20 (TestCrossCheckWithNode).
//
// # How modules are built
//
// Bundles of Node routes keep `require("fs")` calls for built-ins; the
// server's require calls [Require], which builds each module once per
// isolate on first use and caches it. A module is built in Go where the
// work is byte-, syscall- or crypto-heavy (encodings, fs, os, zlib, hashes,
// keys, ciphers), and from an embedded JavaScript file (js/*.js) where it
// mostly calls back into user code (EventEmitter, streams, assert,
// util.inspect's option handling): each file runs as a CommonJS module
// with a Go "binding" object holding its natives. The files are compiled
// once per process and the *goja.Program is shared by every isolate.
//
// goja_nodejs's require registry is not used: it resolves files from disk
// and installs a global require, while edgerun's bundles only need a
// built-in table behind the bundle wrapper's require. Its buffer, url,
// process and eventloop modules are not faithful enough (see
// ../shared/notes/goja-esbuild.md §2).
//
// # Sandboxing
//
// fs is rooted: by default only the project directory ([Options.Dir]) and
// os.TempDir() are reachable, checked lexically and again after following
// symlinks. Anything else fails with EACCES and a message naming
// [Options.FSRoots]. Modules Node has but edgerun cannot offer
// (child_process, worker_threads, net sockets, tls, dns, http2, dgram,
// cluster, readline, repl, inspector, ...) load, and every function on them
// throws `Error: edgerun: node:<name>.<fn> is not supported` (code
// ERR_NOT_SUPPORTED), so feature detection at import time keeps working.
//
// # Known differences from Node.js
//
//   - process.nextTick callbacks run as one promise job: in order, before
//     timers and I/O, but after promise reactions that were queued before
//     the first tick (goja has a single job queue).
//   - process.exit, chdir, kill, setuid and friends throw: a route cannot
//     stop or reconfigure the server. process.env is Options.Env, never the
//     host environment implicitly.
//   - util.inspect renders through webapi/console (what console.log prints);
//     colors, getters, showProxy, numericSeparator and custom stylize fall
//     back to the JS renderer in js/inspect.js. Map/Set iterators print
//     <items unknown>.
//   - http/https offer STATUS_CODES, METHODS, header validation and an
//     inert Agent; request, get and createServer are not supported (routes
//     get req/res from Next's API resolver and use fetch).
//   - crypto: encrypted private keys, rsa-pss/dsa/dh/x448/ed448 key types,
//     ECDH/DiffieHellman objects, X509Certificate and KeyObject<->CryptoKey
//     conversion are not supported; webcrypto/subtle are the WebCrypto
//     globals installed by webapi/crypto.
//   - zlib: params() is not supported; Brotli comes from
//     github.com/andybalholm/brotli. Decompression streams run on their own
//     goroutine and emit output as each written chunk is consumed.
//   - async_hooks: AsyncLocalStorage and AsyncResource follow goja's
//     AsyncContextTracker plus edgerun's timers, nextTick and fs
//     callbacks; createHook is not supported.
//   - vm: only the route's own realm (runInThisContext, Script,
//     compileFunction); new contexts are not supported.
//   - path.win32 functions are not supported; fs.watch/watchFile, statfs
//     and the chown family are not supported; fs.opendir reads the listing
//     when the directory is opened.
//
// # Ordering
//
// [Install] defines Node's setTimeout/setInterval (returning Timeout
// objects) as globals; call it after webapi/timers.Install so Node routes
// get Node's flavour.
package node
