// Package wpt runs the Web Platform Tests against edgerun's edge isolates;
// it is what `edgerun wpt` calls.
//
// A run is one test file with one variant. Each run gets a fresh
// [runtime.Isolate] whose global object looks like a
// DedicatedWorkerGlobalScope (self, location, importScripts, postMessage,
// the error and unhandledrejection events), so the real
// resources/testharness.js from the WPT checkout picks its worker test
// environment, exactly as when a browser loads `<test>.any.worker.html`.
// Scripts are classic scripts compiled with goja.Compile and run in order in
// that one global scope; testharness.js, idlharness.js and the other shared
// files are compiled once and the *goja.Program is shared by every isolate.
//
// # The document shim
//
// A few `.window.js` tests (see windowTests: url/toascii.window.js,
// url/IdnaTestV2*.window.js, url/url-setters-a-area.window.js) are run too,
// in the same worker scope, because they are data-driven and use their page
// only through document.createElement("a") and ("area"). For those runs
// alone the runner declares a global `document`: a test-environment shim,
// not an edgerun Web API, never installed in edge routes. Its
// createElement returns, for "a" and "area" (ASCII case-insensitive),
// elements implementing HTML's HTMLHyperlinkElementUtils (href with a null
// url when the attribute is absent or does not parse, origin, protocol,
// username, password, host, hostname, port, pathname, search, hash;
// "reinitialize url" and "update href") over webapi/url's records, resolved
// against the page's URL (location with .window.js → .window.html); any other
// name throws "edgerun WPT runner: document.createElement(...) is not
// supported". `document` is a global lexical binding rather than a property
// of the global object, so `'document' in self` stays false and
// testharness.js keeps its worker environment. See document.go.
//
// Same-origin fetches go to an in-process static file server over the WPT
// checkout (read-only), reached through an http.RoundTripper that maps the
// WPT hosts (web-platform.test and its subdomains, ports 8000/8443...) to it.
// The server applies `.headers` files and the configuration-only `.sub.`
// substitutions ({{host}}, {{ports[http][0]}}...). Anything that needs the
// Python wptserve (`.py` handlers, `?pipe=`, request-dependent
// substitutions, `.h2.` tests) makes the run SKIP with that reason.
//
// Whatever a test does is a result for its run, never a failure of the
// runner: a run that does not finish within its timeout (10 s, 60 s for
// `// META: timeout=long`, times Options.TimeoutScale) is first asked to time
// out through testharness's timeout(), then killed; a busy loop is stopped by
// the isolate's CPU deadline; a run that makes the heap exceed
// Options.MemoryLimit is interrupted and reported CRASH (runs that were
// interrupted only because they shared the process with the culprit are run
// again, alone).
//
// Expected failures live in one JSON file per area (see [Expectations]); a
// run exits non-zero on an unexpected failure or an unexpected pass.
//
// # Running it
//
// Get the WPT snapshot edgerun is measured against (felipeerias/wpt at
// ec70c4d2) outside the repository, then from the repository root:
//
//	edgerun wpt --root ../wpt                      # every supported area, checked against expectations/
//	edgerun wpt --root ../wpt -v url fetch/api     # some areas, one line per run
//	edgerun wpt --root ../wpt --update             # accept the current results (keeps existing reasons)
//	edgerun wpt --root ../wpt --report wpt.json    # the full JSON report
//	EDGERUN_WPT_ROOT=../wpt go test ./conformance/wpt -run TestWPTExpectations
//
// The runner's own tests use the small tree under testdata/, with a harness
// written for edgerun that has testharness.js's callback API.
package wpt
