// Package node implements the Node.js built-in modules and globals that
// Node-runtime API routes use: Buffer, process, path, url, querystring,
// util, events, stream, string_decoder, assert, os, zlib, crypto, fs and
// fs/promises, timers, async_hooks, http's tables and module.createRequire.
//
// Reference: the Node.js 20 API documentation, https://nodejs.org/docs/latest-v20.x/api/
// (behaviour, error codes and message texts are Node's). Node's own source
// was read for behaviour only; nothing is copied from it.
//
// # How modules are built
//
// Bundles of Node routes keep `require("fs")` calls for built-ins; the
// server's require calls [Require], which builds each module once per
// isolate on first use and caches it. A module is built either in Go
// (where that is faster or simpler: os, crypto primitives, fs syscalls,
// zlib, encodings) or from an embedded JavaScript file (js/*.js) that gets
// a Go "binding" object with its natives — EventEmitter, streams, assert
// and util.inspect are simpler and faster as JS, because they call back
// into user code constantly. The JS files are compiled once per process
// and the *goja.Program is shared by every isolate.
//
// goja_nodejs's require registry is not used: it resolves files from disk
// and installs a global require, while edgerun's bundles only need a
// built-in table behind the bundle wrapper's require; its buffer, url,
// process and eventloop modules are not faithful enough (see
// ../shared/notes/goja-esbuild.md §2).
//
// # Sandboxing
//
// fs is rooted: by default only the project directory ([Options.Dir]) and
// os.TempDir() are reachable; anything else fails with EACCES and a message
// naming [Options.FSRoots]. Modules Node has but edgerun cannot offer
// (child_process, worker_threads, net, tls, dns, http2, ...) load, and every
// function on them throws `Error: edgerun: node:<name>.<fn> is not
// supported`, so feature detection at import time keeps working.
//
// # Ordering
//
// [Install] defines Node's setTimeout/setInterval (returning Timeout
// objects) as globals; call it after webapi/timers.Install so Node routes
// get Node's flavour.
package node
