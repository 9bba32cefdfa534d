package bundler

import (
	"regexp"
	"sort"
	"strings"
)

// nodeBuiltins is Node's require('module').builtinModules (Node 22),
// subpaths included. Anything with the `node:` scheme is a built-in too
// (node:test, node:sqlite, node:sea exist only with the prefix).
var nodeBuiltins = []string{
	"_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
	"_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
	"_stream_writable", "_tls_common", "_tls_wrap",
	"assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
	"crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises",
	"http", "http2", "https", "inspector", "inspector/promises", "module", "net", "os", "path", "path/posix",
	"path/win32", "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl",
	"stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
	"timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
	"worker_threads", "zlib",
}

// edgeNodeModules are the built-ins Next's edge runtime provides
// (SUPPORTED_NATIVE_MODULES in Next's middleware plugin; the edge sandbox's
// require() serves them as node:buffer, node:events, ...).
var edgeNodeModules = map[string]bool{
	"buffer": true, "events": true, "assert": true, "util": true, "async_hooks": true,
}

var nodeBuiltinSet = func() map[string]bool {
	m := make(map[string]bool, len(nodeBuiltins))
	for _, b := range nodeBuiltins {
		m[b] = true
	}
	return m
}()

// builtinFilter matches every built-in specifier, for the plugin's
// OnResolve (esbuild filters are Go regexps).
var builtinFilter = func() string {
	names := append([]string(nil), nodeBuiltins...)
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	for i, n := range names {
		names[i] = regexp.QuoteMeta(n)
	}
	return `^(node:.+|` + strings.Join(names, "|") + `)$`
}()

// IsNodeBuiltin reports whether an import specifier names a Node built-in
// ("fs", "fs/promises", "node:fs", "node:test").
func IsNodeBuiltin(spec string) bool {
	if strings.HasPrefix(spec, "node:") {
		return len(spec) > len("node:")
	}
	return nodeBuiltinSet[spec]
}
