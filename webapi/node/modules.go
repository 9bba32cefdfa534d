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

		"buffer":           {js: "buffer.js", binding: bufferBinding},
		"events":           {js: "events.js"},
		"util":             {js: "util.js", binding: utilBinding},
		"util/types":       {alias: "util", aliasProp: "types"},
		"sys":              {alias: "util"},
		"process":          {js: "process.js", binding: processBinding},
		"timers":           {js: "timers.js", binding: timersBinding},
		"timers/promises":  {js: "timers_promises.js"},
		"async_hooks":      {js: "async_hooks.js"},
		"path":             {js: "path.js"},
		"path/posix":       {alias: "path", aliasProp: "posix"},
		"path/win32":       {alias: "path", aliasProp: "win32"},
		"querystring":      {js: "querystring.js"},
		"url":              {js: "url.js", binding: urlBinding},
		"string_decoder":   {js: "string_decoder.js"},
		"os":               {native: osModule},
		"assert":           {js: "assert.js"},
		"assert/strict":    {alias: "assert", aliasProp: "strict"},
		"crypto":           {js: "crypto.js", binding: cryptoBinding},
		"fs":               {js: "fs.js", binding: fsBinding},
		"fs/promises":      {alias: "fs", aliasProp: "promises"},
		"stream":           {js: "stream.js"},
		"zlib":             {js: "zlib.js", binding: zlibBinding},
		"stream/promises":  {js: "stream_promises.js"},
		"stream/consumers": {js: "stream_consumers.js"},
		"stream/web":       {js: "stream_web.js"},
	}
	Builtins = publicBuiltins()
}
