package node

// builtinTable is the module table: every id Node 20's require knows
// (module.builtinModules), plus internal helpers shared by the embedded
// modules.
//
// It is filled in init because the loaders refer back to the table.
var builtinTable map[string]builtin

func init() {
	builtinTable = map[string]builtin{
		"internal/errors":        {internal: true, js: "errors.js"},
		"internal/types":         {internal: true, js: "types.js", binding: utilBinding},
		"internal/inspect":       {internal: true, js: "inspect.js", binding: utilBinding},
		"internal/compare":       {internal: true, js: "compare.js"},
		"internal/async_context": {internal: true, js: "async_context.js", binding: asyncBinding},

		"internal/streams/state":            {internal: true, js: "streams_state.js"},
		"internal/streams/destroy":          {internal: true, js: "streams_destroy.js"},
		"internal/streams/legacy":           {internal: true, js: "streams_legacy.js"},
		"internal/streams/readable":         {internal: true, js: "streams_readable.js"},
		"internal/streams/writable":         {internal: true, js: "streams_writable.js"},
		"internal/streams/duplex":           {internal: true, js: "streams_duplex.js"},
		"internal/streams/from":             {internal: true, js: "streams_from.js"},
		"internal/streams/end-of-stream":    {internal: true, js: "streams_eos.js"},
		"internal/streams/pipeline":         {internal: true, js: "streams_pipeline.js"},
		"internal/streams/add-abort-signal": {internal: true, js: "streams_abort.js"},
		"internal/streams/web":              {internal: true, js: "streams_web.js"},
		"internal/streams/duplexify":        {internal: true, js: "streams_duplexify.js"},

		"buffer":          {js: "buffer.js", binding: bufferBinding},
		"events":          {js: "events.js"},
		"util":            {js: "util.js", binding: utilBinding},
		"util/types":      {alias: "util", aliasProp: "types"},
		"sys":             {alias: "util"},
		"process":         {js: "process.js", binding: processBinding},
		"timers":          {js: "timers.js", binding: timersBinding},
		"timers/promises": {js: "timers_promises.js"},
		"async_hooks":     {js: "async_hooks.js"},
		"path":            {js: "path.js"},
		"path/posix":      {alias: "path", aliasProp: "posix"},
		"path/win32":      {alias: "path", aliasProp: "win32"},
		"querystring":     {js: "querystring.js"},
		"url":             {js: "url.js", binding: urlBinding},
		"string_decoder":  {js: "string_decoder.js"},
		"os":              {native: osModule},
		"assert":          {js: "assert.js"},
		"assert/strict":   {alias: "assert", aliasProp: "strict"},
		"crypto":          {js: "crypto.js", binding: cryptoBinding},
		"fs":              {js: "fs.js", binding: fsBinding},
		"fs/promises":     {alias: "fs", aliasProp: "promises"},
		"stream":          {js: "stream.js"},
		"zlib":            {js: "zlib.js", binding: zlibBinding},

		"http":                {js: "http.js"},
		"https":               {js: "http.js"},
		"module":              {js: "module.js", binding: moduleBinding},
		"diagnostics_channel": {js: "diagnostics_channel.js"},
		"punycode":            {js: "punycode.js"},
		"vm":                  {js: "vm.js"},
		"constants":           {js: "constants.js"},
		"net":                 {native: netModule},
		"v8":                  {native: v8Module},
		"tty":                 {native: ttyModule},
		"worker_threads":      {native: workerThreadsModule},
		"cluster":             {native: clusterModule},
		"perf_hooks":          {native: perfHooksModule},
		"console":             {native: consoleModule},

		"_stream_readable":    {alias: "stream", aliasProp: "Readable"},
		"_stream_writable":    {alias: "stream", aliasProp: "Writable"},
		"_stream_duplex":      {alias: "stream", aliasProp: "Duplex"},
		"_stream_transform":   {alias: "stream", aliasProp: "Transform"},
		"_stream_passthrough": {alias: "stream", aliasProp: "PassThrough"},
		"_stream_wrap":        {unsupported: []string{"StreamWrap"}},
		"_http_agent":         {alias: "http"},
		"_http_client":        {alias: "http"},
		"_http_common":        {alias: "http"},
		"_http_incoming":      {alias: "http"},
		"_http_outgoing":      {alias: "http"},
		"_http_server":        {alias: "http"},
		"_tls_common":         {unsupported: []string{"SecureContext", "createSecureContext", "translatePeerCertificate"}},
		"_tls_wrap":           {unsupported: []string{"TLSSocket", "Server", "createServer", "connect"}},

		"child_process":      {unsupported: []string{"ChildProcess", "exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"}},
		"dgram":              {unsupported: []string{"createSocket", "Socket"}},
		"dns":                {unsupported: dnsFunctions},
		"dns/promises":       {unsupported: dnsFunctions},
		"domain":             {unsupported: []string{"create", "createDomain", "Domain"}},
		"http2":              {unsupported: []string{"connect", "createServer", "createSecureServer", "getDefaultSettings", "getPackedSettings", "getUnpackedSettings", "performServerHandshake", "Http2ServerRequest", "Http2ServerResponse"}},
		"inspector":          {unsupported: []string{"open", "close", "url", "waitForDebugger", "Session"}},
		"inspector/promises": {unsupported: []string{"open", "close", "url", "waitForDebugger", "Session"}},
		"readline":           {unsupported: []string{"Interface", "clearLine", "clearScreenDown", "createInterface", "cursorTo", "emitKeypressEvents", "moveCursor"}},
		"readline/promises":  {unsupported: []string{"Interface", "Readline", "createInterface"}},
		"repl":               {unsupported: []string{"start", "REPLServer", "Recoverable"}},
		"tls":                {unsupported: []string{"checkServerIdentity", "connect", "createSecureContext", "createSecurePair", "createServer", "getCiphers", "convertALPNProtocols", "SecureContext", "Server", "TLSSocket"}},
		"trace_events":       {unsupported: []string{"createTracing", "getEnabledCategories"}},
		"wasi":               {unsupported: []string{"WASI"}},
		"stream/promises":    {js: "stream_promises.js"},
		"stream/consumers":   {js: "stream_consumers.js"},
		"stream/web":         {js: "stream_web.js"},
	}
	Builtins = publicBuiltins()
}

var dnsFunctions = []string{"lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa",
	"resolveCname", "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTxt",
	"reverse", "getServers", "setServers", "getDefaultResultOrder", "setDefaultResultOrder", "Resolver"}
